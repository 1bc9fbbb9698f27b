"""The casework guards: each holds in the state its step needs and refuses, with the words
the page shows, in any other."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import assessed
from kinfolk.casework.services import (
    ASSESSMENT_AWAITING_AUTHORISATION,
    CHILD_HAS_OPEN_PLAN,
    CHILD_HAS_OPEN_PLAN_ACTION,
    add_plan_action,
    authorise_assessment,
    end_child_in_need_plan,
    open_referral,
    start_assessment,
    start_child_in_need_plan,
)
from kinfolk.casework.tests.factories import AUTHORISATION_CHECKS, submitted_assessment

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def episode(child):
    return open_referral(child=child, referral_on=D(2025, 3, 3), source="2A", primary_need="N1")


def refuses(guard, child, message: str) -> None:
    assert guard.refusal(child) == message
    with pytest.raises(ValidationError) as raised:
        guard.check(child)
    assert raised.value.messages == [message]


def test_an_assessment_awaits_authorisation_only_while_one_is_open(child, episode, manager):
    refuses(
        ASSESSMENT_AWAITING_AUTHORISATION, child, "There is no assessment waiting to be authorised."
    )
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4))
    refuses(
        ASSESSMENT_AWAITING_AUTHORISATION, child, "There is no assessment waiting to be authorised."
    )
    assessment = submitted_assessment(child, D(2025, 3, 4), assessment=assessment)
    assert ASSESSMENT_AWAITING_AUTHORISATION.refusal(child) == ""
    ASSESSMENT_AWAITING_AUTHORISATION.check(child)
    authorise_assessment(
        assessment=assessment,
        authorised_on=D(2025, 3, 20),
        rationale="Needs are met at home with support.",
        checklist=AUTHORISATION_CHECKS,
        authorised_by=manager,
    )
    refuses(
        ASSESSMENT_AWAITING_AUTHORISATION, child, "There is no assessment waiting to be authorised."
    )


def test_outcomes_and_actions_need_an_open_plan(child, episode):
    refuses(CHILD_HAS_OPEN_PLAN, child, "There is no open plan: start a plan first.")
    assessed(child, D(2025, 3, 20))
    start_child_in_need_plan(child=child, start_on=D(2025, 4, 1), contingency="Review at once.")
    assert CHILD_HAS_OPEN_PLAN.refusal(child) == ""
    CHILD_HAS_OPEN_PLAN.check(child)
    end_child_in_need_plan(child=child, end_on=D(2025, 6, 1))
    refuses(CHILD_HAS_OPEN_PLAN, child, "There is no open plan: start a plan first.")


def test_progress_needs_an_action_on_an_open_plan(child, episode, social_worker):
    assessed(child, D(2025, 3, 20))
    plan = start_child_in_need_plan(child=child, start_on=D(2025, 4, 1), contingency="Review.")
    refuses(CHILD_HAS_OPEN_PLAN_ACTION, child, "There are no actions on an open plan.")
    add_plan_action(
        plan=plan, description="Weekly school check", due_on=D(2025, 5, 1), owner=social_worker
    )
    assert CHILD_HAS_OPEN_PLAN_ACTION.refusal(child) == ""
    CHILD_HAS_OPEN_PLAN_ACTION.check(child)
    end_child_in_need_plan(child=child, end_on=D(2025, 6, 1))
    refuses(CHILD_HAS_OPEN_PLAN_ACTION, child, "There are no actions on an open plan.")
