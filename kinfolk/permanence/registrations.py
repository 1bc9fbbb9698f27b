"""What permanence adds to the shared registries (kinfolk.core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind


@EntryKind.register
class PermanenceEntryKind(models.TextChoices):
    """Chronology entries of adoption, special guardianship and other permanence decisions."""

    PERMANENCE = "permanence", _("Permanence")
