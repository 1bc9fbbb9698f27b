"""How long a contact has waited at the front door, in working days and hours."""

import datetime as dt

import pytest

from kinfolk.core.working_days import LONDON
from kinfolk.frontdoor.history import waiting_since
from kinfolk.frontdoor.models import Contact


def test_waiting_is_counted_in_working_days_and_hours():
    friday_afternoon = dt.datetime(2025, 3, 7, 16, 0, tzinfo=LONDON)
    monday_morning = dt.datetime(2025, 3, 10, 9, 0, tzinfo=LONDON)
    tuesday_morning = dt.datetime(2025, 3, 11, 9, 0, tzinfo=LONDON)
    on_monday = waiting_since(friday_afternoon, now=monday_morning)
    on_tuesday = waiting_since(friday_afternoon, now=tuesday_morning)
    assert (on_monday.working_days, on_monday.hours, on_monday.is_overdue) == (1, 65, False)
    assert (on_tuesday.working_days, on_tuesday.hours, on_tuesday.is_overdue) == (2, 89, True)


def test_a_bank_holiday_is_not_a_working_day():
    maundy_thursday = dt.datetime(2025, 4, 17, 22, 15, tzinfo=LONDON)
    easter_tuesday = dt.datetime(2025, 4, 22, 8, 15, tzinfo=LONDON)
    waiting = waiting_since(maundy_thursday, now=easter_tuesday)
    assert (waiting.working_days, waiting.hours, waiting.is_overdue) == (1, 106, False)


@pytest.mark.parametrize(
    ("received", "out_of_hours"),
    [
        ("2025-03-03T09:00", False),
        ("2025-03-03T16:59", False),
        ("2025-03-03T17:00", True),
        ("2025-03-03T08:59", True),
        ("2025-03-01T12:00", True),  # a Saturday
        ("2025-04-18T12:00", True),  # Good Friday
    ],
)
def test_out_of_hours_contacts(received, out_of_hours):
    at = dt.datetime.fromisoformat(received).replace(tzinfo=LONDON)
    assert Contact(received_at=at).is_out_of_hours is out_of_hours
