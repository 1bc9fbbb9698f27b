import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("care", "0003_life_story_work_version"),
        ("people", "0002_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="IROAllocation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("start_on", models.DateField(verbose_name="from")),
                ("end_on", models.DateField(blank=True, null=True, verbose_name="to")),
                (
                    "reason",
                    models.CharField(
                        choices=[
                            ("first", "First IRO for the child"),
                            ("iro_left", "The previous IRO left the service or the role"),
                            ("caseload", "To balance IROs' caseloads"),
                            ("child_asked", "The child or family asked for a change"),
                            ("conflict", "A conflict of interest"),
                            ("return_to_care", "The child came back into care"),
                            ("other", "Another reason"),
                        ],
                        max_length=20,
                        verbose_name="reason for the allocation",
                    ),
                ),
                ("note", models.CharField(blank=True, max_length=300, verbose_name="note")),
                (
                    "child",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="iro_allocations",
                        to="people.child",
                    ),
                ),
                (
                    "iro",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="iro_allocations",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="independent reviewing officer",
                    ),
                ),
                (
                    "recorded_by",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "IRO allocation",
                "ordering": ["-start_on", "-pk"],
                "indexes": [models.Index(fields=["iro", "end_on"], name="iro_allocation_iro_open")],
                "constraints": [
                    models.UniqueConstraint(
                        condition=models.Q(("end_on__isnull", True)),
                        fields=("child",),
                        name="iro_allocation_one_open_per_child",
                    ),
                    models.CheckConstraint(
                        condition=models.Q(
                            ("end_on__isnull", True),
                            ("end_on__gte", models.F("start_on")),
                            _connector="OR",
                        ),
                        name="iro_allocation_ends_after_start",
                    ),
                ],
            },
        ),
    ]
