"""Personal advisers: allocating one to a care leaver, with the handover from the social
worker (docs/domain.md finding 26)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.leaving.models import PersonalAdviserAllocation
from kinfolk.leaving.services.eligibility import check_care_leaver, check_date
from kinfolk.people.models import Child
from kinfolk.workforce.choices import CASE_HOLDING_ROLES


def current_adviser(child: Child, on: dt.date) -> PersonalAdviserAllocation | None:
    """The personal adviser allocated to the young person on ``on``, if any."""
    return (
        PersonalAdviserAllocation.objects.filter(child=child, start_on__lte=on)
        .exclude(end_on__lte=on)
        .select_related("adviser")
        .first()
    )


@transaction.atomic
def allocate_personal_adviser(
    *,
    child: Child,
    adviser: Actor,
    start_on: dt.date,
    introduced_on: dt.date | None = None,
    joint_visit_on: dt.date | None = None,
    is_imported: bool = False,
    actor: Actor | None = None,
) -> PersonalAdviserAllocation:
    """Allocate a personal adviser to a care leaver, ending the previous adviser's allocation
    on the same day (Children Act 1989 Sch. 2 para. 19C, s23D).

    ``introduced_on`` and ``joint_visit_on`` record the handover from the social worker:
    when the adviser met the young person, and the joint visit that should happen before 18
    (docs/domain.md finding 26).
    """
    child = lock_child(child)
    check_date(child, start_on, "start_on", _("date the personal adviser was allocated"))
    if not adviser.is_active or adviser.role not in CASE_HOLDING_ROLES:
        raise ValidationError(
            {
                "adviser": _("%(worker)s cannot be a personal adviser: choose a personal adviser")
                % {"worker": adviser}
            }
        )
    for day, name, what in (
        (introduced_on, "introduced_on", _("date the personal adviser was introduced")),
        (joint_visit_on, "joint_visit_on", _("date of the joint visit")),
    ):
        if day is not None:
            check_date(child, day, name, what)
    check_care_leaver(child, start_on, "start_on", _("A personal adviser"))
    current = PersonalAdviserAllocation.objects.filter(child=child, end_on__isnull=True).first()
    if current is not None:
        if current.adviser_id == adviser.pk:
            raise ValidationError(
                {
                    "adviser": _("%(worker)s is already %(child)s's personal adviser")
                    % {"worker": adviser, "child": child}
                }
            )
        if start_on < current.start_on:
            raise ValidationError(
                {
                    "start_on": _(
                        "This is before the current personal adviser was allocated, on %(date)s"
                    )
                    % {"date": long_date(current.start_on)}
                }
            )
        current.end_on = start_on
        current.save(update_fields=["end_on"])
    allocation = PersonalAdviserAllocation.objects.create(
        child=child,
        adviser=adviser,
        start_on=start_on,
        introduced_on=introduced_on,
        joint_visit_on=joint_visit_on,
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.ALLOCATION,
        summary=_("Personal adviser allocated: %(worker)s") % {"worker": adviser},
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return allocation
