"""Recording staff, teams and allocations of children's cases."""

import datetime as dt
from typing import Final

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor
from kinfolk.core.codes import SocialWorkerChangeReason
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child
from kinfolk.people.services import lock_child
from kinfolk.workforce.caseloads import caseload
from kinfolk.workforce.choices import Role
from kinfolk.workforce.handover import hand_over
from kinfolk.workforce.models import Allocation, Team, User


@transaction.atomic
def create_team(*, name: str) -> Team:
    """Record a team, or return it if it is already recorded."""
    if not name.strip():
        raise ValidationError({"name": _("Enter the team's name")})
    team, _created = Team.objects.get_or_create(name=name.strip())
    return team


@transaction.atomic
def create_worker(
    *,
    username: str,
    display_name: str,
    role: str,
    team: Team | None = None,
    is_agency: bool = False,
    is_qualified: bool = False,
    qualified_on: dt.date | None = None,
    password: str | None = None,
    email: str = "",
) -> User:
    """Record a member of staff who can sign in (without a password, they cannot yet)."""
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role: %(role)s") % {"role": role}})
    user = User(
        username=username.strip(),
        display_name=display_name.strip(),
        role=role,
        team=team,
        is_agency=is_agency,
        is_qualified=is_qualified,
        qualified_on=qualified_on,
        email=email,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    user.save()
    return user


#: ``allocate_child`` is not told which allocation the manager saw (a journey, an import).
UNCHECKED: Final = object()


@transaction.atomic
def allocate_child(
    *,
    child: Child,
    worker: User,
    start_on: dt.date,
    reason: str = "",
    note: str = "",
    actor: Actor | None = None,
    replacing: int | object | None = UNCHECKED,
    over_cap_reason: str = "",
    handover_note: str = "",
) -> Allocation:
    """Give a child's case to a worker from a date; the previous allocation ends that day.

    ``reason`` is the SSDA903 SW_REASON code; a child's first allocation is ``FCONTA``.
    ``replacing`` is the open allocation the manager saw when they chose the worker (its id,
    or ``None`` when the case was unallocated): when someone has allocated the case since,
    the allocation is refused, so that of two managers allocating at once one succeeds and
    the other is told who has the case now. The child's row is locked first, so that two
    allocations at the same moment are made one after the other.

    When a member of staff allocates (``actor``), a worker at or over their caseload cap
    takes the case only with ``over_cap_reason``, and a case that changes hands only with a
    ``handover_note`` for the new worker (docs/caseloads.md). A journey or an import (no
    actor) is never refused for either. Whenever the case changes hands, what the old worker
    held for the child (kinfolk.workforce.handover) is given to the new worker in the same
    transaction.
    """
    child = lock_child(child)
    if start_on > timezone.localdate():
        raise ValidationError({"start_on": _("The allocation must start today or in the past")})
    if reason and reason not in SocialWorkerChangeReason.values:
        raise ValidationError({"reason": _("Unknown reason code: %(code)s") % {"code": reason}})
    if not worker.is_active:
        raise ValidationError({"worker": _("%(name)s can no longer sign in") % {"name": worker}})
    current = Allocation.objects.filter(child=child).open().select_related("worker").first()
    if replacing is not UNCHECKED and replacing != (current.pk if current else None):
        raise ValidationError(
            {
                "worker": _(
                    "While you were choosing, this child's case was allocated to %(name)s. "
                    "Check the allocation history before you change it"
                )
                % {"name": current.worker if current else _("nobody")}
            }
        )
    over_cap_reason = over_cap_reason.strip()
    handover_note = handover_note.strip()
    if actor is not None and not (current is not None and current.worker_id == worker.pk):
        load = caseload(worker, timezone.localdate(), viewer=actor)
        if load.is_at_cap and not over_cap_reason:
            raise ValidationError(
                {
                    "over_cap_reason": _(
                        "%(warning)s. Give the reason for allocating this case over the cap"
                    )
                    % {"warning": load.warning}
                }
            )
        if current is not None and current.worker_id != worker.pk and not handover_note:
            raise ValidationError(
                {
                    "handover_note": _(
                        "Write a handover note for %(name)s: what they need to know to take "
                        "over the case"
                    )
                    % {"name": worker}
                }
            )
    if current is not None:
        if current.worker_id == worker.pk:
            raise ValidationError(
                {"worker": _("%(name)s already holds this child's case") % {"name": worker}}
            )
        if start_on < current.start_on:
            raise ValidationError(
                {
                    "start_on": _(
                        "The new allocation must start on or after %(date)s, "
                        "when the current one started"
                    )
                    % {"date": long_date(current.start_on)}
                }
            )
        current.end_on = start_on
        current.save(update_fields=["end_on"])
    allocation = Allocation.objects.create(
        child=child,
        worker=worker,
        team=worker.team,
        start_on=start_on,
        reason=reason
        or (
            SocialWorkerChangeReason.FCONTA if current is None else SocialWorkerChangeReason.OTHERS
        ),
        note=note.strip(),
        over_cap_reason=over_cap_reason,
        handover_note=handover_note,
        recorded_by=actor if isinstance(actor, User) else None,
    )
    moved = hand_over(child, current.worker, worker) if current is not None else 0
    detail = [str(allocation.get_reason_display())]
    if over_cap_reason:
        detail.append(
            _("Allocated over the caseload cap: %(reason)s") % {"reason": over_cap_reason}
        )
    if current is not None:
        detail.append(
            _("Handed over from %(old)s (%(count)d open items moved)")
            % {"old": current.worker, "count": moved}
        )
    if handover_note:
        detail.append(_("Handover note: %(note)s") % {"note": handover_note})
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.ALLOCATION,
        summary=_("Allocated to %(worker)s") % {"worker": worker.display_name},
        detail="\n".join(detail),
        is_significant=bool(handover_note),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return allocation


@transaction.atomic
def end_allocation(*, child: Child, end_on: dt.date, actor: Actor | None = None) -> Allocation:
    """End the child's current allocation, leaving the child unallocated."""
    child = lock_child(child)
    current = Allocation.objects.select_for_update().filter(child=child).open().first()
    if current is None:
        raise ValidationError({"end_on": _("This child's case is not allocated")})
    if end_on < current.start_on:
        raise ValidationError({"end_on": _("The allocation cannot end before it started")})
    current.end_on = end_on
    current.save(update_fields=["end_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=end_on,
        kind=EntryKind.ALLOCATION,
        summary=_("No longer allocated to %(worker)s") % {"worker": current.worker},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return current
