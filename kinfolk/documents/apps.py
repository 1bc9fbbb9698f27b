from django.apps import AppConfig


class DocumentsConfig(AppConfig):
    name = "kinfolk.documents"
    label = "documents"
    verbose_name = "Documents"
