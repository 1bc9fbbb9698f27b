"""The records a document may be attached to.

The records (case notes, assessments, plans, meetings) live in apps above this one, which
may not be imported here. Each app declares its kinds of record when Django starts, in its
``registrations.py``::

    register_attachable(CaseNote, key="note", label=note_label, url=note_url)

A page then opens the upload form for one record with ``?<key>=<id>``. Each kind has a
foreign key ``child`` to ``people.Child``.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db import models


@dataclass(frozen=True)
class Attachable:
    key: str
    model: type[models.Model]
    label: Callable[[Any], str]
    #: The record's page, where the upload page returns to.
    url: Callable[[Any], str]


_BY_KEY: dict[str, Attachable] = {}


def register_attachable(
    model: type[models.Model],
    *,
    key: str,
    label: Callable[[Any], str],
    url: Callable[[Any], str],
) -> None:
    _BY_KEY[key] = Attachable(key=key, model=model, label=label, url=url)


def attachable_keys() -> list[str]:
    return list(_BY_KEY)


def find_attachable(key: str, pk: str | None, *, child_id: int) -> Any:
    """The child's record of kind ``key`` with this id, or None."""
    kind = _BY_KEY.get(key)
    if kind is None or not pk or not pk.isdigit():
        return None
    return kind.model._default_manager.filter(pk=int(pk), child_id=child_id).first()


def attachment_label(record: Any) -> str:
    """How a page names the record a document is attached to."""
    for kind in _BY_KEY.values():
        if isinstance(record, kind.model):
            return kind.label(record)
    return str(record)


def attachment_url(record: Any) -> str:
    """The page of the record a document is attached to (empty when unknown)."""
    for kind in _BY_KEY.values():
        if isinstance(record, kind.model):
            return kind.url(record)
    return ""
