"""An audit of a child's case file, from its assignment to an auditor to its moderation, the
worker's response and its actions (docs/audits.md). Each service locks the child, checks,
writes, notes the step in the child's chronology where the record should show it, and
publishes the change."""

import datetime as dt
from collections.abc import Iterable, Mapping

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.access.policy import P, allows
from kinfolk.audits.choices import AuditSource, AuditStatus, Grade
from kinfolk.audits.models import (
    AuditAction,
    AuditQuestion,
    CaseAudit,
    LearningTheme,
    QuestionGrade,
)
from kinfolk.audits.services.templates import active_template
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child
from kinfolk.people.services import lock_child
from kinfolk.workforce.models import Allocation


def _check_auditor(person: Actor | None, field: str) -> None:
    if person is None or not allows(person, P.AUDIT_CASES):
        raise ValidationError({field: _("Choose someone who audits case files")})


def _check_grade(grade: str, field: str, message: str) -> None:
    if grade not in Grade.values:
        raise ValidationError({field: message})


def _check_not_future(day: dt.date | None, field: str, message: str) -> dt.date:
    if day is None:
        raise ValidationError({field: message})
    if day > timezone.localdate():
        raise ValidationError({field: _("The date must be today or in the past")})
    return day


def _locked(audit: CaseAudit) -> CaseAudit:
    lock_child(audit.child)
    return CaseAudit.objects.select_for_update().select_related("child").get(pk=audit.pk)


@transaction.atomic
def assign_audit(
    *,
    child: Child,
    auditor: Actor,
    on: dt.date | None = None,
    source: str = AuditSource.CHOSEN,
    sampled_work: str = "",
    actor: Actor | None = None,
) -> CaseAudit:
    """Give the child's case file to an auditor on the template in use. The audit reads the
    work of the worker allocated now, in their team; nobody audits their own work."""
    lock_child(child)
    _check_auditor(auditor, "auditor")
    if source not in AuditSource.values:
        raise ValidationError({"source": _("Choose how the child was chosen for audit")})
    allocation = (
        Allocation.objects.filter(child=child, end_on__isnull=True).select_related("worker").first()
    )
    if allocation is not None and allocation.worker_id == auditor.pk:
        raise ValidationError(
            {"auditor": _("%(name)s holds this case: choose another auditor") % {"name": auditor}}
        )
    return CaseAudit.objects.create(
        child=child,
        template=active_template(),
        source=source,
        sampled_work=sampled_work[:300],
        assigned_on=on or timezone.localdate(),
        assigned_by=actor,
        auditor=auditor,
        worker=allocation.worker if allocation else None,
        team_id=allocation.team_id if allocation else None,
    )


