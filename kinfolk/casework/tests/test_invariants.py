"""The invariants that keep the statutory returns valid, tried through the services: each
refusal says what is wrong in casework words and changes nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import assessed, make_child
from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan, Visit
from kinfolk.casework.services import (
    add_plan_action,
    add_plan_outcome,
    authorise_assessment,
    close_episode,
    open_referral,
    record_visit,
    start_assessment,
    start_child_in_need_plan,
)
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.working_days import LONDON
from kinfolk.protection.models import Conference, Section47Enquiry
from kinfolk.protection.services import (
    Attendee,
    hold_initial_conference,
    hold_review_conference,
    hold_strategy_discussion,
    start_section_47_enquiry,
)

pytestmark = pytest.mark.django_db
D = dt.date


def snapshot():
    return (
        ChildInNeedEpisode.objects.count(),
        Assessment.objects.count(),
        Plan.objects.count(),
        Visit.objects.count(),
        Section47Enquiry.objects.count(),
        Conference.objects.count(),
        ChronologyEntry.objects.count(),
        list(Plan.objects.values_list("end_on", flat=True).order_by("pk")),
        list(ChildInNeedEpisode.objects.values_list("closed_on", flat=True).order_by("pk")),
    )


def refused(call, field: str, message: str) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as error:
        call()
    assert message in error.value.message_dict[field], error.value.message_dict
    assert snapshot() == before


@pytest.fixture
def episode(child):
    return open_referral(child=child, referral_on=D(2025, 3, 3), source="2A", primary_need="N1")


def test_one_open_episode_per_child(child, episode):
    refused(
        lambda: open_referral(child=child, referral_on=D(2025, 4, 1), source="6"),
        "referral_on",
        "Lily Smith already has an open child in need episode, from the referral of 3 March 2025",
    )


def test_a_re_referral_within_12_months_is_flagged(child, episode):
    assert episode.is_re_referral is False
    close_episode(child=child, closed_on=D(2025, 3, 10), reason="RC8", is_imported=True)
    again = open_referral(child=child, referral_on=D(2026, 3, 3), source="6")
    assert again.is_re_referral is True
    other = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    open_referral(child=other, referral_on=D(2025, 3, 3), source="6")
    close_episode(child=other, closed_on=D(2025, 3, 10), reason="RC8", is_imported=True)
    later = open_referral(child=other, referral_on=D(2026, 3, 4), source="6")
    assert later.is_re_referral is False


def test_dates_in_the_future_are_refused(child, episode):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    refused(
        lambda: start_assessment(child=child, started_on=tomorrow),
        "started_on",
        "The assessment start date must be today or in the past",
    )
    refused(
        lambda: record_visit(
            child=child, visited_on=tomorrow, kind="cin", is_child_seen=True, is_imported=True
        ),
        "visited_on",
        "The date of the visit must be today or in the past",
    )


def test_nothing_is_recorded_after_closure(child, episode):
    close_episode(child=child, closed_on=D(2025, 3, 20), reason="RC7", is_imported=True)
    message = "Lily Smith's case closed on 20 March 2025: record a new referral first"
    refused(lambda: start_assessment(child=child, started_on=D(2025, 3, 25)), "started_on", message)
    refused(
        lambda: record_visit(
            child=child, visited_on=D(2025, 3, 25), kind="cin", is_child_seen=True, is_imported=True
        ),
        "visited_on",
        message,
    )
    refused(
        lambda: start_section_47_enquiry(child=child, started_on=D(2025, 3, 25)),
        "started_on",
        message,
    )


def test_nothing_is_recorded_before_the_referral(child, episode):
    refused(
        lambda: start_assessment(child=child, started_on=D(2025, 3, 1)),
        "started_on",
        "This is before the referral of 3 March 2025 that opened the episode",
    )


def test_a_child_in_need_plan_may_not_overlap_a_protection_plan(child, episode):
    start_section_47_enquiry(child=child, started_on=D(2025, 3, 4))
    hold_initial_conference(
        child=child, held_on=D(2025, 3, 20), is_plan_needed=True, category="NEG", is_imported=True
    )
    refused(
        lambda: start_child_in_need_plan(child=child, start_on=D(2025, 4, 1), is_imported=True),
        "start_on",
        "Lily Smith is on a child protection plan from 20 March 2025: a child in need plan "
        "can start only on or after the day it ends",
    )
    hold_review_conference(
        child=child, held_on=D(2025, 6, 16), continue_plan=False, is_imported=True
    )
    changeover = start_child_in_need_plan(child=child, start_on=D(2025, 6, 16), is_imported=True)
    assert changeover.start_on == D(2025, 6, 16)


def test_a_protection_plan_ends_the_child_in_need_plan_on_the_changeover_day(child, episode):
    cin = start_child_in_need_plan(child=child, start_on=D(2025, 3, 10), is_imported=True)
    start_section_47_enquiry(child=child, started_on=D(2025, 3, 12))
    conference = hold_initial_conference(
        child=child, held_on=D(2025, 3, 26), is_plan_needed=True, category="EMO", is_imported=True
    )
    cin.refresh_from_db()
    assert cin.end_on == D(2025, 3, 26)
    assert conference.plan.start_on == conference.held_on == D(2025, 3, 26)
    assert conference.plan.kind == PlanKind.CHILD_PROTECTION


def test_conferences_need_an_enquiry_and_a_weekday(child, episode):
    refused(
        lambda: hold_initial_conference(child=child, held_on=D(2025, 3, 20), is_plan_needed=False),
        "held_on",
        "Initial conference on 20 March 2025, but no section 47 enquiry is open",
    )
    start_section_47_enquiry(child=child, started_on=D(2025, 3, 4))
    refused(
        lambda: hold_initial_conference(
            child=child, held_on=D(2025, 3, 22), is_plan_needed=True, category="NEG"
        ),
        "held_on",
        "22 March 2025 is a Saturday: conferences are held on weekdays",
    )
    refused(
        lambda: hold_initial_conference(child=child, held_on=D(2025, 3, 20), is_plan_needed=True),
        "category",
        "Choose the category of abuse for the plan",
    )


def test_closure_waits_for_open_assessments_and_enquiries(child, episode):
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4))
    refused(
        lambda: close_episode(child=child, closed_on=D(2025, 4, 1), reason="RC8", is_imported=True),
        "closed_on",
        "The assessment started on 4 March 2025 is not yet authorised: authorise it "
        "before closing the case",
    )
    authorise_assessment(
        assessment=assessment, authorised_on=D(2025, 3, 28), factors=["21"], is_imported=True
    )
    start_section_47_enquiry(child=child, started_on=D(2025, 3, 28))
    refused(
        lambda: close_episode(child=child, closed_on=D(2025, 4, 1), reason="RC8", is_imported=True),
        "closed_on",
        "The section 47 enquiry started on 28 March 2025 is still open: record its "
        "outcome before closing the case",
    )


def test_closure_on_a_page_needs_evidence_for_each_outcome(child, episode, social_worker):
    assessed(child, D(2025, 3, 3))
    plan = start_child_in_need_plan(
        child=child,
        start_on=D(2025, 3, 10),
        contingency="Strategy discussion if school reports harm",
    )
    outcome = add_plan_outcome(plan=plan, description="Lily attends school every day")
    refused(
        lambda: close_episode(child=child, closed_on=D(2025, 6, 2), reason="RC7"),
        "evidence",
        "Give evidence of what changed for each outcome of the plan before closing: "
        "Lily attends school every day",
    )
    close_episode(
        child=child,
        closed_on=D(2025, 6, 2),
        reason="RC7",
        evidence={outcome.pk: "Attendance 98% this term"},
        actor=social_worker,
    )
    plan.refresh_from_db()
    outcome.refresh_from_db()
    assert (plan.end_on, outcome.evidence) == (D(2025, 6, 2), "Attendance 98% this term")


def test_a_plan_action_needs_an_owner_and_a_date(child, episode, social_worker):
    plan = start_child_in_need_plan(child=child, start_on=D(2025, 3, 10), is_imported=True)
    with pytest.raises(ValidationError) as error:
        add_plan_action(plan=plan, description="Weekly check-in", due_on=None)
    assert error.value.message_dict == {
        "owner": ["Choose who will do it, or name someone in another agency"],
        "due_on": ["Enter the date it must be done by"],
    }
    assert not plan.actions.exists()
    action = add_plan_action(
        plan=plan,
        description="Weekly check-in",
        due_on=D(2025, 4, 1),
        owner_outside="Northmoor Primary School, head of year 5",
    )
    assert action.owner_name == "Northmoor Primary School, head of year 5"


def test_a_plan_needs_a_contingency_on_a_page(child, episode):
    refused(
        lambda: start_child_in_need_plan(child=child, start_on=D(2025, 3, 10)),
        "contingency",
        "Enter the contingency: what happens if the plan does not work",
    )


def test_a_strategy_discussion_after_a_visit_needs_a_reason(child, episode):
    record_visit(
        child=child,
        visited_on=D(2025, 3, 4),
        kind="cin",
        is_child_seen=True,
        child_views="Lily said she is scared at home",
    )
    met = {
        "triggered_at": dt.datetime(2025, 3, 5, 9, 0, tzinfo=LONDON),
        "held_at": dt.datetime(2025, 3, 5, 11, 0, tzinfo=LONDON),
        "people": [Attendee("Sam Carter", "childrens_social_care")],
    }
    refused(
        lambda: hold_strategy_discussion(
            child=child, outcome="s47", rationale="Disclosure at school", **met
        ),
        "prior_action_reason",
        "The child was visited before this strategy discussion: a manager must record why",
    )
    discussion = hold_strategy_discussion(
        child=child,
        outcome="s47",
        **met,
        rationale="Disclosure at school",
        prior_action_reason="Same-day visit to check the child was safe overnight",
    )
    assert discussion.episode == episode
