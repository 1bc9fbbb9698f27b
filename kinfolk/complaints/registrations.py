"""What complaints add to the shared registries (kinfolk.core.registry): the chronology entry
kinds and the page where each complaint duty is done (the child's complaints)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import DutyPage, register_duty_pages


@EntryKind.register
class ComplaintEntryKind(models.TextChoices):
    """Chronology entries of the complaints procedure."""

    COMPLAINT = "complaint", _("Complaint")
    COMPLAINT_RESPONSE = "complaint_response", _("Complaint response")
    COMPLAINT_ESCALATED = "complaint_escalated", _("Complaint escalated")
    COMPLAINT_WITHDRAWN = "complaint_withdrawn", _("Complaint withdrawn")


#: The child's complaints, where each complaint's stages are recorded.
COMPLAINTS_PAGE = DutyPage("complaints:child-complaints", _("Complaints"))

register_duty_pages(COMPLAINTS_PAGE, "complaint-stage1-10wd", "complaint-stage2-25wd")
