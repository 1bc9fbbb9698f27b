"""When the next private fostering visit is due, worked out from the records with the
timescales of the duty rules (docs/duties.md pf-first-visit-7wd, pf-visit-6w, pf-visit-12w),
for the pages of this app, which sit below the duties engine."""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from kinfolk.core import timescales
from kinfolk.privatefostering.choices import REQUIRED_CHECKS, CheckResult
from kinfolk.privatefostering.models import Arrangement


def first_anniversary(day: dt.date) -> dt.date:
    """The first anniversary of ``day`` (1 March for 29 February)."""
    try:
        return day.replace(year=day.year + 1)
    except ValueError:
        return dt.date(day.year + 1, 3, 1)


def next_visit_due(arrangement: Arrangement, seen_on: Iterable[dt.date]) -> dt.date | None:
    """The day the next visit is due, given the days of the private fostering visits at which
    the child was seen; None once the arrangement has ended."""
    if arrangement.ended_on is not None:
        return None
    known_from = min(arrangement.began_on, arrangement.notified_on)
    days = sorted(day for day in seen_on if day >= known_from)
    after_notice = [day for day in days if day >= arrangement.notified_on]
    if not after_notice:
        return timescales.PRIVATE_FOSTERING_FIRST_VISIT.due_after(arrangement.notified_on)
    last = days[-1]
    if last < first_anniversary(arrangement.began_on):
        return timescales.PRIVATE_FOSTERING_VISIT.due_after(last)
    return timescales.PRIVATE_FOSTERING_LATER_VISIT.due_after(last)


@dataclass(frozen=True)
class ChecksStatus:
    """How far the checks of an arrangement have come."""

    done: int
    needed: int
    has_concerns: bool

    @property
    def is_complete(self) -> bool:
        return self.done >= self.needed


def checks_status(kinds_and_results: Iterable[tuple[str, str]]) -> ChecksStatus:
    """The required checks with a result (clear or concerns), of those needed."""
    done = set()
    concerns = False
    for kind, result in kinds_and_results:
        if result != CheckResult.PENDING and kind in REQUIRED_CHECKS:
            done.add(kind)
        concerns = concerns or result == CheckResult.CONCERNS
    return ChecksStatus(done=len(done), needed=len(REQUIRED_CHECKS), has_concerns=concerns)
