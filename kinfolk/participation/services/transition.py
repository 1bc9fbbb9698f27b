"""Transition plans for disabled young people from 14 (docs/domain.md finding 75)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import lock_child
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.participation.models import TransitionPlan
from kinfolk.participation.registrations import ParticipationEntryKind as Kind
from kinfolk.participation.services.common import DISABLED, check_after, check_day, entry, required
from kinfolk.people.models import Child

#: The age from which a disabled young person's transition to adult services is planned.
TRANSITION_AGE = 14


@transaction.atomic
def start_transition_plan(
    *,
    child: Child,
    started_on: dt.date,
    adult_services: str,
    aspirations: str,
    next_review_on: dt.date,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> TransitionPlan:
    """A disabled young person of 14 or more has a plan for moving to adult services."""
    child = lock_child(child)
    DISABLED.check(child)
    check_day(child, started_on, "started_on", _("date the plan started"))
    if (child.age_on(started_on) or 0) < TRANSITION_AGE:
        raise ValidationError(
            {"started_on": _("A transition plan starts from the young person's 14th birthday")}
        )
    if TransitionPlan.objects.filter(child=child).exists():
        raise ValidationError(
            {
                "started_on": _("%(child)s already has a transition plan: review it")
                % {"child": child}
            }
        )
    adult_services = required(
        adult_services, "adult_services", _("Enter the adult services involved")
    )
    aspirations = required(aspirations, "aspirations", _("Enter the young person's aspirations"))
    check_after(
        next_review_on,
        started_on,
        "next_review_on",
        _("The next review must be after the plan started"),
    )
    plan = TransitionPlan.objects.create(
        child=child,
        started_on=started_on,
        adult_services=adult_services,
        aspirations=aspirations,
        next_review_on=next_review_on,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    entry(child, started_on, Kind.TRANSITION_PLAN, _("Transition plan started"), actor)
    return plan


@transaction.atomic
def review_transition_plan(
    *,
    plan: TransitionPlan,
    reviewed_on: dt.date,
    adult_services: str,
    aspirations: str,
    next_review_on: dt.date,
    actor: Actor | None = None,
    version: int | None = None,
) -> TransitionPlan:
    """The plan is reviewed: the services and aspirations as they are now, the next review."""
    lock_child(plan.child)
    plan = TransitionPlan.objects.select_for_update().select_related("child").get(pk=plan.pk)
    plan.check_version(version)
    check_day(plan.child, reviewed_on, "reviewed_on", _("date of the review"))
    last = plan.reviewed_on or plan.started_on
    check_after(
        reviewed_on,
        last,
        "reviewed_on",
        _("The review cannot be before %(date)s") % {"date": long_date(last)},
    )
    plan.adult_services = required(
        adult_services, "adult_services", _("Enter the adult services involved")
    )
    plan.aspirations = required(
        aspirations, "aspirations", _("Enter the young person's aspirations")
    )
    if next_review_on <= reviewed_on:
        raise ValidationError({"next_review_on": _("The next review must be after this one")})
    plan.reviewed_on = reviewed_on
    plan.next_review_on = next_review_on
    plan.next_version(version)
    plan.save()
    entry(plan.child, reviewed_on, Kind.TRANSITION_PLAN, _("Transition plan reviewed"), actor)
    return plan
