"""Opening a child in need episode with a referral, and closing the case."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P
from kinfolk.casework.forms import ClosureForm, ReferralForm
from kinfolk.casework.models import PlanOutcome
from kinfolk.casework.services import close_episode, open_referral
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
    """A manager closes the case, with evidence that each outcome of the plan was met
    (docs/domain.md finding 9: cases closed before change was sustained)."""

    permission = P.SIGN_OFF

    form_class = ClosureForm
    service = staticmethod(close_episode)
    template_name = "casework/closure_form.html"
    heading = _("Close the case")
    success_message = _("The case is closed")
    record_label = "Child record: case closed"

    def open_outcomes(self) -> list[PlanOutcome]:
        return list(
            PlanOutcome.objects.filter(
                plan__child=self.child,
                plan__end_on__isnull=True,
                plan__episode__closed_on__isnull=True,
            ).select_related("plan")
        )

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "outcomes": self.open_outcomes()}

    def service_kwargs(self, form: ClosureForm) -> dict[str, Any]:
        # The service takes the evidence for all outcomes as one argument.
        kwargs = super().service_kwargs(form)
        return {
            **{name: value for name, value in kwargs.items() if not name.startswith("evidence_")},
            "evidence": form.evidence(),
        }
