"""The window of each list and what several lists share."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db.models import Q

from kinfolk.core.working_days import add_months
from kinfolk.people.models import Child, ChildDisability
from kinfolk.returns.annex_a.labels import ETHNICITY, GENDER, NO, YES
from kinfolk.workforce.models import Allocation

#: One row of a list: its cells in the order of the list's headings.
Row = list[Any]


@dataclass
class Window:
    """The date of the lists and the start of each window: ``start`` six months before for
    most lists, ``year_start`` twelve months before for adoption and the 12-month counts.
    Both ends are included."""

    as_of: dt.date
    start: dt.date
    year_start: dt.date

    @classmethod
    def ending(cls, as_of: dt.date) -> "Window":
        return cls(as_of, add_months(as_of, -6), add_months(as_of, -12))

    def covers(self, day: dt.date | None, *, year: bool = False) -> bool:
        return day is not None and (self.year_start if year else self.start) <= day <= self.as_of

    def open_in(self, start: dt.date, end: dt.date | None, *, year: bool = False) -> bool:
        """A record that started by the date of the lists and was open at some time in the
        window (still open, or ended in it)."""
        first = self.year_start if year else self.start
        return start <= self.as_of and (end is None or end >= first)


class Casework:
    """What several lists share, each read once: the children's disabilities and who held
    each case on the date of the lists."""

    def __init__(self, window: Window) -> None:
        self.window = window
        self.disabled = set(
            ChildDisability.objects.exclude(code="NONE").values_list("child_id", flat=True)
        )
        self.allocations: dict[int, tuple[str, str]] = {}
        held = Allocation.objects.filter(start_on__lte=window.as_of).filter(
            Q(end_on__isnull=True) | Q(end_on__gte=window.as_of)
        )
        for allocation in held.select_related("worker__team", "team").order_by("start_on", "pk"):
            team = allocation.team or allocation.worker.team
            self.allocations[allocation.child_id] = (
                team.name if team else "",
                str(allocation.worker),
            )

    def child(self, child: Child) -> Row:
        return [
            child.la_child_id,
            GENDER.get(child.sex, "c) Not stated/recorded"),
            ETHNICITY.get(child.ethnicity, ""),
            child.date_of_birth,
            child.age_on(self.window.as_of),
        ]

    def disability(self, child_id: int) -> str:
        return YES if child_id in self.disabled else NO

    def allocated(self, child_id: int) -> Row:
        return list(self.allocations.get(child_id, ("", "")))


def latest_dates(pairs: Iterable[tuple[int, dt.date | None]]) -> dict[int, dt.date]:
    """The latest date of each child (or record) among the pairs, leaving out empty dates."""
    latest: dict[int, dt.date] = {}
    for child_id, day in pairs:
        if day is not None and (child_id not in latest or day > latest[child_id]):
            latest[child_id] = day
    return latest
