"""Case supervision: a supervisor and a worker discuss some of the worker's children in one
sitting, and what was decided for each child is recorded at once (docs/oversight.md).

The page records a whole caseload in one call of ``record_supervision``: one transaction, one
chronology entry per child discussed. The journey loader calls it once per child; rows of the
same supervisor, worker and day join one session.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _

from kinfolk.access.policy import P, allows
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.oversight.models import CaseSupervision, SupervisionAction, SupervisionSession
from kinfolk.people.models import Child


@dataclass(frozen=True)
class AgreedAction:
    """An action a supervision agreed for a child: what, who does it, by when; and, for history
    loaded from a journey, the day it was done."""

    text: str
    owner: Actor
    due_on: dt.date
    done_on: dt.date | None = None


@dataclass(frozen=True)
class CaseDiscussion:
    """What the supervision said about one child."""

    child: Child
    decision: str
    reflection: str = ""
    rationale: str = ""
    actions: Sequence[AgreedAction] = field(default_factory=tuple)


def field_prefix(child: Child) -> str:
    """The start of the names of a child's fields on the supervision page, which the
    refusals name."""
    return f"case_{child.pk}_"


def _check_discussion(case: CaseDiscussion, held_on: dt.date) -> None:
    prefix = field_prefix(case.child)
    if not case.decision.strip():
        raise ValidationError(
            {f"{prefix}decision": _("Enter what was decided for %(child)s") % {"child": case.child}}
        )
    for index, action in enumerate(case.actions, start=1):
        if not action.text.strip():
            raise ValidationError(
                {f"{prefix}action_{index}_text": _("Enter action %(n)d") % {"n": index}}
            )
        if action.done_on is not None and action.done_on < held_on:
            raise ValidationError(
                {
                    f"{prefix}action_{index}_done": _(
                        "Action %(n)d cannot be done before the supervision, %(date)s"
                    )
                    % {"n": index, "date": long_date(held_on)}
                }
            )
        if action.due_on < held_on:
            raise ValidationError(
                {
                    f"{prefix}action_{index}_due": _(
                        "Action %(n)d must be due on or after the supervision, %(date)s"
                    )
                    % {"n": index, "date": long_date(held_on)}
                }
            )


@transaction.atomic
def record_supervision(
    *,
    supervisor: Actor,
    worker: Actor,
    held_on: dt.date,
    cases: Sequence[CaseDiscussion],
    actor: Actor | None = None,
) -> SupervisionSession:
    """Record a case supervision of some of ``worker``'s children by ``supervisor``.

    Each child discussed gets its decision, the reflection and rationale, and the actions
    agreed, and a significant entry in its chronology. The supervisor cannot supervise their
    own cases; on a page, the person recording must be allowed to supervise the worker's team.
    A supervision of the same worker by the same supervisor on the same day joins the one
    already recorded; a child is discussed once in it.
    """
    if supervisor.pk == worker.pk:
        raise ValidationError({"worker": _("A supervisor cannot supervise their own cases")})
    if actor is not None and not allows(actor, P.SUPERVISE, team_id=worker.team_id):
        raise ValidationError(
            {"worker": _("You cannot record supervision for %(worker)s") % {"worker": worker}}
        )
    check_not_future(held_on, "held_on", _("date of the supervision"))
    if not cases:
        raise ValidationError({"cases": _("Choose at least one child discussed")})
    # Lock the children in a fixed order, so that two supervisions of the same children
    # cannot wait for each other.
    locked = {c.pk: lock_child(c) for c in sorted({case.child for case in cases}, key=_pk)}
    if len(locked) != len(cases):
        raise ValidationError({"cases": _("A child is discussed once in a supervision")})
    for case in cases:
        _check_discussion(case, held_on)
    session, _created = SupervisionSession.objects.get_or_create(
        supervisor=supervisor,
        worker=worker,
        held_on=held_on,
        defaults={"recorded_by": staff_member(actor)},
    )
    already = set(
        CaseSupervision.objects.filter(session=session, child_id__in=locked).values_list(
            "child_id", flat=True
        )
    )
    for case in cases:
        child = locked[case.child.pk]
        if child.pk in already:
            raise ValidationError(
                {
                    f"{field_prefix(child)}decision": _(
                        "%(child)s was already discussed in this supervision on %(date)s"
                    )
                    % {"child": child, "date": long_date(held_on)}
                }
            )
        discussed = CaseSupervision.objects.create(
            session=session,
            child=child,
            reflection=case.reflection.strip(),
            decision=case.decision.strip(),
            rationale=case.rationale.strip(),
        )
        SupervisionAction.objects.bulk_create(
            SupervisionAction(
                case=discussed,
                child=child,
                text=action.text.strip(),
                owner=action.owner,
                due_on=action.due_on,
                done_on=action.done_on,
            )
            for action in case.actions
        )
        add_entry(
            child_id=child.pk,
            occurred_on=held_on,
            kind=EntryKind.CASE_SUPERVISION,
            summary=_("Case supervision with %(supervisor)s") % {"supervisor": supervisor},
            detail=discussed.decision,
            is_significant=True,
            recorded_by=staff_member(actor),
        )
        publish_casework_changed(child.pk)
    return session


def _pk(child: Child) -> int:
    return child.pk


@transaction.atomic
def mark_action_done(
    *,
    action: SupervisionAction,
    done_on: dt.date,
    actor: Actor | None = None,
    version: int | None = None,
) -> SupervisionAction:
    """Record that a supervision action was done. Only its owner, or someone who may
    supervise the child's worker, marks it done; an action is done once."""
    lock_child(action.child)
    action = SupervisionAction.objects.select_for_update().get(pk=action.pk)
    action.check_version(version)
    if action.done_on is not None:
        raise ValidationError(
            {
                "done_on": _("This action was marked done on %(date)s")
                % {"date": long_date(action.done_on)}
            }
        )
    check_not_future(done_on, "done_on", _("date it was done"))
    held_on = action.case.session.held_on
    if done_on < held_on:
        raise ValidationError(
            {
                "done_on": _("The action cannot be done before the supervision, on %(date)s")
                % {"date": long_date(held_on)}
            }
        )
    action.done_on = done_on
    action.done_by = staff_member(actor)
    action.next_version(version)
    action.save()
    publish_casework_changed(action.child_id)
    return action


def open_supervision_actions(*, child: Child, owner: Actor) -> list[SupervisionAction]:
    """The supervision actions for ``child`` that ``owner`` holds and has not done, by due
    date: what a handover of the child's case passes on."""
    return list(
        SupervisionAction.objects.filter(child=child, owner=owner, done_on__isnull=True).order_by(
            "due_on", "pk"
        )
    )


def reassign_supervision_actions(*, child: Child, old_owner: Actor, new_owner: Actor) -> int:
    """Give ``new_owner`` the open supervision actions for ``child`` that ``old_owner`` holds,
    returning how many. Runs in the caller's transaction (the handover of a case), which has
    locked the child. Each action moves to its next version in the one statement, so that a
    form opened on it before the handover is refused as out of date."""
    actions = SupervisionAction.objects.filter(child=child, owner=old_owner, done_on__isnull=True)
    return int(actions.update(owner=new_owner, version=F("version") + 1))
