"""The child protection pages: recording a strategy discussion, a section 47 enquiry,
conferences and core groups through the pages, and the rules tried through them."""

import datetime as dt

import pytest

from conftest import signed_in
from kinfolk.casework.models import Plan
from kinfolk.casework.services import open_referral, record_visit, start_child_in_need_plan
from kinfolk.casework.tests.pages import assert_refused, page, post_data, record_counts
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)
from kinfolk.protection.services import hold_initial_conference, start_section_47_enquiry

pytestmark = pytest.mark.django_db

D = dt.date
SATURDAY = D(2026, 10, 3)


@pytest.fixture
def episode(child):
    return open_referral(child=child, referral_on=D(2026, 9, 1), source="6")


@pytest.fixture
def visited(child, episode):
    return record_visit(
        child=child,
        visited_on=D(2026, 9, 2),
        kind="cin",
        is_child_seen=True,
        child_views="Lily said she was scared at home.",
    )


@pytest.fixture
def protection_plan(child, episode) -> Plan:
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    return hold_initial_conference(
        child=child, held_on=D(2026, 9, 21), is_plan_needed=True, category="NEG"
    ).plan


def test_from_strategy_discussion_to_a_child_protection_plan(
    worker_client, manager_client, child, episode, manager, cp_chair
):
    need_plan = start_child_in_need_plan(
        child=child, start_on=D(2026, 9, 2), contingency="Strategy discussion"
    )
    response = worker_client.post(
        page("protection:strategy-discussion-create", child),
        post_data(
            held_on=D(2026, 9, 3),
            outcome="s47",
            attendees=["childrens_social_care", "police", "education"],
            rationale="Bruising seen by school; police hold DA notices for the household.",
        ),
    )
    assert response.status_code == 302
    discussion = StrategyDiscussion.objects.get()
    assert (discussion.episode, discussion.outcome, discussion.attendees) == (
        episode,
        "s47",
        ["childrens_social_care", "police", "education"],
    )

    response = worker_client.post(
        page("protection:section-47-create", child), post_data(started_on=D(2026, 9, 3))
    )
    assert response.status_code == 302
    response = worker_client.post(
        page("protection:section-47-end", child),
        post_data(
            ended_on=D(2026, 9, 15),
            is_conference_required="yes",
            outcome="Risk of significant harm from neglect substantiated.",
        ),
    )
    assert response.status_code == 302
    enquiry = Section47Enquiry.objects.get()
    assert (enquiry.ended_on, enquiry.is_conference_required, enquiry.outcome) == (
        D(2026, 9, 15),
        True,
        "Risk of significant harm from neglect substantiated.",
    )

    # The social worker may not record the conference: its chair does.
    conference_page = page("protection:initial-conference-create", child)
    assert worker_client.get(conference_page).status_code == 403
    response = signed_in(cp_chair).post(
        conference_page,
        post_data(held_on=D(2026, 9, 21), is_plan_needed="yes", category="NEG", chair=cp_chair.pk),
    )
    assert response.status_code == 302
    conference = Conference.objects.get()
    plan = conference.plan
    need_plan.refresh_from_db()
    assert (conference.kind, conference.enquiry, conference.chair) == ("initial", enquiry, cp_chair)
    assert (plan.kind, plan.start_on, plan.initial_category) == ("cp", D(2026, 9, 21), "NEG")
    assert need_plan.end_on == D(2026, 9, 21)

    response = worker_client.post(
        page("protection:core-group-create", child), post_data(held_on=D(2026, 9, 30))
    )
    assert response.status_code == 302
    assert CoreGroupMeeting.objects.get().plan == plan

    response = signed_in(cp_chair).post(
        page("protection:review-conference-create", child),
        post_data(held_on=D(2026, 11, 16), continue_plan="yes", category="EMO"),
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert (plan.end_on, plan.latest_category) == (None, "EMO")

    response = manager_client.post(
        page("protection:child-protection-plan-end", child), post_data(end_on=D(2026, 11, 20))
    )
    assert response.status_code == 302
    plan.refresh_from_db()
    assert plan.end_on == D(2026, 11, 20)

    casework = " ".join(
        worker_client.get(page("casework:child-casework", child)).content.decode().split()
    )
    assert "Children&#x27;s social care, Police, School or education" in casework
    assert "Initial child protection conference" in casework
    assert "Plan made" in casework
    assert "30 September 2026" in casework


def test_the_strategy_discussion_page_warns_of_a_visit_before_it(worker_client, child, visited):
    html = " ".join(
        worker_client.get(page("protection:strategy-discussion-create", child))
        .content.decode()
        .split()
    )
    assert (
        "Lily Smith was visited before this strategy discussion. A manager must record why the "
        "visit could not wait for the agencies to meet."
    ) in html
    assert "Child in need visit on 2 September 2026" in html
    assert "Only a manager can record the reason." in html
    assert 'name="prior_action_reason"' not in html


def test_a_strategy_discussion_after_a_visit_without_a_reason(manager_client, child, visited):
    before = record_counts(child)
    response = manager_client.post(
        page("protection:strategy-discussion-create", child),
        post_data(held_on=D(2026, 9, 3), outcome="s47", rationale="Disclosure at the visit."),
    )
    assert_refused(
        response,
        "prior_action_reason",
        "The child was visited before this strategy discussion: a manager must record why",
    )
    assert "Lily Smith was visited before this strategy discussion." in response.content.decode()
    assert record_counts(child) == before

    response = manager_client.post(
        page("protection:strategy-discussion-create", child),
        post_data(
            held_on=D(2026, 9, 3),
            outcome="s47",
            rationale="Disclosure at the visit.",
            prior_action_reason="Lily disclosed at the visit; waiting would have left her at risk.",
        ),
    )
    assert response.status_code == 302
    assert StrategyDiscussion.objects.get().prior_action_reason == (
        "Lily disclosed at the visit; waiting would have left her at risk."
    )


def test_a_social_worker_cannot_give_the_managers_reason(worker_client, child, visited):
    before = record_counts(child)
    response = worker_client.post(
        page("protection:strategy-discussion-create", child),
        post_data(
            held_on=D(2026, 9, 3),
            outcome="s47",
            rationale="Disclosure at the visit.",
            prior_action_reason="I thought it could not wait.",
        ),
    )
    assert_refused(
        response,
        None,
        "The child was visited before this strategy discussion: a manager must record why",
    )
    assert record_counts(child) == before


@pytest.mark.parametrize(
    ("name", "values"),
    [
        ("protection:initial-conference-create", {"is_plan_needed": "yes", "category": "NEG"}),
        ("protection:review-conference-create", {"continue_plan": "yes"}),
    ],
)
def test_a_conference_on_a_saturday(cp_chair, child, protection_plan, name, values):
    before = record_counts(child)
    response = signed_in(cp_chair).post(page(name, child), post_data(held_on=SATURDAY, **values))
    assert_refused(
        response, "held_on", "3 October 2026 is a Saturday: conferences are held on weekdays"
    )
    assert record_counts(child) == before


def test_a_plan_needs_a_category(cp_chair, child, episode):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    before = record_counts(child)
    response = signed_in(cp_chair).post(
        page("protection:initial-conference-create", child),
        post_data(held_on=D(2026, 9, 21), is_plan_needed="yes"),
    )
    assert_refused(response, "category", "Choose the category of abuse for the plan")
    assert record_counts(child) == before


def test_a_second_section_47_enquiry_while_one_is_open(worker_client, child, episode):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    before = record_counts(child)
    response = worker_client.post(
        page("protection:section-47-create", child), post_data(started_on=D(2026, 9, 10))
    )
    assert_refused(
        response, "started_on", "A section 47 enquiry is already open, from 3 September 2026"
    )
    assert record_counts(child) == before


def test_a_core_group_needs_a_child_protection_plan(worker_client, child, episode):
    before = record_counts(child)
    response = worker_client.post(
        page("protection:core-group-create", child), post_data(held_on=D(2026, 9, 30))
    )
    assert_refused(response, "held_on", "Lily Smith is not on a child protection plan")
    assert record_counts(child) == before


def test_a_child_protection_plan_gets_its_contingency(worker_client, child, protection_plan):
    before = record_counts(child)
    url = page("casework:contingency-edit", child, f"?plan={protection_plan.pk}")
    response = worker_client.post(url, {"plan": protection_plan.pk, "contingency": " "})
    assert_refused(
        response, "contingency", "Enter the contingency: what happens if the plan does not work"
    )
    assert record_counts(child) == before
    response = worker_client.post(
        url, {"plan": protection_plan.pk, "contingency": "Legal planning meeting if no progress"}
    )
    assert response.status_code == 302
    protection_plan.refresh_from_db()
    assert protection_plan.contingency == "Legal planning meeting if no progress"
    assert record_counts(child)["chronology"] == before["chronology"] + 1


def test_the_casework_page_offers_the_child_protection_steps(
    manager_client, child, protection_plan
):
    labels = [
        step["label"]
        for step in manager_client.get(page("casework:child-casework", child)).context["next_steps"]
    ]
    assert labels == [
        "Start an assessment",
        "Record a visit",
        "Record a strategy discussion",
        "Start a section 47 enquiry",
        "Record the contingency of the child protection plan",
        "Record a core group meeting",
        "End the child protection plan",
        "Close the case",
    ]
