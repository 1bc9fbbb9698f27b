"""The default audit template, and the default themes for learning, so that every Kinfolk has
a template to audit with from its first ``migrate`` (the tests and the demo too); the head of
service changes it on the template pages (docs/audits.md)."""

from django.db import migrations

from kinfolk.audits.defaults import LEARNING_THEMES, create_default


def create(apps, schema_editor):
    create_default(
        apps.get_model("audits", "AuditTemplate"),
        apps.get_model("audits", "AuditTheme"),
        apps.get_model("audits", "AuditQuestion"),
        apps.get_model("audits", "LearningTheme"),
    )


def remove(apps, schema_editor):
    apps.get_model("audits", "AuditTemplate").objects.filter(name="Case file audit").delete()
    apps.get_model("audits", "LearningTheme").objects.filter(name__in=LEARNING_THEMES).delete()


class Migration(migrations.Migration):
    dependencies = [("audits", "0001_initial")]

    operations = [migrations.RunPython(create, remove)]
