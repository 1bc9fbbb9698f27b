"""What child protection adds to the shared registries (kinfolk.core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.registrations import CASEWORK_PAGE
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import register_duty_pages


@EntryKind.register
class ProtectionEntryKind(models.TextChoices):
    """Chronology entries of the child protection pathway."""

    STRATEGY = "strategy", _("Strategy discussion")
    ENQUIRY = "enquiry", _("Section 47 enquiry")
    CONFERENCE = "conference", _("Child protection conference")
    CORE_GROUP = "core_group", _("Core group")


# Conferences, core groups and protection visits are recorded on the child's casework page,
# beside the child protection plan they belong to.
register_duty_pages(
    CASEWORK_PAGE,
    "icpc-15wd",
    "core-group-10wd",
    "cp-review-first-3m",
    "cp-review-6m",
    "cp-visit-10wd",
)
