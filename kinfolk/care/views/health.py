"""Pages for the health of a child in care, under ``/children/<pk>/care/health/``: the
history of assessments, health plans and checks, and the forms that each call one service of
``kinfolk.care.services.health``."""

from typing import Any, ClassVar

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.care.forms import health as forms
from kinfolk.care.models import HealthAssessment, OutcomeKind, OutcomeRecord
from kinfolk.care.services.health import (
    HEALTH_ASSESSMENT_RECORDED,
    HEALTH_PLAN_ACTION_OPEN,
    ActionInput,
    add_health_plan_action,
    complete_health_plan_action,
    open_health_plan_actions,
    record_conviction,
    record_dental_check,
    record_development_check,
    record_health_assessment,
    record_immunisations,
    record_sdq,
    record_substance_misuse,
)
from kinfolk.core.forms import CaseworkForm
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView


class HealthFormView(ChildRecordFormView):
    """A page that records a step of the child's health and returns to their health history."""

    back_url_name = "care:health-history"
    back_label = _("Back to health")


class HealthHistoryView(ChildRecordMixin, TemplateView):
    """The child's health history: assessments with their health plans, and the checks and
    other OC2 items (docs/domain.md stage 20, finding 73)."""

    permission = P.VIEW_RECORD

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
            care_url=reverse("care:child-care", args=[self.child.pk]),
            outcome_kinds=OUTCOME_PAGES,
        )
        return context


class HealthAssessmentCreateView(HealthFormView):
    """Record a statutory health assessment and the first actions of its health plan."""

    permission = P.RECORD_CASEWORK

    form_class = forms.HealthAssessmentForm
    service = staticmethod(record_health_assessment)
    template_name = "records/rows_form_page.html"
    heading = _("Record a health assessment")
    success_message = _("Health assessment recorded")
    record_label = "Child record: health assessment recorded"


class HealthPlanActionCreateView(HealthFormView):
    """Add an action to the health plan of one of the child's assessments."""

    permission = P.RECORD_CASEWORK

    form_class = forms.HealthPlanActionForm
    service = staticmethod(add_health_plan_action)
    guard = HEALTH_ASSESSMENT_RECORDED
    child_argument = None
    heading = _("Add a health plan action")
    success_message = _("Health plan action added")
    record_label = "Child record: health plan action added"

    def get_form_kwargs(self) -> dict[str, Any]:
        assessments = HealthAssessment.objects.filter(child=self.child)
        latest = assessments.first()
        return {
            **super().get_form_kwargs(),
            "assessments": assessments,
            "chosen": self.chosen("assessment") or (str(latest.pk) if latest else None),
        }

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        data = form.cleaned_data
        return {
            "assessment": data["assessment"],
            "action": ActionInput(data["description"], data["owner"], data["due_on"]),
            "actor": self.request.user,
        }


class HealthPlanActionDoneView(HealthFormView):
    """Record that an action of a health plan was done."""

    permission = P.RECORD_CASEWORK

    form_class = forms.HealthPlanActionDoneForm
    service = staticmethod(complete_health_plan_action)
    guard = HEALTH_PLAN_ACTION_OPEN
    child_argument = None
    heading = _("Record a health plan action as done")
    success_message = _("Health plan action done")
    record_label = "Child record: health plan action done"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "actions": open_health_plan_actions(self.child),
            "chosen": self.chosen("action"),
        }


class OutcomeCreateView(HealthFormView):
    """Record one OC2 item; each kind is a page of its own below."""

    kind: ClassVar[OutcomeKind]
    #: The page's URL name in ``care`` and the segment of its path under ``health/``.
    url_name: ClassVar[str]
    segment: ClassVar[str]
    form_class = forms.OutcomeForm
    record_label = "Child record: health check recorded"

    @property
    def success_message(self) -> str:  # type: ignore[override]
        return _("%(what)s recorded") % {"what": self.kind.label}


class DentalCheckCreateView(OutcomeCreateView):
    permission = P.RECORD_CASEWORK
    kind, url_name, segment = OutcomeKind.DENTAL, "dental-check-create", "dental-checks"
    service = staticmethod(record_dental_check)
    heading = _("Record a dental check")


class DevelopmentCheckCreateView(OutcomeCreateView):
    permission = P.RECORD_CASEWORK
    kind = OutcomeKind.DEVELOPMENT
    url_name, segment = "development-check-create", "development-checks"
    service = staticmethod(record_development_check)
    heading = _("Record a development check")


class ImmunisationsCreateView(OutcomeCreateView):
    permission = P.RECORD_CASEWORK
    kind, url_name, segment = OutcomeKind.IMMUNISATIONS, "immunisations-create", "immunisations"
    form_class = forms.ImmunisationsForm
    service = staticmethod(record_immunisations)
    heading = _("Record immunisations")


class SDQCreateView(OutcomeCreateView):
    permission = P.RECORD_CASEWORK
    kind, url_name, segment = OutcomeKind.SDQ, "sdq-create", "sdq"
    form_class = forms.SDQForm
    service = staticmethod(record_sdq)
    heading = _("Record a strengths and difficulties questionnaire")


class ConvictionCreateView(OutcomeCreateView):
    permission = P.RECORD_CASEWORK
    kind, url_name, segment = OutcomeKind.CONVICTION, "conviction-create", "convictions"
    service = staticmethod(record_conviction)
    heading = _("Record a conviction or youth caution")


class SubstanceMisuseCreateView(OutcomeCreateView):
    permission = P.RECORD_CASEWORK
    kind = OutcomeKind.SUBSTANCE_MISUSE
    url_name, segment = "substance-misuse-create", "substance-misuse"
    form_class = forms.SubstanceMisuseForm
    service = staticmethod(record_substance_misuse)
    heading = _("Record substance misuse")


#: The page of each OC2 item, in the order the health history offers them.
OUTCOME_VIEWS: tuple[type[OutcomeCreateView], ...] = (
    DentalCheckCreateView,
    DevelopmentCheckCreateView,
    ImmunisationsCreateView,
    SDQCreateView,
    ConvictionCreateView,
    SubstanceMisuseCreateView,
)
#: The URL name of the page of each OC2 item, by kind.
OUTCOME_PAGES: dict[OutcomeKind, str] = {
    view.kind: f"care:{view.url_name}" for view in OUTCOME_VIEWS
}
