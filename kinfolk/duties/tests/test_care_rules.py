"""One test per rule of children in care and care leavers per status (docs/duties.md), with
deadlines worked by hand across Christmas, Easter, the 2027 substitute bank holidays, the ends
of short months and a change of the clocks."""

import datetime as dt
import zoneinfo

import pytest

from kinfolk.duties.facts import CarePeriodFact, MissingFact, PlacementFact
from kinfolk.duties.rules import RULES_BY_CODE
from kinfolk.duties.tests.test_rules import casework, only

D = dt.date
LONDON = zoneinfo.ZoneInfo("Europe/London")

#: (completed, as_of, status) for the six statuses, given a due date of ``due`` and a context
#: that ends on ``ended`` when the case calls for it.
DONE, DONE_LATE, DUE, OVERDUE, CANCELLED, MISSED = (
    "done",
    "done_late",
    "due",
    "overdue",
    "cancelled",
    "missed",
)


def period(start: dt.date, end: dt.date | None = None, pk: int = 1, **more) -> CarePeriodFact:
    return CarePeriodFact(pk, start, end, **more)


# care-plan-10wd: care starts on Monday 15 December 2025; with Christmas Day and Boxing Day
# the tenth working day is Wednesday 31 December.
CARE_PLAN_DUE = D(2025, 12, 31)


@pytest.mark.parametrize(
    ("plan_on", "ended", "as_of", "status"),
    [
        (D(2025, 12, 31), None, D(2026, 1, 5), DONE),
        (D(2026, 1, 2), None, D(2026, 1, 5), DONE_LATE),
        (None, None, D(2025, 12, 31), DUE),
        (None, None, D(2026, 1, 2), OVERDUE),
        (None, D(2025, 12, 30), D(2026, 1, 5), CANCELLED),
        (None, D(2026, 1, 2), D(2026, 1, 5), MISSED),
    ],
)
def test_care_plan_ten_working_days(plan_on, ended, as_of, status):
    child = casework(
        care_periods=(period(D(2025, 12, 15), ended),),
        care_plans=((1, plan_on),) if plan_on else (),
    )
    fact, got = only("care-plan-10wd", child, as_of)
    assert (fact.due_on, got) == (CARE_PLAN_DUE, status)


def test_a_period_begun_in_an_earlier_system_has_no_care_plan_duty():
    child = casework(care_periods=(period(D(2025, 12, 15), starts_care=False),))
    assert list(RULES_BY_CODE["care-plan-10wd"].duties(child.cut(D(2026, 6, 1)))) == []


# cla-review-first-20wd: care starts on Monday 23 March 2026; Good Friday (3 April) and
# Easter Monday (6 April) push the twentieth working day to Wednesday 22 April.
@pytest.mark.parametrize(
    ("review_on", "ended", "as_of", "status"),
    [
        (D(2026, 4, 22), None, D(2026, 5, 1), DONE),
        (D(2026, 4, 23), None, D(2026, 5, 1), DONE_LATE),
        (None, None, D(2026, 4, 22), DUE),
        (None, None, D(2026, 4, 23), OVERDUE),
        (None, D(2026, 4, 10), D(2026, 5, 1), CANCELLED),
        (None, D(2026, 4, 24), D(2026, 5, 1), MISSED),
    ],
)
def test_first_review_twenty_working_days(review_on, ended, as_of, status):
    child = casework(
        care_periods=(period(D(2026, 3, 23), ended),),
        cla_reviews=((7, 1, review_on),) if review_on else (),
    )
    fact, got = only("cla-review-first-20wd", child, as_of)
    assert (fact.due_on, got) == (D(2026, 4, 22), status)


# cla-review-second-3m: the first review on 30 November 2025; three months later is the last
# day of February, 28 February 2026.
@pytest.mark.parametrize(
    ("second_on", "ended", "as_of", "status"),
    [
        (D(2026, 2, 28), None, D(2026, 3, 10), DONE),
        (D(2026, 3, 2), None, D(2026, 3, 10), DONE_LATE),
        (None, None, D(2026, 2, 28), DUE),
        (None, None, D(2026, 3, 1), OVERDUE),
        (None, D(2026, 1, 15), D(2026, 3, 10), CANCELLED),
        (None, D(2026, 3, 5), D(2026, 3, 10), MISSED),
    ],
)
def test_second_review_three_months(second_on, ended, as_of, status):
    reviews = [(7, 1, D(2025, 11, 30))] + ([(8, 1, second_on)] if second_on else [])
    child = casework(care_periods=(period(D(2025, 11, 3), ended),), cla_reviews=tuple(reviews))
    fact, got = only("cla-review-second-3m", child, as_of)
    assert (fact.key, fact.due_on, got) == ("review:7", D(2026, 2, 28), status)


