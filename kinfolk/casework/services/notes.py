"""Case notes: the narrative record of the work with a child and family."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.choices import CaseNoteKind
from kinfolk.casework.models import CaseNote
from kinfolk.casework.services.common import lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import LONDON, long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child


@transaction.atomic
def record_case_note(
    *,
    child: Child,
    occurred_at: dt.datetime,
    kind: str,
    text: str,
    is_significant: bool = False,
    author: Actor | None = None,
    is_imported: bool = False,
    actor: Actor | None = None,
) -> CaseNote:
    """Record what was done with the child or family, and when: a case note. It is written to
    the chronology with its text, marked significant when the worker says so."""
    child = lock_child(child)
    if kind not in CaseNoteKind.values:
        raise ValidationError({"kind": _("Choose the kind of work")})
    if not text.strip():
        raise ValidationError({"text": _("Enter what happened")})
    if occurred_at > timezone.now():
        raise ValidationError({"occurred_at": _("The time of the work must be in the past")})
    day = occurred_at.astimezone(LONDON).date()
    if child.date_of_birth is not None and day < child.date_of_birth:
        raise ValidationError(
            {
                "occurred_at": _("This is before %(child)s was born, on %(date)s")
                % {"child": child, "date": long_date(child.date_of_birth)}
            }
        )
    note = CaseNote.objects.create(
        child=child,
        occurred_at=occurred_at,
        kind=kind,
        text=text.strip(),
        is_significant=is_significant,
        author=author,
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=day,
        kind=EntryKind.CASE_NOTE,
        summary=_("Case note: %(kind)s") % {"kind": note.get_kind_display()},
        detail=note.text,
        is_significant=is_significant,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return note
