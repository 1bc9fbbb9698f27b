"""Opening a child in need episode with a referral, and closing the case: directly by a
manager, or on a worker's request that a manager agrees or returns (docs/sign-off.md)."""

from functools import cached_property
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P, allows
from kinfolk.casework.forms import (
    ClosureForm,
    ReferralForm,
)
from kinfolk.casework.models import ClosureRequest, ClosureReturn, ClosureState, PlanOutcome
from kinfolk.casework.services import (
    agree_closure,
    answer_closure_return,
    close_episode,
    open_referral,
    pending_closure,
    request_closure,
    return_closure,
)
from kinfolk.casework.sign_off_forms import ClosureAnswerForm, ClosureDecisionForm
from kinfolk.core.dates import long_date
from kinfolk.people.views.record_form import ChildRecordFormView


class ReferralCreateView(ChildRecordFormView):
    """Record a referral accepted by children's social care: it opens an episode."""

    permission = P.RECORD_CASEWORK

    form_class = ReferralForm
    service = staticmethod(open_referral)
    heading = _("Record a referral")
    success_message = _("Referral recorded: the child in need episode is open")
    record_label = "Child record: referral recorded"


class EpisodeCloseView(ChildRecordFormView):
    """Close the case, with evidence that each outcome of the plan was met (docs/domain.md
    finding 9: cases closed before change was sustained). A manager whose sign-off reaches
    the child closes it; a worker asks for the closure, with a summary, and a manager agrees
    or returns it (docs/sign-off.md)."""

    permission = P.RECORD_CASEWORK

    form_class = ClosureForm
    template_name = "casework/closure_form.html"
    heading = _("Close the case")
    record_label = "Child record: case closed"

    @cached_property
    def closes_directly(self) -> bool:
        return allows(self.request.user, P.SIGN_OFF, team_id=self.holding_team_id)

    @cached_property
    def pending(self) -> ClosureRequest | None:
        return pending_closure(self.child)

    def unavailable(self) -> str:
        if self.pending is not None:
            return str(
                _("The closure of this case was requested on %(date)s: %(state)s")
                % {
                    "date": long_date(timezone.localdate(self.pending.requested_at)),
                    "state": self.pending.get_state_display().lower(),
                }
            )
        return super().unavailable()

    def open_outcomes(self) -> list[PlanOutcome]:
        return list(
            PlanOutcome.objects.filter(
                plan__child=self.child,
                plan__end_on__isnull=True,
                plan__episode__closed_on__isnull=True,
            ).select_related("plan")
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "outcomes": self.open_outcomes(),
            "is_request": not self.closes_directly,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if not self.closes_directly:
            context["heading"] = _("Ask a manager to close the case")
            context["intro"] = _(
                "A manager agrees the closure, or returns it to you with reasons. The case "
                "closes on the date you give when a manager agrees it."
            )
        return context

    def record(self, form: ClosureForm) -> Any:  # type: ignore[override]
        data = form.cleaned_data
        kwargs = {
            "child": self.child,
            "closed_on": data["closed_on"],
            "reason": data["reason"],
            "evidence": form.evidence(),
            "actor": self.request.user,
        }
        if self.closes_directly:
            return close_episode(**kwargs)
        return request_closure(**kwargs, summary=data.get("summary", ""))

    @property
    def success_message(self) -> str:
        if isinstance(self.recorded, ClosureRequest):
            return str(_("Closure requested: it waits for a manager to agree it"))
        return str(_("The case is closed"))


class ClosureDecisionMixin(ChildRecordFormView):
    """A page about the child's closure request waiting for a manager or for its worker."""

    template_name = "casework/closure_decision.html"
    child_argument = None
    back_url_name = "casework:child-casework"

    @cached_property
    def closure(self) -> ClosureRequest | None:
        return pending_closure(self.child)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["closure"] = self.closure
        if self.closure is not None:
            context["returns"] = list(
                self.closure.returns.select_related("returned_by", "answered_by")
            )
        return context


class ClosureDecideView(ClosureDecisionMixin):
    """A manager agrees a worker's request to close the case, with a rationale (the case
    closes on the date asked for), or returns it with reasons (docs/sign-off.md)."""

    permission = P.SIGN_OFF
    form_class = ClosureDecisionForm
    heading = _("Agree or return the closure of the case")
    record_label = "Child record: closure agreed or returned"

    def unavailable(self) -> str:
        if self.closure is None:
            return str(_("No closure of this case is waiting for a manager"))
        if not self.closure.is_waiting:
            return str(_("This closure is with its worker, who has not answered yet"))
        if self.closure.requested_by_id == self.request.user.pk:
            return str(_("You asked for this closure. Another manager must agree or return it."))
        return ""

    def record(self, form: ClosureDecisionForm) -> Any:  # type: ignore[override]
        assert self.closure is not None  # the page refuses the form without one
        data = form.cleaned_data
        if data["choice"] == ClosureDecisionForm.RETURN:
            return return_closure(
                request=self.closure, manager=self.request.user, reasons=data["rationale"]
            )
        return agree_closure(
            request=self.closure, manager=self.request.user, rationale=data["rationale"]
        )

    @property
    def success_message(self) -> str:
        if isinstance(self.recorded, ClosureReturn):
            return str(_("The closure is returned to the worker with your reasons"))
        return str(_("The closure is agreed: the case is closed"))

    def get_success_url(self) -> str:
        return reverse("sign-off-queue")


class ClosureAnswerView(ClosureDecisionMixin):
    """The worker reads a manager's reasons for returning their closure request and answers
    them; the request goes back to the managers."""

    permission = P.RECORD_CASEWORK
    form_class = ClosureAnswerForm
    service = staticmethod(answer_closure_return)
    heading = _("Answer a returned closure")
    record_label = "Child record: closure return answered"
    success_message = _("Your answer is recorded. The closure is back with the managers.")

    def unavailable(self) -> str:
        if self.closure is None or self.closure.state != ClosureState.RETURNED:
            return str(_("This closure is not waiting for your answer"))
        return ""

    def service_kwargs(self, form: ClosureAnswerForm) -> dict[str, Any]:
        return {**super().service_kwargs(form), "request": self.closure}
