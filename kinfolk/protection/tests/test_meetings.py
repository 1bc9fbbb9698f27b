"""The rules of child protection meetings in the services, and the conference page with its
alerts (docs/child-protection-meetings.md). All names and texts are invented."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from conftest import signed_in
from kinfolk.casework.services import add_plan_action, add_plan_outcome, open_referral
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.working_days import LONDON
from kinfolk.people.tests.factories import ChildFactory
from kinfolk.protection.models import ConferenceInvitee, Section47Enquiry
from kinfolk.protection.services import (
    AgreedAction,
    Attendee,
    Invitee,
    Rating,
    complete_strategy_action,
    conference_alerts,
    end_section_47_enquiry,
    hold_core_group,
    hold_initial_conference,
    hold_review_conference,
    hold_strategy_discussion,
    review_core_group_minutes,
    start_section_47_enquiry,
)
from kinfolk.protection.services.conferences import ENDED_BY_IMPORTED_CONFERENCE
from kinfolk.protection.views import conference_url

pytestmark = pytest.mark.django_db

D = dt.date
MONDAY = D(2026, 9, 21)


def refused(call, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as caught:
        call()
    assert caught.value.message_dict == {field: [message]}


@pytest.fixture
def episode(child):
    return open_referral(child=child, referral_on=D(2026, 9, 1), source="6")


@pytest.fixture
def ended(child, episode):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    return end_section_47_enquiry(
        child=child, ended_on=D(2026, 9, 15), is_conference_required=True, is_imported=True
    )


def invitee(**values) -> Invitee:
    fields = {
        "name": "Dr Priya Shah",
        "agency": "gp",
        "invited_on": D(2026, 9, 14),
        "attendance": "present",
    }
    fields.update(values)
    return Invitee(**fields)


def conference(child, invitees, **values):
    fields = {
        "child": child,
        "held_on": MONDAY,
        "is_plan_needed": False,
        "child_participation": "attended",
        "assessment_rating": "good",
        "rationale": "No continuing risk of significant harm.",
        "invitees": invitees,
    }
    fields.update(values)
    return hold_initial_conference(**fields)


def test_an_imported_conference_ends_an_open_enquiry_saying_so(child, episode):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    hold_initial_conference(child=child, held_on=MONDAY, is_plan_needed=False, is_imported=True)
    enquiry = Section47Enquiry.objects.get()
    assert (enquiry.ended_on, enquiry.is_conference_required, enquiry.ended_reason) == (
        MONDAY,
        True,
        ENDED_BY_IMPORTED_CONFERENCE,
    )


def test_a_recorded_conference_does_not_close_an_open_enquiry(child, episode):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    refused(
        lambda: conference(child, [invitee()]),
        "held_on",
        "The section 47 enquiry from 3 September 2026 is still open: record its outcome, with a "
        "conference needed, before the conference",
    )
    assert Section47Enquiry.objects.get().ended_on is None


def test_an_enquiry_outcome_needs_its_sign_off(child, episode, manager):
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    refused(
        lambda: end_section_47_enquiry(
            child=child,
            ended_on=D(2026, 9, 15),
            is_conference_required=True,
            is_child_seen=True,
            is_seen_alone=False,
            is_medical=False,
            outcome="Neglect substantiated.",
            actor=manager,
        ),
        "sign_off_rationale",
        "Enter the manager's rationale for the outcome",
    )


def test_no_alert_when_notice_and_reports_were_on_time(child, ended):
    held = conference(
        child,
        [invitee(report_received_on=D(2026, 9, 16), report_shared_on=D(2026, 9, 18))],
    )
    assert conference_alerts(held, list(held.invitees.all())) == []


def test_short_notice_and_late_or_unshared_reports_alert(child, ended):
    held = conference(
        child,
        [
            invitee(invited_on=D(2026, 9, 17)),
            invitee(
                name="Mrs Jo Hill",
                agency="education",
                report_received_on=D(2026, 9, 18),
                report_shared_on=MONDAY,
            ),
            invitee(name="Kim Patel", agency="health", report_received_on=D(2026, 9, 18)),
        ],
    )
    assert [(a.kind, a.message) for a in conference_alerts(held, list(held.invitees.all()))] == [
        (
            "notice",
            "Dr Priya Shah (GP) was invited on 17 September 2026: 2 working days' notice, less "
            "than the 5 working days expected",
        ),
        (
            "report",
            "The report of Mrs Jo Hill (School or education) was shared with the parents on 21 "
            "September 2026, less than 1 working day before the conference",
        ),
        (
            "report",
            "The report of Kim Patel (Other health services) was not shared with the parents",
        ),
    ]


def test_the_notice_period_is_a_setting(child, ended, settings):
    settings.KINFOLK_CONFERENCE_NOTICE_WORKING_DAYS = 2
    held = conference(child, [invitee(invited_on=D(2026, 9, 17))])
    assert conference_alerts(held, list(held.invitees.all())) == []


def test_the_conference_page_shows_the_alerts(cp_chair, child, ended):
    held = conference(
        child,
        [
            invitee(
                invited_on=D(2026, 9, 17),
                report_received_on=D(2026, 9, 18),
                report_shared_on=MONDAY,
            )
        ],
        chair=cp_chair,
    )
    html = " ".join(
        signed_in(cp_chair).get(conference_url(child.pk, held.pk)).content.decode().split()
    )
    assert "Short notice: Dr Priya Shah (GP) was invited on 17 September 2026" in html
    assert "Late report: The report of Dr Priya Shah (GP) was shared with the parents" in html
    assert "Good" in html


def test_the_conference_page_does_not_grow_with_its_invitees(cp_chair, child, ended):

    chair = signed_in(cp_chair)
    few = conference(child, [invitee()])
    with CaptureQueriesContext(connection) as one:
        chair.get(conference_url(child.pk, few.pk))
    ConferenceInvitee.objects.bulk_create(
        ConferenceInvitee(
            conference=few, name=f"Invitee {n}", agency="police", attendance="apologies"
        )
        for n in range(5)
    )
    with CaptureQueriesContext(connection) as six:
        chair.get(conference_url(child.pk, few.pk))
    assert len(six) == len(one)


def test_another_childs_conference_is_not_found(cp_chair, child, ended):
    other_child = ChildFactory()
    held = conference(child, [invitee()])
    response = signed_in(cp_chair).get(conference_url(other_child.pk, held.pk))
    assert response.status_code == 404


@pytest.fixture
def plan(child, ended, cp_chair):
    made = conference(
        child,
        [invitee()],
        is_plan_needed=True,
        category="NEG",
        contingency="Legal planning meeting",
        outcome="Lily is fed and clean every day",
        action="Weekly visits",
        action_owner="Sam Carter",
        action_due_on=D(2026, 10, 30),
    ).plan
    return made


def test_a_core_group_rates_every_action(child, plan, social_worker):
    second = add_plan_action(
        plan=plan, description="Nursery place", due_on=D(2026, 10, 9), owner_outside="Jo Hill"
    )
    first = plan.actions.exclude(pk=second.pk).get()
    refused(
        lambda: hold_core_group(
            child=child,
            held_on=D(2026, 9, 30),
            attendees=[Attendee("Sam Carter", "childrens_social_care")],
            progress=[Rating(first.pk, "green")],
            minutes_due_on=D(2026, 10, 7),
        ),
        "progress",
        "Rate progress on Nursery place",
    )
    meeting = hold_core_group(
        child=child,
        held_on=D(2026, 9, 30),
        attendees=[Attendee("Sam Carter", "childrens_social_care")],
        progress=[Rating(first.pk, "green"), Rating(second.pk, "red", "No place yet")],
        minutes_due_on=D(2026, 10, 7),
    )
    assert [(p.rating, p.colour) for p in meeting.action_progress.all()] == [
        ("green", "green"),
        ("red", "red"),
    ]
    reviewed = review_core_group_minutes(
        child=child,
        meeting=meeting,
        minutes="Visits weekly. Nursery not found: escalate.",
        review_comment="Clear on consequences.",
        actor=social_worker,
    )
    assert (reviewed.reviewed_by, reviewed.review_comment) == (
        social_worker,
        "Clear on consequences.",
    )
    refused(
        lambda: review_core_group_minutes(
            child=child, meeting=meeting, minutes="", review_comment="Again", actor=social_worker
        ),
        "meeting",
        "These minutes have been reviewed",
    )


def test_a_review_rates_every_outcome_with_evidence(child, plan):
    second = add_plan_outcome(plan=plan, description="Lily goes to school")
    first = plan.outcomes.exclude(pk=second.pk).get()
    review = {
        "child": child,
        "held_on": D(2026, 11, 16),
        "continue_plan": True,
        "child_participation": "views_shared",
        "rationale": "Some progress",
        "invitees": [invitee(invited_on=D(2026, 11, 2))],
    }
    refused(
        lambda: hold_review_conference(**review, progress=[Rating(first.pk, "amber", "Most days")]),
        "progress",
        "Rate progress on Lily goes to school",
    )
    refused(
        lambda: hold_review_conference(
            **review, progress=[Rating(first.pk, "amber", "Most days"), Rating(second.pk, "red")]
        ),
        "progress",
        "Enter the evidence for Lily goes to school",
    )
    held = hold_review_conference(
        **review,
        progress=[Rating(first.pk, "amber", "Most days"), Rating(second.pk, "red", "50%")],
    )
    assert [(p.outcome, p.rating) for p in held.outcome_progress.all()] == [
        (first, "amber"),
        (second, "red"),
    ]
    entry = ChronologyEntry.objects.filter(summary__startswith="Review child protection").get()
    assert entry.is_significant


def test_imported_history_needs_no_detail(child, episode):
    discussion = hold_strategy_discussion(
        child=child, held_on=D(2026, 9, 2), outcome="s47", is_imported=True
    )
    assert (discussion.triggered_at, discussion.attendee_rows.count()) == (None, 0)
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    end_section_47_enquiry(
        child=child, ended_on=D(2026, 9, 15), is_conference_required=True, is_imported=True
    )
    held = hold_initial_conference(
        child=child, held_on=MONDAY, is_plan_needed=True, category="NEG", is_imported=True
    )
    assert (held.plan.contingency, held.plan.is_imported) == ("", True)
    hold_core_group(child=child, held_on=D(2026, 9, 30), is_imported=True)


def _met(held_day: int) -> dict:
    return {
        "triggered_at": dt.datetime(2026, 9, 2, 9, 0, tzinfo=LONDON),
        "held_at": dt.datetime(2026, 9, held_day, 15, 0, tzinfo=LONDON),
        "people": [Attendee("PC Ana Reyes", "police", "Investigator")],
        "rationale": "Injury seen at school",
    }


def test_the_strategy_standard_is_a_setting(child, episode, settings):
    refused(
        lambda: hold_strategy_discussion(child=child, outcome="s47", **_met(7)),
        "delay_reason",
        "The discussion was held more than 1 working day after its trigger: enter the reason "
        "for the delay",
    )
    settings.KINFOLK_STRATEGY_WORKING_DAYS = 3
    discussion = hold_strategy_discussion(child=child, outcome="s47", **_met(7))
    assert (discussion.held_on, discussion.delay_reason) == (D(2026, 9, 7), "")


def test_a_strategy_action_is_done_once(child, episode, social_worker):
    discussion = hold_strategy_discussion(
        child=child,
        outcome="s47",
        actions=[AgreedAction("Share the DA notices", "PC Ana Reyes", "police", D(2026, 9, 4))],
        **_met(2),
    )
    action = discussion.actions.get()
    refused(
        lambda: complete_strategy_action(
            child=child, action=action, done_on=D(2026, 9, 1), actor=social_worker
        ),
        "done_on",
        "This is before the discussion on 2 September 2026",
    )
    complete_strategy_action(child=child, action=action, done_on=D(2026, 9, 4), actor=social_worker)
    refused(
        lambda: complete_strategy_action(
            child=child, action=action, done_on=D(2026, 9, 5), actor=social_worker
        ),
        "action",
        "This action is already done",
    )
