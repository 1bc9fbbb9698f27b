from django.apps import AppConfig


class WorkforceConfig(AppConfig):
    name = "kinfolk.workforce"
    label = "workforce"
