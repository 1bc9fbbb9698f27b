"""Support to 25: a former relevant young person aged 21 to 24 asks for a personal adviser's
support again (Children Act 1989 s23CZB)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.history import birthday
from kinfolk.casework.services import lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.leaving.models import SupportTo25
from kinfolk.leaving.services.eligibility import (
    born_on,
    check_date,
    refuse_not_care_leaver,
    standing_of,
)
from kinfolk.people.models import Child


def _open_support(child: Child) -> SupportTo25 | None:
    return SupportTo25.objects.filter(child=child, ended_on__isnull=True).first()


#: Only support to 25 that is going on can end.
HAS_SUPPORT_TO_25: Guard[Child] = Guard(
    name="has-support-to-25",
    message=gettext_lazy("%(subject)s has no support to 25 to end"),
    holds=lambda child: _open_support(child) is not None,
    field="ended_on",
)


@transaction.atomic
def request_support_to_25(
    *, child: Child, requested_on: dt.date, actor: Actor | None = None
) -> SupportTo25:
    """A former relevant young person aged 21 to 24 asks for a personal adviser's support
    (Children Act 1989 s23CZB)."""
    child = lock_child(child)
    check_date(child, requested_on, "requested_on", _("date the young person asked"))
    standing = standing_of(child, requested_on)
    if not standing.was_former_relevant:
        refuse_not_care_leaver(child, requested_on, "requested_on", _("Support to 25"), standing)
    if not 21 <= (standing.age or 0) < 25:
        raise ValidationError(
            {
                "requested_on": _(
                    "Support to 25 is for a young person aged 21 to 24: %(child)s was %(age)d"
                )
                % {"child": child, "age": standing.age}
            }
        )
    if SupportTo25.objects.filter(child=child, ended_on__isnull=True).exists():
        raise ValidationError(
            {"requested_on": _("%(child)s already has support to 25") % {"child": child}}
        )
    support = SupportTo25.objects.create(
        child=child, requested_on=requested_on, recorded_by=staff_member(actor)
    )
    add_entry(
        child_id=child.pk,
        occurred_on=requested_on,
        kind=EntryKind.RECORD,
        summary=_("Asked for a personal adviser's support to 25"),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return support


@transaction.atomic
def end_support_to_25(
    *, child: Child, ended_on: dt.date, actor: Actor | None = None
) -> SupportTo25:
    """Support to 25 ends, at the young person's wish or at their 25th birthday."""
    child = lock_child(child)
    HAS_SUPPORT_TO_25.check(child)
    support = _open_support(child)
    assert support is not None  # the guard holds while the child is locked
    check_date(child, ended_on, "ended_on", _("date support ended"))
    if ended_on < support.requested_on:
        raise ValidationError(
            {
                "ended_on": _("Support cannot end before it was asked for, on %(date)s")
                % {"date": long_date(support.requested_on)}
            }
        )
    if ended_on > birthday(born_on(child), 25):
        raise ValidationError({"ended_on": _("Support to 25 ends by the 25th birthday")})
    support.ended_on = ended_on
    support.save(update_fields=["ended_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=ended_on,
        kind=EntryKind.RECORD,
        summary=_("Support to 25 ended"),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return support
