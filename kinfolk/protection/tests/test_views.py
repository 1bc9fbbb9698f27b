"""The child protection pages: recording a strategy discussion, a section 47 enquiry,
conferences and core groups in full through the pages, and the rules tried through them."""

import datetime as dt

import pytest

from conftest import assessed, signed_in
from kinfolk.casework.models import Plan
from kinfolk.casework.services import open_referral, record_visit, start_child_in_need_plan
from kinfolk.casework.tests.pages import assert_refused, page, post_data, record_counts
from kinfolk.core.working_days import LONDON
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyAction,
    StrategyDiscussion,
)
from kinfolk.protection.services import (
    end_section_47_enquiry,
    hold_initial_conference,
    start_section_47_enquiry,
)
from kinfolk.protection.tests.meetings import conference_data, enquiry_end_data, strategy_data
from kinfolk.protection.views import conference_url

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
def enquiry_ended(child, episode):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    return end_section_47_enquiry(
        child=child, ended_on=D(2026, 9, 15), is_conference_required=True, is_imported=True
    )


@pytest.fixture
def protection_plan(child, episode) -> Plan:
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    return hold_initial_conference(
        child=child, held_on=D(2026, 9, 21), is_plan_needed=True, category="NEG", is_imported=True
    ).plan


def test_from_strategy_discussion_to_a_child_protection_plan(
    worker_client, manager_client, child, episode, manager, cp_chair
):
    assessed(child, D(2026, 9, 2))
    need_plan = start_child_in_need_plan(
        child=child, start_on=D(2026, 9, 2), contingency="Strategy discussion"
    )
    response = worker_client.post(
        page("protection:strategy-discussion-create", child), strategy_data()
    )
    assert response.status_code == 302
    discussion = StrategyDiscussion.objects.get()
    assert (discussion.episode, discussion.outcome, discussion.attendees) == (
        episode,
        "s47",
        ["childrens_social_care", "police"],
    )
    assert discussion.held_at == dt.datetime(2026, 9, 3, 10, 30, tzinfo=LONDON)
    assert [(a.name, a.agency, a.role) for a in discussion.attendee_rows.all()] == [
        ("Sam Carter", "childrens_social_care", "Social worker"),
        ("PC Ana Reyes", "police", "Child abuse investigation unit"),
    ]
    action = discussion.actions.get()
    assert (action.owner, action.agency, action.due_on, action.done_on) == (
        "PC Ana Reyes",
        "police",
        D(2026, 9, 4),
        None,
    )

    response = worker_client.post(
        page("protection:strategy-action-done", child, f"?action={action.pk}"),
        post_data(action=action.pk, done_on=D(2026, 9, 4)),
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done_on == D(2026, 9, 4)

    response = worker_client.post(
        page("protection:section-47-create", child), post_data(started_on=D(2026, 9, 3))
    )
    assert response.status_code == 302

    # While the enquiry is open, the conference page says its outcome comes first.
    conference_page = page("protection:initial-conference-create", child)
    html = " ".join(signed_in(cp_chair).get(conference_page).content.decode().split())
    assert "The section 47 enquiry from 3 September 2026 is still open." in html
    assert 'name="held_on_day"' not in html

    # The outcome is the manager's sign-off.
    assert worker_client.get(page("protection:section-47-end", child)).status_code == 403
    response = manager_client.post(page("protection:section-47-end", child), enquiry_end_data())
    assert response.status_code == 302
    enquiry = Section47Enquiry.objects.get()
    assert (
        enquiry.ended_on,
        enquiry.is_conference_required,
        enquiry.is_child_seen,
        enquiry.is_seen_alone,
        enquiry.medical_on,
        enquiry.signed_off_by,
        enquiry.sign_off_rationale,
    ) == (
        D(2026, 9, 15),
        True,
        True,
        True,
        D(2026, 9, 4),
        manager,
        "The evidence supports an initial conference.",
    )
    assert [(c.agency, c.checked_on) for c in enquiry.agency_checks.all()] == [
        ("gp", D(2026, 9, 7))
    ]

    # The social worker may not record the conference: its chair does.
    assert worker_client.get(conference_page).status_code == 403
    response = signed_in(cp_chair).post(conference_page, conference_data(cp_chair.pk))
    assert response.status_code == 302
    conference = Conference.objects.get()
    assert response.url == conference_url(child.pk, conference.pk)
    plan = conference.plan
    need_plan.refresh_from_db()
    assert (conference.kind, conference.enquiry, conference.chair) == ("initial", enquiry, cp_chair)
    assert (conference.child_participation, conference.advocate) == ("advocate", "Rae Lin")
    assert (conference.assessment_rating, conference.assessment_comment) == (
        "adequate",
        "Analysis thin on the father's role.",
    )
    assert [(i.name, i.attendance) for i in conference.invitees.all()] == [
        ("Dr Priya Shah", "report_only"),
        ("Mrs Jo Hill", "present"),
    ]
    assert (plan.kind, plan.start_on, plan.initial_category) == ("cp", D(2026, 9, 21), "NEG")
    assert plan.contingency == "A legal planning meeting if there is no progress by the review."
    assert [o.description for o in plan.outcomes.all()] == [
        "Lily goes to school every day, fed and clean"
    ]
    plan_action = plan.actions.get()
    assert (plan_action.owner_outside, plan_action.due_on) == ("Sam Carter", D(2026, 10, 30))
    assert need_plan.end_on == D(2026, 9, 21)

    response = worker_client.post(
        page("protection:core-group-create", child),
        post_data(
            held_on=D(2026, 9, 30),
            attendee_1_name="Sam Carter",
            attendee_1_agency="childrens_social_care",
            attendee_1_attendance="present",
            **{f"progress_{plan_action.pk}": "amber", f"note_{plan_action.pk}": "Two of three."},
            minutes_due_on=D(2026, 10, 7),
        ),
    )
    assert response.status_code == 302
    meeting = CoreGroupMeeting.objects.get()
    assert meeting.plan == plan
    assert [(p.action, p.rating) for p in meeting.action_progress.all()] == [(plan_action, "amber")]
    assert meeting.attendees.get().name == "Sam Carter"

    response = worker_client.post(
        page("protection:core-group-minutes-review", child),
        post_data(
            meeting=meeting.pk,
            minutes="Visits happening; school attendance still low.",
            review_comment="Progress on each action recorded; consequences stated.",
        ),
    )
    assert response.status_code == 302
    meeting.refresh_from_db()
    assert (meeting.reviewed_by, meeting.minutes) == (
        response.wsgi_request.user,
        "Visits happening; school attendance still low.",
    )

    outcome = plan.outcomes.get()
    response = signed_in(cp_chair).post(
        page("protection:review-conference-create", child),
        post_data(
            held_on=D(2026, 11, 16),
            child_participation="views_shared",
            invitee_1_name="Dr Priya Shah",
            invitee_1_agency="gp",
            invitee_1_invited_on=D(2026, 11, 2),
            invitee_1_attendance="present",
            continue_plan="yes",
            category="EMO",
            rationale="Some progress; the plan continues.",
            **{f"progress_{outcome.pk}": "amber", f"evidence_{outcome.pk}": "Attendance 80%."},
        ),
    )
    assert response.status_code == 302
    review = Conference.objects.get(kind="review")
    assert [(p.outcome, p.rating, p.evidence) for p in review.outcome_progress.all()] == [
        (outcome, "amber", "Attendance 80%.")
    ]
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
    assert "Children&#x27;s social care, Police" in casework
    assert "Initial child protection conference" in casework
    assert "Plan made" in casework
    assert "30 September 2026" in casework
    assert "Contingency: Not recorded" not in casework
    assert "Child seen alone. Signed off by Meg Manager on" in casework
    assert "3 Sep 2026 10:30" in casework
    assert "Done 4 Sep 2026" in casework
    assert "minutes reviewed on" in casework


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
        page("protection:strategy-discussion-create", child), strategy_data()
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
        strategy_data(
            prior_action_reason="Lily disclosed at the visit; waiting would have left her at risk."
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
        strategy_data(prior_action_reason="I thought it could not wait."),
    )
    assert_refused(
        response,
        None,
        "The child was visited before this strategy discussion: a manager must record why",
    )
    assert record_counts(child) == before


def test_a_late_strategy_discussion_needs_a_delay_reason(worker_client, child, episode):
    before = record_counts(child)
    url = page("protection:strategy-discussion-create", child)
    response = worker_client.post(url, strategy_data(held_on=D(2026, 9, 7)))
    assert_refused(
        response,
        "delay_reason",
        "The discussion was held more than 1 working day after its trigger: enter the reason "
        "for the delay",
    )
    assert record_counts(child) == before
    response = worker_client.post(
        url,
        strategy_data(held_on=D(2026, 9, 7), delay_reason="Police could not attend until Monday."),
    )
    assert response.status_code == 302
    assert StrategyDiscussion.objects.get().delay_reason == "Police could not attend until Monday."


def test_a_strategy_discussion_needs_who_took_part(worker_client, child, episode):
    before = record_counts(child)
    response = worker_client.post(
        page("protection:strategy-discussion-create", child),
        strategy_data(
            attendee_1_name="",
            attendee_2_name="",
            attendee_2_agency="",
            attendee_1_agency="",
            attendee_1_role="",
            attendee_2_role="",
        ),
    )
    assert_refused(response, "attendee_1_name", "Add who took part, with their agency")
    assert record_counts(child) == before


def test_an_action_begun_but_not_complete(worker_client, child, episode):
    before = record_counts(child)
    response = worker_client.post(
        page("protection:strategy-discussion-create", child),
        strategy_data(action_1_owner=""),
    )
    assert_refused(response, "action_1_owner", "Enter who owns action 1")
    assert record_counts(child) == before
    assert not StrategyAction.objects.exists()


@pytest.mark.parametrize(
    ("name", "values"),
    [
        (
            "protection:initial-conference-create",
            {"is_plan_needed": "yes", "category": "NEG", "assessment_rating": "good"},
        ),
        ("protection:review-conference-create", {"continue_plan": "yes"}),
    ],
)
def test_a_conference_on_a_saturday(cp_chair, child, protection_plan, name, values):
    before = record_counts(child)
    response = signed_in(cp_chair).post(
        page(name, child),
        post_data(
            held_on=SATURDAY,
            child_participation="attended",
            invitee_1_name="Dr Priya Shah",
            invitee_1_agency="gp",
            invitee_1_attendance="present",
            **values,
        ),
    )
    assert_refused(
        response, "held_on", "3 October 2026 is a Saturday: conferences are held on weekdays"
    )
    assert record_counts(child) == before


def test_a_plan_needs_a_category(cp_chair, child, enquiry_ended):
    before = record_counts(child)
    response = signed_in(cp_chair).post(
        page("protection:initial-conference-create", child),
        conference_data(cp_chair.pk, category=""),
    )
    assert_refused(response, "category", "Choose the category of abuse for the plan")
    assert record_counts(child) == before


def test_a_plan_made_on_the_page_needs_a_contingency(cp_chair, child, enquiry_ended):
    before = record_counts(child)
    response = signed_in(cp_chair).post(
        page("protection:initial-conference-create", child),
        conference_data(cp_chair.pk, contingency=" "),
    )
    assert_refused(
        response, "contingency", "Enter the contingency: what happens if the plan does not work"
    )
    assert record_counts(child) == before


def test_an_advocate_needs_a_name(cp_chair, child, enquiry_ended):
    before = record_counts(child)
    response = signed_in(cp_chair).post(
        page("protection:initial-conference-create", child),
        conference_data(cp_chair.pk, advocate=""),
    )
    assert_refused(response, "advocate", "Enter the name of the child's advocate")
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


def test_an_enquiry_outcome_needs_seen_alone_when_the_child_was_seen(
    manager_client, child, episode
):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    before = record_counts(child)
    response = manager_client.post(
        page("protection:section-47-end", child), enquiry_end_data(is_seen_alone="")
    )
    assert_refused(response, "is_seen_alone", "Select whether the child was seen alone")
    assert record_counts(child) == before


def test_a_core_group_needs_a_child_protection_plan(worker_client, child, episode):
    before = record_counts(child)
    response = worker_client.post(
        page("protection:core-group-create", child),
        post_data(
            held_on=D(2026, 9, 30),
            attendee_1_name="Sam Carter",
            attendee_1_agency="childrens_social_care",
            attendee_1_attendance="present",
            minutes_due_on=D(2026, 10, 7),
        ),
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
