"""A plan sent to a manager to agree: the worker asks, the manager agrees or returns it, the
worker answers a return (docs/sign-off.md)."""

from functools import cached_property
from typing import Any

from django.http import Http404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.access.policy import P
from kinfolk.casework.models import ManagerReturn, PlanSignOff, PlanSignOffState
from kinfolk.casework.services import agree_plan, answer_plan_return, ask_plan_sign_off, return_plan
from kinfolk.casework.sign_off_forms import PlanAnswerForm, PlanDecisionForm, PlanSignOffForm
from kinfolk.casework.views.plans import OpenPlanFormView
from kinfolk.people.views.record_form import ChildRecordFormView


class PlanSignOffAskView(OpenPlanFormView):
    """The worker sends an open plan, as it stands, to a manager to agree."""

    permission = P.RECORD_CASEWORK
    form_class = PlanSignOffForm
    service = staticmethod(ask_plan_sign_off)
    heading = gettext_lazy("Send the plan to a manager to agree")
    success_message = gettext_lazy("The plan is sent: it waits for a manager to agree it")
    record_label = "Child record: plan sent to a manager to agree"


class PlanSignOffMixin(ChildRecordFormView):
    """A page about one of the child's plans sent to a manager to agree."""

    template_name = "casework/plan_sign_off.html"
    child_argument = None

    @cached_property
    def sign_off(self) -> PlanSignOff:
        found = (
            PlanSignOff.objects.filter(child=self.child, pk=self.kwargs["request_pk"])
            .select_related("plan", "requested_by", "decided_by")
            .first()
        )
        if found is None:
            raise Http404
        return found

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        plan = self.sign_off.plan
        context.update(
            sign_off=self.sign_off,
            plan=plan,
            outcomes=list(plan.outcomes.all()),
            actions=list(plan.actions.select_related("owner")),
            returns=list(self.sign_off.returns.select_related("returned_by", "answered_by")),
        )
        return context


class PlanDecideView(PlanSignOffMixin):
    """A manager agrees the plan with a rationale or returns it with reasons."""

    permission = P.SIGN_OFF
    form_class = PlanDecisionForm
    heading = gettext_lazy("Agree or return the plan")
    record_label = "Child record: plan agreed or returned"

    def unavailable(self) -> str:
        if not self.sign_off.is_waiting:
            if self.sign_off.state == PlanSignOffState.AGREED:
                return _("This plan is agreed")
            return _("This plan is with its worker, who has not answered yet")
        if self.sign_off.requested_by_id == self.request.user.pk:
            return _("You sent this plan. Another manager must agree or return it.")
        return ""

    def record(self, form: PlanDecisionForm) -> Any:  # type: ignore[override]
        data = form.cleaned_data
        if data["choice"] == PlanDecisionForm.RETURN:
            return return_plan(
                request=self.sign_off, manager=self.request.user, reasons=data["rationale"]
            )
        return agree_plan(
            request=self.sign_off, manager=self.request.user, rationale=data["rationale"]
        )

    @property
    def success_message(self) -> str:
        if isinstance(self.recorded, ManagerReturn):
            return _("The plan is returned to the worker with your reasons")
        return _("The plan is agreed")

    def get_success_url(self) -> str:
        return reverse("sign-off-queue")


class PlanAnswerView(PlanSignOffMixin):
    """The worker reads a manager's reasons for returning their plan and answers them; the
    plan goes back to the managers."""

    permission = P.RECORD_CASEWORK
    form_class = PlanAnswerForm
    service = staticmethod(answer_plan_return)
    heading = gettext_lazy("Answer a returned plan")
    record_label = "Child record: plan return answered"
    success_message = gettext_lazy("Your answer is recorded. The plan is back with the managers.")

    def unavailable(self) -> str:
        if self.sign_off.state != PlanSignOffState.RETURNED:
            return _("This plan is not waiting for your answer")
        return ""

    def service_kwargs(self, form: PlanAnswerForm) -> dict[str, Any]:
        return {**super().service_kwargs(form), "request": self.sign_off}
