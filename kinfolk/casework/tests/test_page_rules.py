"""Each rule of the casework services, tried through the page that would break it: the
exact message is shown next to the field, and nothing changes."""

import datetime as dt

import pytest

from conftest import assessed
from kinfolk.casework.models import ChildInNeedEpisode, Plan
from kinfolk.casework.services import (
    add_plan_outcome,
    close_episode,
    open_referral,
    start_assessment,
    start_child_in_need_plan,
)
from kinfolk.casework.tests.pages import (
    assert_refused,
    page,
    post_data,
    record_counts,
)
from kinfolk.protection.services import (
    hold_initial_conference,
    start_section_47_enquiry,
)

pytestmark = pytest.mark.django_db

D = dt.date
REFERRAL_ON = D(2026, 9, 1)


@pytest.fixture
def episode(child, social_worker) -> ChildInNeedEpisode:
    return open_referral(child=child, referral_on=REFERRAL_ON, source="2A", actor=social_worker)


@pytest.fixture
def plan(child, episode) -> Plan:
    assessed(child, D(2026, 9, 10))
    return start_child_in_need_plan(
        child=child, start_on=D(2026, 9, 20), contingency="Strategy discussion if school absence"
    )


# The invariants, tried through the pages ------------------------------------------------------


def test_a_second_referral_while_an_episode_is_open(worker_client, child, episode):
    before = record_counts(child)
    response = worker_client.post(
        page("casework:referral-create", child),
        post_data(referral_on=D(2026, 10, 1), source="6"),
    )
    assert_refused(
        response,
        "referral_on",
        "Lily Smith already has an open child in need episode, from the referral of "
        "1 September 2026",
    )
    assert record_counts(child) == before


@pytest.mark.parametrize(
    ("name", "field", "values", "message"),
    [
        (
            "casework:referral-create",
            "referral_on",
            {"source": "6"},
            "The referral date must be today or in the past",
        ),
        (
            "casework:visit-create",
            "visited_on",
            {"kind": "cin", "is_child_seen": "no"},
            "The date of the visit must be today or in the past",
        ),
        (
            "casework:assessment-create",
            "started_on",
            {},
            "The assessment start date must be today or in the past",
        ),
    ],
)
def test_a_date_in_the_future(worker_client, child, name, field, values, message, tomorrow):
    if name != "casework:referral-create":
        open_referral(child=child, referral_on=REFERRAL_ON, source="2A")
    before = record_counts(child)
    response = worker_client.post(page(name, child), post_data(**{field: tomorrow}, **values))
    assert_refused(response, field, message)
    assert record_counts(child) == before


def test_a_visit_after_closure(worker_client, child, episode):
    close_episode(child=child, closed_on=D(2026, 10, 1), reason="RC8")
    before = record_counts(child)
    response = worker_client.post(
        page("casework:visit-create", child),
        post_data(visited_on=D(2026, 10, 5), kind="cin", is_child_seen="yes", child_views="Fine"),
    )
    assert_refused(
        response,
        "visited_on",
        "Lily Smith's case closed on 1 October 2026: record a new referral first",
    )
    assert record_counts(child) == before


def test_a_child_in_need_plan_starting_while_a_child_protection_plan_is_open(
    worker_client, child, episode
):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    hold_initial_conference(
        child=child, held_on=D(2026, 9, 21), is_plan_needed=True, category="NEG", is_imported=True
    )
    before = record_counts(child)
    response = worker_client.post(
        page("casework:child-in-need-plan-create", child),
        post_data(start_on=D(2026, 10, 5), contingency="Return to conference"),
    )
    assert_refused(
        response,
        "start_on",
        "Lily Smith is on a child protection plan from 21 September 2026: a child in need plan "
        "can start only on or after the day it ends",
    )
    assert record_counts(child) == before


def test_closure_with_an_open_assessment(manager_client, child, episode):
    start_assessment(child=child, started_on=D(2026, 9, 2))
    before = record_counts(child)
    response = manager_client.post(
        page("casework:episode-close", child), post_data(closed_on=D(2026, 10, 1), reason="RC8")
    )
    assert_refused(
        response,
        "closed_on",
        "The assessment started on 2 September 2026 is not yet authorised: authorise it before "
        "closing the case",
    )
    assert record_counts(child) == before


def test_closure_with_an_open_section_47_enquiry(manager_client, child, episode):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    before = record_counts(child)
    response = manager_client.post(
        page("casework:episode-close", child), post_data(closed_on=D(2026, 10, 1), reason="RC7")
    )
    assert_refused(
        response,
        "closed_on",
        "The section 47 enquiry started on 3 September 2026 is still open: record its outcome "
        "before closing the case",
    )
    assert record_counts(child) == before


def test_closure_without_evidence_for_a_plan_outcome(manager_client, child, plan):
    school = add_plan_outcome(plan=plan, description="Lily attends school every day")
    health = add_plan_outcome(plan=plan, description="Lily's dental check is done")
    before = record_counts(child)
    response = manager_client.post(
        page("casework:episode-close", child),
        post_data(
            closed_on=D(2026, 11, 2),
            reason="RC7",
            **{f"evidence_{school.pk}": "Attendance 98%", f"evidence_{health.pk}": " "},
        ),
    )
    assert_refused(
        response,
        f"evidence_{health.pk}",
        "Give evidence of what changed for each outcome of the plan before closing: "
        "Lily's dental check is done",
    )
    assert record_counts(child) == before
    assert ChildInNeedEpisode.objects.get().closed_on is None


def test_an_action_without_an_owner_or_a_due_date(worker_client, child, plan):
    before = record_counts(child)
    response = worker_client.post(
        page("casework:action-create", child),
        {"plan": plan.pk, "description": "Attend the parenting course", "owner": ""},
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors == {
        "owner": ["Choose who will do it, or name someone in another agency"],
        "due_on": ["Enter the date it must be done by"],
    }
    html = response.content.decode()
    assert (
        '<p id="id_owner-error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        "Error:</span> Choose who will do it, or name someone in another agency</p>"
    ) in html
    assert (
        '<p id="id_due_on-error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        "Error:</span> Enter the date it must be done by</p>"
    ) in html
    assert record_counts(child) == before


def test_a_child_in_need_plan_without_a_contingency(worker_client, child, episode):
    before = record_counts(child)
    response = worker_client.post(
        page("casework:child-in-need-plan-create", child),
        post_data(start_on=D(2026, 9, 20), contingency=""),
    )
    assert_refused(
        response, "contingency", "Enter the contingency: what happens if the plan does not work"
    )
    assert record_counts(child) == before
