"""Changes of a child's allocated social worker (docs/caseloads.md; docs/domain.md finding 30:
agency staff and frequent changes of worker). A change is an allocation to another worker
than the one before; those that started in the last 12 months are counted."""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from kinfolk.people.models import Child
from kinfolk.workforce.models import Allocation, User


def year_before(day: dt.date) -> dt.date:
    """The same day a year earlier (28 February for 29 February)."""
    try:
        return day.replace(year=day.year - 1)
    except ValueError:
        return day.replace(year=day.year - 1, day=28)


@dataclass
class WorkerChanges:
    """A child's changes of worker in the 12 months to a date, and the workers who held the
    case in that time (oldest first), for their agency flags."""

    child_id: int
    count: int = 0
    workers: list[User] = field(default_factory=list)
    current: User | None = None

    @property
    def agency_workers(self) -> int:
        return sum(1 for worker in self.workers if worker.is_agency)


def worker_changes(child_ids: Iterable[int], today: dt.date) -> dict[int, WorkerChanges]:
    """The changes of worker of each of these children in the 12 months to ``today``. One
    query, however many children."""
    since = year_before(today)
    found: dict[int, WorkerChanges] = {pk: WorkerChanges(child_id=pk) for pk in child_ids}
    previous: dict[int, int] = {}
    held: dict[int, list[Allocation]] = defaultdict(list)
    for allocation in (
        Allocation.objects.filter(child_id__in=list(found), start_on__lte=today)
        .select_related("worker")
        .order_by("child_id", "start_on", "pk")
    ):
        held[allocation.child_id].append(allocation)
    for child_id, allocations in held.items():
        row = found[child_id]
        for allocation in allocations:
            is_change = child_id in previous and previous[child_id] != allocation.worker_id
            previous[child_id] = allocation.worker_id
            in_year = allocation.end_on is None or allocation.end_on > since
            if in_year and allocation.worker not in row.workers:
                row.workers.append(allocation.worker)
            if is_change and allocation.start_on > since:
                row.count += 1
            if allocation.end_on is None:
                row.current = allocation.worker
    return found


def frequent_changes(
    *, team_id: int | None, viewer: Any, today: dt.date
) -> list[tuple[Child, WorkerChanges]]:
    """Children ``viewer`` may see whose case the team holds now and whose worker changed at
    least ``KINFOLK_WORKER_CHANGES_THRESHOLD`` times in 12 months, most changes first. Two
    queries."""
    children = {
        child.pk: child
        for child in Child.objects.visible_to(viewer).filter(
            allocations__end_on__isnull=True, allocations__worker__team_id=team_id
        )
    }
    threshold = int(settings.KINFOLK_WORKER_CHANGES_THRESHOLD)
    rows = [
        (children[pk], changes)
        for pk, changes in worker_changes(children, today).items()
        if changes.count >= threshold
    ]
    rows.sort(key=lambda row: (-row[1].count, row[0].last_name, row[0].first_name, row[0].pk))
    return rows


def changes_at_a_glance(child: Child, user: Any, today: dt.date) -> dict[str, Any] | None:
    """The Summary page's count of the child's changes of worker in the last 12 months, and
    who held the case; nothing for a child never allocated. One query."""
    changes = worker_changes([child.pk], today)[child.pk]
    if not changes.workers:
        return None
    return {
        "changes": changes,
        "is_frequent": changes.count >= int(settings.KINFOLK_WORKER_CHANGES_THRESHOLD),
    }
