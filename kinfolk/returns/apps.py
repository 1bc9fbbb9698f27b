from django.apps import AppConfig


class ReturnsConfig(AppConfig):
    name = "kinfolk.returns"
    verbose_name = "Statutory returns: CIN census, SSDA903 and Ofsted Annex A"
