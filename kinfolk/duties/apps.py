from django.apps import AppConfig


class DutiesConfig(AppConfig):
    name = "kinfolk.duties"
    label = "duties"
