"""The audit pages: an auditor grades, a second auditor moderates, actions are added and
closed, the worker reads and responds; who may open which; and the lists and the grades page
read in a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import signed_in, worker_of_role
from kinfolk.access.models import AccessRecord
from kinfolk.access.roles import Role
from kinfolk.audits.choices import AuditStatus, Grade
from kinfolk.audits.models import AuditQuestion, CaseAudit
from kinfolk.audits.services import add_action, assign_audit, record_case_audit
from kinfolk.audits.tests.test_services import AUDITED, completed

pytestmark = pytest.mark.django_db


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def url(name, audit, *extra):
    return reverse(f"audits:{name}", args=[audit.child_id, audit.pk, *extra])


def test_the_auditor_grades_and_completes_on_the_page(audit, auditor):
    client = signed_in(auditor)
    page = client.get(url("grade", audit))
    assert page.status_code == 200
    assert "The child&#x27;s voice and lived experience" in page.content.decode()
    data = {"version": "", **date_fields("audited_on", AUDITED)}
    questions = AuditQuestion.objects.filter(theme__template=audit.template, is_retired=False)
    for question in questions:
        data[f"question_{question.pk}"] = Grade.GOOD
        data[f"comment_{question.pk}"] = "Evidence on file"
    data.update(grade=Grade.GOOD, summary="A good file", complete="1")
    response = client.post(url("grade", audit), data)
    assert response.status_code == 302, response.context["form"].errors
    audit.refresh_from_db()
    assert audit.status == AuditStatus.COMPLETED
    assert audit.version == 2


def test_completing_with_a_question_ungraded_shows_the_error_beside_it(audit, auditor):
    client = signed_in(auditor)
    response = client.post(
        url("grade", audit),
        {
            "grade": Grade.GOOD,
            "summary": "x",
            "complete": "1",
            **date_fields("audited_on", AUDITED),
        },
    )
    assert response.status_code == 200
    assert "Grade every question before completing the audit" in response.content.decode()


def test_a_second_auditor_moderates_to_another_grade(audit, auditor, moderator):
    completed(audit, auditor)
    response = signed_in(moderator).post(
        url("moderate", audit),
        {
            "moderated_grade": Grade.INADEQUATE,
            "rationale": "The child was not seen alone.",
            **date_fields("moderated_on", AUDITED),
        },
    )
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.agreed_grade == Grade.INADEQUATE
    # The auditor cannot moderate their own audit: the page says so.
    other = assign_audit(child=audit.child, auditor=auditor, on=AUDITED)
    completed(other, auditor)
    page = signed_in(auditor).get(url("moderate", other))
    assert "a second auditor moderates it" in page.content.decode()


def test_the_worker_reads_and_responds_but_another_worker_may_not(
    audit, auditor, social_worker, other_social_worker
):
    completed(audit, auditor)
    client = signed_in(social_worker)
    assert client.get(url("audit", audit)).status_code == 200
    response = client.post(url("respond", audit), {"response": "I agree and will act."})
    assert response.status_code == 302
    audit.refresh_from_db()
    assert audit.worker_response == "I agree and will act."
    stranger = signed_in(other_social_worker)
    assert stranger.get(url("audit", audit)).status_code == 403
    assert stranger.post(url("respond", audit), {"response": "No"}).status_code == 403


def test_an_action_is_added_and_its_owner_records_it_done(audit, auditor, social_worker, today):
    completed(audit, auditor)
    response = signed_in(auditor).post(
        url("action-add", audit),
        {
            "text": "Write a contingency plan",
            "owner": social_worker.pk,
            **date_fields("due_on", today),
        },
    )
    assert response.status_code == 302
    action = audit.actions.get()
    response = signed_in(social_worker).post(
        url("action-done", audit, action.pk),
        {"note": "Contingency written", **date_fields("done_on", today)},
    )
    assert response.status_code == 302
    action.refresh_from_db()
    assert action.done_by == social_worker


def test_the_detail_page_logs_the_read(audit, auditor):
    signed_in(auditor).get(url("audit", audit))
    assert AccessRecord.objects.filter(
        child_id=audit.child_id, what="Child record: case file audit"
    ).exists()


def test_choosing_assigns_audits_at_random_from_open_cases(make_open_cases, auditor, moderator):
    make_open_cases(4)
    response = signed_in(moderator).post(
        reverse("audits:choose"),
        {"method": "random", "count": 2, "auditors": [auditor.pk, moderator.pk]},
    )
    assert response.status_code == 302
    assert CaseAudit.objects.filter(status=AuditStatus.ASSIGNED).count() == 2


def test_choosing_from_approved_work_needs_the_period(moderator, auditor):
    response = signed_in(moderator).post(
        reverse("audits:choose"),
        {"method": "approved_work", "count": 2, "auditors": [auditor.pk]},
    )
    assert response.status_code == 200
    assert "Choose the kind of approved work" in response.content.decode()


def _many_audits(make_open_cases, auditor, moderator, social_worker, count):
    for child in make_open_cases(count):
        audit = record_case_audit(
            child=child,
            date=AUDITED,
            auditor=auditor,
            grade=Grade.GOOD,
            moderator=moderator,
            moderated_grade=Grade.REQUIRES_IMPROVEMENT,
        )
        add_action(audit=audit, text="Review", owner=social_worker, due_on=AUDITED)


@pytest.mark.parametrize("page", ["audits:list", "audits:grades"])
def test_lists_read_in_a_fixed_number_of_queries(
    page, make_open_cases, auditor, moderator, social_worker
):
    client = signed_in(moderator)
    _many_audits(make_open_cases, auditor, moderator, social_worker, 1)
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse(page)).status_code == 200
    CaseAudit.objects.all().delete()
    from kinfolk.people.models import Child

    Child.objects.filter(la_child_id__startswith="A").delete()
    _many_audits(make_open_cases, auditor, moderator, social_worker, 8)
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse(page))
    assert len(many) == len(one)
    if page == "audits:grades":
        text = response.content.decode()
        assert "Requires improvement" in text
        assert "8 (100%)" in text
        assert "Audit actions overdue" in text


def test_the_worker_lists_the_audits_of_their_work(audit, auditor, social_worker):
    completed(audit, auditor)
    response = signed_in(social_worker).get(reverse("audits:yours"))
    assert response.status_code == 200
    assert audit.child.first_name in response.content.decode()


def test_the_head_of_service_edits_the_template(head_of_service):
    client = signed_in(head_of_service)
    assert client.get(reverse("audits:template")).status_code == 200
    question = AuditQuestion.objects.order_by("pk").first()
    response = client.post(
        reverse("audits:question-add", args=[question.theme_id]),
        {"text": "Are the child's wishes recorded?", "guidance": ""},
    )
    assert response.status_code == 302
    added = AuditQuestion.objects.get(text="Are the child's wishes recorded?")
    client.post(reverse("audits:question-change", args=[added.pk]), {"change": "up"})
    client.post(reverse("audits:question-change", args=[added.pk]), {"change": "remove"})
    assert not AuditQuestion.objects.filter(pk=added.pk).exists()


def test_a_team_manager_audits_but_does_not_edit_the_template(team):
    manager = worker_of_role(Role.TEAM_MANAGER, team, username="tm_two")
    client = signed_in(manager)
    assert client.get(reverse("audits:list")).status_code == 200
    assert client.get(reverse("audits:template")).status_code == 403


def test_the_due_date_cannot_be_before_the_audit(audit, auditor, social_worker):
    completed(audit, auditor)
    response = signed_in(auditor).post(
        url("action-add", audit),
        {"text": "x", "owner": social_worker.pk, **date_fields("due_on", dt.date(2024, 1, 1))},
    )
    assert "cannot be due before the audit" in response.content.decode()
