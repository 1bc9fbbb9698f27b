"""What the workforce adds to the shared registries (kinfolk.core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind


@EntryKind.register
class WorkforceEntryKind(models.TextChoices):
    """Chronology entries about the workers allocated to the child."""

    ALLOCATION = "allocation", _("Allocation")
