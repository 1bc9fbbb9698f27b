"""Case file audits through their services: assignment, grading, moderation, the worker's
response, actions, and the template's questions retired rather than deleted."""

import datetime as dt
import random

import pytest
from django.core.exceptions import ValidationError

from kinfolk.audits.choices import AuditSource, AuditStatus, Grade
from kinfolk.audits.models import AuditQuestion, AuditTemplate, CaseAudit, LearningTheme
from kinfolk.audits.services import (
    active_template,
    add_action,
    add_question,
    assign_audit,
    assign_sample,
    complete_action,
    grade_audit,
    moderate_audit,
    move_question,
    open_cases,
    record_case_audit,
    remove_question,
    respond_to_audit,
)
from kinfolk.audits.services.choosing import Candidate
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.models import RecordChanged

pytestmark = pytest.mark.django_db

AUDITED = dt.date(2025, 3, 10)


def questions(audit):
    return list(AuditQuestion.objects.filter(theme__template=audit.template, is_retired=False))


def all_good(audit):
    return {question.pk: (Grade.GOOD, "Seen alone at each visit") for question in questions(audit)}


def completed(audit, auditor, grade=Grade.GOOD):
    return grade_audit(
        audit=audit,
        grades=all_good(audit),
        complete=True,
        grade=grade,
        summary="Purposeful visits; the plan lacks a contingency.",
        audited_on=AUDITED,
        reaudit_on=dt.date(2025, 9, 10),
        learning_themes=LearningTheme.objects.filter(name="Contingency planning"),
        actor=auditor,
    )


def test_the_default_template_has_five_themes_of_two_to_four_questions():
    template = active_template()
    themes = list(template.themes.all())
    assert len(themes) >= 5
    assert all(2 <= theme.questions.count() <= 4 for theme in themes)
    assert themes[0].name == "The child's voice and lived experience"


def test_an_audit_reads_the_work_of_the_allocated_worker(audit, social_worker, team):
    assert audit.status == AuditStatus.ASSIGNED
    assert audit.worker == social_worker
    assert audit.team == team
    assert audit.template == active_template()


def test_nobody_audits_their_own_case(open_case, social_worker, manager):
    with pytest.raises(ValidationError, match="Choose someone who audits"):
        assign_audit(child=open_case, auditor=social_worker)


def test_grading_saves_then_completes_with_a_chronology_entry(audit, auditor):
    first = questions(audit)[0]
    saved = grade_audit(
        audit=audit, grades={first.pk: (Grade.INADEQUATE, "Not seen alone")}, actor=auditor
    )
    assert saved.status == AuditStatus.IN_PROGRESS
    assert saved.question_grades.get().grade == Grade.INADEQUATE
    with pytest.raises(ValidationError, match="Grade every question"):
        grade_audit(
            audit=saved,
            grades={},
            complete=True,
            grade=Grade.GOOD,
            summary="x",
            audited_on=AUDITED,
            actor=auditor,
        )
    done = completed(saved, auditor)
    assert done.status == AuditStatus.COMPLETED
    assert done.question_grades.count() == len(questions(audit))
    assert [t.name for t in done.learning_themes.all()] == ["Contingency planning"]
    entry = ChronologyEntry.objects.get(child_id=audit.child_id, kind="case_audit")
    assert entry.summary == "Case file audited: Good"
    assert entry.occurred_on == AUDITED


def test_completing_needs_a_grade_a_summary_and_a_date(audit, auditor):
    for missing, field in (
        ({"grade": ""}, "grade"),
        ({"summary": ""}, "summary"),
        ({"audited_on": None}, "audited_on"),
    ):
        values = {"grade": Grade.GOOD, "summary": "Fine", "audited_on": AUDITED, **missing}
        with pytest.raises(ValidationError) as refused:
            grade_audit(audit=audit, grades=all_good(audit), complete=True, actor=auditor, **values)
        assert field in refused.value.message_dict


def test_only_the_assigned_auditor_grades(audit, moderator):
    with pytest.raises(ValidationError, match="Only the auditor"):
        grade_audit(audit=audit, grades={}, actor=moderator)


def test_a_stale_grading_is_refused(audit, auditor):
    grade_audit(audit=audit, grades={}, actor=auditor, version=1)
    with pytest.raises(RecordChanged):
        grade_audit(audit=audit, grades={}, actor=auditor, version=1)


def test_moderation_by_a_second_auditor_may_change_the_grade(audit, auditor, moderator):
    done = completed(audit, auditor)
    with pytest.raises(ValidationError, match="A second auditor"):
        moderate_audit(audit=done, moderator=auditor, moderated_grade=Grade.GOOD)
    with pytest.raises(ValidationError, match="Say why"):
        moderate_audit(audit=done, moderator=moderator, moderated_grade=Grade.REQUIRES_IMPROVEMENT)
    moderated = moderate_audit(
        audit=done,
        moderator=moderator,
        moderated_grade=Grade.REQUIRES_IMPROVEMENT,
        rationale="No contingency plan: the plan cannot be good.",
        moderated_on=AUDITED,
    )
    assert moderated.status == AuditStatus.MODERATED
    assert moderated.agreed_grade == Grade.REQUIRES_IMPROVEMENT
    assert moderated.grade == Grade.GOOD
    with pytest.raises(ValidationError, match="has been moderated"):
        moderate_audit(audit=moderated, moderator=moderator, moderated_grade=Grade.GOOD)


