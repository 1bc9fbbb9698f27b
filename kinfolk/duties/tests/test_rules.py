"""One test per rule per status (docs/duties.md), with deadlines that cross weekends, Christmas,
Easter and substitute bank holidays. Rules whose context never ends (screening) are shown
never to be cancelled or missed."""

import datetime as dt

import pytest

from kinfolk.duties.facts import (
    AssessmentFact,
    ChildCasework,
    ConferenceFact,
    ContactFact,
    EnquiryFact,
    EpisodeFact,
    PlanFact,
)
from kinfolk.duties.rules import RULES_BY_CODE, derive_duties, status_on

D = dt.date
BORN = D(2015, 4, 3)


def casework(**parts) -> ChildCasework:
    return ChildCasework(
        child_id=1,
        date_of_birth=parts.pop("born", BORN),
        date_of_death=parts.pop("died", None),
        **parts,
    )


def only(rule: str, child: ChildCasework, as_of: dt.date, key: str | None = None):
    """The one duty of ``rule`` (or the one with ``key``) and its status on ``as_of``."""
    facts = [f for f in RULES_BY_CODE[rule].duties(child.cut(as_of)) if key is None or f.key == key]
    assert len(facts) == 1, facts
    fact = facts[0]
    return fact, status_on(
        as_of,
        due_on=fact.due_on,
        completed_on=fact.completed_on,
        context_ended_on=fact.context_ended_on,
    )


# screening-1wd: received Friday 24 December 2021; 25-28 are the weekend and the two
# substitute bank holidays, so the decision is due on Wednesday 29 December.
def screening(screened_on=None, died=None):
    return casework(contacts=(ContactFact(1, D(2021, 12, 24), screened_on),), died=died)


@pytest.mark.parametrize(
    ("screened_on", "as_of", "status"),
    [
        (D(2021, 12, 29), D(2022, 1, 10), "done"),
        (D(2021, 12, 30), D(2022, 1, 10), "done_late"),
        (None, D(2021, 12, 29), "due"),
        (None, D(2021, 12, 30), "overdue"),
    ],
)
def test_screening_1wd(screened_on, as_of, status):
    fact, found = only("screening-1wd", screening(screened_on), as_of)
    assert (fact.trigger_on, fact.due_on, found) == (D(2021, 12, 24), D(2021, 12, 29), status)


def test_screening_1wd_is_never_cancelled_or_missed():
    """Its context never ends: even a child's death leaves an unscreened contact overdue."""
    _fact, before = only("screening-1wd", screening(died=D(2021, 12, 27)), D(2022, 1, 10))
    assert before == "overdue"


def test_screening_1wd_value_is_a_setting(settings):
    settings.KINFOLK_SCREENING_WORKING_DAYS = 2
    fact, _status = only("screening-1wd", screening(), D(2021, 12, 30))
    assert fact.due_on == D(2021, 12, 30)


# assessment-45wd: started Monday 3 November 2025, due Thursday 8 January 2026 (Christmas,
# Boxing Day and New Year's Day are not working days).
def assessment(authorised_on=None, closed_on=None, born=BORN):
    return casework(
        born=born,
        episodes=(EpisodeFact(1, D(2025, 11, 3), closed_on),),
        assessments=(AssessmentFact(1, 1, D(2025, 11, 3), authorised_on),),
    )


@pytest.mark.parametrize(
    ("authorised_on", "closed_on", "as_of", "status"),
    [
        (D(2026, 1, 8), None, D(2026, 2, 1), "done"),
        (D(2026, 1, 9), None, D(2026, 2, 1), "done_late"),
        (None, None, D(2026, 1, 8), "due"),
        (None, None, D(2026, 1, 9), "overdue"),
        (None, D(2026, 1, 2), D(2026, 2, 1), "cancelled"),
        (None, D(2026, 1, 12), D(2026, 2, 1), "missed"),
    ],
)
def test_assessment_45wd(authorised_on, closed_on, as_of, status):
    fact, found = only("assessment-45wd", assessment(authorised_on, closed_on), as_of)
    assert (fact.due_on, found) == (D(2026, 1, 8), status)


def test_assessment_45wd_ends_at_the_18th_birthday():
    fact, found = only("assessment-45wd", assessment(born=D(2007, 12, 1)), D(2026, 2, 1))
    assert (fact.context_ended_on, found) == (D(2025, 12, 1), "cancelled")


def test_a_completion_after_the_as_of_date_is_not_yet_known():
    _fact, found = only("assessment-45wd", assessment(D(2026, 1, 8)), D(2026, 1, 7))
    assert found == "due"


