"""The health, education, missing and exploitation pages of a child in care: each page as
anonymous, for a restricted record and as a social worker; what a successful form records;
refusals shown next to their field with nothing saved; and query counts at two sizes."""

import datetime as dt

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from conftest import make_child, signed_in
from kinfolk.care import services
from kinfolk.care.models import (
    ExploitationScreening,
    HealthAssessment,
    HealthPlanAction,
    MissingEpisode,
    OutcomeRecord,
    PersonalEducationPlan,
    UASCPeriod,
)
from kinfolk.care.services import ActionInput, start_care
from kinfolk.casework.tests.pages import assert_refused, page, post_data
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.working_days import LONDON
from kinfolk.people.restrictions import restrict_record

pytestmark = pytest.mark.django_db

D = dt.date
CARE_STARTED = D(2025, 1, 10)

PAGES = [
    "care:health-history",
    "care:health-assessment-create",
    "care:health-action-create",
    "care:health-action-done",
    "care:dental-check-create",
    "care:development-check-create",
    "care:immunisations-create",
    "care:sdq-create",
    "care:conviction-create",
    "care:substance-misuse-create",
    "care:education",
    "care:pep-create",
    "care:pep-rate",
    "care:missing-history",
    "care:missing-start",
    "care:missing-end",
    "care:return-interview-offer",
    "care:return-interview",
    "care:exploitation-screening-create",
    "care:uasc-start",
    "care:uasc-end",
]


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


def in_care(la_child_id: str = "C7", **overrides):
    values = {"first_name": "Ava", "last_name": "Brown", "date_of_birth": D(2016, 5, 1)}
    values.update(overrides)
    child = make_child(la_child_id=la_child_id, **values)
    start_care(
        child=child,
        start_on=CARE_STARTED,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U6",
        provider="PR1",
    )
    return child


@pytest.fixture
def ava(db):
    return in_care()


def counts(child) -> dict[str, int]:
    return {
        "assessments": HealthAssessment.objects.filter(child=child).count(),
        "actions": HealthPlanAction.objects.filter(assessment__child=child).count(),
        "outcomes": OutcomeRecord.objects.filter(child=child).count(),
        "peps": PersonalEducationPlan.objects.filter(child=child).count(),
        "missing": MissingEpisode.objects.filter(child=child).count(),
        "offers": MissingEpisode.objects.filter(
            child=child, return_interview_offered_at__isnull=False
        ).count(),
        "returned": MissingEpisode.objects.filter(child=child, ended_at__isnull=False).count(),
        "screenings": ExploitationScreening.objects.filter(child=child).count(),
        "uasc": UASCPeriod.objects.filter(child=child).count(),
        "chronology": ChronologyEntry.objects.filter(child=child).count(),
    }


def refused_post(client, url, data, field, message, child):
    before = counts(child)
    response = client.post(url, data)
    assert_refused(response, field, message)
    assert counts(child) == before
    return response


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_people_are_sent_to_sign_in(client, ava, name):
    url = page(name, ava)
    response = client.get(url)
    assert (response.status_code, response["Location"]) == (302, f"/sign-in/?next={url}")


@pytest.mark.parametrize("name", PAGES)
def test_a_restricted_child_is_not_found(manager, social_worker, ava, name):
    restrict_record(child=ava, users=[manager], actor=manager, reason="Staff relative")
    assert signed_in(social_worker).get(page(name, ava)).status_code == 404
    assert signed_in(manager).get(page(name, ava)).status_code == 200


@pytest.mark.parametrize("name", PAGES)
def test_a_social_worker_sees_each_page(worker_client, ava, name):
    response = worker_client.get(page(name, ava))
    assert response.status_code == 200
    assert "Ava Brown" in response.content.decode()


# Health


