"""Contacts with care leavers, and what SSDA903 OC3 asks of each: whether the authority is in
touch, the young person's accommodation and their main activity."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import CareLeaverAccommodation, CareLeaverActivity, CareLeaverInTouch
from kinfolk.core.events import publish_casework_changed
from kinfolk.leaving.models import CareLeaverContact
from kinfolk.leaving.services.advisers import current_adviser
from kinfolk.leaving.services.eligibility import check_care_leaver
from kinfolk.people.models import Child

#: Accommodation with former foster carers after 18 (OC3 Z1/Z2; rule 3001).
WITH_FORMER_FOSTER_CARERS = frozenset({"Z1", "Z2"})


@transaction.atomic
def record_care_leaver_contact(
    *,
    child: Child,
    contacted_on: dt.date,
    in_touch: str,
    accommodation: str = "",
    activity: str = "",
    adviser: Actor | None = None,
    notes: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> CareLeaverContact:
    """Record a contact with a care leaver and what SSDA903 OC3 asks: whether the authority
    is in touch, their accommodation and their main activity.

    The OC3 rules are kept here: when in touch, accommodation and activity are not "not
    known" (rule 345), and on a page they are required; when the young person has died or
    returned home, neither is given (344); accommodation with former foster carers is only
    after 18 (3001). The adviser is the young person's personal adviser on the day unless
    another is named.
    """
    child = lock_child(child)
    if in_touch not in CareLeaverInTouch.values:
        raise ValidationError({"in_touch": _("Choose whether the authority is in touch")})
    if accommodation and accommodation not in CareLeaverAccommodation.values:
        raise ValidationError({"accommodation": _("Choose the young person's accommodation")})
    if activity and activity not in CareLeaverActivity.values:
        raise ValidationError({"activity": _("Choose the young person's main activity")})
    check_not_future(contacted_on, "contacted_on", _("date of the contact"))
    if child.date_of_birth is None or contacted_on < child.date_of_birth:
        raise ValidationError(
            {
                "contacted_on": _("The date of the contact cannot be before %(child)s was born")
                % {"child": child}
            }
        )
    check_care_leaver(child, contacted_on, "contacted_on", _("A care leaver contact"))
    not_known = CareLeaverAccommodation.NOT_KNOWN
    if in_touch == CareLeaverInTouch.YES:
        if accommodation == not_known:
            raise ValidationError(
                {
                    "accommodation": _(
                        "When in touch, say where the young person lives, not 'not known'"
                    )
                }
            )
        if activity == CareLeaverActivity.NOT_KNOWN:
            raise ValidationError(
                {"activity": _("When in touch, say what the young person does, not 'not known'")}
            )
        missing = {}
        if not is_imported and not accommodation:
            missing["accommodation"] = _("Choose the young person's accommodation")
        if not is_imported and not activity:
            missing["activity"] = _("Choose the young person's main activity")
        if missing:
            raise ValidationError(missing)
    if in_touch in (CareLeaverInTouch.DIED, CareLeaverInTouch.RHOM):
        for name, value in (("accommodation", accommodation), ("activity", activity)):
            if value and value != not_known:
                raise ValidationError(
                    {
                        name: _(
                            "Leave this blank: it is not reported for a young person who has "
                            "died or returned home"
                        )
                    }
                )
    if accommodation in WITH_FORMER_FOSTER_CARERS and (child.age_on(contacted_on) or 0) < 18:
        raise ValidationError(
            {
                "accommodation": _(
                    "Living with former foster carers after 18 is for young people aged 18 or "
                    "over: %(child)s was %(age)d"
                )
                % {"child": child, "age": child.age_on(contacted_on)}
            }
        )
    if adviser is None:
        allocation = current_adviser(child, contacted_on)
        adviser = allocation.adviser if allocation else None
    contact = CareLeaverContact.objects.create(
        child=child,
        contacted_on=contacted_on,
        in_touch=in_touch,
        accommodation=accommodation,
        activity=activity,
        adviser=adviser,
        notes=notes.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    details = [
        label
        for label in (
            contact.get_accommodation_display() if accommodation else "",
            contact.get_activity_display() if activity else "",
        )
        if label
    ]
    add_entry(
        child_id=child.pk,
        occurred_on=contacted_on,
        kind=EntryKind.VISIT,
        summary=_("Care leaver contact: %(in_touch)s")
        % {"in_touch": contact.get_in_touch_display()},
        detail="; ".join(details),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return contact
