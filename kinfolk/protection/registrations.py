"""What child protection adds to the shared registries (kinfolk.core.registry)."""

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.meetings import meeting_label, register_meeting_kind
from kinfolk.casework.registrations import CASEWORK_PAGE
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import register_duty_pages
from kinfolk.documents.attachments import register_attachable
from kinfolk.protection.models import Conference, CoreGroupMeeting, StrategyDiscussion


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


def _conference_name(conference: Any) -> str:
    return str(conference.get_kind_display())


def _protection_url(meeting: Any) -> str:
    return reverse("casework:child-casework", args=[meeting.child_id])


# The meetings a case note may be about (kinfolk.casework.meetings), and that documents may
# be attached to (kinfolk.documents).
for _model, _key, _name in (
    (StrategyDiscussion, "strategy-discussion", None),
    (Conference, "conference", _conference_name),
    (CoreGroupMeeting, "core-group", None),
):
    register_meeting_kind(_model, date_field="held_on", name=_name)
    register_attachable(_model, key=_key, label=meeting_label, url=_protection_url)
