"""What management oversight adds to the shared registries (kinfolk.core.registry) and to the
child's Summary page (kinfolk.people.summary): its chronology entry kinds, the page where the
case supervision duty is done, the oversight section of the Summary, and the supervision
actions a handover passes on (kinfolk.workforce.handover)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import DutyPage, register_duty_pages
from kinfolk.oversight.at_a_glance import oversight_at_a_glance
from kinfolk.oversight.handover import reassign, supervision_actions
from kinfolk.people.summary import register_summary_section
from kinfolk.workforce.handover import register_handover


@EntryKind.register
class OversightEntryKind(models.TextChoices):
    """Chronology entries of management oversight, both significant."""

    CASE_SUPERVISION = "case_supervision", _("Case supervision")
    MANAGEMENT_DECISION = "management_decision", _("Management decision")


#: The child's oversight page, where supervisions and decisions are listed and recorded.
OVERSIGHT_PAGE = DutyPage("oversight:child-oversight", _("Oversight"))

register_duty_pages(OVERSIGHT_PAGE, "case-supervision-1m")

register_summary_section(
    "oversight",
    order=35,
    template="oversight/summary/_oversight.html",
    context=oversight_at_a_glance,
)

register_handover("supervision-actions", items=supervision_actions, move=reassign)
