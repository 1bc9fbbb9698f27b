from django.apps import AppConfig


class FrontdoorConfig(AppConfig):
    name = "kinfolk.frontdoor"
    label = "frontdoor"
