"""What child in need casework adds to the shared registries (kinfolk.core.registry) and to
the child's Summary page (kinfolk.people.summary)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.at_a_glance import last_visit, plans_at_a_glance
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import DutyPage, register_duty_pages
from kinfolk.people.summary import register_summary_section


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

register_summary_section(
    "plans",
    order=30,
    template="casework/summary/_plans.html",
    context=plans_at_a_glance,
)
register_summary_section(
    "last-visit",
    column="side",
    order=40,
    template="casework/summary/_visit.html",
    context=last_visit,
)
