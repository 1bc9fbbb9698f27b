from django.apps import AppConfig


class JourneysConfig(AppConfig):
    name = "kinfolk.journeys"
    label = "journeys"
