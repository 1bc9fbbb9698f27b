"""Child in need and child protection plans: their dates, contingency, outcomes and actions."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.casework.choices import ActionStatus, PlanKind
from kinfolk.casework.models import (
    Plan,
    PlanAction,
    PlanOutcome,
)
from kinfolk.casework.services.common import (
    check_not_future,
    episode_for_work,
    lock_child,
)
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.people.models import Child

#: Outcomes, actions and a contingency are added to one of the child's open plans, so the
#: child needs one.
CHILD_HAS_OPEN_PLAN: Guard[Child] = Guard(
    name="child-has-open-plan",
    message=gettext_lazy("There is no open plan: start a plan first."),
    holds=lambda child: Plan.objects.filter(child=child, end_on__isnull=True).exists(),
)

#: Progress is recorded on an action of one of the child's open plans.
CHILD_HAS_OPEN_PLAN_ACTION: Guard[Child] = Guard(
    name="child-has-open-plan-action",
    message=gettext_lazy("There are no actions on an open plan."),
    holds=lambda child: PlanAction.objects.filter(
        plan__child=child, plan__end_on__isnull=True
    ).exists(),
)


def open_plan(child: Child, kind: PlanKind) -> Plan | None:
    return Plan.objects.filter(child=child, kind=kind, end_on__isnull=True).first()


@transaction.atomic
def start_child_in_need_plan(
    *,
    child: Child,
    start_on: dt.date,
    contingency: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> Plan:
    """Start a child in need plan. It may not overlap a child protection plan (CIN rule 4000
    and the census's plan rules), except that one may end on the day the other starts."""
    child = lock_child(child)
    episode = episode_for_work(child, start_on, "start_on", _("plan start date"))
    if open_plan(child, PlanKind.CHILD_IN_NEED):
        raise ValidationError(
            {"start_on": _("%(child)s already has a child in need plan") % {"child": child}}
        )
    protection = (
        Plan.objects.filter(child=child, kind=PlanKind.CHILD_PROTECTION)
        .filter(start_on__lt=start_on)
        .exclude(end_on__lte=start_on)
        .first()
    )
    if protection is not None:
        raise ValidationError(
            {
                "start_on": _(
                    "%(child)s is on a child protection plan from %(date)s: a child in need plan can "
                    "start only on or after the day it ends"
                )
                % {"child": child, "date": long_date(protection.start_on)}
            }
        )
    if not is_imported and not contingency.strip():
        raise ValidationError(
            {"contingency": _("Enter the contingency: what happens if the plan does not work")}
        )
    # A plan follows an authorised assessment; history loaded from another system may not have
    # one (docs/assessments.md).
    authorised = episode.assessments.filter(authorised_on__lte=start_on).exists()
    if not is_imported and not authorised:
        raise ValidationError(
            {
                "start_on": _(
                    "A child in need plan follows an authorised assessment: authorise the "
                    "assessment in this episode first"
                )
            }
        )
    plan = Plan.objects.create(
        child=child,
        episode=episode,
        kind=PlanKind.CHILD_IN_NEED,
        start_on=start_on,
        contingency=contingency.strip(),
        is_imported=is_imported,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.PLAN,
        summary=_("Child in need plan started"),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return plan


def end_plan_record(plan: Plan, end_on: dt.date, *, actor: Actor | None) -> Plan:
    """End an open plan on a date (inside the caller's transaction)."""
    if end_on < plan.start_on:
        raise ValidationError(
            {
                "end_on": _("The plan cannot end before it started on %(date)s")
                % {"date": long_date(plan.start_on)}
            }
        )
    plan.end_on = end_on
    plan.save(update_fields=["end_on"])
    add_entry(
        child_id=plan.child_id,
        occurred_on=end_on,
        kind=EntryKind.PLAN,
        summary=_("%(plan)s ended") % {"plan": plan.get_kind_display()},
        is_significant=True,
        recorded_by=actor,
    )
    return plan


@transaction.atomic
def end_child_in_need_plan(*, child: Child, end_on: dt.date, actor: Actor | None = None) -> Plan:
    """End the child's child in need plan."""
    child = lock_child(child)
    check_not_future(end_on, "end_on", _("plan end date"))
    plan = open_plan(child, PlanKind.CHILD_IN_NEED)
    if plan is None:
        raise ValidationError(
            {"end_on": _("%(child)s has no open child in need plan") % {"child": child}}
        )
    end_plan_record(plan, end_on, actor=actor)
    publish_casework_changed(child.pk)
    return plan


@transaction.atomic
def add_plan_outcome(*, plan: Plan, description: str, actor: Actor | None = None) -> PlanOutcome:
    """Add an outcome for the child to a plan."""
    lock_child(plan.child)
    if not description.strip():
        raise ValidationError({"description": _("Enter the outcome for the child")})
    if not plan.is_open:
        raise ValidationError({"description": _("This plan has ended")})
    outcome = PlanOutcome.objects.create(plan=plan, description=description.strip())
    add_entry(
        child_id=plan.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.PLAN,
        summary=_("Outcome added to the %(plan)s: %(outcome)s")
        % {"plan": plan.get_kind_display().lower(), "outcome": outcome.description},
        recorded_by=actor,
    )
    publish_casework_changed(plan.child_id)
    return outcome


@transaction.atomic
def add_plan_action(
    *,
    plan: Plan,
    description: str,
    due_on: dt.date | None,
    owner: Actor | None = None,
    owner_outside: str = "",
    outcome: PlanOutcome | None = None,
    actor: Actor | None = None,
) -> PlanAction:
    """Add an action to a plan: who does what by when. Refused without an owner or a date."""
    lock_child(plan.child)
    errors = {}
    if not description.strip():
        errors["description"] = _("Enter what will be done")
    if owner is None and not owner_outside.strip():
        errors["owner"] = _("Choose who will do it, or name someone in another agency")
    if due_on is None:
        errors["due_on"] = _("Enter the date it must be done by")
    if not plan.is_open:
        errors["description"] = _("This plan has ended")
    if outcome is not None and outcome.plan_id != plan.pk:
        errors["outcome"] = _("Choose an outcome of this plan")
    if errors:
        raise ValidationError(errors)
    assert due_on is not None  # refused above
    action = PlanAction.objects.create(
        plan=plan,
        outcome=outcome,
        description=description.strip(),
        owner=owner,
        owner_outside=owner_outside.strip(),
        due_on=due_on,
    )
    add_entry(
        child_id=plan.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.PLAN,
        summary=_("Action added: %(action)s, by %(owner)s, due %(date)s")
        % {"action": action.description, "owner": action.owner_name, "date": long_date(due_on)},
        recorded_by=actor,
    )
    publish_casework_changed(plan.child_id)
    return action


@transaction.atomic
def update_plan_action(
    *,
    action: PlanAction,
    status: str,
    on: dt.date | None = None,
    actor: Actor | None = None,
    version: int | None = None,
) -> PlanAction:
    """Record progress on an action of an open plan. A change made from ``version`` of the
    action, when someone has changed it since, is refused with ``RecordChanged``."""
    lock_child(action.plan.child)
    action = PlanAction.objects.select_for_update().select_related("plan").get(pk=action.pk)
    action.next_version(version)
    if status not in ActionStatus.values:
        raise ValidationError({"status": _("Choose the status")})
    if not action.plan.is_open:
        raise ValidationError({"status": _("This plan has ended")})
    day = on or timezone.localdate()
    check_not_future(day, "on", _("date"))
    action.status = status
    action.completed_on = day if status == ActionStatus.DONE else None
    action.save(update_fields=["status", "completed_on", "version"])
    if status in (ActionStatus.DONE, ActionStatus.DROPPED):
        add_entry(
            child_id=action.plan.child_id,
            occurred_on=day,
            kind=EntryKind.PLAN,
            summary=_("Action %(status)s: %(action)s")
            % {"status": action.get_status_display().lower(), "action": action.description},
            recorded_by=actor,
        )
    publish_casework_changed(action.plan.child_id)
    return action


@transaction.atomic
def record_plan_contingency(
    *, plan: Plan, contingency: str, actor: Actor | None = None, version: int | None = None
) -> Plan:
    """Record or change what happens if a plan does not work (docs/domain.md finding 41: CP plans
    have no contingency). A child protection plan is made at a conference without one; this
    is how it gets one. A change made from ``version`` of the plan, when someone has changed
    it since, is refused with ``RecordChanged``."""
    lock_child(plan.child)
    plan = Plan.objects.select_for_update().get(pk=plan.pk)
    plan.next_version(version)
    if not plan.is_open:
        raise ValidationError({"contingency": _("This plan has ended")})
    if not contingency.strip():
        raise ValidationError(
            {"contingency": _("Enter the contingency: what happens if the plan does not work")}
        )
    plan.contingency = contingency.strip()
    plan.save(update_fields=["contingency", "version"])
    add_entry(
        child_id=plan.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.PLAN,
        summary=_("Contingency recorded for the %(plan)s")
        % {"plan": plan.get_kind_display().lower()},
        detail=plan.contingency,
        recorded_by=actor,
    )
    publish_casework_changed(plan.child_id)
    return plan
