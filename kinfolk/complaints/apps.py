from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "kinfolk.complaints"
    label = "complaints"
    verbose_name = "Complaints"
