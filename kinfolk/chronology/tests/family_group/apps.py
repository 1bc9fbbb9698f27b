from django.apps import AppConfig


class FamilyGroupConfig(AppConfig):
    name = "kinfolk.chronology.tests.family_group"
    label = "family_group_test"
