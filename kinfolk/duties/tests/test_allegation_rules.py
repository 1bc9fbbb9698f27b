"""lado-initial-1wd (docs/duties.md): one test per status the rule can reach, across Christmas
2025 and the substitute bank holidays of Christmas 2027. Nothing ends its context: not the
child's 18th birthday, not their death (the allegation is about the adult)."""

import datetime as dt

import pytest

from kinfolk.duties.facts import AllegationFact
from kinfolk.duties.tests.test_rules import casework, only

D = dt.date
RULE = "lado-initial-1wd"


def received(on, considered=None, **parts):
    return casework(allegations=(AllegationFact(4, on, considered),), **parts)


# Received on Wednesday 24 December 2025: Christmas Day, Boxing Day and the weekend follow, so
# the consideration is due on Monday 29 December.
@pytest.mark.parametrize(
    ("considered", "as_of", "status"),
    [
        (D(2025, 12, 29), D(2025, 12, 30), "done"),
        (D(2025, 12, 24), D(2025, 12, 24), "done"),
        (D(2025, 12, 30), D(2025, 12, 31), "done_late"),
        (None, D(2025, 12, 29), "due"),
        (None, D(2025, 12, 30), "overdue"),
        # A consideration made after the as-of date is not yet known.
        (D(2026, 1, 5), D(2025, 12, 29), "due"),
    ],
)
def test_lado_initial_1wd_across_christmas(considered, as_of, status):
    fact, found = only(RULE, received(D(2025, 12, 24), considered), as_of)
    assert (fact.key, fact.trigger_on, fact.due_on, found) == (
        "allegation:4",
        D(2025, 12, 24),
        D(2025, 12, 29),
        status,
    )


# Received on Friday 24 December 2027: Christmas and Boxing Day fall at the weekend, their
# substitute days are Monday 27 and Tuesday 28, so it is due on Wednesday 29 December.
@pytest.mark.parametrize(
    ("considered", "as_of", "status"),
    [
        (D(2027, 12, 29), D(2027, 12, 29), "done"),
        (D(2027, 12, 30), D(2027, 12, 30), "done_late"),
        (None, D(2027, 12, 28), "due"),
        (None, D(2028, 1, 4), "overdue"),
    ],
)
def test_lado_initial_1wd_across_substitute_bank_holidays(considered, as_of, status):
    fact, found = only(RULE, received(D(2027, 12, 24), considered), as_of)
    assert (fact.due_on, found) == (D(2027, 12, 29), status)


def test_nothing_ends_its_context():
    child = received(D(2025, 12, 24), born=D(2007, 12, 25), died=D(2025, 12, 26))
    fact, found = only(RULE, child, D(2026, 1, 5))
    assert (fact.context_ended_on, found) == (None, "overdue")


def test_an_allegation_received_after_the_as_of_date_has_no_duty():
    from kinfolk.duties.rules import RULES_BY_CODE

    child = received(D(2025, 12, 24)).cut(D(2025, 12, 23))
    assert list(RULES_BY_CODE[RULE].duties(child)) == []
