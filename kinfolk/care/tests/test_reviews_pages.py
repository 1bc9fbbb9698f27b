"""The care planning pages: care plans, reviews, visits, IRO challenges, family time and
life-story work, and the summary shown on the care page."""

import datetime as dt

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.care import services
from kinfolk.care.models import (
    CarePlan,
    FamilyTime,
    IROChallenge,
    LifeStoryDecision,
    LifeStoryWork,
    LookedAfterReview,
    PeriodOfCare,
)
from kinfolk.care.services import Decision, Objective, start_care
from kinfolk.casework.models import Visit
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker

pytestmark = pytest.mark.django_db

D = dt.date
CARE_STARTED = D(2025, 1, 10)


@pytest.fixture
def in_care(child):
    start_care(
        child=child,
        start_on=CARE_STARTED,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
        placement_postcode="WN2 2BB",
    )
    return child


@pytest.fixture
def iro(db):
    return create_worker(
        username="ira_iro", display_name="Ira Reid", role=Role.IRO, team=None, is_qualified=True
    )


def url(name: str, child, query: str = "") -> str:
    return reverse(f"care:{name}", args=[child.pk]) + query


def date(name: str, day: dt.date) -> dict[str, str]:
    return {
        f"{name}_day": str(day.day),
        f"{name}_month": str(day.month),
        f"{name}_year": str(day.year),
    }


def error_next_to(content: str, field_id: str, message: str) -> bool:
    """The message is shown in the GOV.UK error message tied to the field."""
    return f'id="{field_id}-error"' in content and message in content


CARE_PLAN_POST = {
    **date("made_on", D(2025, 1, 24)),
    "needs": "Help with reading and with her feelings about home.",
    "objective_1": "Lily reads at her age level",
    "objective_1_owner": "Virtual school teacher",
    **date("objective_1_due_on", D(2025, 6, 30)),
    "objective_2": "Lily goes to Polish Saturday school",
    "objective_2_owner": "Foster carer",
    **date("objective_2_due_on", D(2025, 4, 1)),
    "objective_2_is_identity": "on",
    "permanence_plan": "long_term_fostering",
    "identity_needs": "Lily's mother is Polish; Lily wants to keep speaking Polish.",
    "child_views": "I like it here but I miss my brother.",
    **date("child_views_on", D(2025, 1, 20)),
    "child_views_method": "talked_alone",
    "family_time": "Her brother every Saturday.",
}


def test_recording_a_care_plan(in_care, worker_client, social_worker):
    response = worker_client.post(url("care-plan-create", in_care), CARE_PLAN_POST)
    assert response.status_code == 302
    assert response["Location"] == url("care-plan-list", in_care)
    plan = CarePlan.objects.get(child=in_care)
    assert (plan.permanence_plan, plan.recorded_by, plan.child_views_on) == (
        "long_term_fostering",
        social_worker,
        D(2025, 1, 20),
    )
    assert list(plan.objectives.values_list("description", "is_identity")) == [
        ("Lily goes to Polish Saturday school", True),
        ("Lily reads at her age level", False),
    ]
    page = worker_client.get(url("care-plan-list", in_care)).content.decode()
    assert "Version 1: 24 January 2025" in page
    assert "Lily goes to Polish Saturday school" in page


def test_a_care_plan_with_errors_shows_them_next_to_the_fields(in_care, worker_client):
    data = {**CARE_PLAN_POST, "objective_1_owner": "", "child_views_method": ""}
    data.update(date("made_on", D(2025, 1, 3)))
    response = worker_client.post(url("care-plan-create", in_care), data)
    assert response.status_code == 200
    content = response.content.decode()
    assert error_next_to(content, "id_objective_1_owner", "Enter who will make objective 1 happen")
    assert error_next_to(
        content, "id_child_views_method", "Choose how the child&#x27;s views were gathered"
    )
    assert CarePlan.objects.count() == 0
    # Once the form is complete, the service's refusal is shown next to the date.
    data = {**CARE_PLAN_POST, **date("made_on", D(2025, 1, 3))}
    content = worker_client.post(url("care-plan-create", in_care), data).content.decode()
    assert error_next_to(content, "id_made_on", "Lily Smith was not looked after on 3 January 2025")
    assert CarePlan.objects.count() == 0


