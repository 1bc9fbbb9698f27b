"""Recording that a child is an unaccompanied asylum-seeking child, and when that status
ceased (SSDA903 UASC and DUC).

Every function runs in one transaction, locks the child first, writes the chronology and
publishes ``casework_changed``; a refusal raises ``ValidationError`` keyed by field and
changes nothing.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models import (
    UASCPeriod,
)
from kinfolk.care.services.health import check_day, record_entry
from kinfolk.casework.services import lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.guards import Guard, open_record_facts
from kinfolk.core.working_days import add_months
from kinfolk.people.models import Child


def open_uasc_period(child: Child) -> UASCPeriod | None:
    """The child's UASC status that has not ceased, if any."""
    return UASCPeriod.objects.filter(child=child, end_on__isnull=True).first()


#: UASC status begins for a child who does not have it already.
NOT_UASC: Guard[Child] = Guard(
    name="not-uasc",
    message=gettext_lazy(
        "%(subject)s has been an unaccompanied asylum-seeking child since %(date)s"
    ),
    holds=lambda child: open_uasc_period(child) is None,
    facts=open_record_facts(open_uasc_period, "start_on"),
    field="start_on",
)

#: UASC status ceases for a child who has it.
UASC: Guard[Child] = Guard(
    name="uasc",
    message=gettext_lazy("%(subject)s is not an unaccompanied asylum-seeking child"),
    holds=lambda child: open_uasc_period(child) is not None,
    field="end_on",
)


@transaction.atomic
def start_uasc(
    *,
    child: Child,
    start_on: dt.date,
    immigration_status: str = "",
    actor: Actor | None = None,
) -> UASCPeriod:
    """The child is recognised as an unaccompanied asylum-seeking child (SSDA903 UASC)."""
    child = lock_child(child)
    check_day(child, start_on, "start_on", _("date UASC status began"))
    if (child.age_on(start_on) or 0) >= 18:
        raise ValidationError({"start_on": _("UASC status is for children under 18")})
    NOT_UASC.check(child)
    last = UASCPeriod.objects.filter(child=child).order_by("-end_on").first()
    if last is not None:
        assert last.end_on is not None  # NOT_UASC holds: every UASC period has ceased
        if start_on <= last.end_on:
            raise ValidationError(
                {
                    "start_on": _("UASC status last ceased on %(date)s: this must be after it")
                    % {"date": long_date(last.end_on)}
                }
            )
    period = UASCPeriod.objects.create(
        child=child,
        start_on=start_on,
        immigration_status=immigration_status.strip(),
        recorded_by=staff_member(actor),
    )
    record_entry(child, start_on, EntryKind.UASC, _("Unaccompanied asylum-seeking child"), actor)
    return period


@transaction.atomic
def end_uasc(*, child: Child, end_on: dt.date, actor: Actor | None = None) -> UASCPeriod:
    """UASC status ceased, on or before the 18th birthday (SSDA903 DUC, rule 304)."""
    child = lock_child(child)
    check_day(child, end_on, "end_on", _("date UASC status ceased"))
    UASC.check(child)
    period = open_uasc_period(child)
    assert period is not None  # UASC holds
    if end_on < period.start_on:
        raise ValidationError(
            {
                "end_on": _("This is before UASC status began, on %(date)s")
                % {"date": long_date(period.start_on)}
            }
        )
    assert child.date_of_birth is not None  # check_day refuses a child without one
    eighteenth = add_months(child.date_of_birth, 18 * 12)
    if end_on > eighteenth:
        raise ValidationError(
            {
                "end_on": _("UASC status ends by the 18th birthday, %(date)s")
                % {"date": long_date(eighteenth)}
            }
        )
    period.end_on = end_on
    period.save(update_fields=["end_on"])
    record_entry(child, end_on, EntryKind.UASC, _("UASC status ceased"), actor)
    return period
