"""``strategy_discussion_warning`` (docs/domain.md finding 5): a strategy discussion should come
before acting for a child who was missing or screened at risk of exploitation."""

import datetime as dt

import pytest

from conftest import make_child
from kinfolk.care import services
from kinfolk.care.services import strategy_discussion_warning
from kinfolk.core.working_days import LONDON
from kinfolk.protection.tests.factories import StrategyDiscussionFactory

pytestmark = pytest.mark.django_db

D = dt.date


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.fixture
def ava(db):
    return make_child(
        la_child_id="C7", first_name="Ava", last_name="Brown", date_of_birth=D(2012, 5, 1)
    )


def missing(child, start: str, end: str | None = None) -> None:
    services.start_missing_episode(
        child=child, started_at=at(start), kind="M", is_police_informed=True
    )
    if end:
        services.end_missing_episode(child=child, ended_at=at(end), where_found="Home")


def discussion(child, on: dt.date) -> None:
    StrategyDiscussionFactory(child=child, held_on=on)


def screening(child, on: dt.date, risk: str) -> None:
    services.screen_for_exploitation(child=child, screened_on=on, kind="criminal", risk_level=risk)


def test_no_warning_without_missing_or_risk(ava):
    assert strategy_discussion_warning(ava, D(2025, 6, 1)) is None
    screening(ava, D(2025, 5, 1), "low")
    assert strategy_discussion_warning(ava, D(2025, 6, 1)) is None


def test_a_missing_episode_ended_within_30_days(ava):
    missing(ava, "2025-05-01T22:00", "2025-05-03T09:00")
    assert strategy_discussion_warning(ava, D(2025, 6, 2)) == (
        "Ava Brown was missing from 1 May 2025 at 22:00 to 3 May 2025 at 09:00 and no strategy "
        "discussion has been held since: hold one first, or record a manager's reason for "
        "acting now"
    )
    assert strategy_discussion_warning(ava, D(2025, 6, 3)) is None  # ended 31 days before


def test_an_open_missing_episode(ava):
    missing(ava, "2025-01-01T22:00")
    assert strategy_discussion_warning(ava, D(2025, 6, 1)) == (
        "Ava Brown has been missing since 1 January 2025 at 22:00 and no strategy discussion "
        "has been held since: hold one first, or record a manager's reason for acting now"
    )
    assert strategy_discussion_warning(ava, D(2024, 12, 31)) is None  # before it started


def test_a_strategy_discussion_on_or_after_the_episode_clears_it(ava):
    missing(ava, "2025-05-01T22:00", "2025-05-03T09:00")
    discussion(ava, D(2025, 4, 30))
    assert strategy_discussion_warning(ava, D(2025, 5, 20)) is not None
    discussion(ava, D(2025, 5, 1))
    assert strategy_discussion_warning(ava, D(2025, 5, 20)) is None


def test_a_discussion_after_the_date_asked_about_does_not_count(ava):
    missing(ava, "2025-05-01T22:00", "2025-05-03T09:00")
    discussion(ava, D(2025, 5, 25))
    assert strategy_discussion_warning(ava, D(2025, 5, 20)) is not None


def test_a_medium_or_high_screening_within_90_days(ava):
    screening(ava, D(2025, 3, 3), "medium")
    assert strategy_discussion_warning(ava, D(2025, 6, 1)) == (
        "Ava Brown was screened at medium risk of criminal exploitation on 3 March 2025 and no "
        "strategy discussion has been held since: hold one first, or record a manager's reason "
        "for acting now"
    )
    assert strategy_discussion_warning(ava, D(2025, 6, 2)) is None  # 91 days later
    discussion(ava, D(2025, 3, 3))
    assert strategy_discussion_warning(ava, D(2025, 6, 1)) is None


def test_a_child_at_home_is_warned_about_too(db):
    child = make_child(la_child_id="C9", first_name="Leo", last_name="Hall")
    screening(child, D(2025, 5, 1), "high")
    assert strategy_discussion_warning(child, D(2025, 5, 1)).startswith(
        "Leo Hall was screened at high risk"
    )
