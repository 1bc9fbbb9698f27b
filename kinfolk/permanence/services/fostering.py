"""Fostering households: adding one, a connected person's temporary approval and its one
extension, the panel and approval, the development plan and the training log."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import check_not_future
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.postcodes import is_valid_postcode, normalise_postcode
from kinfolk.permanence.choices import HouseholdKind
from kinfolk.permanence.models import (
    DevelopmentGoal,
    FosterCarer,
    FosteringHousehold,
    TrainingRecord,
)


def _lock_household(household: FosteringHousehold) -> FosteringHousehold:
    return FosteringHousehold.objects.select_for_update().get(pk=household.pk)


@transaction.atomic
def add_household(
    *,
    name: str,
    postcode: str,
    kind: str,
    carers: Sequence[tuple[str, str]],
    actor: Actor | None = None,
) -> FosteringHousehold:
    """Add a household that the fostering service is assessing, with its carers (first and
    last names)."""
    if not name.strip():
        raise ValidationError({"name": _("Enter the household's name")})
    if not is_valid_postcode(postcode):
        raise ValidationError({"postcode": _("Enter a real postcode, like WN1 1AA")})
    if kind not in HouseholdKind.values:
        raise ValidationError({"kind": _("Choose the kind of fostering")})
    named = [
        (first.strip(), last.strip()) for first, last in carers if first.strip() or last.strip()
    ]
    if not named:
        raise ValidationError({"carers": _("Enter the name of at least one carer")})
    if any(not first or not last for first, last in named):
        raise ValidationError({"carers": _("Enter each carer's first and last name")})
    household = FosteringHousehold.objects.create(
        name=name.strip(),
        postcode=normalise_postcode(postcode),
        kind=kind,
        recorded_by=staff_member(actor),
    )
    FosterCarer.objects.bulk_create(
        FosterCarer(household=household, first_name=first, last_name=last) for first, last in named
    )
    return household


@transaction.atomic
def grant_temporary_approval(
    *,
    household: FosteringHousehold,
    approved_on: dt.date,
    actor: Actor | None = None,
) -> FosteringHousehold:
    """Approve a connected person temporarily as a foster carer for a named child, for up to
    16 weeks while their assessment is completed (Care Planning Regulations 2010, reg. 24)."""
    household = _lock_household(household)
    check_not_future(approved_on, "approved_on", _("date of the temporary approval"))
    if household.kind != HouseholdKind.CONNECTED_PERSON:
        raise ValidationError(
            {
                "approved_on": _(
                    "Only a connected person can be approved temporarily: this household is %(kind)s"
                )
                % {"kind": household.get_kind_display().lower()}
            }
        )
    if household.approved_on is not None:
        raise ValidationError(
            {
                "approved_on": _("The household was approved on %(date)s")
                % {"date": long_date(household.approved_on)}
            }
        )
    if household.temporary_approved_on is not None:
        raise ValidationError(
            {
                "approved_on": _("The household was already approved temporarily on %(date)s")
                % {"date": long_date(household.temporary_approved_on)}
            }
        )
    household.temporary_approved_on = approved_on
    household.save(update_fields=["temporary_approved_on"])
    return household


@transaction.atomic
def extend_temporary_approval(
    *,
    household: FosteringHousehold,
    extended_on: dt.date,
    reason: str,
    actor: Actor | None = None,
) -> FosteringHousehold:
    """Extend a temporary approval once, by 8 weeks, before it runs out, recording why the
    assessment is not complete (Care Planning Regulations 2010, reg. 25)."""
    household = _lock_household(household)
    check_not_future(extended_on, "extended_on", _("date of the extension"))
    ends_on = household.temporary_approval_ends_on
    if ends_on is None:
        raise ValidationError(
            {"extended_on": _("The household has no temporary approval to extend")}
        )
    if household.temporary_extended_on is not None:
        raise ValidationError(
            {
                "extended_on": _(
                    "The temporary approval was already extended on %(date)s: it can be "
                    "extended only once"
                )
                % {"date": long_date(household.temporary_extended_on)}
            }
        )
    # A household with a temporary approval that ends was temporarily approved.
    assert household.temporary_approved_on is not None
    if extended_on < household.temporary_approved_on:
        raise ValidationError(
            {
                "extended_on": _("This is before the temporary approval of %(date)s")
                % {"date": long_date(household.temporary_approved_on)}
            }
        )
    if extended_on > ends_on:
        raise ValidationError(
            {
                "extended_on": _(
                    "The temporary approval ran out on %(date)s: it can no longer be extended"
                )
                % {"date": long_date(ends_on)}
            }
        )
    if not reason.strip():
        raise ValidationError(
            {"reason": _("Say why the assessment is not complete and the approval is extended")}
        )
    household.temporary_extended_on = extended_on
    household.extension_reason = reason.strip()
    household.save(update_fields=["temporary_extended_on", "extension_reason"])
    return household


@transaction.atomic
def approve_household(
    *,
    household: FosteringHousehold,
    panel_on: dt.date,
    approved_on: dt.date,
    terms: str,
    actor: Actor | None = None,
) -> FosteringHousehold:
    """The agency decision maker approves the household as foster carers after the fostering
    panel's recommendation, on terms (Fostering Services (England) Regulations 2011, reg. 27)."""
    household = _lock_household(household)
    check_not_future(panel_on, "panel_on", _("date of the panel"))
    check_not_future(approved_on, "approved_on", _("date of approval"))
    if household.approved_on is not None:
        raise ValidationError(
            {
                "approved_on": _("The household was already approved on %(date)s")
                % {"date": long_date(household.approved_on)}
            }
        )
    if approved_on < panel_on:
        raise ValidationError(
            {"approved_on": _("Approval follows the panel: it must be on or after the panel date")}
        )
    if not terms.strip():
        raise ValidationError(
            {
                "terms": _(
                    "Enter the terms of approval, such as how many children, their ages and "
                    "the kind of care"
                )
            }
        )
    household.panel_on = panel_on
    household.approved_on = approved_on
    household.terms_of_approval = terms.strip()
    household.approved_by = staff_member(actor)
    household.save(update_fields=["panel_on", "approved_on", "terms_of_approval", "approved_by"])
    return household


