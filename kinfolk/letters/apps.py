from django.apps import AppConfig


class LettersConfig(AppConfig):
    name = "kinfolk.letters"
    label = "letters"