@transaction.atomic
def grade_audit(
    *,
    audit: CaseAudit,
    grades: Mapping[int, tuple[str, str]],
    complete: bool = False,
    grade: str = "",
    summary: str = "",
    audited_on: dt.date | None = None,
    reaudit_on: dt.date | None = None,
    learning_themes: Iterable[LearningTheme] = (),
    actor: Actor | None = None,
    version: int | None = None,
) -> CaseAudit:
    """The auditor grades the questions (``grades``: each question's id to its grade and
    comment), and may save and come back. Completing the audit needs every question graded,
    an overall grade with a summary and the date of the audit; it is then noted in the child's
    chronology with its grade."""
    audit = _locked(audit)
    if actor is not None and actor.pk != audit.auditor_id:
        raise ValidationError({"grade": _("Only the auditor the audit is assigned to grades it")})
    if audit.is_done:
        raise ValidationError({"grade": _("This audit has been completed")})
    audit.next_version(version)
    questions = {
        question.pk: question
        for question in AuditQuestion.objects.filter(
            theme__template_id=audit.template_id, is_retired=False
        )
    }
    for question_id, (question_grade, comment) in grades.items():
        if question_id not in questions:
            raise ValidationError({"grade": _("Grade only the questions of the audit's template")})
        if not question_grade:
            continue
        _check_grade(question_grade, f"question_{question_id}", _("Choose a grade"))
        QuestionGrade.objects.update_or_create(
            audit=audit,
            question_id=question_id,
            defaults={"grade": question_grade, "comment": comment.strip()},
        )
    audit.summary = summary.strip()
    audit.reaudit_on = reaudit_on
    if grade:
        _check_grade(grade, "grade", _("Choose the overall grade"))
    audit.grade = grade
    if not complete:
        audit.status = AuditStatus.IN_PROGRESS
        audit.save()
        audit.learning_themes.set(learning_themes)
        return audit
    graded = set(audit.question_grades.values_list("question_id", flat=True))
    missing = [question for pk, question in questions.items() if pk not in graded]
    if missing:
        raise ValidationError(
            {f"question_{missing[0].pk}": _("Grade every question before completing the audit")}
        )
    _check_grade(grade, "grade", _("Choose the overall grade"))
    if not audit.summary:
        raise ValidationError({"summary": _("Enter a summary of what the audit found")})
    audit.audited_on = _check_not_future(audited_on, "audited_on", _("Enter the date of the audit"))
    if reaudit_on is not None and reaudit_on <= audit.audited_on:
        raise ValidationError({"reaudit_on": _("The re-audit date must be after the audit")})
    audit.status = AuditStatus.COMPLETED
    audit.save()
    audit.learning_themes.set(learning_themes)
    _note_completed(audit, actor)
    return audit


def _note_completed(audit: CaseAudit, actor: Actor | None) -> None:
    assert audit.audited_on is not None
    add_entry(
        child_id=audit.child_id,
        occurred_on=audit.audited_on,
        kind="case_audit",
        summary=_("Case file audited: %(grade)s") % {"grade": audit.get_grade_display()},
        detail=audit.summary,
        recorded_by=actor,
    )
    publish_casework_changed(audit.child_id)


@transaction.atomic
def moderate_audit(
    *,
    audit: CaseAudit,
    moderator: Actor,
    moderated_grade: str,
    rationale: str = "",
    moderated_on: dt.date | None = None,
    version: int | None = None,
) -> CaseAudit:
    """A second auditor reads the completed audit and gives the agreed grade, which may differ
    from the auditor's, with why."""
    audit = _locked(audit)
    if audit.status != AuditStatus.COMPLETED:
        message = (
            _("This audit has been moderated")
            if audit.status == AuditStatus.MODERATED
            else _("The audit must be completed before it is moderated")
        )
        raise ValidationError({"moderated_grade": message})
    _check_auditor(moderator, "moderator")
    if moderator.pk == audit.auditor_id:
        raise ValidationError({"moderator": _("A second auditor moderates, not the auditor")})
    _check_grade(moderated_grade, "moderated_grade", _("Choose the agreed grade"))
    assert audit.audited_on is not None
    day = moderated_on or timezone.localdate()
    _check_not_future(day, "moderated_on", _("Enter the date of the moderation"))
    if day < audit.audited_on:
        raise ValidationError({"moderated_on": _("The moderation cannot be before the audit")})
    if moderated_grade != audit.grade and not rationale.strip():
        raise ValidationError(
            {"rationale": _("Say why the agreed grade differs from the auditor's")}
        )
    audit.next_version(version)
    audit.moderator = moderator
    audit.moderated_grade = moderated_grade
    audit.moderation_rationale = rationale.strip()
    audit.moderated_on = day
    audit.status = AuditStatus.MODERATED
    audit.save()
    add_entry(
        child_id=audit.child_id,
        occurred_on=day,
        kind="case_audit",
        summary=_("Case file audit moderated: agreed grade %(grade)s")
        % {"grade": audit.get_moderated_grade_display()},
        detail=audit.moderation_rationale,
        recorded_by=moderator,
    )
    publish_casework_changed(audit.child_id)
    return audit


