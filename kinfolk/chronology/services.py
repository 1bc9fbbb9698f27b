"""Writing the chronology. Called by the domain services, inside their transaction."""

import datetime as dt

from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.actors import Actor


def add_entry(
    *,
    child_id: int,
    occurred_on: dt.date,
    kind: str,
    summary: str,
    detail: str = "",
    is_significant: bool = False,
    recorded_by: Actor | None = None,
    other_child_id: int | None = None,
) -> ChronologyEntry:
    """Add an entry to a child's chronology.

    ``kind`` is one of the ``EntryKind`` codes; a kind no app has declared is refused, since
    the kind field itself accepts any text. ``other_child_id`` is another child the summary
    names: readers who may not see that child read "a restricted record" instead.
    """
    EntryKind.check(kind)
    return ChronologyEntry.objects.create(
        child_id=child_id,
        occurred_on=occurred_on,
        kind=kind,
        summary=summary[:300],
        detail=detail,
        is_significant=is_significant,
        recorded_by=recorded_by,
        other_child_id=other_child_id,
    )
