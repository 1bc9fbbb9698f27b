"""What child in need casework adds to the shared registries (kinfolk.core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import DutyPage, register_duty_pages


@EntryKind.register
class CaseworkEntryKind(models.TextChoices):
    """Chronology entries of an episode of need: referral, assessment, plans, visits, closure.

    Plans and visits of every pathway (child in need, child protection, care, pathway plans)
    are written with these kinds.
    """

    REFERRAL = "referral", _("Referral")
    ASSESSMENT = "assessment", _("Assessment")
    PLAN = "plan", _("Plan")
    VISIT = "visit", _("Visit")
    CLOSURE = "closure", _("Case closure")
    CASE_NOTE = "case_note", _("Case note")


#: The child's casework page, where the episode, its assessment and its plans are recorded.
CASEWORK_PAGE = DutyPage("casework:child-casework", _("Casework"))

register_duty_pages(CASEWORK_PAGE, "assessment-45wd")
