"""complaint-stage1-10wd and complaint-stage2-25wd (docs/duties.md): one test per status of
each, with and without an extension, withdrawal ending the duty, and deadlines across
Christmas 2027, whose Christmas Day and Boxing Day fall at the weekend and are observed on
Monday 27 and Tuesday 28 December, and New Year's Day 2028, a Saturday observed on Monday
3 January."""

import datetime as dt

import pytest

from kinfolk.duties.facts import ComplaintFact
from kinfolk.duties.rules import RULES_BY_CODE, derive_duties
from kinfolk.duties.tests.test_rules import BORN, casework, only

D = dt.date
STAGE_1 = "complaint-stage1-10wd"
STAGE_2 = "complaint-stage2-25wd"
#: Friday 17 December 2027: 10 working days on, skipping 27 and 28 December and 3 January,
#: is Wednesday 5 January 2028; 20 working days on is Wednesday 19 January.
RECEIVED = D(2027, 12, 17)
STAGE_1_DUE = D(2028, 1, 5)
STAGE_1_EXTENDED_DUE = D(2028, 1, 19)
#: Monday 6 December 2027: 25 working days on is Thursday 13 January 2028; 65 is Thursday
#: 9 March 2028.
REQUESTED = D(2027, 12, 6)
STAGE_2_DUE = D(2028, 1, 13)
STAGE_2_EXTENDED_DUE = D(2028, 3, 9)


def complaint(
    received=RECEIVED,
    *,
    extended_1=None,
    responded_1=None,
    requested_2=None,
    extended_2=None,
    responded_2=None,
    withdrawn=None,
    born=BORN,
    died=None,
):
    return casework(
        complaints=(
            ComplaintFact(
                9,
                received,
                extended_1,
                responded_1,
                requested_2,
                extended_2,
                responded_2,
                withdrawn,
            ),
        ),
        born=born,
        died=died,
    )


@pytest.mark.parametrize(
    ("responded", "withdrawn", "as_of", "status"),
    [
        (STAGE_1_DUE, None, D(2028, 2, 1), "done"),
        (D(2028, 1, 6), None, D(2028, 2, 1), "done_late"),
        (None, None, STAGE_1_DUE, "due"),
        (None, None, D(2028, 1, 6), "overdue"),
        (None, D(2027, 12, 29), D(2028, 2, 1), "cancelled"),
        (None, D(2028, 1, 10), D(2028, 2, 1), "missed"),
    ],
)
def test_stage_1_in_ten_working_days_across_christmas(responded, withdrawn, as_of, status):
    fact, found = only(STAGE_1, complaint(responded_1=responded, withdrawn=withdrawn), as_of)
    assert (fact.key, fact.trigger_on, fact.due_on, found) == (
        "complaint:9",
        RECEIVED,
        STAGE_1_DUE,
        status,
    )


@pytest.mark.parametrize(
    ("responded", "withdrawn", "as_of", "status"),
    [
        (D(2028, 1, 19), None, D(2028, 2, 1), "done"),
        (D(2028, 1, 20), None, D(2028, 2, 1), "done_late"),
        (None, None, D(2028, 1, 19), "due"),
        (None, None, D(2028, 1, 20), "overdue"),
        (None, D(2028, 1, 12), D(2028, 2, 1), "cancelled"),
        (None, D(2028, 1, 21), D(2028, 2, 1), "missed"),
    ],
)
def test_stage_1_extended_to_twenty_working_days(responded, withdrawn, as_of, status):
    child = complaint(extended_1=D(2027, 12, 22), responded_1=responded, withdrawn=withdrawn)
    fact, found = only(STAGE_1, child, as_of)
    assert (fact.due_on, found) == (STAGE_1_EXTENDED_DUE, status)


def test_an_extension_recorded_after_the_as_of_date_is_not_yet_known():
    child = complaint(extended_1=D(2028, 1, 4))
    assert only(STAGE_1, child, D(2028, 1, 3))[0].due_on == STAGE_1_DUE
    assert only(STAGE_1, child, D(2028, 1, 4))[0].due_on == STAGE_1_EXTENDED_DUE


