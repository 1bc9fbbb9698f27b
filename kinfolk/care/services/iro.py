"""Allocating an independent reviewing officer to a child in care, and ending the allocation.

An IRO is allocated to a child who is looked after on the day the allocation starts (Children
Act 1989 s25A). Allocating another IRO ends the current allocation that day; the reason for the
change is required, so that the history says why the child's IRO changed. Every function runs
in one transaction, writes the chronology and publishes ``casework_changed``; a refusal raises
``ValidationError`` keyed by field and changes nothing.
"""

import datetime as dt

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from kinfolk.care.models.iro import IROAllocation, IROChangeReason
from kinfolk.care.services.episodes import period_on
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child
from kinfolk.workforce.choices import Role


def current_iro_allocation(child: Child) -> IROAllocation | None:
    """The child's open IRO allocation, if any."""
    return (
        IROAllocation.objects.filter(child=child, end_on__isnull=True).select_related("iro").first()
    )


def iro_history(child: Child) -> QuerySet[IROAllocation]:
    """Every IRO the child has had, latest first."""
    return IROAllocation.objects.filter(child=child).select_related("iro", "recorded_by")


def children_of_iro(iro: Actor, *, viewer: Actor) -> QuerySet[Child]:
    """The children ``viewer`` may see to whom ``iro`` is allocated now."""
    allocated = IROAllocation.objects.filter(iro=iro, end_on__isnull=True).values("child_id")
    return Child.objects.visible_to(viewer).filter(pk__in=allocated)


def independent_reviewing_officers() -> QuerySet:
    """The independent reviewing officers who can be allocated to a child, by name."""
    return (
        get_user_model()
        .objects.filter(role=Role.IRO, is_active=True)
        .order_by("display_name", "username")
    )


def _check_iro(iro: Actor) -> None:
    if not iro.is_active or getattr(iro, "role", "") != Role.IRO:
        raise ValidationError(
            {
                "iro": _("%(worker)s is not an independent reviewing officer: choose an IRO")
                % {"worker": iro}
            }
        )


@transaction.atomic
def allocate_iro(
    *,
    child: Child,
    iro: Actor,
    start_on: dt.date,
    reason: str = "",
    note: str = "",
    actor: Actor | None = None,
) -> IROAllocation:
    """Allocate an independent reviewing officer to a child in care from ``start_on``, ending the
    current IRO's allocation on the same day.

    A child's first IRO needs no reason (``first``); a later one does, so that the history
    says why the IRO changed. After a gap (the child left care and came back) the reason is
    ``return_to_care`` unless another is given.
    """
    child = lock_child(child)
    check_not_future(start_on, "start_on", _("date the IRO was allocated from"))
    _check_iro(iro)
    period_on(child, start_on, "start_on")
    if reason and reason not in IROChangeReason.values:
        raise ValidationError({"reason": _("Choose a reason from the list")})
    allocations = list(IROAllocation.objects.select_for_update().filter(child=child))
    current = next((a for a in allocations if a.end_on is None), None)
    if current is not None:
        if current.iro_id == iro.pk:
            raise ValidationError(
                {
                    "iro": _("%(worker)s is already %(child)s's IRO")
                    % {"worker": iro, "child": child}
                }
            )
        if start_on < current.start_on:
            raise ValidationError(
                {
                    "start_on": _(
                        "The new IRO must start on or after %(date)s, when the current IRO "
                        "was allocated"
                    )
                    % {"date": long_date(current.start_on)}
                }
            )
        if not reason:
            raise ValidationError({"reason": _("Choose why the child's IRO is changing")})
    elif allocations:
        latest_end = max(a.end_on for a in allocations if a.end_on is not None)
        if start_on < latest_end:
            raise ValidationError(
                {
                    "start_on": _("The child's previous IRO was allocated until %(date)s")
                    % {"date": long_date(latest_end)}
                }
            )
        reason = reason or IROChangeReason.RETURN_TO_CARE
    else:
        reason = reason or IROChangeReason.FIRST
    if reason == IROChangeReason.FIRST and allocations:
        raise ValidationError(
            {"reason": _("This child has had an IRO before: choose another reason")}
        )
    if current is not None:
        current.end_on = start_on
        current.save(update_fields=["end_on"])
    allocation = IROAllocation.objects.create(
        child=child,
        iro=iro,
        start_on=start_on,
        reason=reason,
        note=note.strip(),
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.ALLOCATION,
        summary=_("Independent reviewing officer allocated: %(worker)s") % {"worker": iro},
        detail=allocation.get_reason_display(),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return allocation


@transaction.atomic
def end_iro_allocation(
    *, child: Child, end_on: dt.date, actor: Actor | None = None
) -> IROAllocation:
    """End the child's IRO allocation on ``end_on``, when the child stops being looked after."""
    child = lock_child(child)
    check_not_future(end_on, "end_on", _("date the IRO allocation ended"))
    current = (
        IROAllocation.objects.select_for_update()
        .filter(child=child, end_on__isnull=True)
        .select_related("iro")
        .first()
    )
    if current is None:
        raise ValidationError({"end_on": _("No IRO is allocated to this child")})
    if end_on < current.start_on:
        raise ValidationError(
            {
                "end_on": _("The allocation cannot end before it started, on %(date)s")
                % {"date": long_date(current.start_on)}
            }
        )
    current.end_on = end_on
    current.save(update_fields=["end_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=end_on,
        kind=EntryKind.ALLOCATION,
        summary=_("Independent reviewing officer no longer allocated: %(worker)s")
        % {"worker": current.iro},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return current
