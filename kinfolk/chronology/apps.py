from django.apps import AppConfig


class ChronologyConfig(AppConfig):
    name = "kinfolk.chronology"
    label = "chronology"
