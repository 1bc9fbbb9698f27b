from django.apps import AppConfig


class RecordsConfig(AppConfig):
    name = "kinfolk.records"
    verbose_name = "A child's whole record: the export and subject access disclosures"