# cla-review-6m: the second review on 31 August 2025; six months later is 28 February 2026.
@pytest.mark.parametrize(
    ("third_on", "ended", "as_of", "status"),
    [
        (D(2026, 2, 27), None, D(2026, 3, 10), DONE),
        (D(2026, 3, 3), None, D(2026, 3, 10), DONE_LATE),
        (None, None, D(2026, 2, 28), DUE),
        (None, None, D(2026, 3, 1), OVERDUE),
        (None, D(2026, 2, 1), D(2026, 3, 10), CANCELLED),
        (None, D(2026, 3, 2), D(2026, 3, 10), MISSED),
    ],
)
def test_later_reviews_six_months(third_on, ended, as_of, status):
    reviews = [(7, 1, D(2025, 6, 1)), (8, 1, D(2025, 8, 31))]
    reviews += [(9, 1, third_on)] if third_on else []
    child = casework(care_periods=(period(D(2025, 5, 6), ended),), cla_reviews=tuple(reviews))
    fact, got = only("cla-review-6m", child, as_of, key="review:8")
    assert (fact.due_on, got) == (D(2026, 2, 28), status)


def test_the_first_review_of_each_period_starts_the_sequence_again():
    child = casework(
        care_periods=(period(D(2024, 1, 8), D(2024, 6, 1), pk=1), period(D(2025, 1, 6), pk=2)),
        cla_reviews=((7, 1, D(2024, 2, 1)), (8, 1, D(2024, 5, 1)), (9, 2, D(2025, 2, 3))),
    )
    facts = RULES_BY_CODE["cla-review-second-3m"].duties(child.cut(D(2025, 3, 1)))
    assert [(f.key, f.due_on, f.completed_on) for f in facts] == [
        ("review:7", D(2024, 5, 1), D(2024, 5, 1)),
        ("review:9", D(2025, 5, 3), None),
    ]


# cla-visit-1w: the child moves on Tuesday 23 December 2025; a week is seven calendar days,
# bank holidays or not: due Tuesday 30 December. The placement changing again, or care
# ending, ends the duty.
@pytest.mark.parametrize(
    ("visit_on", "moved_on", "ended", "as_of", "status"),
    [
        (D(2025, 12, 30), None, None, D(2026, 1, 10), DONE),
        (D(2025, 12, 31), None, None, D(2026, 1, 10), DONE_LATE),
        (None, None, None, D(2025, 12, 30), DUE),
        (None, None, None, D(2025, 12, 31), OVERDUE),
        (None, D(2025, 12, 29), None, D(2026, 1, 10), CANCELLED),
        (None, None, D(2026, 1, 2), D(2026, 1, 10), MISSED),
    ],
)
def test_visit_within_a_week_of_a_placement(visit_on, moved_on, ended, as_of, status):
    placements = [PlacementFact(1, 1, D(2025, 9, 1)), PlacementFact(2, 1, D(2025, 12, 23))]
    placements += [PlacementFact(3, 1, moved_on)] if moved_on else []
    child = casework(
        care_periods=(period(D(2025, 9, 1), ended),),
        placements=tuple(placements),
        cla_visits_seen=((5, visit_on),) if visit_on else (),
    )
    fact, got = only("cla-visit-1w", child, as_of, key="placement:2")
    assert (fact.due_on, got) == (D(2025, 12, 30), status)


def test_a_visit_after_the_next_move_does_not_complete_the_earlier_placement():
    child = casework(
        care_periods=(period(D(2025, 9, 1)),),
        placements=(PlacementFact(1, 1, D(2025, 9, 1)), PlacementFact(2, 1, D(2025, 9, 5))),
        cla_visits_seen=((5, D(2025, 9, 6)),),
    )
    fact, got = only("cla-visit-1w", child, D(2025, 10, 1), key="placement:1")
    assert (fact.completed_on, got) == (None, CANCELLED)
    fact, got = only("cla-visit-1w", child, D(2025, 10, 1), key="placement:2")
    assert (fact.completed_on, got) == (D(2025, 9, 6), DONE)


