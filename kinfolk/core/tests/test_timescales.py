"""The timescales: each interval stated once, with the arithmetic of docs/duties.md, and read
alike by the duty rules and by the pages that show a deadline."""

import datetime as dt

from django.test import override_settings

from kinfolk.care.history import Stay
from kinfolk.care.models.reviews import next_review_due_on
from kinfolk.core import timescales
from kinfolk.duties.rules import RULES, RULES_BY_CODE
from kinfolk.leaving.standing import pathway_plan_first_due_on

D = dt.date


def test_working_days_skip_weekends_and_bank_holidays() -> None:
    # Friday 24 December 2021: the weekend and two substitute bank holidays follow, and Monday
    # 3 January 2022 is the substitute for New Year's Day.
    assert timescales.FIRST_LOOKED_AFTER_REVIEW.due_after(D(2021, 12, 24)) == D(2022, 1, 26)
    assert timescales.CARE_PLAN.due_after(D(2021, 12, 24)) == D(2022, 1, 12)


def test_months_take_the_last_day_of_a_shorter_month() -> None:
    assert timescales.SECOND_LOOKED_AFTER_REVIEW.due_after(D(2025, 11, 30)) == D(2026, 2, 28)
    assert str(timescales.PATHWAY_PLAN_REVIEW) == "6 months"


def test_hours_run_from_a_moment_to_a_london_date() -> None:
    returned = dt.datetime(2025, 3, 28, 23, 30, tzinfo=dt.UTC)
    assert timescales.RETURN_INTERVIEW.due_after(returned) == D(2025, 4, 1)
    assert timescales.RETURN_INTERVIEW.ends_at(returned) == returned + dt.timedelta(hours=72)


@override_settings(KINFOLK_SCREENING_WORKING_DAYS=3)
def test_a_local_timescale_reads_its_setting() -> None:
    assert timescales.SCREENING.is_local
    assert timescales.SCREENING.due_after(D(2025, 3, 3)) == D(2025, 3, 6)
    assert RULES_BY_CODE["screening-1wd"].due_after(D(2025, 3, 3)) == D(2025, 3, 6)


def test_the_review_health_assessment_depends_on_age_that_day() -> None:
    rule = RULES_BY_CODE["rha"]
    assert rule.due_after(D(2025, 5, 1), D(2020, 5, 2)) == D(2025, 11, 1)
    assert rule.due_after(D(2025, 5, 1), D(2020, 5, 1)) == D(2026, 5, 1)
    assert rule.due_after(D(2025, 5, 1)) == D(2026, 5, 1)


def test_every_rule_but_the_age_dependent_one_declares_its_timescale() -> None:
    assert {rule.code for rule in RULES if rule.timescale is None} == {"rha"}


def test_the_pages_deadlines_are_the_rules_deadlines() -> None:
    start = D(2025, 4, 17)
    assert next_review_due_on(start, []) == RULES_BY_CODE["cla-review-first-20wd"].due_after(start)
    assert next_review_due_on(start, [D(2025, 5, 1)]) == RULES_BY_CODE[
        "cla-review-second-3m"
    ].due_after(D(2025, 5, 1))
    sixteenth_in_care = [Stay(D(2024, 1, 1), None)]
    assert pathway_plan_first_due_on(D(2008, 6, 30), sixteenth_in_care) == RULES_BY_CODE[
        "pathway-plan-3m"
    ].due_after(D(2024, 6, 30))