def test_a_complaint_received_after_the_as_of_date_has_no_duty_yet():
    child = complaint()
    assert derive_duties(child.cut(D(2027, 12, 16))) == []


@pytest.mark.parametrize(
    ("responded", "withdrawn", "as_of", "status"),
    [
        (STAGE_2_DUE, None, D(2028, 2, 1), "done"),
        (D(2028, 1, 14), None, D(2028, 2, 1), "done_late"),
        (None, None, STAGE_2_DUE, "due"),
        (None, None, D(2028, 1, 14), "overdue"),
        (None, D(2028, 1, 13), D(2028, 2, 1), "cancelled"),
        (None, D(2028, 1, 17), D(2028, 2, 1), "missed"),
    ],
)
def test_stage_2_in_twenty_five_working_days_across_christmas(responded, withdrawn, as_of, status):
    child = complaint(
        D(2027, 11, 1),
        responded_1=D(2027, 11, 12),
        requested_2=REQUESTED,
        responded_2=responded,
        withdrawn=withdrawn,
    )
    fact, found = only(STAGE_2, child, as_of)
    assert (fact.key, fact.trigger_on, fact.due_on, found) == (
        "complaint:9",
        REQUESTED,
        STAGE_2_DUE,
        status,
    )


@pytest.mark.parametrize(
    ("responded", "withdrawn", "as_of", "status"),
    [
        (D(2028, 3, 9), None, D(2028, 4, 1), "done"),
        (D(2028, 3, 10), None, D(2028, 4, 1), "done_late"),
        (None, None, D(2028, 3, 9), "due"),
        (None, None, D(2028, 3, 10), "overdue"),
        (None, D(2028, 2, 1), D(2028, 4, 1), "cancelled"),
        (None, D(2028, 3, 13), D(2028, 4, 1), "missed"),
    ],
)
def test_stage_2_extended_to_sixty_five_working_days(responded, withdrawn, as_of, status):
    child = complaint(
        D(2027, 11, 1),
        responded_1=D(2027, 11, 12),
        requested_2=REQUESTED,
        extended_2=D(2027, 12, 20),
        responded_2=responded,
        withdrawn=withdrawn,
    )
    fact, found = only(STAGE_2, child, as_of)
    assert (fact.due_on, found) == (STAGE_2_EXTENDED_DUE, status)


def test_stage_2_has_no_duty_until_it_is_requested():
    child = complaint(D(2027, 11, 1), responded_1=D(2027, 11, 12), requested_2=REQUESTED)
    assert [f.rule for f in derive_duties(child.cut(D(2027, 12, 5)))] == [STAGE_1]
    assert sorted(f.rule for f in derive_duties(child.cut(REQUESTED))) == [STAGE_1, STAGE_2]


def test_an_extension_at_stage_1_does_not_extend_stage_2():
    child = complaint(
        D(2027, 11, 1),
        extended_1=D(2027, 11, 5),
        responded_1=D(2027, 11, 25),
        requested_2=REQUESTED,
    )
    assert only(STAGE_2, child, D(2028, 1, 1))[0].due_on == STAGE_2_DUE


def test_neither_turning_18_nor_death_ends_a_complaint_duty():
    child = complaint(born=D(2009, 12, 20), died=D(2027, 12, 20))
    fact, found = only(STAGE_1, child, D(2028, 1, 6))
    assert (fact.context_ended_on, found) == (None, "overdue")


def test_the_rules_are_statutory_with_their_sources():
    for code, regulation in ((STAGE_1, "reg. 14"), (STAGE_2, "reg. 17")):
        info = RULES_BY_CODE[code].info()
        assert not RULES_BY_CODE[code].is_local
        assert info.source.endswith(f"{regulation}.")
        assert "Representations Procedure (England) Regulations 2006" in info.source
