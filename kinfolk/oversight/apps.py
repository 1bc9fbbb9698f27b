from django.apps import AppConfig


class OversightConfig(AppConfig):
    name = "kinfolk.oversight"
    verbose_name = "Management oversight"
