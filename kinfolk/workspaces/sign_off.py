"""The one sign-off queue: everything that waits for a manager to agree it or return it,
from every app that declares a kind of sign-off (``kinfolk.core.registry.sign_off_kinds``;
docs/sign-off.md).

The queue reads what waits in two steps, so that its cost follows the page it shows rather than
everything waiting: first each kind's ``Waiting`` rows (a record's id, its child and since when
it has waited: one narrow query a kind), with one more query to find the team that holds each
child, keeping what the viewer's ``P.SIGN_OFF`` reaches (a team manager: their own team's
children and children no team holds; a head of service: all), sorted oldest first and
counted; then the whole items of only the page shown, in a fixed number of queries a kind.
The same registry answers the other way round: what managers returned to a worker and waits
for their answer.
"""

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.utils import timezone

from kinfolk.access.policy import P, allows
from kinfolk.core.registry import SignOffItem, SignOffKind, Waiting, sign_off_kinds
from kinfolk.core.working_days import working_days_between
from kinfolk.workforce.models import Allocation

#: How many items the queue shows on a page.
PAGE_SIZE = 25


@dataclass(frozen=True)
class QueuedItem:
    """An item in the queue with its kind and how long it has waited."""

    item: SignOffItem
    kind: SignOffKind
    days: int
    working_days: int
    is_own: bool


def _holding_teams(child_ids: set[int]) -> dict[int, int | None]:
    return dict(
        Allocation.objects.open().filter(child_id__in=child_ids).values_list("child_id", "team_id")
    )


def waiting(viewer: Any) -> list[Waiting]:
    """What waits for a manager that ``viewer`` may sign off, of every kind, oldest first,
    as the narrow rows the queue counts and pages."""
    rows = [row for _, kind in sign_off_kinds.items() for row in kind.waiting(viewer)]
    teams = _holding_teams({row.child_id for row in rows})
    rows = [row for row in rows if allows(viewer, P.SIGN_OFF, team_id=teams.get(row.child_id))]
    rows.sort(key=lambda row: (row.waiting_since, row.kind, row.child_id, row.pk))
    return rows


def whole(viewer: Any, rows: Iterable[Waiting]) -> list[SignOffItem]:
    """The whole items of ``rows``, in their order: one call of each kind's ``items``."""
    rows = list(rows)
    wanted: dict[str, list[int]] = defaultdict(list)
    for row in rows:
        wanted[row.kind].append(row.pk)
    found = {
        (item.kind, item.pk): item
        for code, pks in wanted.items()
        for item in sign_off_kinds[code].items(viewer, pks)
    }
    return [found[row.kind, row.pk] for row in rows if (row.kind, row.pk) in found]


def waiting_for(viewer: Any) -> list[SignOffItem]:
    """Every item of every kind waiting for a manager that ``viewer`` may sign off, oldest
    first, whole (the queue's page reads only its own with ``whole``)."""
    return whole(viewer, waiting(viewer))


def queued(
    items: list[SignOffItem], viewer: Any, *, now: dt.datetime | None = None
) -> list[QueuedItem]:
    """The items with their kind, their age in days and in working days, and whether they are
    the viewer's own work (which another manager signs off)."""
    today = timezone.localtime(now or timezone.now()).date()
    rows = []
    for item in items:
        since = timezone.localtime(item.waiting_since).date()
        rows.append(
            QueuedItem(
                item=item,
                kind=sign_off_kinds[item.kind],
                days=max((today - since).days, 0),
                working_days=working_days_between(since, today),
                is_own=item.submitted_by_id is not None and item.submitted_by_id == viewer.pk,
            )
        )
    return rows


def counts_by_kind(rows: Iterable[Waiting]) -> list[tuple[SignOffKind, int]]:
    """How many items of each declared kind wait, in the order the kinds were declared."""
    counts = Counter(row.kind for row in rows)
    return [(kind, counts.get(code, 0)) for code, kind in sign_off_kinds.items()]


def returned_to(worker: Any) -> list[SignOffItem]:
    """What managers returned to ``worker``, of every kind that can be returned, oldest
    first: the worker's "Returned to you"."""
    items = [
        item
        for _, kind in sign_off_kinds.items()
        if kind.returned is not None
        for item in kind.returned(worker)
    ]
    items.sort(key=lambda item: (item.waiting_since, item.kind, item.child_id))
    return items
