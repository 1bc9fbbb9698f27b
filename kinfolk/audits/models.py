"""Case file audits: the authority's audit template (themes of graded questions), each audit of
a child's file with its grades, its moderation, the worker's response and its actions
(docs/audits.md)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinfolk.audits.choices import AuditSource, AuditStatus, Grade
from kinfolk.core.models import Versioned


class AuditTemplate(models.Model):
    """The questions an authority asks of a case file, grouped in themes. One template is
    active at a time: new audits are made on it; an old audit keeps the template it was made
    on."""

    name = models.CharField(_("name"), max_length=200)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["-is_active", "name"]

    def __str__(self) -> str:
        return self.name


class AuditTheme(models.Model):
    """A theme of the template (the child's voice, assessment, planning, management
    oversight...), its questions in order."""

    template = models.ForeignKey(AuditTemplate, on_delete=models.CASCADE, related_name="themes")
    name = models.CharField(_("theme"), max_length=200)
    order = models.PositiveIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["template", "order", "pk"]

    def __str__(self) -> str:
        return self.name


class AuditQuestion(models.Model):
    """A graded question of a theme, with guidance for the auditor. A question an audit has
    graded is retired rather than deleted, so that the audit still reads as it was made."""

    theme = models.ForeignKey(AuditTheme, on_delete=models.CASCADE, related_name="questions")
    text = models.CharField(_("question"), max_length=400)
    guidance = models.TextField(_("guidance for the auditor"), blank=True)
    order = models.PositiveIntegerField(_("order"), default=0)
    is_retired = models.BooleanField(_("retired"), default=False)

    class Meta:
        ordering = ["theme", "order", "pk"]

    def __str__(self) -> str:
        return self.text


class LearningTheme(models.Model):
    """A theme for learning that audits are tagged with ("voice of the child", "contingency
    planning"), so that what audits find can be followed across many files (docs/domain.md
    finding 29). The list is the authority's: it adds and retires themes."""

    name = models.CharField(_("learning theme"), max_length=100, unique=True)
    is_active = models.BooleanField(_("in use"), default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class CaseAudit(Versioned):
    """One audit of a child's case file: who audits it, the worker whose work it reads (the
    allocated worker when it was assigned) and their team, the overall grade with a summary,
    a second auditor's moderation with the agreed grade, the worker's response, the re-audit
    date and the themes for learning."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="audits")
    template = models.ForeignKey(AuditTemplate, on_delete=models.PROTECT, related_name="audits")
    status = models.CharField(
        _("status"), max_length=20, choices=AuditStatus.choices, default=AuditStatus.ASSIGNED
    )
    source = models.CharField(
        _("how the child was chosen"), max_length=20, choices=AuditSource.choices
    )
    #: The approved work the audit was sampled from, in words ("Assessment authorised on
    #: 3 March 2026 by Meg Manager"), when it was.
    sampled_work = models.CharField(_("work sampled"), max_length=300, blank=True)
    assigned_on = models.DateField(_("date assigned"))
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audits_to_do"
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="audits_of_work",
    )
    team = models.ForeignKey(
        "workforce.Team", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    audited_on = models.DateField(_("date audited"), null=True, blank=True)
    grade = models.CharField(_("overall grade"), max_length=20, choices=Grade.choices, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    reaudit_on = models.DateField(_("re-audit date"), null=True, blank=True)
    learning_themes = models.ManyToManyField(
        LearningTheme, blank=True, related_name="audits", verbose_name=_("themes for learning")
    )
    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    moderated_on = models.DateField(_("date moderated"), null=True, blank=True)
    moderated_grade = models.CharField(
        _("agreed grade"), max_length=20, choices=Grade.choices, blank=True
    )
    moderation_rationale = models.TextField(_("why this grade was agreed"), blank=True)
    worker_response = models.TextField(_("worker's response"), blank=True)
    responded_on = models.DateField(_("date of the response"), null=True, blank=True)

    history = HistoricalRecords(excluded_fields=["learning_themes"])

    class Meta:
        ordering = ["-assigned_on", "-pk"]
        verbose_name = _("case file audit")
        constraints = [
            models.CheckConstraint(
                name="audit_moderator_is_not_the_auditor",
                condition=models.Q(moderator__isnull=True)
                | ~models.Q(moderator=models.F("auditor")),
            ),
        ]

    def __str__(self) -> str:
        return f"Audit of {self.child} assigned on {self.assigned_on}"

    @property
    def agreed_grade(self) -> str:
        """The grade that counts: the moderated grade where the audit was moderated."""
        return self.moderated_grade or self.grade

    def get_agreed_grade_display(self) -> str:
        return str(Grade(self.agreed_grade).label) if self.agreed_grade else ""

    @property
    def is_done(self) -> bool:
        return self.status in (AuditStatus.COMPLETED, AuditStatus.MODERATED)


class QuestionGrade(models.Model):
    """The auditor's grade for one question of the template, with their comment."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="question_grades")
    question = models.ForeignKey(AuditQuestion, on_delete=models.PROTECT, related_name="grades")
    grade = models.CharField(_("grade"), max_length=20, choices=Grade.choices)
    comment = models.TextField(_("comment"), blank=True)

    class Meta:
        ordering = ["question__theme__order", "question__order", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["audit", "question"], name="one_grade_per_question")
        ]

    def __str__(self) -> str:
        return f"{self.question}: {self.get_grade_display()}"


class AuditAction(Versioned):
    """Something an audit found must be done, with its owner and due date, tracked until it
    is done (docs/domain.md finding 28: audit actions not followed through)."""

    audit = models.ForeignKey(CaseAudit, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField(_("action"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="audit_actions"
    )
    due_on = models.DateField(_("due date"))
    done_on = models.DateField(_("date done"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    done_note = models.TextField(_("what was done"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["done_on", "due_on", "pk"]

    def __str__(self) -> str:
        return self.text

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.done_on is None and self.due_on < day
