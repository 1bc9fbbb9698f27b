"""Management decisions on a child's case (docs/oversight.md): the outcome sought for the
child, the decision and its rationale, who makes it happen and by when."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.access.policy import P, allows
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.oversight.models import ManagementDecision
from kinfolk.people.models import Child


@transaction.atomic
def record_management_decision(
    *,
    child: Child,
    decided_on: dt.date,
    decision: str,
    rationale: str,
    outcome_sought: str = "",
    owner: Actor | None = None,
    due_on: dt.date | None = None,
    decided_by: Actor | None = None,
    actor: Actor | None = None,
) -> ManagementDecision:
    """Record a manager's decision on the child's case, significant in the chronology.

    The manager deciding is ``decided_by``, or the person recording; a decision needs its
    rationale, and a date by which it happens is on or after the decision.
    """
    child = lock_child(child)
    decided_by = decided_by or staff_member(actor)
    if decided_by is None:
        raise ValidationError({"decided_by": _("Choose the manager who took the decision")})
    if actor is not None and not allows(actor, P.SUPERVISE):
        raise ValidationError({"decision": _("You cannot record a management decision")})
    check_not_future(decided_on, "decided_on", _("date of the decision"))
    if not decision.strip():
        raise ValidationError({"decision": _("Enter the decision")})
    if not rationale.strip():
        raise ValidationError({"rationale": _("Enter why the decision was taken")})
    if due_on is not None and due_on < decided_on:
        raise ValidationError(
            {
                "due_on": _("The date it happens by must be on or after the decision, %(date)s")
                % {"date": long_date(decided_on)}
            }
        )
    record = ManagementDecision.objects.create(
        child=child,
        decided_on=decided_on,
        decided_by=decided_by,
        outcome_sought=outcome_sought.strip(),
        decision=decision.strip(),
        rationale=rationale.strip(),
        owner=owner,
        due_on=due_on,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=decided_on,
        kind=EntryKind.MANAGEMENT_DECISION,
        summary=_("Management decision by %(manager)s") % {"manager": decided_by},
        detail=record.decision,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return record
