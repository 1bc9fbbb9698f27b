from django.apps import AppConfig


class WorkspacesConfig(AppConfig):
    name = "kinfolk.workspaces"
    verbose_name = "Workspaces: each role's landing page and menu"
