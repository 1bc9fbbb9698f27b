"""A worker's request to close a child in need episode, and a manager's agreement or return
(docs/sign-off.md).

A manager closes a case directly (``close_episode``); a worker asks for the closure with the
reason and a summary, and the case closes, on the date asked for, when a manager agrees. A
journey or an import closes directly, as before.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.models import ClosureRequest, ClosureReturn, ClosureState, ManagerReturn
from kinfolk.casework.services.common import lock_child, open_episode
from kinfolk.casework.services.episodes import close_episode
from kinfolk.casework.services.manager_returns import add_return, answer_latest_return
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import ReasonForClosure
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child


class _Checked(Exception):
    """Ends the trial closure that checks a request, undoing it."""


def _check_closable(
    child: Child, closed_on: dt.date, reason: str, evidence: dict[int, str], actor: Actor
) -> None:
    """Refuse the request with the refusal closing the case now would meet (an assessment
    still open, evidence missing for an outcome...): the closure is tried and undone."""
    try:
        with transaction.atomic():
            close_episode(
                child=child, closed_on=closed_on, reason=reason, evidence=evidence, actor=actor
            )
            raise _Checked
    except _Checked:
        pass


def pending_closure(child: Child) -> ClosureRequest | None:
    """The child's closure request not yet agreed, if there is one."""
    return (
        ClosureRequest.objects.filter(child=child)
        .exclude(state=ClosureState.AGREED)
        .select_related("requested_by")
        .first()
    )


@transaction.atomic
def request_closure(
    *,
    child: Child,
    closed_on: dt.date,
    reason: str,
    summary: str,
    evidence: dict[int, str] | None = None,
    actor: Actor,
) -> ClosureRequest:
    """A worker asks a manager to agree the closure of the child's case."""
    child = lock_child(child)
    episode = open_episode(child, on=closed_on, field="closed_on")
    if reason not in ReasonForClosure.values:
        raise ValidationError({"reason": _("Choose the reason for closure")})
    if not summary.strip():
        raise ValidationError(
            {"summary": _("Enter a summary of the work and why the case can close")}
        )
    if pending_closure(child) is not None:
        raise ValidationError({"closed_on": _("The closure of this case is already requested")})
    _check_closable(child, closed_on, reason, evidence or {}, actor)
    now = timezone.now()
    request = ClosureRequest.objects.create(
        child=child,
        episode=episode,
        closed_on=closed_on,
        reason=reason,
        summary=summary.strip(),
        evidence={str(pk): text.strip() for pk, text in (evidence or {}).items()},
        requested_at=now,
        requested_by=staff_member(actor),
        waiting_since=now,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=timezone.localdate(),
        kind=EntryKind.CLOSURE,
        summary=_("Closure of the case requested: %(reason)s")
        % {"reason": request.get_reason_display()},
        detail=summary.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return request


def _locked(request: ClosureRequest, field: str) -> ClosureRequest:
    lock_child(request.child)
    request = ClosureRequest.objects.select_for_update().get(pk=request.pk)
    if not request.is_waiting:
        raise ValidationError({field: _("This closure is not waiting for a manager")})
    return request


@transaction.atomic
def agree_closure(*, request: ClosureRequest, manager: Actor, rationale: str) -> ClosureRequest:
    """A manager agrees the closure: the case closes on the date the worker asked for."""
    request = _locked(request, "rationale")
    if not rationale.strip():
        raise ValidationError({"rationale": _("Enter your rationale for agreeing the closure")})
    if request.requested_by_id == manager.pk:
        raise ValidationError({"rationale": _("Another manager must agree your own request")})
    close_episode(
        child=request.child,
        closed_on=request.closed_on,
        reason=request.reason,
        evidence={int(pk): text for pk, text in request.evidence.items()},
        actor=manager,
    )
    request.state = ClosureState.AGREED
    request.decided_at = timezone.now()
    request.decided_by = manager
    request.rationale = rationale.strip()
    request.save(update_fields=["state", "decided_at", "decided_by", "rationale"])
    add_entry(
        child_id=request.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.CLOSURE,
        summary=_("Closure of the case agreed by a manager"),
        detail=rationale.strip(),
        recorded_by=manager,
    )
    return request


@transaction.atomic
def return_closure(*, request: ClosureRequest, manager: Actor, reasons: str) -> ManagerReturn:
    """A manager returns the closure request to the worker with the reasons."""
    request = _locked(request, "rationale")
    if not reasons.strip():
        raise ValidationError({"rationale": _("Enter the reasons for returning the closure")})
    if request.requested_by_id == manager.pk:
        raise ValidationError({"rationale": _("Another manager must return your own request")})
    returned = add_return(
        request, model=ClosureReturn, manager=manager, reasons=reasons, at=timezone.now()
    )
    request.state = ClosureState.RETURNED
    request.save(update_fields=["state"])
    add_entry(
        child_id=request.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.CLOSURE,
        summary=_("Closure of the case returned to the worker"),
        detail=reasons.strip(),
        recorded_by=manager,
    )
    publish_casework_changed(request.child_id)
    return returned


@transaction.atomic
def answer_closure_return(
    *, request: ClosureRequest, response: str, summary: str = "", actor: Actor
) -> ClosureRequest:
    """The worker answers a manager's return; the request goes back to the managers."""
    lock_child(request.child)
    request = ClosureRequest.objects.select_for_update().get(pk=request.pk)
    if request.state != ClosureState.RETURNED:
        raise ValidationError({"response": _("This closure is not waiting for your answer")})
    if not response.strip():
        raise ValidationError({"response": _("Enter your answer to the manager's reasons")})
    now = timezone.now()
    answer_latest_return(request, response=response, actor=actor, at=now)
    request.state = ClosureState.ANSWERED
    request.waiting_since = now
    if summary.strip():
        request.summary = summary.strip()
    request.save(update_fields=["state", "waiting_since", "summary"])
    add_entry(
        child_id=request.child_id,
        occurred_on=timezone.localdate(),
        kind=EntryKind.CLOSURE,
        summary=_("Returned closure answered by the worker"),
        detail=response.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(request.child_id)
    return request