@transaction.atomic
def respond_to_audit(
    *, audit: CaseAudit, response: str, actor: Actor, version: int | None = None
) -> CaseAudit:
    """The worker whose work was audited reads the audit and answers it."""
    audit = _locked(audit)
    if actor.pk != audit.worker_id:
        raise ValidationError({"response": _("Only the worker whose work was audited responds")})
    if not audit.is_done:
        raise ValidationError({"response": _("The audit has not been completed yet")})
    if not response.strip():
        raise ValidationError({"response": _("Enter your response to the audit")})
    audit.next_version(version)
    audit.worker_response = response.strip()
    audit.responded_on = timezone.localdate()
    audit.save()
    publish_casework_changed(audit.child_id)
    return audit


@transaction.atomic
def add_action(
    *,
    audit: CaseAudit,
    text: str,
    owner: Actor | None,
    due_on: dt.date | None,
    actor: Actor | None = None,
) -> AuditAction:
    """An action the audit found must be done: who does it, and by when."""
    audit = _locked(audit)
    if not audit.is_done:
        raise ValidationError({"text": _("Complete the audit before adding its actions")})
    if not text.strip():
        raise ValidationError({"text": _("Enter the action")})
    if owner is None:
        raise ValidationError({"owner": _("Choose who owns the action")})
    if due_on is None:
        raise ValidationError({"due_on": _("Enter the date the action is due")})
    assert audit.audited_on is not None
    if due_on < audit.audited_on:
        raise ValidationError({"due_on": _("The action cannot be due before the audit")})
    action = AuditAction.objects.create(
        audit=audit, text=text.strip(), owner=owner, due_on=due_on, created_by=actor
    )
    publish_casework_changed(audit.child_id)
    return action


@transaction.atomic
def complete_action(
    *,
    action: AuditAction,
    done_on: dt.date | None,
    note: str,
    actor: Actor | None = None,
    version: int | None = None,
) -> AuditAction:
    """Record that an audit's action was done: when, by whom and what was done."""
    lock_child(action.audit.child)
    action = AuditAction.objects.select_for_update().get(pk=action.pk)
    if action.done_on is not None:
        raise ValidationError(
            {"done_on": _("This action was done on %(date)s") % {"date": long_date(action.done_on)}}
        )
    day = _check_not_future(done_on, "done_on", _("Enter the date the action was done"))
    if not note.strip():
        raise ValidationError({"note": _("Say what was done")})
    action.next_version(version)
    action.done_on = day
    action.done_by = actor
    action.done_note = note.strip()
    action.save()
    publish_casework_changed(action.audit.child_id)
    return action


@transaction.atomic
def record_case_audit(
    *,
    child: Child,
    date: dt.date,
    auditor: Actor,
    grade: str,
    moderator: Actor | None = None,
    moderated_grade: str = "",
) -> CaseAudit:
    """An audit recorded from a file (the ``case_audit`` journey event): completed on the
    template in use with its overall grade and no question grades, then moderated when a
    moderator and the agreed grade are given."""
    _check_grade(grade, "grade", _("Choose the overall grade"))
    if moderator is not None and not moderated_grade:
        raise ValidationError({"moderated_grade": _("Give the agreed grade of the moderation")})
    if moderated_grade and moderator is None:
        raise ValidationError({"moderator": _("Name who moderated the audit")})
    audit = assign_audit(child=child, auditor=auditor, on=date, source=AuditSource.IMPORTED)
    audit.grade = grade
    audit.audited_on = _check_not_future(date, "date", _("Enter the date of the audit"))
    audit.status = AuditStatus.COMPLETED
    audit.save()
    _note_completed(audit, auditor)
    if moderator is not None:
        audit = moderate_audit(
            audit=audit,
            moderator=moderator,
            moderated_grade=moderated_grade,
            rationale=_("Moderated grade recorded from a file"),
            moderated_on=date,
        )
    return audit
