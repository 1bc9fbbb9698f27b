from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "kinfolk.casework"
    label = "casework"
