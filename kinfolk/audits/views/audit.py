"""One audit of a child's case file: its page, grading it, moderating it, the worker's
response and its actions. Pages under ``/children/<pk>/audits/<audit_pk>/``."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.audits.forms import (
    ActionDoneForm,
    ActionForm,
    GradeAuditForm,
    ModerateForm,
    RespondForm,
)
from kinfolk.audits.models import AuditAction, CaseAudit
from kinfolk.audits.services import (
    add_action,
    complete_action,
    grade_audit,
    moderate_audit,
    respond_to_audit,
)
from kinfolk.core.forms import CaseworkForm, opened_version
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView


def may_read(user: Any, audit: CaseAudit) -> bool:
    """An audit is read by the auditors and by the worker whose work it audited."""
    return allows(user, P.AUDIT_CASES) or audit.worker_id == user.pk


class AuditMixin:
    """Finds the audit of ``audit_pk`` among the child's audits (a 404 otherwise) and lets
    only its readers in."""

    kwargs: dict[str, Any]
    request: HttpRequest
    child: Any

    @cached_property
    def audit(self) -> CaseAudit:
        audit = (
            CaseAudit.objects.select_related(
                "auditor", "worker", "team", "moderator", "template", "assigned_by"
            )
            .filter(child=self.child, pk=self.kwargs["audit_pk"])
            .first()
        )
        if audit is None:
            raise Http404
        if not may_read(self.request.user, audit):
            raise PermissionDenied(_("Only the auditors and the worker read this audit"))
        return audit

    def back_url(self) -> str:
        return reverse("audits:audit", args=[self.child.pk, self.audit.pk])


class AuditDetailView(AuditMixin, ChildRecordMixin, TemplateView):
    """The audit as it stands: each theme's grades and comments, the overall and agreed
    grades, the worker's response, the actions and the next steps its reader may take."""

    permission = P.VIEW_RECORD
    template_name = "audits/audit.html"
    record_label = "Child record: case file audit"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        audit = self.audit
        themes: list[dict[str, Any]] = []
        for graded in audit.question_grades.select_related("question__theme"):
            theme = graded.question.theme
            if not themes or themes[-1]["theme"] != theme:
                themes.append({"theme": theme, "grades": []})
            themes[-1]["grades"].append(graded)
        user = self.request.user
        is_auditor = allows(user, P.AUDIT_CASES)
        base = [self.child.pk, audit.pk]
        next_steps = []
        if not audit.is_done and audit.auditor_id == user.pk:
            next_steps.append(
                {"url": reverse("audits:grade", args=base), "label": _("Grade the audit")}
            )
        if audit.status == "completed" and is_auditor and audit.auditor_id != user.pk:
            next_steps.append(
                {"url": reverse("audits:moderate", args=base), "label": _("Moderate the audit")}
            )
        if audit.is_done and is_auditor:
            next_steps.append(
                {"url": reverse("audits:action-add", args=base), "label": _("Add an action")}
            )
        if audit.is_done and audit.worker_id == user.pk:
            next_steps.append(
                {
                    "url": reverse("audits:respond", args=base),
                    "label": _("Respond to the audit")
                    if not audit.worker_response
                    else _("Change your response"),
                }
            )
        actions = list(audit.actions.select_related("owner", "done_by"))
        today = timezone.localdate()
        context.update(
            audit=audit,
            themes=themes,
            learning_themes=list(audit.learning_themes.all()),
            actions=[
                {
                    "action": action,
                    "overdue": action.is_overdue_on(today),
                    "may_close": action.done_on is None
                    and (is_auditor or action.owner_id == user.pk),
                }
                for action in actions
            ],
            next_steps=next_steps,
        )
        return context


class AuditFormView(AuditMixin, ChildRecordFormView):
    """A form page about one audit, returning to it. Its service is called with the audit;
    a page that ``edits`` it carries the audit's version, so that a stale save is refused."""

    back_label = _("Back to the audit")
    child_argument = None

    def editable_records(self, form: Any) -> list[Any]:
        return [self.audit]

    def edited_record(self, form: Any) -> Any:
        return self.audit

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        return {**super().service_kwargs(form), "audit": self.audit}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["audit"] = self.audit
        return context