# icpc-15wd: enquiry and strategy discussion on Wednesday 25 March 2026; Good Friday (3 April)
# and Easter Monday (6 April) fall within, so the conference is due on Friday 17 April.
def enquiry(conference_on=None, ended_on=None, required=None, closed_on=None, discussions=None):
    discussions = (D(2026, 3, 25),) if discussions is None else discussions
    conferences = ()
    if conference_on:
        conferences = (ConferenceFact(1, "initial", conference_on, 1, None, False),)
        ended_on, required = conference_on, True
    return casework(
        episodes=(EpisodeFact(1, D(2026, 3, 20), closed_on),),
        strategy_discussions=discussions,
        enquiries=(EnquiryFact(1, 1, D(2026, 3, 25), ended_on, required),),
        conferences=conferences,
    )


@pytest.mark.parametrize(
    ("kwargs", "as_of", "status"),
    [
        ({"conference_on": D(2026, 4, 17)}, D(2026, 5, 1), "done"),
        ({"conference_on": D(2026, 4, 20)}, D(2026, 5, 1), "done_late"),
        ({}, D(2026, 4, 17), "due"),
        ({}, D(2026, 4, 20), "overdue"),
        ({"ended_on": D(2026, 4, 10), "required": False}, D(2026, 5, 1), "cancelled"),
        ({"ended_on": D(2026, 4, 22), "required": False}, D(2026, 5, 1), "missed"),
        ({"closed_on": D(2026, 4, 15)}, D(2026, 5, 1), "cancelled"),
    ],
)
def test_icpc_15wd(kwargs, as_of, status):
    fact, found = only("icpc-15wd", enquiry(**kwargs), as_of)
    assert (fact.due_on, found) == (D(2026, 4, 17), status)


def test_a_later_episodes_strategy_discussion_does_not_move_an_ended_enquiry():
    child = enquiry(
        ended_on=D(2026, 4, 10), required=False, discussions=(D(2026, 3, 25), D(2026, 9, 1))
    )
    fact, found = only("icpc-15wd", child, D(2026, 10, 1))
    assert (fact.due_on, found) == (D(2026, 4, 17), "cancelled")


def test_icpc_15wd_counts_from_a_later_strategy_discussion():
    child = enquiry(discussions=(D(2026, 3, 20), D(2026, 3, 27)))
    fact, _status = only("icpc-15wd", child, D(2026, 4, 1))
    assert fact.due_on == D(2026, 4, 21)


# Child protection plans. core-group-10wd: plan made on Monday 13 December 2027; Christmas Day
# and Boxing Day 2027 fall at the weekend and are observed on 27 and 28 December.
def plan(start, end=None, conferences=(), core_groups=(), visits=()):
    return casework(
        episodes=(EpisodeFact(1, start - dt.timedelta(days=30), None),),
        protection_plans=(PlanFact(1, start, end),),
        conferences=(ConferenceFact(1, "initial", start, None, 1, True), *conferences),
        core_groups=tuple((1, day) for day in core_groups),
        protection_visits_seen=tuple(visits),
    )


@pytest.mark.parametrize(
    ("core_group", "end", "as_of", "status"),
    [
        (D(2027, 12, 29), None, D(2028, 1, 10), "done"),
        (D(2027, 12, 30), None, D(2028, 1, 10), "done_late"),
        (None, None, D(2027, 12, 29), "due"),
        (None, None, D(2027, 12, 30), "overdue"),
        (None, D(2027, 12, 20), D(2028, 1, 10), "cancelled"),
        (None, D(2028, 1, 4), D(2028, 1, 10), "missed"),
    ],
)
def test_core_group_10wd(core_group, end, as_of, status):
    child = plan(D(2027, 12, 13), end, core_groups=[core_group] if core_group else [])
    fact, found = only("core-group-10wd", child, as_of)
    assert (fact.due_on, found) == (D(2027, 12, 29), status)


# cp-review-first-3m: plan made on Friday 29 November 2024; three months later is
# 28 February 2025, February being shorter.
def review(held_on, continue_plan=True, pk=2):
    return ConferenceFact(pk, "review", held_on, None, 1, continue_plan)