# cla-visit-6w: a visit on Friday 20 March 2026; six weeks later is Friday 1 May.
@pytest.mark.parametrize(
    ("next_on", "ended", "as_of", "status"),
    [
        (D(2026, 5, 1), None, D(2026, 5, 10), DONE),
        (D(2026, 5, 4), None, D(2026, 5, 10), DONE_LATE),
        (None, None, D(2026, 5, 1), DUE),
        (None, None, D(2026, 5, 2), OVERDUE),
        (None, D(2026, 4, 30), D(2026, 5, 10), CANCELLED),
        (None, D(2026, 5, 2), D(2026, 5, 10), MISSED),
    ],
)
def test_visits_every_six_weeks(next_on, ended, as_of, status):
    visits = [(5, D(2026, 3, 20))] + ([(6, next_on)] if next_on else [])
    child = casework(care_periods=(period(D(2026, 1, 5), ended),), cla_visits_seen=tuple(visits))
    fact, got = only("cla-visit-6w", child, as_of, key="visit:5")
    assert (fact.due_on, got) == (D(2026, 5, 1), status)


# iha-20wd: care starts on Monday 7 April 2025; Good Friday, Easter Monday and the early May
# bank holiday make the twentieth working day Thursday 8 May.
@pytest.mark.parametrize(
    ("assessed_on", "kind", "ended", "as_of", "status"),
    [
        (D(2025, 5, 8), "initial", None, D(2025, 6, 1), DONE),
        (D(2025, 5, 9), "initial", None, D(2025, 6, 1), DONE_LATE),
        (None, "initial", None, D(2025, 5, 8), DUE),
        (D(2025, 5, 1), "review", None, D(2025, 5, 9), OVERDUE),
        (None, "initial", D(2025, 5, 2), D(2025, 6, 1), CANCELLED),
        (None, "initial", D(2025, 5, 12), D(2025, 6, 1), MISSED),
    ],
)
def test_initial_health_assessment(assessed_on, kind, ended, as_of, status):
    child = casework(
        care_periods=(period(D(2025, 4, 7), ended),),
        health_assessments=((3, assessed_on, kind),) if assessed_on else (),
    )
    fact, got = only("iha-20wd", child, as_of)
    assert (fact.due_on, got) == (D(2025, 5, 8), status)


# rha: an assessment on 31 August 2024 of a child of 4 is reviewed within 6 months (28
# February 2025); the same for a child of 5 within 12 months (31 August 2025).
@pytest.mark.parametrize(
    ("born", "due"),
    [(D(2020, 3, 1), D(2025, 2, 28)), (D(2019, 8, 31), D(2025, 8, 31))],
)
def test_review_health_assessment_interval_depends_on_age(born, due):
    child = casework(
        born=born,
        care_periods=(period(D(2024, 6, 3)),),
        health_assessments=((3, D(2024, 8, 31), "initial"),),
    )
    fact, _status = only("rha", child, D(2024, 9, 1))
    assert fact.due_on == due


@pytest.mark.parametrize(
    ("next_on", "ended", "as_of", "status"),
    [
        (D(2025, 2, 28), None, D(2025, 3, 10), DONE),
        (D(2025, 3, 3), None, D(2025, 3, 10), DONE_LATE),
        (None, None, D(2025, 2, 28), DUE),
        (None, None, D(2025, 3, 1), OVERDUE),
        (None, D(2025, 1, 31), D(2025, 3, 10), CANCELLED),
        (None, D(2025, 3, 3), D(2025, 3, 10), MISSED),
    ],
)
def test_review_health_assessment(next_on, ended, as_of, status):
    assessments = [(3, D(2024, 8, 31), "initial")]
    assessments += [(4, next_on, "review")] if next_on else []
    child = casework(
        born=D(2021, 1, 10),
        care_periods=(period(D(2024, 8, 1), ended),),
        health_assessments=tuple(assessments),
    )
    fact, got = only("rha", child, as_of, key="assessment:3")
    assert (fact.due_on, got) == (D(2025, 2, 28), status)


# pep-20wd: care starts on Monday 6 December 2027; Christmas and Boxing Day fall at the
# weekend, so 27 and 28 December are substitute days, and 1 January 2028 (a Saturday) gives
# Monday 3 January: the twentieth working day is Thursday 6 January 2028.
@pytest.mark.parametrize(
    ("pep_on", "ended", "as_of", "status"),
    [
        (D(2028, 1, 6), None, D(2028, 2, 1), DONE),
        (D(2028, 1, 7), None, D(2028, 2, 1), DONE_LATE),
        (None, None, D(2028, 1, 6), DUE),
        (None, None, D(2028, 1, 7), OVERDUE),
        (None, D(2027, 12, 20), D(2028, 2, 1), CANCELLED),
        (None, D(2028, 1, 10), D(2028, 2, 1), MISSED),
    ],
)
def test_personal_education_plan(pep_on, ended, as_of, status):
    child = casework(
        care_periods=(period(D(2027, 12, 6), ended),),
        education_plans=(pep_on,) if pep_on else (),
    )
    fact, got = only("pep-20wd", child, as_of)
    assert (fact.due_on, got) == (D(2028, 1, 6), status)