def test_a_care_plan_without_an_identity_objective_is_refused(in_care, worker_client):
    data = {**CARE_PLAN_POST}
    del data["objective_2_is_identity"]
    content = worker_client.post(url("care-plan-create", in_care), data).content.decode()
    assert error_next_to(
        content, "id_objective_1", "Add an objective that meets the child&#x27;s identity needs"
    )
    assert CarePlan.objects.count() == 0


def test_the_plan_for_the_child_is_in_plain_words(in_care, worker_client):
    worker_client.post(url("care-plan-create", in_care), CARE_PLAN_POST)
    content = worker_client.get(url("care-plan-for-child", in_care)).content.decode()
    assert "Lily's care plan" in content
    assert "The plan is for you to stay with foster carers until you grow up." in content
    assert "Foster carer will help with this, by April 2025." in content
    assert "I like it here but I miss my brother." in content


REVIEW_POST = {
    **date("held_on", D(2025, 2, 5)),
    "participation": "PN1",
    **date("iro_contact_on", D(2025, 2, 3)),
    "taking_part": "whole_meeting",
    "preferred_time": "After school",
    "venue": "Lily's school",
    "is_venue_chosen_by_child": "yes",
    "child_views": "I want to stay here.",
    "is_permanence_considered": "yes",
    "decision_1": "Referral to CAMHS",
    "decision_1_owner": "Sam Social, social worker",
    **date("decision_1_due_on", D(2025, 3, 1)),
}


def test_recording_a_review_and_its_minutes(in_care, iro):
    worker_client = signed_in(iro)  # the reviewing officer records the review
    response = worker_client.post(url("review-create", in_care), {**REVIEW_POST, "iro": iro.pk})
    review = LookedAfterReview.objects.get(child=in_care)
    assert response.status_code == 302
    assert response["Location"] == url("review-detail", in_care, f"?review={review.pk}")
    assert (review.iro, review.is_venue_chosen_by_child, review.minutes_due_on) == (
        iro,
        True,
        D(2025, 3, 5),
    )
    assert list(review.decisions.values_list("description", "owner")) == [
        ("Referral to CAMHS", "Sam Social, social worker")
    ]
    page = worker_client.get(response["Location"]).content.decode()
    assert "PN1: Attends and speaks for themself" in page
    assert "Overdue" in page  # the minutes and the decision, long past due
    response = worker_client.post(
        url("review-minutes", in_care, f"?review={review.pk}"),
        {"review": review.pk, **date("completed_on", D(2025, 3, 4))},
    )
    assert response.status_code == 302
    review.refresh_from_db()
    assert review.minutes_completed_on == D(2025, 3, 4)


def test_a_review_with_errors_shows_them_next_to_the_fields(in_care, iro):
    worker_client = signed_in(iro)
    data = {**REVIEW_POST, "decision_1_owner": ""}
    del data["taking_part"]
    for part in ("day", "month", "year"):
        del data[f"iro_contact_on_{part}"]
    content = worker_client.post(url("review-create", in_care), data).content.decode()
    assert error_next_to(
        content,
        "id_iro_contact_on",
        "Enter the date the reviewing officer saw or spoke to the child before the review",
    )
    assert error_next_to(content, "id_taking_part", "Choose how the child wanted to take part")
    assert error_next_to(content, "id_decision_1_owner", "Enter who will carry out decision 1")
    assert LookedAfterReview.objects.count() == 0
    data = {**REVIEW_POST, "participation": "PN0"}
    content = worker_client.post(url("review-create", in_care), data).content.decode()
    assert error_next_to(
        content, "id_participation", "Lily Smith was 9 at the review: PN0 is for under 4s"
    )
    assert LookedAfterReview.objects.count() == 0


def test_the_review_page_without_reviews(in_care, worker_client):
    response = worker_client.get(url("review-detail", in_care))
    assert response.status_code == 200
    assert "No looked-after reviews yet for Lily Smith." in response.content.decode()


def test_recording_a_statutory_visit(in_care, worker_client):
    response = worker_client.post(
        url("care-visit-create", in_care),
        {
            **date("visited_on", D(2025, 1, 15)),
            "is_child_seen": "yes",
            "is_seen_alone": "yes",
            "purpose": "First visit in the placement",
            "child_views": "My room is nice.",
        },
    )
    assert response.status_code == 302
    visit = Visit.objects.get(child=in_care)
    assert (visit.kind, visit.is_seen_alone, visit.child_views) == ("cla", True, "My room is nice.")


