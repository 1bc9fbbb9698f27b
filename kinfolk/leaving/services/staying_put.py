"""Staying put: a former relevant young person who was living with foster carers at 18 stays
on with them, to 21 or to 25 in full-time education (Children Act 1989 s23CZA)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.history import birthday
from kinfolk.care.models import CareEpisode
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard, open_record_facts
from kinfolk.leaving.models import StayingPut
from kinfolk.leaving.services.eligibility import (
    born_on,
    check_date,
    refuse_not_care_leaver,
    standing_of,
)
from kinfolk.people.models import Child

#: Placements with foster carers (SSDA903 U1-U6), from which a young person may stay put.
FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})


def _open_arrangement(child: Child) -> StayingPut | None:
    return StayingPut.objects.filter(child=child, end_on__isnull=True).first()


#: One staying put arrangement at a time: a new one starts after the last has ended.
NOT_STAYING_PUT: Guard[Child] = Guard(
    name="not-staying-put",
    message=gettext_lazy(
        "%(subject)s already has a staying put arrangement from %(date)s: end it first"
    ),
    holds=lambda child: _open_arrangement(child) is None,
    field="start_on",
    facts=open_record_facts(_open_arrangement, "start_on"),
)
#: Only an arrangement that is going on can end.
IS_STAYING_PUT: Guard[Child] = Guard(
    name="staying-put",
    message=gettext_lazy("%(subject)s is not staying put"),
    holds=lambda child: _open_arrangement(child) is not None,
    field="end_on",
)


def staying_put_ends_by(child: Child, *, is_in_full_time_education: bool) -> dt.date:
    """The last day a staying put arrangement can run to: the 21st birthday, or the 25th for a
    young person in full-time education (docs/domain.md stage 28)."""
    return birthday(born_on(child), 25 if is_in_full_time_education else 21)


@transaction.atomic
def start_staying_put(
    *,
    child: Child,
    start_on: dt.date,
    end_on: dt.date | None = None,
    carers: str = "",
    is_in_full_time_education: bool = False,
    actor: Actor | None = None,
) -> StayingPut:
    """Record a staying put arrangement: a former relevant young person who was living with
    foster carers at 18 stays on with them (Children Act 1989 s23CZA). It runs to 21, or 25
    in full-time education."""
    child = lock_child(child)
    check_date(child, start_on, "start_on", _("date staying put started"))
    eighteenth = birthday(born_on(child), 18)
    if start_on < eighteenth:
        raise ValidationError(
            {
                "start_on": _("Staying put starts at 18: %(child)s turns 18 on %(date)s")
                % {"child": child, "date": long_date(eighteenth)}
            }
        )
    standing = standing_of(child, start_on)
    if not standing.status:
        refuse_not_care_leaver(child, start_on, "start_on", _("Staying put"), standing)
    last_day_in_care = eighteenth - dt.timedelta(days=1)
    episode_at_18 = (
        CareEpisode.objects.filter(child=child, start_on__lte=last_day_in_care)
        .filter(Q(end_on__isnull=True) | Q(end_on__gt=last_day_in_care))
        .order_by("-start_on", "-pk")
        .first()
    )
    if episode_at_18 is None or episode_at_18.placement_type not in FOSTER_PLACEMENTS:
        raise ValidationError(
            {
                "start_on": _(
                    "Staying put is for a young person living with foster carers when they "
                    "turned 18, and %(child)s was not"
                )
                % {"child": child}
            }
        )
    limit = staying_put_ends_by(child, is_in_full_time_education=is_in_full_time_education)
    reach = (
        _("25th birthday, in full-time education")
        if is_in_full_time_education
        else _("21st birthday, or the 25th in full-time education")
    )
    for name, day in (("start_on", start_on), ("end_on", end_on)):
        if day is not None and (day > limit or (name == "start_on" and day == limit)):
            raise ValidationError(
                {
                    name: _("Staying put runs until the %(reach)s: %(date)s")
                    % {"reach": reach, "date": long_date(limit)}
                }
            )
    if end_on is not None:
        check_not_future(end_on, "end_on", _("date staying put ended"))
        if end_on < start_on:
            raise ValidationError({"end_on": _("Staying put cannot end before it started")})
    NOT_STAYING_PUT.check(child)
    previous = StayingPut.objects.filter(child=child).order_by("-start_on", "-pk").first()
    # None is open (the guard above), so the latest one has ended.
    previous_end_on = previous.end_on if previous is not None else None
    if previous_end_on is not None and start_on < previous_end_on:
        raise ValidationError(
            {
                "start_on": _("This overlaps the staying put arrangement that ended on %(date)s")
                % {"date": long_date(previous_end_on)}
            }
        )
    arrangement = StayingPut.objects.create(
        child=child,
        start_on=start_on,
        end_on=end_on,
        carers=carers.strip(),
        is_in_full_time_education=is_in_full_time_education,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.RECORD,
        summary=_("Staying put with former foster carers"),
        detail=arrangement.carers,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return arrangement


@transaction.atomic
def end_staying_put(*, child: Child, end_on: dt.date, actor: Actor | None = None) -> StayingPut:
    """The staying put arrangement ends."""
    child = lock_child(child)
    IS_STAYING_PUT.check(child)
    arrangement = _open_arrangement(child)
    assert arrangement is not None  # the guard holds while the child is locked
    check_date(child, end_on, "end_on", _("date staying put ended"))
    if end_on < arrangement.start_on:
        raise ValidationError(
            {
                "end_on": _("Staying put cannot end before it started, on %(date)s")
                % {"date": long_date(arrangement.start_on)}
            }
        )
    arrangement.end_on = end_on
    arrangement.save(update_fields=["end_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=end_on,
        kind=EntryKind.RECORD,
        summary=_("Staying put ended"),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return arrangement
