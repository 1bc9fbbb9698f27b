"""What voice and participation adds to the shared registries: its chronology entry kinds and
its section of the child's Summary page (kinfolk.people.summary)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.participation.at_a_glance import participation_at_a_glance
from kinfolk.people.summary import register_summary_section


@EntryKind.register
class ParticipationEntryKind(models.TextChoices):
    """Chronology entries of voice and participation."""

    INDEPENDENT_VISITOR = "independent_visitor", _("Independent visitor")
    ADVOCACY = "advocacy", _("Advocacy")
    CONSULTATION = "cicc_consultation", _("Children in care council")
    TOLD_HOW_TO_COMPLAIN = "told_how_to_complain", _("Told how to complain")
    TRANSITION_PLAN = "transition_plan", _("Transition plan")
    AGE_ASSESSMENT = "age_assessment", _("Age assessment")
    IMMIGRATION_STATUS = "immigration_status", _("Immigration status")


register_summary_section(
    "participation",
    column="side",
    order=45,
    template="participation/summary/_participation.html",
    context=participation_at_a_glance,
)