@pytest.mark.parametrize(("born", "expected"), [(D(2025, 1, 1), 0), (D(2024, 12, 6), 1)])
def test_a_personal_education_plan_is_due_from_the_age_of_three(born, expected):
    child = casework(born=born, care_periods=(period(D(2027, 12, 6)),))
    assert len(list(RULES_BY_CODE["pep-20wd"].duties(child.cut(D(2028, 1, 1))))) == expected


# rhi-72h: a child returns at 23:30 on Thursday 26 March 2026; the clocks go forward on the
# Sunday, so 72 hours later it is 00:30 on Monday 30 March (local time). The duty has no
# context that ends it, so it is never cancelled or missed.
RETURNED = dt.datetime(2026, 3, 26, 23, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("offered_on", "as_of", "status"),
    [
        (D(2026, 3, 30), D(2026, 4, 2), DONE),
        (D(2026, 3, 31), D(2026, 4, 2), DONE_LATE),
        (None, D(2026, 3, 30), DUE),
        (None, D(2026, 3, 31), OVERDUE),
    ],
)
def test_return_interview_seventy_two_hours(offered_on, as_of, status):
    child = casework(missing_episodes=(MissingFact(4, RETURNED, offered_on),))
    fact, got = only("rhi-72h", child, as_of)
    assert (fact.trigger_on, fact.due_on, got) == (D(2026, 3, 26), D(2026, 3, 30), status)


def test_a_return_interview_duty_is_never_cancelled_or_missed():
    child = casework(
        born=D(2008, 3, 27), died=None, missing_episodes=(MissingFact(4, RETURNED, None),)
    )
    fact, got = only("rhi-72h", child, D(2027, 1, 1))
    assert (fact.context_ended_on, got) == (None, OVERDUE)


def test_a_child_still_missing_has_no_return_interview_duty():
    child = casework(missing_episodes=(MissingFact(4, None, None),))
    assert list(RULES_BY_CODE["rhi-72h"].duties(child.cut(D(2026, 4, 1)))) == []


# pathway-plan-3m: born 30 November 2009, looked after since 2 June 2025; the 16th birthday
# is 30 November 2025 and the plan is due three months later, 28 February 2026. The duty is
# cancelled or missed only if care ends before the young person has been looked after 13
# weeks since their 14th birthday.
PATHWAY_BORN = D(2009, 11, 30)


@pytest.mark.parametrize(
    ("start_on", "plan_on", "ended", "as_of", "status"),
    [
        (D(2025, 6, 2), D(2026, 2, 28), None, D(2026, 3, 10), DONE),
        (D(2025, 6, 2), D(2026, 3, 2), None, D(2026, 3, 10), DONE_LATE),
        (D(2025, 6, 2), None, None, D(2026, 2, 28), DUE),
        (D(2025, 6, 2), None, None, D(2026, 3, 1), OVERDUE),
        (D(2025, 11, 3), None, D(2026, 1, 5), D(2026, 3, 10), CANCELLED),
        # From 31 January the plan is due on 30 April (89 days); leaving on 1 May, 90 days
        # after starting, the young person is not eligible.
        (D(2026, 1, 31), None, D(2026, 5, 1), D(2026, 5, 10), MISSED),
    ],
)
def test_pathway_plan_three_months(start_on, plan_on, ended, as_of, status):
    child = casework(
        born=PATHWAY_BORN,
        care_periods=(period(start_on, ended),),
        pathway_plans=(plan_on,) if plan_on else (),
    )
    fact, got = only("pathway-plan-3m", child, as_of)
    trigger = max(start_on, D(2025, 11, 30))
    assert (fact.trigger_on, got) == (trigger, status)
    if start_on < D(2025, 11, 30):
        assert fact.due_on == D(2026, 2, 28)


def test_leaving_care_once_eligible_does_not_end_the_pathway_plan_duty():
    # Looked after from 2 June 2025 (over 13 weeks since the 14th birthday) and leaving on 5
    # January 2026: a relevant child, who still needs a pathway plan.
    child = casework(born=PATHWAY_BORN, care_periods=(period(D(2025, 6, 2), D(2026, 1, 5)),))
    fact, got = only("pathway-plan-3m", child, D(2026, 3, 10))
    assert (fact.context_ended_on, got) == (None, OVERDUE)


