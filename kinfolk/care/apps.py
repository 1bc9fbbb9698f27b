from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "kinfolk.care"
    label = "care"