def test_a_visit_before_care_is_refused_next_to_the_date(in_care, worker_client):
    content = worker_client.post(
        url("care-visit-create", in_care),
        {**date("visited_on", D(2025, 1, 2)), "is_child_seen": "no"},
    ).content.decode()
    assert error_next_to(
        content, "id_visited_on", "Lily Smith was not looked after on 2 January 2025"
    )
    assert Visit.objects.count() == 0


def test_pages_for_a_child_never_in_care_say_so(child, worker_client):
    response = worker_client.get(url("care-plan-create", child))
    assert response.status_code == 200
    assert "Lily Smith has not been looked after: record the start of care first." in (
        response.content.decode()
    )
    response = worker_client.post(url("care-plan-create", child), CARE_PLAN_POST)
    assert response.status_code == 200
    assert CarePlan.objects.count() == 0


def test_the_pages_need_a_signed_in_user(in_care, client):
    response = client.get(url("care-plan-list", in_care))
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")


CHALLENGE_POST = {
    **date("raised_on", D(2025, 5, 1)),
    "issue": "permanence",
    "detail": "No permanence plan after the second review.",
    "stage": "informal",
    **date("response_due_on", D(2025, 5, 15)),
}


def test_only_reviewing_officers_and_managers_record_challenges(in_care, worker_client, iro):
    assert worker_client.get(url("iro-challenge-create", in_care)).status_code == 403
    assert (
        worker_client.post(url("iro-challenge-create", in_care), CHALLENGE_POST).status_code == 403
    )
    assert IROChallenge.objects.count() == 0
    client = signed_in(iro)
    response = client.post(url("iro-challenge-create", in_care), CHALLENGE_POST)
    assert response.status_code == 302
    challenge = IROChallenge.objects.get()
    assert (challenge.raised_by, challenge.stage) == (iro, "informal")
    response = client.post(
        url("iro-challenge-resolve", in_care, f"?challenge={challenge.pk}"),
        {
            "challenge": challenge.pk,
            **date("resolved_on", D(2025, 5, 10)),
            "outcome": "A permanence planning meeting is booked.",
        },
    )
    assert response.status_code == 302
    challenge.refresh_from_db()
    assert challenge.resolved_on == D(2025, 5, 10)


def test_recording_family_time(in_care, worker_client):
    data = {
        **date("agreed_on", D(2025, 1, 20)),
        "with_whom": "Jo Smith",
        "relationship": "mother",
        "frequency": "Every Saturday, 2 hours",
        "is_supervised": "no",
        "child_views": "I want to see mum more.",
    }
    content = worker_client.post(url("family-time-create", in_care), data).content.decode()
    assert error_next_to(
        content,
        "id_risk_assessed_on",
        "Enter the date of the risk assessment: unsupervised family time needs one",
    )
    assert FamilyTime.objects.count() == 0
    data.update(date("risk_assessed_on", D(2025, 1, 31)))
    response = worker_client.post(url("family-time-create", in_care), data)
    assert response.status_code == 302
    assert FamilyTime.objects.get().risk_review_on == D(2025, 4, 30)
    page = worker_client.get(url("family-time-list", in_care)).content.decode()
    assert "Review due" in page


def test_recording_life_story_work(in_care, worker_client, social_worker):
    response = worker_client.post(
        url("life-story-edit", in_care),
        {**date("updated_on", D(2025, 3, 1)), "status": "in_progress", "worker": social_worker.pk},
    )
    assert response.status_code == 302
    assert LifeStoryWork.objects.get().status == "in_progress"
    response = worker_client.post(
        url("life-story-decision-create", in_care),
        {
            **date("decided_on", D(2025, 1, 10)),
            "decision": "Lily came into care",
            "reason_for_child": "Your mum was poorly and could not keep you safe at home.",
        },
    )
    assert response.status_code == 302
    page = worker_client.get(url("life-story", in_care)).content.decode()
    assert "Your mum was poorly and could not keep you safe at home." in page
    assert LifeStoryDecision.objects.count() == 1


# The summary on the care page


def summary(child) -> str:
    period = PeriodOfCare.objects.filter(child=child).first()
    return render_to_string("care/_reviews_summary.html", {"child": child, "period": period})


def test_the_summary_before_any_review(in_care):
    content = summary(in_care)
    assert "No care plan" in content
    assert "7 February 2025" in content  # 20 working days after the start of care
    assert "No reviews held in this period of care." in content