def test_care_ending_before_the_16th_birthday_has_no_pathway_plan_duty():
    child = casework(born=PATHWAY_BORN, care_periods=(period(D(2025, 1, 6), D(2025, 11, 29)),))
    assert list(RULES_BY_CODE["pathway-plan-3m"].duties(child.cut(D(2026, 6, 1)))) == []


# pathway-plan-review-6m: a plan on 31 August 2026 is reviewed by 28 February 2027; the
# context is the young person's 21st birthday.
@pytest.mark.parametrize(
    ("born", "next_on", "as_of", "status"),
    [
        (D(2008, 1, 1), D(2027, 2, 28), D(2027, 3, 10), DONE),
        (D(2008, 1, 1), D(2027, 3, 1), D(2027, 3, 10), DONE_LATE),
        (D(2008, 1, 1), None, D(2027, 2, 28), DUE),
        (D(2008, 1, 1), None, D(2027, 3, 1), OVERDUE),
        (D(2006, 1, 15), None, D(2027, 3, 10), CANCELLED),
        (D(2006, 3, 2), None, D(2027, 3, 10), MISSED),
    ],
)
def test_pathway_plan_review_six_months(born, next_on, as_of, status):
    plans = (D(2026, 8, 31),) + ((next_on,) if next_on else ())
    child = casework(born=born, pathway_plans=plans)
    fact, got = only("pathway-plan-review-6m", child, as_of, key="plan:2026-08-31")
    assert (fact.due_on, got) == (D(2027, 2, 28), status)


# care-leaver-contact-2m: born 10 May 2008, looked after from 3 March 2024 and leaving care
# on 31 December 2024, aged 16: a relevant child, in touch within 2 months (28 February
# 2025). The context is the 21st birthday.
@pytest.mark.parametrize(
    ("born", "contact_on", "as_of", "status"),
    [
        (D(2008, 5, 10), D(2025, 2, 28), D(2025, 3, 10), DONE),
        (D(2008, 5, 10), D(2025, 3, 1), D(2025, 3, 10), DONE_LATE),
        (D(2008, 5, 10), None, D(2025, 2, 28), DUE),
        (D(2008, 5, 10), None, D(2025, 3, 1), OVERDUE),
        (D(2004, 1, 20), None, D(2025, 3, 10), CANCELLED),
        (D(2004, 3, 2), None, D(2025, 3, 10), MISSED),
    ],
)
def test_care_leaver_contact_two_months(born, contact_on, as_of, status):
    child = casework(
        born=born,
        care_periods=(period(D(2024, 3, 3), D(2024, 12, 31)),),
        care_leaver_contacts=((9, contact_on),) if contact_on else (),
    )
    fact, got = only("care-leaver-contact-2m", child, as_of, key="left-care:1")
    assert (fact.due_on, got) == (D(2025, 2, 28), status)


def test_each_contact_in_touch_starts_the_next_two_months():
    child = casework(
        born=D(2008, 5, 10),
        care_periods=(period(D(2024, 3, 3), D(2024, 12, 31)),),
        care_leaver_contacts=((9, D(2025, 2, 1)), (10, D(2025, 3, 31))),
    )
    facts = RULES_BY_CODE["care-leaver-contact-2m"].duties(child.cut(D(2025, 7, 1)))
    assert [(f.key, f.due_on, f.completed_on) for f in facts] == [
        ("left-care:1", D(2025, 2, 28), D(2025, 2, 1)),
        ("contact:9", D(2025, 4, 1), D(2025, 3, 31)),
        ("contact:10", D(2025, 5, 31), None),
    ]


@pytest.mark.parametrize(
    ("start_on", "end_on", "expected"),
    [
        # 91 days looked after since the 14th birthday, ending on the 16th birthday: relevant.
        (D(2024, 2, 9), D(2024, 5, 10), 1),
        # 90 days: not.
        (D(2024, 2, 10), D(2024, 5, 10), 0),
        # A year in care ending the day before the 16th birthday: not.
        (D(2023, 5, 1), D(2024, 5, 9), 0),
    ],
)
def test_only_a_care_leaver_leaving_care_starts_the_contact_duty(start_on, end_on, expected):
    child = casework(born=D(2008, 5, 10), care_periods=(period(start_on, end_on),))
    facts = RULES_BY_CODE["care-leaver-contact-2m"].duties(child.cut(D(2024, 9, 1)))
    assert len(list(facts)) == expected
