from django.apps import AppConfig


class RegistersConfig(AppConfig):
    name = "kinfolk.registers"
    verbose_name = "Registers: young carers, children not in school, homeless 16-17"