class GradeAuditView(AuditFormView):
    """The auditor grades each question with a comment, saves and comes back, then completes
    the audit with the overall grade."""

    permission = P.AUDIT_CASES
    template_name = "audits/grade.html"
    form_class = GradeAuditForm
    heading = _("Grade the audit")
    record_label = "Child record: grading a case file audit"
    edits = "audit"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "audit": self.audit}

    def unavailable(self) -> str:
        if self.audit.is_done:
            return str(_("This audit has been completed."))
        if self.audit.auditor_id != self.request.user.pk:
            return str(_("This audit is assigned to %(name)s.") % {"name": self.audit.auditor})
        return ""

    @property
    def completing(self) -> bool:
        return self.request.POST.get("complete") == "1"

    def record(self, form: CaseworkForm) -> Any:
        assert isinstance(form, GradeAuditForm)
        data = form.cleaned_data
        return grade_audit(
            audit=self.audit,
            grades=form.grades(),
            complete=self.completing,
            grade=data["grade"] or "",
            summary=data["summary"],
            audited_on=data["audited_on"],
            reaudit_on=data["reaudit_on"],
            learning_themes=data["learning_themes"],
            actor=self.request.user,
            version=opened_version(form, self.audit),
        )

    @property
    def success_message(self) -> Any:  # type: ignore[override]
        return (
            _("Audit completed") if self.completing else _("Audit saved: you can come back to it")
        )


class ModerateAuditView(AuditFormView):
    """A second auditor gives the agreed grade."""

    permission = P.AUDIT_CASES
    form_class = ModerateForm
    heading = _("Moderate the audit")
    intro = _("Read the audit and its evidence, then give the grade you agree with the auditor.")
    success_message = _("Audit moderated")
    record_label = "Child record: moderating a case file audit"
    edits = "audit"
    actor_argument = "moderator"

    def get_initial(self) -> dict[str, Any]:
        return {"moderated_grade": self.audit.grade, "moderated_on": timezone.localdate()}

    def unavailable(self) -> str:
        if self.audit.status != "completed":
            return str(_("Only a completed audit that has not been moderated can be moderated."))
        if self.audit.auditor_id == self.request.user.pk:
            return str(_("You audited this case file: a second auditor moderates it."))
        return ""

    service = staticmethod(moderate_audit)


class RespondView(AuditFormView):
    """The worker whose work was audited answers it."""

    permission = P.VIEW_RECORD
    form_class = RespondForm
    heading = _("Respond to the audit")
    intro = _("The auditor and your manager read your response beside the audit.")
    success_message = _("Response saved")
    record_label = "Child record: responding to a case file audit"
    edits = "audit"
    saved_as = {"response": "worker_response"}

    def get_initial(self) -> dict[str, Any]:
        return {"response": self.audit.worker_response}

    def unavailable(self) -> str:
        if self.audit.worker_id != self.request.user.pk:
            return str(_("Only the worker whose work was audited responds."))
        if not self.audit.is_done:
            return str(_("The audit has not been completed yet."))
        return ""

    service = staticmethod(respond_to_audit)


class AddActionView(AuditFormView):
    """An action the audit found must be done, with its owner and due date."""

    permission = P.AUDIT_CASES
    form_class = ActionForm
    heading = _("Add an action")
    success_message = _("Action added")
    record_label = "Child record: adding a case file audit action"

    def unavailable(self) -> str:
        return "" if self.audit.is_done else str(_("Complete the audit before adding actions."))

    service = staticmethod(add_action)


class CompleteActionView(AuditFormView):
    """The action's owner, or an auditor, records that it was done."""

    permission = P.VIEW_RECORD
    form_class = ActionDoneForm
    heading = _("Record the action as done")
    success_message = _("Action recorded as done")
    record_label = "Child record: closing a case file audit action"
    edits = "action"
    saved_as = {"note": "done_note"}

    @cached_property
    def action(self) -> AuditAction:
        action = get_object_or_404(AuditAction, audit=self.audit, pk=self.kwargs["action_pk"])
        if not (
            allows(self.request.user, P.AUDIT_CASES) or action.owner_id == self.request.user.pk
        ):
            raise PermissionDenied(_("Only the action's owner or an auditor closes it"))
        return action

    def get_initial(self) -> dict[str, Any]:
        return {"done_on": timezone.localdate()}

    def unavailable(self) -> str:
        return str(_("This action has been done.")) if self.action.done_on else ""

    def editable_records(self, form: Any) -> list[Any]:
        return [self.action]

    def edited_record(self, form: Any) -> Any:
        return self.action

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["intro"] = self.action.text
        return context

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        # The service takes the action, which names its audit.
        kwargs = super().service_kwargs(form)
        del kwargs["audit"]
        return {**kwargs, "action": self.action}

    service = staticmethod(complete_action)
