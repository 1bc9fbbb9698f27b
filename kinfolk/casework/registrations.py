"""What child in need casework adds to the shared registries (kinfolk.core.registry) and to
the child's Summary page (kinfolk.people.summary)."""

from typing import Any

from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.at_a_glance import last_visit, plans_at_a_glance
from kinfolk.casework.handover import (
    draft_assessments,
    open_plan_actions,
    reassign_draft_assessments,
    reassign_plan_actions,
)
from kinfolk.casework.models import Assessment, CaseNote, Plan
from kinfolk.casework.sign_off import (
    ASSESSMENT,
    CLOSURE,
    PLAN,
    assessments_items,
    assessments_returned,
    assessments_waiting,
    closures_items,
    closures_returned,
    closures_waiting,
    plans_items,
    plans_returned,
    plans_waiting,
)
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.dates import long_date, long_datetime
from kinfolk.core.registry import DutyPage, SignOffKind, register_duty_pages, register_sign_off
from kinfolk.documents.attachments import register_attachable
from kinfolk.people.summary import register_summary_section
from kinfolk.workforce.handover import register_handover


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

# Assessments submitted to a manager wait in the one sign-off queue (docs/sign-off.md).
register_sign_off(
    SignOffKind(
        code=ASSESSMENT,
        label=_("Assessments"),
        waiting=assessments_waiting,
        items=assessments_items,
        returned=assessments_returned,
    )
)
register_sign_off(
    SignOffKind(
        code=PLAN,
        label=_("Plans"),
        waiting=plans_waiting,
        items=plans_items,
        returned=plans_returned,
    )
)
register_sign_off(
    SignOffKind(
        code=CLOSURE,
        label=_("Case closures"),
        waiting=closures_waiting,
        items=closures_items,
        returned=closures_returned,
    )
)


def _note_label(note: Any) -> str:
    return _("Case note: %(kind)s, %(when)s") % {
        "kind": note.get_kind_display(),
        "when": long_datetime(note.occurred_at),
    }


def _assessment_label(assessment: Any) -> str:
    return _("Assessment started on %(date)s") % {"date": long_date(assessment.started_on)}


def _casework_url(record: Any) -> str:
    return reverse("casework:child-casework", args=[record.child_id])


# Documents may be attached to a case note, an assessment or a plan (kinfolk.documents).
register_attachable(
    CaseNote,
    key="note",
    label=_note_label,
    url=lambda note: reverse("casework:case-note", args=[note.child_id, note.pk]),
)
register_attachable(Assessment, key="assessment", label=_assessment_label, url=_casework_url)
register_attachable(Plan, key="plan", label=lambda plan: plan.label, url=_casework_url)

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

# What the worker holds for the child goes to the next worker when the case is reallocated
# (kinfolk.workforce.handover); case notes stay with their author.
register_handover("plan-actions", items=open_plan_actions, move=reassign_plan_actions)
register_handover("draft-assessments", items=draft_assessments, move=reassign_draft_assessments)
