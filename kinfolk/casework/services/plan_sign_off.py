"""A worker asks a manager to agree a child in need or child protection plan as it stands;
the manager agrees it with a rationale or returns it with reasons that the worker answers
(docs/sign-off.md). Nobody agrees or returns a plan they asked to be agreed themselves."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.models import (
    ManagerReturn,
    Plan,
    PlanSignOff,
    PlanSignOffReturn,
    PlanSignOffState,
)
from kinfolk.casework.services.common import lock_child
from kinfolk.casework.services.manager_returns import add_return, answer_latest_return
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.events import publish_casework_changed


def pending_plan_sign_off(plan: Plan) -> PlanSignOff | None:
    """The plan's request to be agreed that is not agreed yet, if there is one."""
    return (
        PlanSignOff.objects.filter(plan=plan)
        .exclude(state=PlanSignOffState.AGREED)
        .select_related("requested_by")
        .first()
    )


def _entry(request: PlanSignOff, summary: str, detail: str, actor: Actor) -> None:
    add_entry(
        child_id=request.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.PLAN,
        summary=summary % {"plan": request.plan.get_kind_display()},
        detail=detail,
        recorded_by=actor,
    )


@transaction.atomic
def ask_plan_sign_off(*, plan: Plan, note: str, actor: Actor) -> PlanSignOff:
    """The worker asks a manager to agree the open plan as it stands: it needs an outcome for
    the child and an action saying who does what by when."""
    lock_child(plan.child)
    plan = Plan.objects.get(pk=plan.pk)
    if not plan.is_open:
        raise ValidationError({"note": _("This plan has ended")})
    if not note.strip():
        raise ValidationError({"note": _("Enter what you are asking the manager to agree")})
    if not plan.outcomes.exists() or not plan.actions.exists():
        raise ValidationError(
            {"note": _("Add an outcome for the child and an action before asking for sign-off")}
        )
    if pending_plan_sign_off(plan) is not None:
        raise ValidationError({"note": _("This plan is already waiting to be agreed")})
    now = timezone.now()
    request = PlanSignOff.objects.create(
        plan=plan,
        child_id=plan.child_id,
        note=note.strip(),
        requested_at=now,
        requested_by=staff_member(actor),
        waiting_since=now,
    )
    _entry(request, _("%(plan)s sent to a manager to agree"), note.strip(), actor)
    publish_casework_changed(plan.child_id)
    return request


def _locked(request: PlanSignOff, manager: Actor, verb: str) -> PlanSignOff:
    lock_child(request.child)
    request = PlanSignOff.objects.select_related("plan").get(pk=request.pk)
    if not request.is_waiting:
        raise ValidationError({"rationale": _("This plan is not waiting for a manager")})
    if request.requested_by_id == manager.pk:
        raise ValidationError(
            {"rationale": _("Another manager must %(verb)s a plan you sent") % {"verb": verb}}
        )
    return request


@transaction.atomic
def agree_plan(*, request: PlanSignOff, manager: Actor, rationale: str) -> PlanSignOff:
    """A manager agrees the plan, with a rationale."""
    request = _locked(request, manager, _("agree"))
    if not rationale.strip():
        raise ValidationError({"rationale": _("Enter your rationale for agreeing the plan")})
    request.state = PlanSignOffState.AGREED
    request.decided_at = timezone.now()
    request.decided_by = staff_member(manager)
    request.rationale = rationale.strip()
    request.save(update_fields=["state", "decided_at", "decided_by", "rationale"])
    _entry(request, _("%(plan)s agreed by a manager"), rationale.strip(), manager)
    publish_casework_changed(request.child_id)
    return request


@transaction.atomic
def return_plan(*, request: PlanSignOff, manager: Actor, reasons: str) -> ManagerReturn:
    """A manager returns the plan to the worker with the reasons."""
    request = _locked(request, manager, _("return"))
    if not reasons.strip():
        raise ValidationError({"rationale": _("Enter the reasons for returning the plan")})
    returned = add_return(
        request, model=PlanSignOffReturn, manager=manager, reasons=reasons, at=timezone.now()
    )
    request.state = PlanSignOffState.RETURNED
    request.save(update_fields=["state"])
    _entry(request, _("%(plan)s returned to the worker"), reasons.strip(), manager)
    publish_casework_changed(request.child_id)
    return returned


@transaction.atomic
def answer_plan_return(*, request: PlanSignOff, response: str, actor: Actor) -> PlanSignOff:
    """The worker answers a manager's return (having changed the plan, or saying why not);
    the plan goes back to the managers."""
    lock_child(request.child)
    request = PlanSignOff.objects.select_related("plan").get(pk=request.pk)
    if request.state != PlanSignOffState.RETURNED:
        raise ValidationError({"response": _("This plan is not waiting for your answer")})
    if not response.strip():
        raise ValidationError({"response": _("Enter your answer to the manager's reasons")})
    now = timezone.now()
    answer_latest_return(request, response=response, actor=actor, at=now)
    request.state = PlanSignOffState.ANSWERED
    request.waiting_since = now
    request.save(update_fields=["state", "waiting_since"])
    _entry(
        request, _("%(plan)s: the worker answered the manager's return"), response.strip(), actor
    )
    publish_casework_changed(request.child_id)
    return request