@transaction.atomic
def add_development_goal(
    *,
    household: FosteringHousehold,
    goal: str,
    due_on: dt.date,
    actor: Actor | None = None,
) -> DevelopmentGoal:
    """Add an objective to the household's development plan (docs/domain.md finding 25)."""
    household = _lock_household(household)
    if not goal.strip():
        raise ValidationError({"goal": _("Enter the development goal")})
    return DevelopmentGoal.objects.create(
        household=household, goal=goal.strip(), due_on=due_on, recorded_by=staff_member(actor)
    )


@transaction.atomic
def add_training_record(
    *,
    household: FosteringHousehold,
    course: str,
    completed_on: dt.date,
    carer: FosterCarer | None = None,
    hours: int | None = None,
    actor: Actor | None = None,
) -> TrainingRecord:
    """Add training a carer of the household completed to its training log (docs/domain.md
    finding 25); with no carer named, the whole household attended."""
    household = _lock_household(household)
    if not course.strip():
        raise ValidationError({"course": _("Enter the name of the course")})
    check_not_future(completed_on, "completed_on", _("date the course was completed"))
    if carer is not None and carer.household_id != household.pk:
        raise ValidationError({"carer": _("Choose a carer of this household")})
    if hours is not None and not 1 <= hours <= 200:
        raise ValidationError({"hours": _("Enter the hours as a whole number from 1 to 200")})
    return TrainingRecord.objects.create(
        household=household,
        carer=carer,
        course=course.strip(),
        completed_on=completed_on,
        hours=hours,
        recorded_by=staff_member(actor),
    )
