"""The assessment as a document (docs/assessments.md): drafting, submitting, returning and
authorising, each version kept, and the rules the services keep. All data is synthetic."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.casework.choices import AssessmentStatus
from kinfolk.casework.models import Assessment, AssessmentVersion
from kinfolk.casework.services import (
    authorise_assessment,
    open_referral,
    return_assessment,
    save_assessment_draft,
    start_assessment,
    start_child_in_need_plan,
    submit_assessment,
)
from kinfolk.casework.tests.factories import (
    AUTHORISATION_CHECKS,
    complete_content,
    submitted_assessment,
)
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.models import RecordChanged

D = dt.date


@pytest.fixture
def episode(child, social_worker):
    return open_referral(child=child, referral_on=D(2025, 3, 3), source="2A", actor=social_worker)


def messages_of(raised: pytest.ExceptionInfo[ValidationError]) -> dict[str, list[str]]:
    return raised.value.message_dict


def test_one_open_assessment_per_episode(child, episode, social_worker):
    start_assessment(child=child, started_on=D(2025, 3, 4), actor=social_worker)
    with pytest.raises(ValidationError) as raised:
        start_assessment(child=child, started_on=D(2025, 3, 5), actor=social_worker)
    assert messages_of(raised) == {
        "started_on": [
            "The assessment started on 4 March 2025 is still open: there is one open "
            "assessment at a time in an episode"
        ]
    }


def test_a_draft_saves_without_requirements_and_a_stale_save_is_refused(
    child, episode, social_worker
):
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4), actor=social_worker)
    assert (assessment.author, assessment.status, assessment.version) == (
        social_worker,
        AssessmentStatus.DRAFT,
        1,
    )
    saved = save_assessment_draft(
        assessment=assessment, content={"reason": " School referral "}, version=1
    )
    assert (saved.reason, saved.version) == ("School referral", 2)
    with pytest.raises(RecordChanged):
        save_assessment_draft(assessment=assessment, content={"reason": "Older"}, version=1)
    assessment.refresh_from_db()
    assert assessment.reason == "School referral"


def test_a_submission_needs_every_section(child, episode, social_worker):
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4), actor=social_worker)
    with pytest.raises(ValidationError) as raised:
        submit_assessment(
            assessment=assessment,
            content=complete_content(
                relevant_history="",
                risks=[{"text": "Missed meals", "source": "", "verification": ""}],
            ),
            actor=social_worker,
        )
    assert messages_of(raised) == {
        "relevant_history": ["Enter the relevant history"],
        "risks": ["Give the source of each item and whether it was verified with it"],
    }
    assert not AssessmentVersion.objects.exists()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_submit_return_amend_authorise_keeps_each_version(child, episode, social_worker, manager):
    assessment = submitted_assessment(child, D(2025, 3, 10), author=social_worker)
    with pytest.raises(ValidationError):
        save_assessment_draft(assessment=assessment, content={"analysis": "Changed"})
    returned = return_assessment(
        assessment=assessment,
        returned_on=D(2025, 3, 11),
        reasons="Say what the father said.",
        actor=manager,
    )
    assert returned.status == AssessmentStatus.RETURNED
    amended = submit_assessment(
        assessment=returned,
        content=complete_content(
            child_views_on=D(2025, 3, 10), analysis="The father agrees mornings are hard."
        ),
        submitted_on=D(2025, 3, 12),
        actor=social_worker,
    )
    authorised = authorise_assessment(
        assessment=amended,
        authorised_on=D(2025, 3, 13),
        rationale="The analysis follows.",
        checklist=AUTHORISATION_CHECKS,
        authorised_by=manager,
    )
    assert (authorised.status, authorised.authorised_on, authorised.factors) == (
        AssessmentStatus.AUTHORISED,
        D(2025, 3, 13),
        ["1B"],
    )
    first, second = authorised.versions.all()
    assert (first.number, first.outcome, first.response) == (
        1,
        "returned",
        "Say what the father said.",
    )
    assert (
        first.content["analysis"] == "Neglect of routines rather than of care; support should help."
    )
    assert (second.number, second.outcome, second.checklist) == (
        2,
        "authorised",
        AUTHORISATION_CHECKS,
    )
    assert second.content["analysis"] == "The father agrees mornings are hard."
    summaries = list(
        ChronologyEntry.objects.filter(child=child, kind="assessment")
        .order_by("pk")
        .values_list("summary", "is_significant")
    )
    assert summaries == [
        ("Assessment started", False),
        ("Assessment submitted to a manager (version 1)", False),
        ("Assessment returned for changes", False),
        ("Assessment submitted to a manager (version 2)", False),
        ("Assessment authorised", True),
    ]


def test_authorising_needs_the_checklist_a_rationale_and_another_person(
    child, episode, social_worker, manager
):
    started = start_assessment(child=child, started_on=D(2025, 3, 4), actor=manager)
    assessment = submitted_assessment(child, D(2025, 3, 10), assessment=started, author=manager)
    base = {"assessment": assessment, "authorised_on": D(2025, 3, 12)}
    cases = [
        (
            {
                "rationale": "Fine",
                "checklist": AUTHORISATION_CHECKS[:-1],
                "authorised_by": social_worker,
            },
            "checklist",
        ),
        (
            {"rationale": " ", "checklist": AUTHORISATION_CHECKS, "authorised_by": social_worker},
            "rationale",
        ),
        (
            {"rationale": "Fine", "checklist": AUTHORISATION_CHECKS, "authorised_by": manager},
            "assessment",
        ),
    ]
    for kwargs, field in cases:
        with pytest.raises(ValidationError) as raised:
            authorise_assessment(**base, **kwargs)
        assert list(messages_of(raised)) == [field]
    with pytest.raises(ValidationError) as raised:
        authorise_assessment(
            assessment=assessment,
            authorised_on=D(2025, 3, 9),
            rationale="Fine",
            checklist=AUTHORISATION_CHECKS,
            authorised_by=social_worker,
        )
    assert messages_of(raised) == {
        "authorised_on": [
            "The decision cannot be before the assessment was submitted, on 10 March 2025"
        ]
    }
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


def test_a_draft_cannot_be_authorised_on_a_page_but_history_may_import_one(child, episode, manager):
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4))
    with pytest.raises(ValidationError) as raised:
        authorise_assessment(
            assessment=assessment,
            authorised_on=D(2025, 3, 20),
            rationale="Fine",
            checklist=AUTHORISATION_CHECKS,
            authorised_by=manager,
        )
    assert messages_of(raised) == {
        "assessment": ["The worker submits the assessment before it is authorised"]
    }
    imported = authorise_assessment(
        assessment=assessment, authorised_on=D(2025, 3, 20), factors=["21"], is_imported=True
    )
    assert (imported.is_imported, imported.status) == (True, AssessmentStatus.AUTHORISED)


def test_a_plan_recorded_by_a_person_follows_an_authorised_assessment(
    child, episode, social_worker, manager
):
    with pytest.raises(ValidationError) as raised:
        start_child_in_need_plan(
            child=child, start_on=D(2025, 3, 20), contingency="Conference", actor=social_worker
        )
    assert list(messages_of(raised)) == ["start_on"]
    assessment = submitted_assessment(child, D(2025, 3, 10), author=social_worker)
    authorise_assessment(
        assessment=assessment,
        authorised_on=D(2025, 3, 12),
        rationale="Fine",
        checklist=AUTHORISATION_CHECKS,
        authorised_by=manager,
    )
    plan = start_child_in_need_plan(
        child=child, start_on=D(2025, 3, 20), contingency="Conference", actor=social_worker
    )
    assert plan.episode == episode


def test_a_pre_birth_assessment_is_keyed_to_the_expected_date(db, social_worker):
    unborn = make_child(
        la_child_id="C9",
        first_name="Baby",
        date_of_birth=None,
        expected_date_of_birth=D(2025, 6, 1),
    )
    open_referral(child=unborn, referral_on=D(2025, 3, 3), source="2A")
    assessment = start_assessment(child=unborn, started_on=D(2025, 3, 4), actor=social_worker)
    assert (assessment.is_pre_birth, assessment.expected_birth_on) == (True, D(2025, 6, 1))
    content = complete_content(child_views="", child_views_method="", child_views_on=None)
    with pytest.raises(ValidationError) as raised:
        submit_assessment(assessment=assessment, content=content, actor=social_worker)
    assert messages_of(raised) == {
        "pre_birth_meeting_on": ["Enter the date of the pre-birth planning meeting"]
    }
    submitted = submit_assessment(
        assessment=assessment,
        content={**content, "pre_birth_meeting_on": D(2025, 4, 1)},
        actor=social_worker,
    )
    assert submitted.versions.get().content["pre_birth_meeting_on"] == "2025-04-01"


def test_the_neglect_tool_scores_from_one_to_five(child, episode, social_worker):
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4), actor=social_worker)
    with pytest.raises(ValidationError) as raised:
        save_assessment_draft(
            assessment=assessment, content={"neglect_tool": {"areas": {"safety": 6}}}
        )
    assert messages_of(raised) == {"neglect_tool": ["Each score is from 1 to 5"]}
    saved = save_assessment_draft(
        assessment=assessment,
        content={"neglect_tool": {"areas": {"safety": "4", "stimulation": ""}, "overall": "3"}},
    )
    assert saved.neglect_tool == {"areas": {"safety": 4}, "overall": 3}


# Pages


def draft_url(assessment: Assessment, name: str = "casework:assessment-draft") -> str:
    return reverse(name, args=[assessment.child_id]) + f"?assessment={assessment.pk}"


def draft_post(assessment: Assessment, **fields: object) -> dict[str, object]:
    return {
        "opened_versions": json.dumps({str(assessment.pk): assessment.version}),
        **fields,
    }


def test_the_draft_page_saves_and_submits(worker_client, child, episode, social_worker):
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4), actor=social_worker)
    page = worker_client.get(draft_url(assessment))
    html = page.content.decode()
    assert "To draw the history from" in html
    assert "4 March 2025: assessment started" not in html  # the current one is not history
    response = worker_client.post(
        draft_url(assessment),
        draft_post(
            assessment,
            action="save",
            reason="From school",
            risks_1_text="Missed meals",
            risks_1_source="School",
            risks_1_verification="verified",
            factors=["1B"],
        ),
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert (assessment.reason, assessment.risks, assessment.factors) == (
        "From school",
        [{"text": "Missed meals", "source": "School", "verification": "verified"}],
        ["1B"],
    )
    response = worker_client.post(draft_url(assessment), draft_post(assessment, action="submit"))
    assert response.status_code == 200
    assert "Enter the analysis" in response.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT


def test_the_autosave_answers_in_json_and_refuses_a_stale_save(
    worker_client, child, episode, social_worker
):
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4), actor=social_worker)
    url = draft_url(assessment, "casework:assessment-autosave")
    stale = draft_post(assessment, reason="First")
    response = worker_client.post(url, stale)
    assert response.status_code == 200
    assert response.json() == {
        "saved": True,
        "version": 2,
        "opened_versions": json.dumps({str(assessment.pk): 2}),
    }
    response = worker_client.post(url, {**stale, "reason": "Stale"})
    assert response.status_code == 409
    assert "saved somewhere else" in response.json()["message"]
    response = worker_client.post(
        url, {**draft_post(Assessment.objects.get()), "child_views_on_day": "40"}
    )
    assert response.status_code == 400
    assert Assessment.objects.get().reason == "First"
    assert worker_client.get(url).json()["version"] == 2


def test_a_manager_returns_and_authorises_on_the_page(child, episode, social_worker, manager):
    assessment = submitted_assessment(child, D(2025, 3, 10), author=social_worker)
    client = signed_in(manager)
    url = reverse("casework:assessment-authorise", args=[child.pk]) + f"?assessment={assessment.pk}"
    html = client.get(url).content.decode()
    assert "Missed meals" in html and "Grandmother nearby" in html
    assert "The recommendation follows from the analysis" in html
    day = {"decided_on_day": "11", "decided_on_month": "3", "decided_on_year": "2025"}
    response = client.post(
        url, {"assessment": assessment.pk, "decision": "return", "reasons": "More", **day}
    )
    assert response.status_code == 302
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.RETURNED
    detail = signed_in(social_worker).get(draft_url(assessment, "casework:assessment-detail"))
    assert "Amend the assessment" in detail.content.decode()


def test_the_author_is_not_offered_to_authorise(child, episode, manager):
    assessment = submitted_assessment(child, D(2025, 3, 10), author=manager)
    html = signed_in(manager).get(draft_url(assessment, "casework:assessment-detail")).content
    assert b"Authorise or return" not in html


def test_versions_are_viewable_and_the_page_does_not_grow_with_them(
    child, episode, social_worker, manager
):
    assessment = submitted_assessment(child, D(2025, 3, 10), author=social_worker)
    client = signed_in(social_worker)
    version_url = draft_url(assessment, "casework:assessment-detail") + "&version=1"
    assert "Missed meals" in client.get(version_url).content.decode()
    detail = draft_url(assessment, "casework:assessment-detail")
    with CaptureQueriesContext(connection) as one:
        client.get(detail)
    for number in range(3):
        return_assessment(
            assessment=assessment, returned_on=D(2025, 3, 11), reasons=f"R{number}", actor=manager
        )
        assessment = submit_assessment(
            assessment=Assessment.objects.get(),
            content={},
            submitted_on=D(2025, 3, 11),
            actor=social_worker,
        )
    with CaptureQueriesContext(connection) as four:
        response = client.get(detail)
    assert "Version 4" in response.content.decode()
    assert len(four) == len(one)


def test_an_assessment_is_found_only_under_its_own_child(child, episode, social_worker):
    assessment = start_assessment(child=child, started_on=D(2025, 3, 4), actor=social_worker)
    other = make_child(la_child_id="C2", first_name="Rosa")
    url = reverse("casework:assessment-detail", args=[other.pk]) + f"?assessment={assessment.pk}"
    assert signed_in(social_worker).get(url).status_code == 404
    missing_version = draft_url(assessment, "casework:assessment-detail") + "&version=9"
    assert signed_in(social_worker).get(missing_version).status_code == 404
