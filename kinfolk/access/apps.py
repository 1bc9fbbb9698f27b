from django.apps import AppConfig


class AccessConfig(AppConfig):
    name = "kinfolk.access"
    label = "access"
