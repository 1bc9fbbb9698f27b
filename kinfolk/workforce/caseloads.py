"""Caseloads against caps (docs/caseloads.md; docs/domain.md finding 31).

Each role that holds cases has a cap (``KINFOLK_CASELOAD_CAPS``), and a newly qualified social
worker in their assessed and supported year in employment (the 12 months after
``User.qualified_on``) has a lower, protected one (``KINFOLK_NQSW_CASELOAD_CAP``). A worker's
caseload is every case they hold now, of every kind the apps declare
(kinfolk.workforce.holdings): children's allocations, and a personal adviser's care leavers.
Read for a person (``viewer``), it counts only the children they may see, as every count
of cases does: a restricted or sealed record is absent (docs/access.md).
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _

from kinfolk.workforce.choices import Role
from kinfolk.workforce.holdings import caseload_counts
from kinfolk.workforce.models import User


def add_year(day: dt.date) -> dt.date:
    """The same day a year later (28 February for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return day.replace(year=day.year + 1, day=28)


def is_newly_qualified(worker: User, today: dt.date) -> bool:
    """Whether the worker is a social worker in the 12 months after they qualified."""
    return (
        worker.role == Role.SOCIAL_WORKER
        and worker.qualified_on is not None
        and worker.qualified_on <= today < add_year(worker.qualified_on)
    )


def cap_for(worker: User, today: dt.date) -> int | None:
    """The most cases the worker should hold, or ``None`` when their role has no cap."""
    if is_newly_qualified(worker, today):
        return int(settings.KINFOLK_NQSW_CASELOAD_CAP)
    cap = settings.KINFOLK_CASELOAD_CAPS.get(worker.role)
    return int(cap) if cap is not None else None


@dataclass(frozen=True)
class Caseload:
    """How many cases a worker holds now, against their cap."""

    worker: User
    count: int
    cap: int | None
    is_newly_qualified: bool

    @property
    def is_at_cap(self) -> bool:
        """Whether one more case would take them over their cap."""
        return self.cap is not None and self.count >= self.cap

    @property
    def is_over_cap(self) -> bool:
        return self.cap is not None and self.count > self.cap

    @property
    def percent(self) -> int:
        """The caseload as a share of the cap, for a bar (at most 100)."""
        if not self.cap:
            return 0
        return min(100, round(100 * self.count / self.cap))

    @property
    def against_cap(self) -> str:
        """``"14 of 18"``, or the count alone when the role has no cap."""
        if self.cap is None:
            return str(self.count)
        return _("%(count)d of %(cap)d") % {"count": self.count, "cap": self.cap}

    @property
    def warning(self) -> str:
        """What a manager is told before giving this worker another case: ``"Sam Patel holds
        18 cases; the cap for a social worker is 18"``."""
        if self.cap is None:
            return ""
        what = (
            _("a newly qualified social worker in their first year")
            if self.is_newly_qualified
            else _("a %(role)s") % {"role": self.worker.get_role_display().lower()}
        )
        return _("%(name)s holds %(count)d cases; the cap for %(what)s is %(cap)d") % {
            "name": self.worker,
            "count": self.count,
            "what": what,
            "cap": self.cap,
        }


def caseloads(workers: Iterable[User], today: dt.date, *, viewer: Any = None) -> list[Caseload]:
    """Each worker's caseload against their cap, in the order given, counting the children
    ``viewer`` may see (every child without one): one query for each kind of case, however
    many workers."""
    workers = list(workers)
    counts = caseload_counts([w.pk for w in workers], viewer=viewer)
    return [
        Caseload(
            worker=w,
            count=counts.get(w.pk, 0),
            cap=cap_for(w, today),
            is_newly_qualified=is_newly_qualified(w, today),
        )
        for w in workers
    ]


def caseload(worker: User, today: dt.date, *, viewer: Any = None) -> Caseload:
    """One worker's caseload against their cap."""
    return caseloads([worker], today, viewer=viewer)[0]
