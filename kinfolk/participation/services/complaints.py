"""Telling a child in care how to complain and about the children in care council
(docs/domain.md finding 70)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import lock_child
from kinfolk.core.actors import Actor, staff_member
from kinfolk.participation.choices import ToldHow
from kinfolk.participation.models import ToldHowToComplain
from kinfolk.participation.registrations import ParticipationEntryKind as Kind
from kinfolk.participation.services.common import LOOKED_AFTER, check_day, entry, required
from kinfolk.people.models import Child


@transaction.atomic
def record_told_how_to_complain(
    *,
    child: Child,
    told_on: dt.date,
    told_by: str,
    how: str,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> ToldHowToComplain:
    """A child in care was told how to complain and about the children in care council."""
    child = lock_child(child)
    LOOKED_AFTER.check(child)
    check_day(child, told_on, "told_on", _("date told"))
    told_by = required(told_by, "told_by", _("Enter who told the child"))
    if how not in ToldHow.values:
        raise ValidationError({"how": _("Choose how the child was told")})
    told = ToldHowToComplain.objects.create(
        child=child,
        told_on=told_on,
        told_by=told_by,
        how=how,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    entry(
        child,
        told_on,
        Kind.TOLD_HOW_TO_COMPLAIN,
        _("Told how to complain and about the children in care council (%(how)s)")
        % {"how": told.get_how_display().lower()},
        actor,
    )
    return told
