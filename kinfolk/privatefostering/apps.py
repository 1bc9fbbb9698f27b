from django.apps import AppConfig


class PrivateFosteringConfig(AppConfig):
    name = "kinfolk.privatefostering"
    verbose_name = "Private fostering"
