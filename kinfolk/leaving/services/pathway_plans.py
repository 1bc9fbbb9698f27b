"""Pathway plans: recording a plan or its review, and a manager's audit of it (docs/domain.md
findings 72 and 82)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.access.policy import P, allows
from kinfolk.casework.services import lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.leaving.choices import AuditGrade
from kinfolk.leaving.models import PathwayPlan
from kinfolk.leaving.services.eligibility import check_date, refuse_not_care_leaver, standing_of
from kinfolk.people.models import Child

#: A manager audits a pathway plan that was recorded (docs/domain.md finding 72).
HAS_PATHWAY_PLAN: Guard[Child] = Guard(
    name="has-pathway-plan",
    message=gettext_lazy("%(subject)s has no pathway plan to audit."),
    holds=lambda child: PathwayPlan.objects.filter(child=child).exists(),
)


@transaction.atomic
def record_pathway_plan(
    *,
    child: Child,
    made_on: dt.date,
    accommodation: str = "",
    accommodation_target_on: dt.date | None = None,
    education_training_employment: str = "",
    health: str = "",
    relationships: str = "",
    finance: str = "",
    young_person_views: str = "",
    is_copy_given: bool | None = None,
    has_young_persons_version: bool | None = None,
    is_local_offer_explained: bool | None = None,
    is_imported: bool = False,
    actor: Actor | None = None,
) -> PathwayPlan:
    """Record a pathway plan (Care Leavers (England) Regulations 2010, reg. 6 and Sch. 1),
    or its review, which is a new plan.

    A plan is for a care leaver, or for a young person looked after at 16 or 17, whose first
    plan is due 3 months after their 16th birthday. On a page the young person's views and
    whether they were given a copy are required (findings 72 and 82); a plan loaded from a
    journey has only its date and is marked imported.
    """
    child = lock_child(child)
    check_date(child, made_on, "made_on", _("date of the pathway plan"))
    standing = standing_of(child, made_on)
    if not standing.may_have_pathway_plan:
        refuse_not_care_leaver(child, made_on, "made_on", _("A pathway plan"), standing)
    if not is_imported:
        if not young_person_views.strip():
            raise ValidationError(
                {"young_person_views": _("Enter the young person's views of their plan")}
            )
        if is_copy_given is None:
            raise ValidationError(
                {"is_copy_given": _("Say whether the young person was given a copy of the plan")}
            )
    if accommodation_target_on is not None and accommodation_target_on < made_on:
        raise ValidationError(
            {
                "accommodation_target_on": _(
                    "The target date for accommodation must be on or after the date of the plan"
                )
            }
        )
    if PathwayPlan.objects.filter(child=child, made_on=made_on).exists():
        raise ValidationError(
            {
                "made_on": _("A pathway plan is already recorded on %(date)s")
                % {"date": long_date(made_on)}
            }
        )
    plan = PathwayPlan.objects.create(
        child=child,
        made_on=made_on,
        accommodation=accommodation.strip(),
        accommodation_target_on=accommodation_target_on,
        education_training_employment=education_training_employment.strip(),
        health=health.strip(),
        relationships=relationships.strip(),
        finance=finance.strip(),
        young_person_views=young_person_views.strip(),
        is_copy_given=is_copy_given,
        has_young_persons_version=has_young_persons_version,
        is_local_offer_explained=is_local_offer_explained,
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=made_on,
        kind=EntryKind.PLAN,
        summary=_("Pathway plan"),
        detail=plan.young_person_views,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return plan


@transaction.atomic
def audit_pathway_plan(
    *, plan: PathwayPlan, grade: str, note: str, actor: Actor, version: int | None = None
) -> PathwayPlan:
    """A manager grades a pathway plan and records what would improve it (docs/domain.md finding
    72: pathway plans audited). An audit made from ``version`` of the plan, when someone has
    audited it since, is refused with ``RecordChanged``."""
    child = lock_child(plan.child)
    plan = PathwayPlan.objects.select_for_update().get(pk=plan.pk)
    plan.next_version(version)
    if not allows(actor, P.AUDIT_PATHWAY_PLAN):
        raise ValidationError({"grade": _("Only a manager can audit a pathway plan")})
    if grade not in AuditGrade.values:
        raise ValidationError({"grade": _("Choose the audit grade")})
    if not note.strip():
        raise ValidationError({"note": _("Enter what the audit found")})
    plan.audit_grade = grade
    plan.audit_note = note.strip()
    plan.audited_on = timezone.localdate()
    plan.audited_by = staff_member(actor)
    plan.save(update_fields=["audit_grade", "audit_note", "audited_on", "audited_by", "version"])
    add_entry(
        child_id=child.pk,
        occurred_on=plan.audited_on,
        kind=EntryKind.PLAN,
        summary=_("Pathway plan of %(date)s audited: %(grade)s")
        % {"date": long_date(plan.made_on), "grade": AuditGrade(grade).label},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return plan
