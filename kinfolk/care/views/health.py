"""Pages for the health of a child in care, under ``/children/<pk>/care/health/``: the
history of assessments, health plans and checks, and the forms that each call one service of
``kinfolk.care.services.health``."""

from typing import Any

from django.db.models import QuerySet
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.care import services
from kinfolk.care.forms import health as forms
from kinfolk.care.models import (
    HealthAssessment,
    HealthPlanAction,
    OutcomeKind,
    OutcomeRecord,
)
from kinfolk.casework.views.base import CaseworkFormView
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import ChildRecordMixin


def care_page_url(child: Child) -> str:
    """The child's care page, or their record's summary until the care page exists."""
    try:
        return reverse("care:child-care", args=[child.pk])
    except NoReverseMatch:
        return reverse("children:detail", args=[child.pk])


class CareHealthFormView(CaseworkFormView):
    """A form page about a child in care; it returns to ``return_to`` (a page's URL name)."""

    template_name = "care/health/form_page.html"
    return_to = "care:health-history"
    #: The label of the link back, when the form cannot be used now.
    back_label = _("Back to health")

    def get_success_url(self) -> str:
        return reverse(self.return_to, args=[self.child.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            casework_url=self.get_success_url(),
            back_label=self.back_label,
            care_url=care_page_url(self.child),
        )
        return context


class HealthHistoryView(ChildRecordMixin, TemplateView):
    """The child's health history: assessments with their health plans, and the checks and
    other OC2 items (docs/domain.md stage 20, finding 73)."""

    template_name = "care/health/health_history.html"
    record_label = "Child record: health"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        assessments = list(
            HealthAssessment.objects.filter(child=self.child).prefetch_related("actions")
        )
        for assessment in assessments:
            assessment.next_due = assessment.next_due_on(self.child)
            for action in assessment.actions.all():
                action.is_overdue = action.is_overdue_on(today)
        context.update(
            assessments=assessments,
            outcome_records=OutcomeRecord.objects.filter(child=self.child),
            care_url=care_page_url(self.child),
            outcome_kinds=OUTCOME_PAGES,
        )
        return context


class HealthAssessmentCreateView(CareHealthFormView):
    """Record a statutory health assessment and the first actions of its health plan."""

    form_class = forms.HealthAssessmentForm
    heading = _("Record a health assessment")
    success_message = _("Health assessment recorded")
    record_label = "Child record: health assessment recorded"

    def record(self, form: forms.HealthAssessmentForm) -> HealthAssessment:
        data = form.cleaned_data
        return services.record_health_assessment(
            child=self.child,
            assessed_on=data["assessed_on"],
            kind=data["kind"],
            assessed_by=data["assessed_by"],
            consent=data["consent"],
            is_health_passport_given=data["is_health_passport_given"],
            summary=data["summary"],
            actions=data["actions"],
            actor=self.request.user,
        )


class HealthPlanActionCreateView(CareHealthFormView):
    """Add an action to the health plan of one of the child's assessments."""

    form_class = forms.HealthPlanActionForm
    heading = _("Add a health plan action")
    success_message = _("Health plan action added")
    record_label = "Child record: health plan action added"

    def assessments(self) -> QuerySet:
        return HealthAssessment.objects.filter(child=self.child)

    def unavailable(self) -> str:
        if self.assessments().exists():
            return ""
        return str(_("There is no health assessment yet: record one first."))

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "assessments": self.assessments(),
            "chosen": self.chosen("assessment") or self._latest(),
        }

    def _latest(self) -> str | None:
        latest = self.assessments().first()
        return str(latest.pk) if latest else None

    def record(self, form: forms.HealthPlanActionForm) -> HealthPlanAction:
        data = form.cleaned_data
        return services.add_health_plan_action(
            assessment=data["assessment"],
            action=services.ActionInput(data["description"], data["owner"], data["due_on"]),
            actor=self.request.user,
        )


class HealthPlanActionDoneView(CareHealthFormView):
    """Record that an action of a health plan was done."""

    form_class = forms.HealthPlanActionDoneForm
    heading = _("Record a health plan action as done")
    success_message = _("Health plan action done")
    record_label = "Child record: health plan action done"

    def actions(self) -> QuerySet:
        return HealthPlanAction.objects.filter(
            assessment__child=self.child, done_on__isnull=True
        ).order_by("due_on", "pk")

    def unavailable(self) -> str:
        if self.actions().exists():
            return ""
        return str(_("No health plan action is waiting to be done."))

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "actions": self.actions(),
            "chosen": self.chosen("action"),
        }

    def record(self, form: forms.HealthPlanActionDoneForm) -> HealthPlanAction:
        return services.complete_health_plan_action(
            action=form.cleaned_data["action"],
            done_on=form.cleaned_data["done_on"],
            actor=self.request.user,
        )


class OutcomeCreateView(CareHealthFormView):
    """Record one OC2 item; ``kind`` says which (set in the URL configuration)."""

    kind: str = OutcomeKind.DENTAL
    record_label = "Child record: health check recorded"

    def get_form_class(self) -> type[forms.OutcomeForm]:
        return OUTCOME_PAGES[self.kind]["form"]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        self.heading = OUTCOME_PAGES[self.kind]["heading"]
        context = super().get_context_data(**kwargs)
        context["heading"] = self.heading
        return context

    def record(self, form: forms.OutcomeForm) -> OutcomeRecord:
        data = dict(form.cleaned_data)
        values = {
            "child": self.child,
            "recorded_on": data.pop("recorded_on"),
            "notes": data.pop("notes"),
            "actor": self.request.user,
        }
        self.success_message = _("%(what)s recorded") % {"what": OutcomeKind(self.kind).label}
        return OUTCOME_PAGES[self.kind]["service"](**values, **data)


#: The page of each OC2 item: its form, heading, URL name and service.
OUTCOME_PAGES: dict[str, dict[str, Any]] = {
    OutcomeKind.DENTAL: {
        "form": forms.OutcomeForm,
        "heading": _("Record a dental check"),
        "url": "care:dental-check-create",
        "service": services.record_dental_check,
    },
    OutcomeKind.DEVELOPMENT: {
        "form": forms.OutcomeForm,
        "heading": _("Record a development check"),
        "url": "care:development-check-create",
        "service": services.record_development_check,
    },
    OutcomeKind.IMMUNISATIONS: {
        "form": forms.ImmunisationsForm,
        "heading": _("Record immunisations"),
        "url": "care:immunisations-create",
        "service": services.record_immunisations,
    },
    OutcomeKind.SDQ: {
        "form": forms.SDQForm,
        "heading": _("Record a strengths and difficulties questionnaire"),
        "url": "care:sdq-create",
        "service": services.record_sdq,
    },
    OutcomeKind.CONVICTION: {
        "form": forms.OutcomeForm,
        "heading": _("Record a conviction or youth caution"),
        "url": "care:conviction-create",
        "service": services.record_conviction,
    },
    OutcomeKind.SUBSTANCE_MISUSE: {
        "form": forms.SubstanceMisuseForm,
        "heading": _("Record substance misuse"),
        "url": "care:substance-misuse-create",
        "service": services.record_substance_misuse,
    },
}
