"""The themes every Kinfolk starts with, so that a complaint can be recorded from the first
``migrate`` (the tests and the demo too); the complaints manager changes the list
(docs/complaints.md)."""

from django.db import migrations

from kinfolk.complaints.defaults import THEMES


def create(apps, schema_editor):
    theme = apps.get_model("complaints", "ComplaintTheme")
    for name in THEMES:
        theme.objects.get_or_create(name=name)


def remove(apps, schema_editor):
    apps.get_model("complaints", "ComplaintTheme").objects.filter(
        name__in=THEMES, complaints__isnull=True
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("complaints", "0001_add_complaints")]

    operations = [migrations.RunPython(create, remove)]
