"""The fostering households' pages: the list, one household with its approval history,
development plan and training log, and the forms that record each step. They hold no child's
information, so any signed-in member of staff may see them; only managers approve."""

from collections.abc import Callable
from typing import Any, ClassVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.core.forms import CaseworkForm
from kinfolk.permanence import forms, services
from kinfolk.permanence.approvals import DUE_SOON_DAYS
from kinfolk.permanence.choices import ApprovalStatus
from kinfolk.permanence.models import FosteringHousehold, TrainingRecord

STATUS_COLOURS = {
    ApprovalStatus.IN_ASSESSMENT: "grey",
    ApprovalStatus.TEMPORARY: "blue",
    ApprovalStatus.TEMPORARY_EXPIRED: "red",
    ApprovalStatus.APPROVED: "green",
}


def _can_approve(request: HttpRequest) -> bool:
    return allows(request.user, P.APPROVE_FOSTERING)


class HouseholdListView(TemplateView):
    """Every fostering household, with its approval and any temporary approval running out
    (flagged when it has run out, or runs out within 14 days)."""

    permission = P.VIEW_RECORD

    template_name = "permanence/households.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        households = list(FosteringHousehold.objects.prefetch_related("carers"))
        for household in households:
            household.status = household.approval_status_on(today)
            household.status_colour = STATUS_COLOURS[household.status]
            household.is_due_soon = household.is_temporary_approval_due_soon(today)
        context.update(
            households=households,
            today=today,
            due_soon_days=DUE_SOON_DAYS,
            expired=sum(1 for h in households if h.status == ApprovalStatus.TEMPORARY_EXPIRED),
            due_soon=sum(1 for h in households if h.is_due_soon),
            can_approve=_can_approve(self.request),
        )
        return context


class HouseholdDetailView(TemplateView):
    """One fostering household: its carers, approval history, development plan and training
    log (docs/domain.md finding 25)."""

    permission = P.VIEW_RECORD

    template_name = "permanence/household.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        household = get_object_or_404(
            FosteringHousehold.objects.select_related("approved_by"), pk=kwargs["pk"]
        )
        status = household.approval_status_on(today)
        context.update(
            household=household,
            today=today,
            status=status,
            status_colour=STATUS_COLOURS[status],
            is_due_soon=household.is_temporary_approval_due_soon(today),
            history=self.approval_history(household),
            carers=list(household.carers.all()),
            goals=list(household.development_goals.all()),
            training=list(
                TrainingRecord.objects.filter(household=household).select_related("carer")
            ),
            can_approve=_can_approve(self.request),
        )
        return context

    def approval_history(self, household: FosteringHousehold) -> list[dict[str, Any]]:
        """Each step of the household's approval so far, in date order."""
        steps: list[dict[str, Any]] = []
        if household.temporary_approved_on:
            steps.append(
                {
                    "on": household.temporary_approved_on,
                    "title": _("Temporarily approved as a connected person"),
                    "detail": _("For 16 weeks (Care Planning Regulations 2010, reg. 24)"),
                }
            )
        if household.temporary_extended_on:
            steps.append(
                {
                    "on": household.temporary_extended_on,
                    "title": _("Temporary approval extended by 8 weeks"),
                    "detail": household.extension_reason,
                }
            )
        if household.panel_on:
            steps.append({"on": household.panel_on, "title": _("Fostering panel"), "detail": ""})
        if household.approved_on:
            detail = household.terms_of_approval
            if household.approved_by:
                detail = _("%(terms)s. Approved by %(name)s") % {
                    "terms": detail,
                    "name": household.approved_by.display_name,
                }
            steps.append({"on": household.approved_on, "title": _("Approved"), "detail": detail})
        return sorted(steps, key=lambda step: step["on"])