@pytest.mark.parametrize(
    ("review_on", "end", "as_of", "status"),
    [
        (D(2025, 2, 28), None, D(2025, 3, 10), "done"),
        (D(2025, 3, 3), None, D(2025, 3, 10), "done_late"),
        (None, None, D(2025, 2, 28), "due"),
        (None, None, D(2025, 3, 1), "overdue"),
        (None, D(2025, 2, 14), D(2025, 3, 10), "cancelled"),
        (None, D(2025, 3, 7), D(2025, 3, 10), "missed"),
    ],
)
def test_cp_review_first_3m(review_on, end, as_of, status):
    child = plan(D(2024, 11, 29), end, conferences=[review(review_on)] if review_on else [])
    fact, found = only("cp-review-first-3m", child, as_of)
    assert (fact.due_on, found) == (D(2025, 2, 28), status)


def test_a_review_that_ends_the_plan_completes_the_first_review():
    child = plan(D(2024, 11, 29), D(2025, 2, 20), conferences=[review(D(2025, 2, 20), False)])
    _fact, found = only("cp-review-first-3m", child, D(2025, 3, 10))
    assert found == "done"
    assert [f for f in derive_duties(child) if f.rule == "cp-review-6m"] == []


# cp-review-6m: a review on Monday 31 March 2025 continues the plan; the next is due on
# 30 September 2025.
@pytest.mark.parametrize(
    ("next_on", "end", "as_of", "status"),
    [
        (D(2025, 9, 30), None, D(2025, 10, 10), "done"),
        (D(2025, 10, 1), None, D(2025, 10, 10), "done_late"),
        (None, None, D(2025, 9, 30), "due"),
        (None, None, D(2025, 10, 1), "overdue"),
        (None, D(2025, 9, 15), D(2025, 10, 10), "cancelled"),
        (None, D(2025, 10, 3), D(2025, 10, 10), "missed"),
    ],
)
def test_cp_review_6m(next_on, end, as_of, status):
    reviews = [review(D(2025, 3, 31))] + ([review(next_on, pk=3)] if next_on else [])
    child = plan(D(2025, 1, 6), end, conferences=reviews)
    fact, found = only("cp-review-6m", child, as_of, key="review:2")
    assert (fact.trigger_on, fact.due_on, found) == (D(2025, 3, 31), D(2025, 9, 30), status)


# cp-visit-10wd: plan made on Thursday 17 April 2025, the day before Good Friday; Easter
# Monday and the early May bank holiday fall within, so a visit is due by Tuesday 6 May.
@pytest.mark.parametrize(
    ("visit_on", "end", "as_of", "status"),
    [
        (D(2025, 5, 6), None, D(2025, 5, 7), "done"),
        (D(2025, 5, 7), None, D(2025, 5, 8), "done_late"),
        (None, None, D(2025, 5, 6), "due"),
        (None, None, D(2025, 5, 7), "overdue"),
        (None, D(2025, 5, 1), D(2025, 5, 20), "cancelled"),
        (None, D(2025, 5, 9), D(2025, 5, 20), "missed"),
    ],
)
def test_cp_visit_10wd(visit_on, end, as_of, status):
    child = plan(D(2025, 4, 17), end, visits=[(9, visit_on)] if visit_on else [])
    fact, found = only("cp-visit-10wd", child, as_of, key="plan:1")
    assert (fact.due_on, found) == (D(2025, 5, 6), status)


def test_each_visit_starts_the_next_cp_visit_clock():
    child = plan(D(2025, 4, 17), visits=[(9, D(2025, 5, 6))])
    fact, found = only("cp-visit-10wd", child, D(2025, 5, 21), key="visit:9")
    assert (fact.trigger_on, fact.due_on, found) == (D(2025, 5, 6), D(2025, 5, 20), "overdue")


def test_the_cp_visit_value_is_a_setting(settings):
    settings.KINFOLK_CP_VISIT_WORKING_DAYS = 5
    fact, _status = only("cp-visit-10wd", plan(D(2025, 4, 17)), D(2025, 4, 20), key="plan:1")
    assert fact.due_on == D(2025, 4, 28)


def test_a_duty_exists_only_once_triggered():
    child = plan(D(2025, 4, 17))
    # The episode the plan belongs to, referred a month before, has its supervision duty.
    assert [f.rule for f in derive_duties(child.cut(D(2025, 4, 16)))] == ["case-supervision-1m"]
    assert {f.rule for f in derive_duties(child.cut(D(2025, 4, 17)))} == {
        "case-supervision-1m",
        "core-group-10wd",
        "cp-review-first-3m",
        "cp-visit-10wd",
    }


def test_every_rule_cites_its_source():
    for rule in RULES_BY_CODE.values():
        assert "Source:" in rule.__doc__
        assert rule.code in rule.__doc__.split(":")[0]
        assert rule.title
