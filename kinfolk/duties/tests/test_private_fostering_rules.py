"""pf-first-visit-7wd, pf-visit-6w and pf-visit-12w (docs/duties.md): every status of each,
the first visit's deadline across Christmas and across a substitute bank holiday, the switch
from 6-weekly to 12-weekly visits at the arrangement's first anniversary, and visits that do
not count (before the notification, not seen, after the end)."""

import datetime as dt

import pytest

from kinfolk.duties.facts import PrivateFosteringFact
from kinfolk.duties.rules import derive_duties
from kinfolk.duties.tests.test_rules import casework, only

D = dt.date
FIRST, SIX, TWELVE = "pf-first-visit-7wd", "pf-visit-6w", "pf-visit-12w"


def fostered(began, notified=None, ended=None, *, visits=()):
    return casework(
        private_fostering=(PrivateFosteringFact(1, began, notified or began, ended),),
        private_fostering_visits_seen=tuple((pk, day) for pk, day in enumerate(visits, start=10)),
    )


# Notified on Monday 22 December 2025: Christmas Day, Boxing Day and New Year's Day are not
# working days, so the seventh working day after is Monday 5 January 2026.
@pytest.mark.parametrize(
    ("visited", "ended", "as_of", "status"),
    [
        (D(2026, 1, 5), None, D(2026, 1, 6), "done"),
        (D(2026, 1, 6), None, D(2026, 1, 7), "done_late"),
        (None, None, D(2026, 1, 5), "due"),
        (None, None, D(2026, 1, 6), "overdue"),
        (None, D(2026, 1, 2), D(2026, 1, 10), "cancelled"),
        (None, D(2026, 1, 8), D(2026, 1, 10), "missed"),
    ],
)
def test_first_visit_within_7_working_days_across_christmas(visited, ended, as_of, status):
    child = fostered(D(2025, 12, 1), D(2025, 12, 22), ended, visits=[visited] if visited else [])
    fact, found = only(FIRST, child, as_of)
    assert (fact.key, fact.trigger_on, fact.due_on, found) == (
        "arrangement:1",
        D(2025, 12, 22),
        D(2026, 1, 5),
        status,
    )


def test_the_first_visit_deadline_skips_a_substitute_bank_holiday():
    # Thursday 24 December 2026: Boxing Day is a Saturday, so Monday 28 December is its
    # substitute; with New Year's Day the seventh working day is Thursday 7 January 2027.
    fact, found = only(FIRST, fostered(D(2026, 12, 24)), D(2027, 1, 7))
    assert (fact.due_on, found) == (D(2027, 1, 7), "due")


def test_a_visit_before_the_notification_does_not_complete_the_first_visit():
    child = fostered(D(2025, 3, 3), D(2025, 3, 10), visits=[D(2025, 3, 5)])
    fact, found = only(FIRST, child, D(2025, 4, 1))
    assert (fact.completed_on, found) == (None, "overdue")


def test_a_visit_after_the_end_does_not_complete_the_first_visit():
    child = fostered(D(2025, 3, 3), D(2025, 3, 3), D(2025, 3, 7), visits=[D(2025, 3, 10)])
    fact, found = only(FIRST, child, D(2025, 4, 1))
    assert (fact.completed_on, found) == (None, "cancelled")


# A visit on Thursday 20 November 2025 in the first year: the next is due 6 weeks on, on
# Thursday 1 January 2026 (weeks are calendar days: the bank holiday does not move it).
@pytest.mark.parametrize(
    ("next_visit", "ended", "as_of", "status"),
    [
        (D(2026, 1, 1), None, D(2026, 1, 2), "done"),
        (D(2026, 1, 2), None, D(2026, 1, 3), "done_late"),
        (None, None, D(2026, 1, 1), "due"),
        (None, None, D(2026, 1, 2), "overdue"),
        (None, D(2025, 12, 31), D(2026, 2, 1), "cancelled"),
        (None, D(2026, 1, 9), D(2026, 2, 1), "missed"),
    ],
)
def test_visits_every_6_weeks_in_the_first_year(next_visit, ended, as_of, status):
    visits = [D(2025, 11, 20)] + ([next_visit] if next_visit else [])
    child = fostered(D(2025, 11, 10), ended=ended, visits=visits)
    fact, found = only(SIX, child, as_of, key="visit:10")
    assert (fact.trigger_on, fact.due_on, found) == (D(2025, 11, 20), D(2026, 1, 1), status)


# Began 1 October 2024: a visit on Thursday 16 October 2025, after the first anniversary, is
# followed by the next within 12 weeks, by Thursday 8 January 2026.
@pytest.mark.parametrize(
    ("next_visit", "ended", "as_of", "status"),
    [
        (D(2026, 1, 8), None, D(2026, 1, 9), "done"),
        (D(2026, 1, 9), None, D(2026, 1, 10), "done_late"),
        (None, None, D(2026, 1, 8), "due"),
        (None, None, D(2026, 1, 9), "overdue"),
        (None, D(2025, 12, 24), D(2026, 2, 1), "cancelled"),
        (None, D(2026, 1, 12), D(2026, 2, 1), "missed"),
    ],
)
def test_visits_every_12_weeks_after_the_first_year(next_visit, ended, as_of, status):
    visits = [D(2024, 10, 7), D(2025, 10, 16)] + ([next_visit] if next_visit else [])
    child = fostered(D(2024, 10, 1), ended=ended, visits=visits)
    fact, found = only(TWELVE, child, as_of, key="visit:11")
    assert (fact.trigger_on, fact.due_on, found) == (D(2025, 10, 16), D(2026, 1, 8), status)


def test_the_first_anniversary_switches_from_6_to_12_weeks():
    # A visit on the day before the anniversary is 6-weekly; on the anniversary, 12-weekly.
    child = fostered(D(2024, 5, 1), visits=[D(2025, 4, 30), D(2025, 5, 1)])
    facts = [f for f in derive_duties(child.cut(D(2025, 5, 2))) if f.rule in (SIX, TWELVE)]
    assert sorted((f.rule, f.key, f.due_on, f.completed_on) for f in facts) == [
        (TWELVE, "visit:11", D(2025, 7, 24), None),
        (SIX, "visit:10", D(2025, 6, 11), D(2025, 5, 1)),
    ]


def test_a_visit_on_the_day_the_arrangement_ends_completes_but_starts_nothing():
    child = fostered(D(2025, 3, 3), ended=D(2025, 4, 10), visits=[D(2025, 3, 5), D(2025, 4, 10)])
    facts = [f for f in derive_duties(child.cut(D(2025, 6, 1))) if f.rule == SIX]
    assert [(f.key, f.completed_on) for f in facts] == [("visit:10", D(2025, 4, 10))]


def test_an_arrangement_the_authority_had_not_heard_of_has_no_duty_yet():
    child = fostered(D(2025, 3, 3), D(2025, 3, 20))
    assert [f for f in derive_duties(child.cut(D(2025, 3, 10))) if f.rule == FIRST] == []