class HouseholdFormView(FormView):
    """A page under ``/fostering/`` that records one step for a household, the household
    counterpart of ``ChildRecordFormView``: only managers approve, the form's cleaned data go
    to one service with the household and the actor, and the page returns to the household."""

    template_name = "permanence/household_form_page.html"
    form_class: type[CaseworkForm]
    #: The service that records the step; called with keyword arguments only.
    service: ClassVar[Callable[..., Any] | None] = None
    heading: Any = ""
    intro: Any = ""
    success_message: Any = ""
    household: FosteringHousehold | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "pk" in kwargs:
            self.household = get_object_or_404(FosteringHousehold, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        """The service's keyword arguments: the cleaned data, the household and the actor."""
        return {**form.cleaned_data, "household": self.household, "actor": self.request.user}

    def form_valid(self, form: CaseworkForm) -> HttpResponse:
        service = type(self).service
        if service is None:
            raise NotImplementedError(f"{type(self).__name__} declares no service")
        try:
            saved = service(**self.service_kwargs(form))
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        household = saved if isinstance(saved, FosteringHousehold) else self.household
        return HttpResponseRedirect(reverse("permanence:household", args=[household.pk]))

    def back_url(self) -> str:
        if self.household is not None:
            return reverse("permanence:household", args=[self.household.pk])
        return reverse("permanence:households")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading,
            intro=self.intro,
            household=self.household,
            back_url=self.back_url(),
        )
        return context


class HouseholdCreateView(HouseholdFormView):
    """Add a household that the fostering service is assessing."""

    permission = P.RECORD_FOSTERING

    form_class = forms.HouseholdForm
    service = staticmethod(services.add_household)
    heading = gettext_lazy("Add a fostering household")
    success_message = gettext_lazy("Fostering household added")

    def service_kwargs(self, form: forms.HouseholdForm) -> dict[str, Any]:
        household = {name: form.cleaned_data[name] for name in ("name", "postcode", "kind")}
        return {**household, "carers": form.carers(), "actor": self.request.user}


class TemporaryApprovalView(HouseholdFormView):
    """A manager approves a connected person temporarily (reg. 24)."""

    permission = P.APPROVE_FOSTERING

    form_class = forms.TemporaryApprovalForm
    service = staticmethod(services.grant_temporary_approval)
    heading = gettext_lazy("Record a temporary approval")
    intro = gettext_lazy(
        "A connected person can be approved temporarily for 16 weeks while their assessment "
        "is completed (Care Planning Regulations 2010, regulation 24)."
    )
    success_message = gettext_lazy("Temporary approval recorded")


class ExtensionView(HouseholdFormView):
    """A manager extends a temporary approval, once, by 8 weeks (reg. 25)."""

    permission = P.APPROVE_FOSTERING

    form_class = forms.ExtensionForm
    service = staticmethod(services.extend_temporary_approval)
    heading = gettext_lazy("Extend the temporary approval")
    intro = gettext_lazy(
        "A temporary approval can be extended once, by 8 weeks, before it runs out "
        "(Care Planning Regulations 2010, regulation 25)."
    )
    success_message = gettext_lazy("Temporary approval extended")


class ApprovalView(HouseholdFormView):
    """A manager records the fostering panel and the approval that follows."""

    permission = P.APPROVE_FOSTERING

    form_class = forms.ApprovalForm
    service = staticmethod(services.approve_household)
    heading = gettext_lazy("Record the panel and approval")
    success_message = gettext_lazy("Approval recorded")


class TrainingRecordCreateView(HouseholdFormView):
    """Add an entry to the household's training log."""

    permission = P.RECORD_FOSTERING

    form_class = forms.TrainingRecordForm
    service = staticmethod(services.add_training_record)
    heading = gettext_lazy("Add to the training log")
    success_message = gettext_lazy("Training recorded")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "carers": self.household.carers.all()}


class DevelopmentGoalCreateView(HouseholdFormView):
    """Add a goal to the household's development plan."""

    permission = P.RECORD_FOSTERING

    form_class = forms.DevelopmentGoalForm
    service = staticmethod(services.add_development_goal)
    heading = gettext_lazy("Add to the development plan")
    success_message = gettext_lazy("Development goal added")