def test_an_audit_is_moderated_only_once_completed(audit, moderator):
    with pytest.raises(ValidationError, match="must be completed"):
        moderate_audit(audit=audit, moderator=moderator, moderated_grade=Grade.GOOD)


def test_the_worker_responds_to_their_own_audit(audit, auditor, social_worker, manager):
    with pytest.raises(ValidationError, match="not been completed"):
        respond_to_audit(audit=audit, response="Thanks", actor=social_worker)
    done = completed(audit, auditor)
    with pytest.raises(ValidationError, match="Only the worker"):
        respond_to_audit(audit=done, response="Thanks", actor=manager)
    answered = respond_to_audit(
        audit=done, response="I will add a contingency.", actor=social_worker
    )
    assert answered.worker_response == "I will add a contingency."
    assert answered.responded_on is not None


def test_an_action_is_tracked_to_closure(audit, auditor, social_worker, today):
    with pytest.raises(ValidationError, match="Complete the audit"):
        add_action(audit=audit, text="Add a contingency", owner=social_worker, due_on=today)
    done = completed(audit, auditor)
    action = add_action(
        audit=done, text="Add a contingency", owner=social_worker, due_on=today, actor=auditor
    )
    assert action.is_overdue_on(today + dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="Say what was done"):
        complete_action(action=action, done_on=today, note="", actor=social_worker)
    closed = complete_action(
        action=action, done_on=today, note="Contingency added to the plan", actor=social_worker
    )
    assert closed.done_by == social_worker
    assert not closed.is_overdue_on(today + dt.timedelta(days=10))
    with pytest.raises(ValidationError, match="This action was done"):
        complete_action(action=closed, done_on=today, note="Again", actor=social_worker)


def test_a_graded_question_is_retired_not_deleted(audit, auditor):
    done = completed(audit, auditor)
    graded = questions(done)[0]
    assert remove_question(question=graded) is True
    graded.refresh_from_db()
    assert graded.is_retired
    assert done.question_grades.filter(question=graded).exists()
    fresh = add_question(theme=graded.theme, text="Is the child's lived experience clear?")
    assert remove_question(question=fresh) is False
    assert not AuditQuestion.objects.filter(pk=fresh.pk).exists()


def test_questions_move_up_and_down_in_their_theme():
    theme = active_template().themes.first()
    first, second = list(theme.questions.all())[:2]
    move_question(question=second, up=True)
    assert list(theme.questions.order_by("order"))[:2] == [second, first]
    move_question(question=second, up=True)  # already first: nothing moves
    assert theme.questions.order_by("order").first() == second


def test_a_sample_is_chosen_the_same_way_with_the_same_seed(
    make_open_cases, auditor, moderator, manager
):
    children = make_open_cases(6)
    candidates = [Candidate(child) for child in open_cases(viewer=moderator)]
    assert len(candidates) == 6

    def sample(seed):
        return assign_sample(
            candidates=candidates,
            count=3,
            auditors=[auditor, moderator],
            source=AuditSource.RANDOM,
            rng=random.Random(seed),
            on=AUDITED,
        )

    first = sample(7)
    chosen = [a.child_id for a in first]
    CaseAudit.objects.all().delete()
    assert [a.child_id for a in sample(7)] == chosen
    assert len(set(chosen)) == 3
    assert {a.auditor for a in first} == {auditor, moderator}
    assert set(chosen) <= {child.pk for child in children}


def test_approved_work_is_not_given_to_the_manager_who_approved_it(open_case, auditor, moderator):
    candidate = Candidate(open_case, "Assessment authorised", approved_by_id=auditor.pk)
    [audit] = assign_sample(
        candidates=[candidate],
        count=1,
        auditors=[auditor, moderator],
        source=AuditSource.APPROVED_WORK,
        rng=random.Random(1),
        on=AUDITED,
    )
    assert audit.auditor == moderator
    assert audit.sampled_work == "Assessment authorised"


def test_a_file_recorded_from_a_journey_is_completed_and_moderated(open_case, auditor, moderator):
    audit = record_case_audit(
        child=open_case,
        date=AUDITED,
        auditor=auditor,
        grade=Grade.GOOD,
        moderator=moderator,
        moderated_grade=Grade.OUTSTANDING,
    )
    assert audit.status == AuditStatus.MODERATED
    assert audit.agreed_grade == Grade.OUTSTANDING
    assert audit.source == AuditSource.IMPORTED
    with pytest.raises(ValidationError, match="agreed grade"):
        record_case_audit(
            child=open_case, date=AUDITED, auditor=auditor, grade=Grade.GOOD, moderator=moderator
        )


def test_only_one_template_is_active_and_new_audits_use_it(audit):
    AuditTemplate.objects.update(is_active=False)
    with pytest.raises(ValidationError, match="no audit template"):
        active_template()


def test_a_database_with_no_template_at_all_is_given_the_default_again():
    AuditTemplate.objects.all().delete()
    LearningTheme.objects.all().delete()
    template = active_template()
    assert template.themes.count() == 5
    assert LearningTheme.objects.filter(name="Voice of the child").exists()
