"""The meetings a case note may be linked to.

Casework does not know the meetings of child protection (strategy discussions, conferences,
core groups): they live in an app above it, which casework may not import. That app
declares each kind of meeting here when Django starts (in its ``registrations.py``)::

    register_meeting_kind(CoreGroupMeeting, date_field="held_on")

(``name`` names one meeting, when its model's name and date do not say enough), and a case
note links to one through a generic relation (``CaseNote.meeting``). Each kind
has a foreign key ``child`` to ``people.Child``.
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models

from kinfolk.core.dates import long_date


@dataclass(frozen=True)
class MeetingKind:
    model: type[models.Model]
    #: The field holding the meeting's date.
    date_field: str
    #: What a meeting is called on the pages, before its date (else the model's name).
    name: Callable[[Any], str] | None = None

    def label(self, meeting: Any) -> str:
        name = self.name(meeting) if self.name else str(self.model._meta.verbose_name)
        return f"{name[:1].upper()}{name[1:]}, {long_date(getattr(meeting, self.date_field))}"


_KINDS: dict[str, MeetingKind] = {}


def register_meeting_kind(
    model: type[models.Model], *, date_field: str, name: Callable[[Any], str] | None = None
) -> None:
    """Declare a model whose records are meetings about a child."""
    _KINDS[model._meta.label_lower] = MeetingKind(model=model, date_field=date_field, name=name)


def meeting_choices(child_id: int) -> list[tuple[str, str]]:
    """The child's meetings, newest first, as ``(key, label)`` pairs for a form: the key is
    ``<content type id>:<id>``."""
    found: list[tuple[dt.date, str, str]] = []
    for kind in _KINDS.values():
        content_type = ContentType.objects.get_for_model(kind.model)
        for meeting in kind.model._default_manager.filter(child_id=child_id):
            day = getattr(meeting, kind.date_field)
            found.append((day, f"{content_type.pk}:{meeting.pk}", kind.label(meeting)))
    found.sort(key=lambda item: item[0], reverse=True)
    return [(key, label) for _day, key, label in found]


def find_meeting(key: str, *, child_id: int) -> Any:
    """The child's meeting that ``key`` names (``meeting_choices``), or None."""
    type_id, _sep, pk = key.partition(":")
    if not (type_id.isdigit() and pk.isdigit()):
        return None
    content_type = ContentType.objects.filter(pk=int(type_id)).first()
    if content_type is None or content_type.model_class() is None:
        return None
    model = content_type.model_class()
    if model is None or model._meta.label_lower not in _KINDS:
        return None
    return model._default_manager.filter(pk=int(pk), child_id=child_id).first()


def meeting_label(meeting: Any) -> str:
    """How a page names a linked meeting."""
    kind = _KINDS.get(meeting._meta.label_lower)
    return kind.label(meeting) if kind is not None else str(meeting)