def test_a_health_assessment_is_recorded_with_its_plan(worker_client, ava, social_worker):
    response = worker_client.post(
        page("care:health-assessment-create", ava),
        post_data(
            assessed_on=D(2025, 2, 3),
            kind="initial",
            assessed_by="Dr Rao, LAC nurse",
            consent="local_authority",
            is_health_passport_given="no",
            summary="Needs glasses",
            action_1_description="Book an eye test",
            action_1_owner="Foster carer",
            action_1_due_on=D(2025, 3, 1),
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == page("care:health-history", ava)
    assessment = HealthAssessment.objects.get(child=ava)
    assert (
        assessment.assessed_on,
        assessment.kind,
        assessment.assessed_by,
        assessment.consent,
        assessment.is_health_passport_given,
        assessment.recorded_by,
    ) == (D(2025, 2, 3), "initial", "Dr Rao, LAC nurse", "local_authority", False, social_worker)
    assert list(assessment.actions.values_list("description", "owner", "due_on")) == [
        ("Book an eye test", "Foster carer", D(2025, 3, 1))
    ]
    history = worker_client.get(response["Location"]).content.decode()
    assert "Book an eye test" in history
    assert "3 February 2026" in history  # the next assessment is due 12 months on


def test_a_health_assessment_before_care_is_refused_next_to_its_date(worker_client, ava):
    refused_post(
        worker_client,
        page("care:health-assessment-create", ava),
        post_data(
            assessed_on=D(2025, 1, 3),
            kind="initial",
            assessed_by="Dr Rao",
            consent="child",
        ),
        "assessed_on",
        "Ava Brown was not looked after on 3 January 2025",
        ava,
    )


def test_a_health_assessment_form_says_what_is_missing(worker_client, ava):
    before = counts(ava)
    response = worker_client.post(
        page("care:health-assessment-create", ava),
        post_data(action_1_description="Dentist"),
    )
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "assessed_on": ["Enter the date of the assessment"],
        "kind": ["Choose initial or review health assessment"],
        "assessed_by": ["Enter who carried out the assessment"],
        "consent": ["Choose who consented to the assessment"],
        "action_1_owner": ["Enter who will do it"],
    }
    assert counts(ava) == before


def test_a_health_plan_action_is_added_and_done(worker_client, ava):
    assessment = services.record_health_assessment(
        child=ava, assessed_on=D(2025, 2, 3), kind="initial", is_imported=True
    )
    response = worker_client.post(
        page("care:health-action-create", ava, f"?assessment={assessment.pk}"),
        post_data(
            assessment=assessment.pk,
            description="Dental registration",
            owner="Carer",
            due_on=D(2025, 4, 1),
        ),
    )
    assert response.status_code == 302
    action = HealthPlanAction.objects.get()
    refused_post(
        worker_client,
        page("care:health-action-done", ava),
        post_data(action=action.pk, done_on=D(2025, 1, 20)),
        "done_on",
        "This is before the health assessment of 3 February 2025",
        ava,
    )
    response = worker_client.post(
        page("care:health-action-done", ava), post_data(action=action.pk, done_on=D(2025, 3, 20))
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done_on == D(2025, 3, 20)


def test_an_sdq_and_immunisations(worker_client, ava):
    response = worker_client.post(
        page("care:sdq-create", ava), post_data(recorded_on=D(2025, 3, 1), score="12")
    )
    assert response.status_code == 302
    response = worker_client.post(
        page("care:immunisations-create", ava),
        post_data(recorded_on=D(2025, 3, 1), is_up_to_date="yes"),
    )
    assert response.status_code == 302
    assert list(
        OutcomeRecord.objects.order_by("pk").values_list("kind", "sdq_score", "is_up_to_date")
    ) == [("sdq", 12, None), ("immunisations", None, True)]
    refused_post(
        worker_client,
        page("care:sdq-create", ava),
        post_data(recorded_on=D(2025, 3, 1), score="12", reason="SDQ4"),
        "reason",
        "Give either the SDQ score or a reason it was not completed, not both",
        ava,
    )
    refused_post(
        worker_client,
        page("care:sdq-create", ava),
        post_data(recorded_on=D(2025, 3, 1), score="45"),
        "score",
        "The SDQ score must be from 0 to 40",
        ava,
    )


def test_a_development_check_for_an_older_child_is_refused(worker_client, ava):
    refused_post(
        worker_client,
        page("care:development-check-create", ava),
        post_data(recorded_on=D(2025, 3, 1)),
        "recorded_on",
        "Development checks are for children under 5: Ava Brown was 8",
        ava,
    )


# Education


def pep_post(**overrides):
    values = {
        "made_on": D(2025, 2, 10),
        "school": "St Mary's Primary",
        "sen_status": "K",
        "child_views": "I like maths",
        "attendance_percent": "96.5",
        "pupil_premium": "600",
        "pupil_premium_spending": "Maths tutor",
        "progress": "expected",
        "aspirations": "To be a vet",
        "target_1_description": "Read a book a week",
        "target_1_owner": "Class teacher",
        "target_1_due_on": D(2025, 4, 1),
    }
    values.update(overrides)
    return post_data(**values)


def test_a_pep_is_recorded_and_rated(worker_client, ava):
    response = worker_client.post(page("care:pep-create", ava), pep_post())
    assert response.status_code == 302
    assert response["Location"] == page("care:education", ava)
    pep = PersonalEducationPlan.objects.get()
    assert (pep.school, pep.sen_status, str(pep.attendance_percent), pep.aspirations) == (
        "St Mary's Primary",
        "K",
        "96.5",
        "To be a vet",
    )
    assert list(pep.targets.values_list("description", "owner", "due_on")) == [
        ("Read a book a week", "Class teacher", D(2025, 4, 1))
    ]
    response = worker_client.post(
        page("care:pep-rate", ava), post_data(pep=pep.pk, quality="good", rated_on=D(2025, 3, 1))
    )
    assert response.status_code == 302
    html = worker_client.get(page("care:education", ava)).content.decode()
    assert "Read a book a week" in html
    assert "Good (rated 1 March 2025)" in html
    assert "96.5%" in html
    assert "£600.00" in html


def test_a_pep_needs_a_whole_target(worker_client, ava):
    before = counts(ava)
    response = worker_client.post(
        page("care:pep-create", ava), pep_post(target_1_owner="", target_2_description="Spell")
    )
    assert response.context["form"].errors == {
        "target_1_owner": ["Enter who will do it"],
        "target_2_owner": ["Enter who will do it"],
    }
    assert counts(ava) == before
    refused_post(
        worker_client,
        page("care:pep-create", ava),
        pep_post(target_1_description="", target_1_owner="", target_1_due_on=""),
        "target_1_description",
        "Enter at least one target: what, who and by when",
        ava,
    )


def test_a_pep_for_a_child_not_in_care_is_refused(worker_client):
    child = make_child(la_child_id="C9", first_name="Leo", last_name="Hall")
    refused_post(
        worker_client,
        page("care:pep-create", child),
        pep_post(),
        "made_on",
        "Leo Hall was not looked after on 10 February 2025",
        child,
    )


# Missing episodes


def test_a_missing_episode_its_return_and_interview(worker_client, ava):
    response = worker_client.post(
        page("care:missing-start", ava),
        post_data(
            kind="M",
            started_on=D(2025, 3, 1),
            started_time="22:15",
            is_police_informed="yes",
            police_reference="GMP-123",
        ),
    )
    assert response.status_code == 302
    assert response["Location"] == page("care:missing-history", ava)
    summary = render_to_string("care/_health_summary.html", {"child": ava, "period": None})
    assert "Ava Brown is missing, since 1 March 2025 at 22:15." in summary
    response = worker_client.post(
        page("care:missing-end", ava),
        post_data(ended_on=D(2025, 3, 3), ended_time="9.30", where_found="Friend's house"),
    )
    assert response.status_code == 302
    response = worker_client.post(
        page("care:return-interview", ava),
        post_data(
            episode=MissingEpisode.objects.get().pk,
            is_accepted="yes",
            interview_on=D(2025, 3, 4),
            interview_time="16:00",
            interviewed_by="Jo Hart",
            risk="medium",
            push_factors="Arguments",
        ),
    )
    assert response.status_code == 302
    episode = MissingEpisode.objects.get()
    assert (
        episode.started_at,
        episode.ended_at,
        episode.police_reference,
        episode.return_interview_offered_at,
        episode.return_interview_at,
        episode.return_interview_accepted,
        episode.interviewed_by,
        episode.risk,
    ) == (
        at("2025-03-01T22:15"),
        at("2025-03-03T09:30"),
        "GMP-123",
        at("2025-03-04T16:00"),
        at("2025-03-04T16:00"),
        True,
        "Jo Hart",
        "medium",
    )
    html = worker_client.get(page("care:missing-history", ava)).content.decode()
    assert "1 day 11 hours" in html
    assert "Held 4 Mar 2025, 16:00" in html


def test_missing_form_errors(worker_client, ava):
    before = counts(ava)
    response = worker_client.post(
        page("care:missing-start", ava),
        post_data(kind="M", started_on=D(2025, 3, 1), started_time="25:00"),
    )
    assert response.context["form"].errors == {
        "started_time": ["Enter a real time, like 09:15 or 21:30"],
        "is_police_informed": ["Say whether the police were informed"],
    }
    assert counts(ava) == before
    refused_post(
        worker_client,
        page("care:missing-start", ava),
        post_data(
            kind="M",
            started_on=timezone.localdate() + dt.timedelta(days=1),
            started_time="10:00",
            is_police_informed="no",
        ),
        "started_on",
        "The time the child went missing must be now or in the past",
        ava,
    )


def test_the_return_must_come_after_going_missing(worker_client, ava):
    services.start_missing_episode(
        child=ava, started_at=at("2025-03-01T22:15"), kind="A", is_police_informed=False
    )
    refused_post(
        worker_client,
        page("care:missing-end", ava),
        post_data(ended_on=D(2025, 3, 1), ended_time="21:00", where_found="Home"),
        "ended_on",
        "The return must be after the child went missing, on 1 March 2025 at 22:15",
        ava,
    )


def test_a_return_interview_offer_not_before_the_return(worker_client, ava):
    services.start_missing_episode(
        child=ava, started_at=at("2025-03-01T22:15"), kind="M", is_imported=True
    )
    services.end_missing_episode(child=ava, ended_at=at("2025-03-02T10:00"), is_imported=True)
    episode = MissingEpisode.objects.get()
    refused_post(
        worker_client,
        page("care:return-interview-offer", ava),
        post_data(episode=episode.pk, offered_on=D(2025, 3, 2), offered_time="09:00"),
        "offered_on",
        "This is before the child returned, on 2 March 2025 at 10:00",
        ava,
    )
    response = worker_client.post(
        page("care:return-interview-offer", ava),
        post_data(episode=episode.pk, offered_on=D(2025, 3, 2), offered_time="11:00"),
    )
    assert response.status_code == 302
    episode.refresh_from_db()
    assert episode.return_interview_offered_at == at("2025-03-02T11:00")


def test_an_exploitation_screening_and_uasc(worker_client, ava):
    response = worker_client.post(
        page("care:exploitation-screening-create", ava),
        post_data(
            screened_on=D(2025, 4, 1),
            kind="criminal",
            risk_level="high",
            is_referred_to_complex_safeguarding="yes",
        ),
    )
    assert response.status_code == 302
    assert ExploitationScreening.objects.get().is_referred_to_complex_safeguarding is True
    response = worker_client.post(page("care:uasc-start", ava), post_data(start_on=D(2025, 1, 10)))
    assert response.status_code == 302
    refused_post(
        worker_client,
        page("care:uasc-end", ava),
        post_data(end_on=D(2025, 1, 1)),
        "end_on",
        "This is before UASC status began, on 10 January 2025",
        ava,
    )


# The summary on the care page, and the query counts


def _history(child, size: int) -> None:
    services.record_health_assessment(
        child=child,
        assessed_on=D(2025, 1, 20),
        kind="initial",
        is_imported=True,
        actions=[ActionInput("Action", "Carer", D(2025, 3, 1))] * size,
    )
    for index in range(size):
        day = D(2025, 2, 1) + dt.timedelta(days=7 * index)
        services.record_health_assessment(
            child=child,
            assessed_on=day,
            kind="review",
            is_imported=True,
            actions=[ActionInput("Action", "Carer", day)],
        )
        services.record_dental_check(child=child, recorded_on=day)
        services.record_sdq(child=child, recorded_on=day, score=10)
        services.record_immunisations(child=child, recorded_on=day, is_up_to_date=True)
        services.record_pep(
            child=child,
            made_on=day,
            is_imported=True,
            targets=[ActionInput("Target", "Teacher", day)],
        )
        start = dt.datetime.combine(day, dt.time(20), LONDON)
        services.start_missing_episode(child=child, started_at=start, kind="M", is_imported=True)
        services.end_missing_episode(
            child=child, ended_at=start + dt.timedelta(hours=5), is_imported=True
        )
        services.offer_return_interview(child=child, offered_at=start + dt.timedelta(days=4))
        services.screen_for_exploitation(
            child=child, screened_on=day, kind="sexual", risk_level="low"
        )


def test_the_summary_reads_from_the_records(ava, django_assert_num_queries):
    summary = render_to_string("care/_health_summary.html", {"child": ava, "period": None})
    assert "Not yet" in summary
    assert "Due by 7 February 2025 (20 working days after care started)" in summary
    assert "No PEP this term" in summary
    _history(ava, 2)
    summary = render_to_string("care/_health_summary.html", {"child": ava, "period": None})
    assert "20 January 2025" in summary  # the initial assessment
    assert "Next due by 8 February 2026" in summary  # 12 months after the last review
    assert "Score 10" in summary
    assert "Missing episodes in the last 12 months" in summary


def test_the_summary_makes_the_same_queries_whatever_the_history(social_worker):
    query_counts = []
    for size, la_child_id in ((2, "C10"), (12, "C11")):
        child = in_care(la_child_id)
        _history(child, size)
        with CaptureQueriesContext(connection) as queries:
            render_to_string("care/_health_summary.html", {"child": child, "period": None})
        query_counts.append(len(queries))
    assert query_counts[0] == query_counts[1] <= 8


@pytest.mark.parametrize("name", ["care:health-history", "care:education", "care:missing-history"])
def test_the_history_pages_make_the_same_queries_whatever_the_history(social_worker, name):
    query_counts = []
    for size, la_child_id in ((2, "C10"), (12, "C11")):
        child = in_care(la_child_id)
        _history(child, size)
        client = signed_in(social_worker)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page(name, child))
        assert response.status_code == 200
        query_counts.append(len(queries))
    assert query_counts[0] == query_counts[1]


def test_the_health_page_shows_the_history(worker_client, ava):
    _history(ava, 2)
    response = worker_client.get(page("care:health-history", ava))
    assert len(response.context["assessments"]) == 3
    assert len(response.context["outcome_records"]) == 6
    response = worker_client.get(page("care:missing-history", ava))
    assert [e.timeliness for e in response.context["episodes"]] == ["late", "late"]
