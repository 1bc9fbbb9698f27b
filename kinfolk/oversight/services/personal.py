"""Personal supervision of a worker (docs/oversight.md): their wellbeing, development and
caseload, at its own frequency. It names no child, so it writes no chronology entry and
publishes no change of casework."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.access.policy import P, allows
from kinfolk.casework.services import check_not_future
from kinfolk.core import timescales
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.oversight.models import PersonalSupervision


@transaction.atomic
def record_personal_supervision(
    *,
    worker: Actor,
    supervisor: Actor,
    held_on: dt.date,
    wellbeing: str = "",
    development: str = "",
    caseload: str = "",
    next_on: dt.date | None = None,
    actor: Actor | None = None,
) -> PersonalSupervision:
    """Record a worker's personal supervision. The supervisor is not the worker; on a page
    the person recording may supervise the worker's team; the next one is after this one."""
    if supervisor.pk == worker.pk:
        raise ValidationError({"worker": _("A supervisor cannot supervise themselves")})
    if actor is not None and not allows(actor, P.SUPERVISE, team_id=worker.team_id):
        raise ValidationError(
            {"worker": _("You cannot record supervision for %(worker)s") % {"worker": worker}}
        )
    check_not_future(held_on, "held_on", _("date of the supervision"))
    if not (wellbeing.strip() or development.strip() or caseload.strip()):
        raise ValidationError({"wellbeing": _("Enter what was discussed")})
    if next_on is not None and next_on <= held_on:
        raise ValidationError(
            {
                "next_on": _("The next supervision must be after this one, on %(date)s")
                % {"date": long_date(held_on)}
            }
        )
    return PersonalSupervision.objects.create(
        worker=worker,
        supervisor=supervisor,
        held_on=held_on,
        wellbeing=wellbeing.strip(),
        development=development.strip(),
        caseload=caseload.strip(),
        next_on=next_on,
        recorded_by=staff_member(actor),
    )


def next_personal_supervision(last: PersonalSupervision | None) -> dt.date | None:
    """When the worker's next personal supervision is due: the date set at the last, or the
    local interval after it (``KINFOLK_PERSONAL_SUPERVISION_MONTHS``); None with none yet."""
    if last is None:
        return None
    return last.next_on or timescales.PERSONAL_SUPERVISION.due_after(last.held_on)