def test_the_summary_without_a_period(child):
    content = render_to_string("care/_reviews_summary.html", {"child": child, "period": None})
    assert "Lily Smith has not been looked after" in content


def test_the_next_review_is_3_months_after_the_first_then_6_months(in_care):
    services.record_review(
        child=in_care, held_on=D(2025, 2, 5), participation="PN1", is_imported=True
    )
    assert "5 May 2025" in summary(in_care)
    services.record_review(
        child=in_care, held_on=D(2025, 5, 1), participation="PN1", is_imported=True
    )
    assert "1 November 2025" in summary(in_care)


def test_no_permanence_plan_at_the_second_review_is_flagged(in_care):
    services.record_care_plan(child=in_care, made_on=D(2025, 1, 24), is_imported=True)
    services.record_review(
        child=in_care, held_on=D(2025, 2, 5), participation="PN1", is_imported=True
    )
    assert "No permanence plan at the second review" not in summary(in_care)
    services.record_review(
        child=in_care, held_on=D(2025, 5, 1), participation="PN1", is_imported=True
    )
    assert "No permanence plan at the second review" in summary(in_care)


def test_a_permanence_plan_by_the_second_review_clears_the_flag(in_care):
    services.record_care_plan(
        child=in_care,
        made_on=D(2025, 4, 20),
        permanence_plan="special_guardianship",
        is_imported=True,
    )
    services.record_review(
        child=in_care, held_on=D(2025, 2, 5), participation="PN1", is_imported=True
    )
    services.record_review(
        child=in_care, held_on=D(2025, 5, 1), participation="PN1", is_imported=True
    )
    content = summary(in_care)
    assert "No permanence plan at the second review" not in content
    assert "Special guardianship" in content


def history(child, reviews: int) -> None:
    """A child's care history of some length: plans, reviews with decisions, visits, family
    time and challenges, one of each per review."""
    for number in range(reviews):
        held_on = D(2025, 2, 5) + dt.timedelta(days=30 * number)
        services.record_care_plan(
            child=child,
            made_on=held_on - dt.timedelta(days=2),
            permanence_plan="adoption",
            needs="Needs",
            objectives=[Objective("Objective", "Carer", held_on, True)],
            identity_needs="Identity",
            child_views="Views",
            child_views_on=held_on - dt.timedelta(days=3),
            child_views_method="activity",
        )
        services.record_review(
            child=child,
            held_on=held_on,
            participation="PN1",
            decisions=[Decision("Decision", "Sam", held_on + dt.timedelta(days=7))],
            is_imported=True,
        )
        services.record_care_visit(
            child=child,
            visited_on=held_on,
            is_child_seen=True,
            is_seen_alone=True,
            child_views="OK",
        )
        services.record_family_time(
            child=child,
            agreed_on=held_on,
            with_whom="Jo",
            relationship="mother",
            frequency="Weekly",
            is_supervised=False,
            risk_assessed_on=held_on,
            child_views="Fine",
        )
        services.raise_iro_challenge(
            child=child,
            raised_on=held_on,
            issue="drift",
            detail="Drift",
            stage="informal",
            response_due_on=held_on + dt.timedelta(days=14),
        )
    services.update_life_story_work(child=child, updated_on=D(2025, 2, 1), status="not_started")


def queries(call) -> int:
    with CaptureQueriesContext(connection) as captured:
        call()
    return len(captured.captured_queries)


def test_the_summary_does_not_grow_with_the_history(in_care):
    other = make_child(la_child_id="C2", first_name="Ava")
    start_care(
        child=other,
        start_on=CARE_STARTED,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    history(in_care, 1)
    history(other, 6)
    small, large = queries(lambda: summary(in_care)), queries(lambda: summary(other))
    assert small == large <= 10
    assert summary(other).count("Overdue") >= 6  # the minutes of each review


@pytest.mark.parametrize(
    "name", ["care-plan-list", "care-plan-for-child", "review-detail", "family-time-list"]
)
def test_the_history_pages_do_not_grow_with_the_history(in_care, worker_client, name):
    other = make_child(la_child_id="C2", first_name="Ava")
    start_care(
        child=other,
        start_on=CARE_STARTED,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    history(in_care, 1)
    history(other, 6)
    small = queries(lambda: worker_client.get(url(name, in_care)))
    large = queries(lambda: worker_client.get(url(name, other)))
    assert small == large
    assert worker_client.get(url(name, other)).status_code == 200
