from django.apps import AppConfig


class PermanenceConfig(AppConfig):
    name = "kinfolk.permanence"
    verbose_name = "Permanence: adoption, special guardianship and fostering"
