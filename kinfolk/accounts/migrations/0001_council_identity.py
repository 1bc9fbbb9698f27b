import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="CouncilIdentity",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("issuer", models.CharField(max_length=500, verbose_name="identity provider")),
                ("subject", models.CharField(max_length=255, verbose_name="subject")),
                (
                    "first_signed_in_at",
                    models.DateTimeField(auto_now_add=True, verbose_name="first signed in"),
                ),
                ("last_signed_in_at", models.DateTimeField(verbose_name="last signed in")),
                (
                    "user",
                    models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="council_identity",
                        to=settings.AUTH_USER_MODEL,
                    ),
                ),
            ],
            options={
                "verbose_name": "council account",
                "constraints": [
                    models.UniqueConstraint(
                        fields=("issuer", "subject"), name="accounts_one_user_per_council_account"
                    )
                ],
            },
        ),
    ]
