"""The deadline arithmetic of docs/duties.md, on dates that catch calendars out."""

import datetime as dt

import pytest

from kinfolk.core.working_days import (
    add_months,
    add_weeks,
    add_working_days,
    age_on,
    due_after_hours,
    is_working_day,
    working_days_between,
)

D = dt.date


@pytest.mark.parametrize(
    ("start", "count", "expected"),
    [
        (D(2025, 3, 3), 1, D(2025, 3, 4)),  # Monday -> Tuesday
        (D(2025, 3, 1), 1, D(2025, 3, 3)),  # Saturday -> Monday
        (D(2025, 3, 7), 1, D(2025, 3, 10)),  # Friday -> Monday
        # Easter 2025: Good Friday 18 April, Easter Monday 21 April.
        (D(2025, 4, 17), 1, D(2025, 4, 22)),
        (D(2025, 4, 16), 3, D(2025, 4, 23)),
        # Christmas 2025: 25 and 26 December are Thursday and Friday.
        (D(2025, 12, 24), 1, D(2025, 12, 29)),
        # Christmas 2021: both days fell at the weekend; substitutes on 27 and 28 December.
        (D(2021, 12, 24), 1, D(2021, 12, 29)),
        # Christmas 2022: Christmas Day a Sunday, substitute Tuesday 27 December.
        (D(2022, 12, 23), 1, D(2022, 12, 28)),
        # New Year 2022: a Saturday, substitute Monday 3 January.
        (D(2021, 12, 31), 1, D(2022, 1, 4)),
        # Assessment clock: 45 working days from a referral before Christmas 2025.
        (D(2025, 11, 3), 45, D(2026, 1, 8)),
        # ICPC: 15 working days across Easter 2026 (Good Friday 3 April, Easter Monday 6 April).
        (D(2026, 3, 25), 15, D(2026, 4, 17)),
    ],
)
def test_add_working_days(start, count, expected):
    assert add_working_days(start, count) == expected


def test_substitute_bank_holidays_are_not_working_days():
    assert not is_working_day(D(2021, 12, 27))
    assert not is_working_day(D(2021, 12, 28))
    assert not is_working_day(D(2022, 1, 3))
    assert is_working_day(D(2021, 12, 29))


def test_zero_working_days_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        add_working_days(D(2025, 1, 1), 0)


def test_working_days_between_counts_after_the_start():
    assert working_days_between(D(2025, 4, 17), D(2025, 4, 22)) == 1
    assert working_days_between(D(2025, 4, 22), D(2025, 4, 17)) == 0


@pytest.mark.parametrize(
    ("start", "months", "expected"),
    [
        (D(2025, 1, 31), 3, D(2025, 4, 30)),
        (D(2024, 11, 30), 3, D(2025, 2, 28)),
        (D(2023, 11, 30), 3, D(2024, 2, 29)),
        (D(2025, 8, 31), 6, D(2026, 2, 28)),
        (D(2025, 3, 15), 12, D(2026, 3, 15)),
        (D(2025, 3, 31), -1, D(2025, 2, 28)),
    ],
)
def test_add_months_keeps_the_day_or_takes_the_last(start, months, expected):
    assert add_months(start, months) == expected


def test_add_weeks():
    assert add_weeks(D(2025, 12, 24), 6) == D(2026, 2, 4)


def test_hours_end_on_the_london_date():
    # 72 hours from 23:30 on Friday 28 March 2025 cross the change to summer time.
    start = dt.datetime(2025, 3, 28, 23, 30)
    assert due_after_hours(start, 72) == D(2025, 4, 1)


def test_age_on_birthdays_and_leap_days():
    assert age_on(D(2010, 5, 20), D(2026, 5, 19)) == 15
    assert age_on(D(2010, 5, 20), D(2026, 5, 20)) == 16
    assert age_on(D(2008, 2, 29), D(2026, 2, 28)) == 17
    assert age_on(D(2008, 2, 29), D(2026, 3, 1)) == 18
