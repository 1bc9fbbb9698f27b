"""Case notes: the narrative record of the work with a child and family.

A note is recorded once (``record_case_note``); for 24 hours its writer may correct it
(``correct_case_note``: every saved version is kept in its history); after that it is only
added to, by an addendum (``add_case_note_addendum``).
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.choices import CaseNoteKind
from kinfolk.casework.models import CaseNote, CaseNoteAddendum, CaseNoteProfessional, PlanAction
from kinfolk.casework.services.common import lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import LONDON, long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child, Relationship

#: The longest text a note, the child's views or an addendum may hold.
MAX_TEXT = 50000


def _check_content(
    child: Child, *, kind: str, occurred_at: dt.datetime, text: str, child_views: str
) -> dt.date:
    """Refuse what no note may say; the day the work happened, in Europe/London."""
    if kind not in CaseNoteKind.values:
        raise ValidationError({"kind": _("Choose the kind of work")})
    if not text.strip():
        raise ValidationError({"text": _("Enter what happened")})
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _("The note must be 50,000 characters or fewer")})
    if len(child_views) > MAX_TEXT:
        raise ValidationError(
            {"child_views": _("The child's views must be 50,000 characters or fewer")}
        )
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
    return day


def _professionals(entries: Iterable[Mapping[str, str]]) -> list[CaseNoteProfessional]:
    found = []
    for entry in entries:
        name = (entry.get("name") or "").strip()
        role = (entry.get("role") or "").strip()
        agency = (entry.get("agency") or "").strip()
        if not name or not agency:
            raise ValidationError(
                {"professionals": _("Give each professional's name and their agency")}
            )
        found.append(CaseNoteProfessional(name=name[:200], role=role[:200], agency=agency[:200]))
    return found


def _summary(note: CaseNote) -> str:
    return _("Case note: %(kind)s") % {"kind": note.get_kind_display()}


@transaction.atomic
def record_case_note(
    *,
    child: Child,
    occurred_at: dt.datetime,
    kind: str,
    text: str,
    child_views: str = "",
    is_significant: bool = False,
    present: Iterable[Relationship] = (),
    professionals: Iterable[Mapping[str, str]] = (),
    plan_action: PlanAction | None = None,
    meeting: Any = None,
    author: Actor | None = None,
    is_imported: bool = False,
    actor: Actor | None = None,
) -> CaseNote:
    """Record what was done with the child or family, and when: a case note, with who was
    there (members of the household and family, and professionals by agency), the child's
    views, and the plan action or meeting it was about. It is written to the chronology with
    its text, marked significant when the worker says so."""
    child = lock_child(child)
    day = _check_content(
        child, kind=kind, occurred_at=occurred_at, text=text, child_views=child_views
    )
    present = list(present)
    if any(relationship.child_id != child.pk for relationship in present):
        raise ValidationError({"present": _("Choose people from the child's household and family")})
    people = _professionals(professionals)
    if plan_action is not None and plan_action.plan.child_id != child.pk:
        raise ValidationError({"plan_action": _("Choose an action of the child's plan")})
    if meeting is not None and getattr(meeting, "child_id", None) != child.pk:
        raise ValidationError({"meeting": _("Choose a meeting about the child")})
    note = CaseNote(
        child=child,
        occurred_at=occurred_at,
        kind=kind,
        text=text.strip(),
        child_views=child_views.strip(),
        is_significant=is_significant,
        plan_action=plan_action,
        meeting=meeting,
        author=author,
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    note._history_user = staff_member(actor)  # type: ignore[attr-defined]
    note.chronology_entry = add_entry(
        child_id=child.pk,
        occurred_on=day,
        kind=EntryKind.CASE_NOTE,
        summary=_summary(note),
        detail=note.text,
        is_significant=is_significant,
        recorded_by=staff_member(actor),
    )
    note.save()
    if present:
        note.present.set(present)
    for person in people:
        person.note = note
    CaseNoteProfessional.objects.bulk_create(people)
    publish_casework_changed(child.pk)
    return note


def correction_refusal(note: CaseNote, actor: Actor | None, *, now: dt.datetime) -> str:
    """Why ``actor`` may not correct the note now (empty when they may): only its writer,
    only within 24 hours of its recording, and never a note brought in by an import or a
    journey (it was written elsewhere)."""
    if note.is_imported:
        return _("This note was brought in from another system. Add an addendum instead.")
    writers = {note.recorded_by_id, note.author_id} - {None}
    if actor is None or actor.pk not in writers:
        return _("Only the person who wrote this note can correct it. Add an addendum instead.")
    if now >= note.correctable_until():
        return _(
            "This note was recorded more than 24 hours ago, so it can no longer be corrected. "
            "Add an addendum instead."
        )
    return ""


@transaction.atomic
def correct_case_note(
    *,
    note: CaseNote,
    occurred_at: dt.datetime,
    kind: str,
    text: str,
    child_views: str = "",
    is_significant: bool = False,
    actor: Actor | None = None,
    version: int | None = None,
) -> CaseNote:
    """Correct a case note within 24 hours of its recording, by the person who wrote it. The
    version before the correction stays in the note's history and the chronology entry
    follows the note. A correction made from ``version`` of the note, when someone has
    saved it since, is refused with ``RecordChanged``."""
    child = lock_child(note.child)
    note = CaseNote.objects.select_for_update().get(pk=note.pk)
    note.next_version(version)
    refusal = correction_refusal(note, staff_member(actor), now=timezone.now())
    if refusal:
        raise ValidationError({"text": refusal})
    day = _check_content(
        child, kind=kind, occurred_at=occurred_at, text=text, child_views=child_views
    )
    note.occurred_at = occurred_at
    note.kind = kind
    note.text = text.strip()
    note.child_views = child_views.strip()
    note.is_significant = is_significant
    note._history_user = staff_member(actor)  # type: ignore[attr-defined]
    note.save()
    if note.chronology_entry_id:
        ChronologyEntry.objects.filter(pk=note.chronology_entry_id).update(
            occurred_on=day,
            summary=_summary(note)[:300],
            detail=note.text,
            is_significant=is_significant,
        )
    publish_casework_changed(child.pk)
    return note


@transaction.atomic
def add_case_note_addendum(
    *, note: CaseNote, text: str, actor: Actor | None = None
) -> CaseNoteAddendum:
    """Add to a case note: what was learned later, or a correction once the note can no
    longer be corrected. The note stays as it was written."""
    lock_child(note.child)
    if not text.strip():
        raise ValidationError({"text": _("Enter the addendum")})
    if len(text) > MAX_TEXT:
        raise ValidationError({"text": _("The addendum must be 50,000 characters or fewer")})
    addendum = CaseNoteAddendum.objects.create(
        note=note, text=text.strip(), added_by=staff_member(actor)
    )
    publish_casework_changed(note.child_id)
    return addendum
