from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "kinfolk.demo"
    label = "demo"
