"""What the front door adds to the shared registries (kinfolk.core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind


@EntryKind.register
class FrontDoorEntryKind(models.TextChoices):
    """Chronology entries of a contact and what the front door decided about it."""

    CONTACT = "contact", _("Contact")
    SCREENING = "screening", _("Screening decision")
    EARLY_HELP = "early_help", _("Early help")
