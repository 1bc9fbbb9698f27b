"""case-supervision-1m (docs/duties.md): one test per status, across the end of January into
a February of 28 and of 29 days and the end of March into April, with the interval a setting;
a referral with no further action starts no duty."""

import datetime as dt

import pytest

from kinfolk.duties.facts import EpisodeFact
from kinfolk.duties.rules import derive_duties
from kinfolk.duties.tests.test_rules import casework, only

D = dt.date
RULE = "case-supervision-1m"


def referred(on, closed=None, *, supervisions=(), nfa=False):
    return casework(
        episodes=(EpisodeFact(1, on, closed, nfa),),
        case_supervisions=tuple(supervisions),
    )


# Referral on Friday 31 January 2025: a month on is the last day of February, the 28th.
@pytest.mark.parametrize(
    ("supervised_on", "closed", "as_of", "status"),
    [
        (D(2025, 2, 28), None, D(2025, 3, 1), "done"),
        (D(2025, 3, 3), None, D(2025, 3, 4), "done_late"),
        (None, None, D(2025, 2, 28), "due"),
        (None, None, D(2025, 3, 1), "overdue"),
        (None, D(2025, 2, 20), D(2025, 3, 10), "cancelled"),
        (None, D(2025, 3, 5), D(2025, 3, 10), "missed"),
    ],
)
def test_case_supervision_1m(supervised_on, closed, as_of, status):
    supervisions = [(7, supervised_on)] if supervised_on else []
    child = referred(D(2025, 1, 31), closed, supervisions=supervisions)
    fact, found = only(RULE, child, as_of, key="episode:1")
    assert (fact.trigger_on, fact.due_on, found) == (D(2025, 1, 31), D(2025, 2, 28), status)


def test_a_leap_year_february_has_its_29th():
    fact, found = only(RULE, referred(D(2024, 1, 31)), D(2024, 2, 29), key="episode:1")
    assert (fact.due_on, found) == (D(2024, 2, 29), "due")


def test_each_supervision_starts_the_next_clock_into_a_shorter_month():
    child = referred(D(2025, 3, 3), supervisions=[(7, D(2025, 3, 31))])
    fact, found = only(RULE, child, D(2025, 5, 1), key="supervision:7")
    assert (fact.trigger_on, fact.due_on, found) == (D(2025, 3, 31), D(2025, 4, 30), "overdue")
    first, status = only(RULE, child, D(2025, 5, 1), key="episode:1")
    assert (first.completed_on, status) == (D(2025, 3, 31), "done")


def test_a_supervision_on_the_day_the_case_closes_completes_but_starts_nothing():
    child = referred(D(2025, 3, 3), D(2025, 3, 31), supervisions=[(7, D(2025, 3, 31))])
    facts = [f for f in derive_duties(child.cut(D(2025, 6, 1))) if f.rule == RULE]
    assert [(f.key, f.completed_on) for f in facts] == [("episode:1", D(2025, 3, 31))]


def test_supervisions_before_the_referral_or_after_closure_do_not_count():
    child = referred(
        D(2025, 3, 3), D(2025, 3, 20), supervisions=[(6, D(2025, 2, 1)), (7, D(2025, 4, 1))]
    )
    facts = [f for f in derive_duties(child.cut(D(2025, 6, 1))) if f.rule == RULE]
    assert [(f.key, f.completed_on) for f in facts] == [("episode:1", None)]


def test_a_referral_with_no_further_action_has_no_supervision_duty():
    child = referred(D(2025, 3, 3), nfa=True)
    assert [f for f in derive_duties(child.cut(D(2025, 6, 1))) if f.rule == RULE] == []


def test_the_supervision_interval_is_a_setting(settings):
    settings.KINFOLK_CASE_SUPERVISION_MONTHS = 2
    fact, _status = only(RULE, referred(D(2025, 1, 31)), D(2025, 2, 1), key="episode:1")
    assert fact.due_on == D(2025, 3, 31)
