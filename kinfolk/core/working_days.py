"""The working-day calendar and the deadline arithmetic of ``docs/duties.md``.

Working days are Monday to Friday, less the bank holidays of England and Wales, substitute
days included. The holiday dates come from the ``holidays`` package (UK, England subdivision),
which knows past and future years offline.
"""

import calendar
import datetime as dt
from functools import lru_cache
from zoneinfo import ZoneInfo

import holidays

LONDON = ZoneInfo("Europe/London")


@lru_cache(maxsize=256)
def _bank_holidays(year: int) -> frozenset[dt.date]:
    return frozenset(holidays.country_holidays("GB", subdiv="ENG", years=year).keys())


def is_bank_holiday(day: dt.date) -> bool:
    """True on an England and Wales bank holiday, including substitute days."""
    return day in _bank_holidays(day.year)


def is_working_day(day: dt.date) -> bool:
    """True on a weekday that is not a bank holiday."""
    return day.weekday() < 5 and not is_bank_holiday(day)


def add_working_days(start: dt.date, count: int) -> dt.date:
    """The ``count``-th working day after ``start``, not counting ``start`` itself.

    One working day after a Saturday is the Monday; after a Monday, the Tuesday (docs/duties.md,
    Arithmetic). ``count`` must be at least 1.
    """
    if count < 1:
        raise ValueError("count must be at least 1")
    day = start
    remaining = count
    while remaining:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            remaining -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """How many working days fall after ``start`` up to and including ``end``."""
    if end <= start:
        return 0
    return sum(
        1
        for offset in range(1, (end - start).days + 1)
        if is_working_day(start + dt.timedelta(days=offset))
    )


def add_months(start: dt.date, months: int) -> dt.date:
    """The same day ``months`` later, or the last day of that month if it is shorter.

    31 January + 3 months = 30 April (docs/duties.md, Arithmetic).
    """
    month_index = start.month - 1 + months
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    last_day = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(start.day, last_day))


def add_weeks(start: dt.date, weeks: int) -> dt.date:
    """``weeks`` times seven calendar days after ``start``."""
    return start + dt.timedelta(weeks=weeks)


def due_after_hours(start_at: dt.datetime, hours: int) -> dt.date:
    """The calendar date in Europe/London on which ``hours`` of elapsed time from ``start_at``
    end (a period that spans a change of the clocks is still that many real hours)."""
    if start_at.tzinfo is None:
        start_at = start_at.replace(tzinfo=LONDON)
    ends_at = start_at.astimezone(dt.UTC) + dt.timedelta(hours=hours)
    return ends_at.astimezone(LONDON).date()


def age_on(born_on: dt.date, on: dt.date) -> int:
    """Age in whole years on a date; someone born on 29 February has birthdays on 1 March."""
    years = on.year - born_on.year
    if (on.month, on.day) < (born_on.month, born_on.day):
        years -= 1
    return years
