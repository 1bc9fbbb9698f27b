from django.apps import AppConfig


class ProtectionConfig(AppConfig):
    name = "kinfolk.protection"
    label = "protection"
