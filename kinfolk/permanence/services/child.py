"""What every permanence record about a child checks and writes: a date in the child's life,
the period of care the child was in on a day, and the significant chronology entry."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from kinfolk.care.models import PeriodOfCare
from kinfolk.casework.services import check_not_future
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child


def check_born(child: Child, on: dt.date, field: str) -> None:
    if child.date_of_birth is None:
        raise ValidationError({field: _("%(child)s is not born yet") % {"child": child}})
    if on < child.date_of_birth:
        raise ValidationError(
            {
                field: _("This is before %(child)s was born, on %(date)s")
                % {"child": child, "date": long_date(child.date_of_birth)}
            }
        )


def check_date(child: Child, on: dt.date, field: str, what: str) -> None:
    """Casework records what has happened, in the child's life."""
    check_not_future(on, field, what)
    check_born(child, on, field)


def period_on(child: Child, on: dt.date, field: str) -> PeriodOfCare:
    """The period of care in which the child was looked after on ``on``."""
    periods = list(PeriodOfCare.objects.filter(child=child).order_by("start_on"))
    for period in periods:
        if period.start_on <= on and (period.end_on is None or on <= period.end_on):
            return period
    if not periods:
        raise ValidationError(
            {
                field: _("%(child)s is not looked after: record the start of care first")
                % {"child": child}
            }
        )
    raise ValidationError(
        {
            field: _("%(child)s was not looked after on %(date)s")
            % {"child": child, "date": long_date(on)}
        }
    )


def permanence_changed(
    child: Child, on: dt.date, summary: str, actor: Actor | None, detail: str = ""
) -> None:
    add_entry(
        child_id=child.pk,
        occurred_on=on,
        kind=EntryKind.PERMANENCE,
        summary=summary,
        detail=detail,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)


# Adoption ------------------------------------------------------------------------------------
