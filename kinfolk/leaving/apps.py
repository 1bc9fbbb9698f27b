from django.apps import AppConfig


class LeavingConfig(AppConfig):
    name = "kinfolk.leaving"
    verbose_name = "Care leavers"
