from django.apps import AppConfig


class AuditsConfig(AppConfig):
    name = "kinfolk.audits"
    label = "audits"
    verbose_name = "Case file audits"
