"""What child protection adds to the shared registries (kinfolk.core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind


@EntryKind.register
class ProtectionEntryKind(models.TextChoices):
    """Chronology entries of the child protection pathway."""

    STRATEGY = "strategy", _("Strategy discussion")
    ENQUIRY = "enquiry", _("Section 47 enquiry")
    CONFERENCE = "conference", _("Child protection conference")
    CORE_GROUP = "core_group", _("Core group")
