"""What children in care add to the shared registries (kinfolk.core.registry) and to the
child's Summary page (kinfolk.people.summary)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.care.at_a_glance import care_at_a_glance
from kinfolk.care.sign_off import PLACEMENT, placements_items, placements_waiting
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.registry import (
    DutyPage,
    SignOffKind,
    register_duty_pages,
    register_sign_off,
)
from kinfolk.people.summary import register_summary_section


@EntryKind.register
class CareEntryKind(models.TextChoices):
    """Chronology entries of a child's time in care: the period, placements and legal status,
    health, education, missing episodes and exploitation, the UASC record, proceedings and
    reviews."""

    CARE = "care", _("Looked after")
    PLACEMENT = "placement", _("Placement")
    LEGAL_STATUS = "legal_status", _("Legal status")
    HEALTH = "health", _("Health")
    EDUCATION = "education", _("Education")
    MISSING = "missing", _("Missing from home or care")
    EXPLOITATION = "exploitation", _("Exploitation")
    UASC = "uasc", _("Unaccompanied asylum-seeking child")
    PROCEEDINGS = "proceedings", _("Pre-proceedings and court")
    LOOKED_AFTER_REVIEW = "looked_after_review", _("Looked-after review")


# Each of these is done from the child's care page, which links on to the form for it.
register_duty_pages(
    DutyPage("care:child-care", _("Care")),
    "care-plan-10wd",
    "cla-review-first-20wd",
    "cla-review-second-3m",
    "cla-review-6m",
    "cla-visit-1w",
    "cla-visit-6w",
    "iha-20wd",
    "rha",
    "pep-20wd",
    "rhi-72h",
)

register_summary_section(
    "care",
    column="side",
    order=20,
    template="care/summary/_care.html",
    context=care_at_a_glance,
)

# Unregistered placements wait in the one sign-off queue, to be approved (docs/sign-off.md).
register_sign_off(
    SignOffKind(
        code=PLACEMENT,
        label=_("Unregistered placements"),
        waiting=placements_waiting,
        items=placements_items,
        action=_("Approve"),
    )
)
