from django.apps import AppConfig


class ParticipationConfig(AppConfig):
    name = "kinfolk.participation"
    verbose_name = "Voice and participation"
