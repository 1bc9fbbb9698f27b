"""Opening a child in need episode with a referral, and closing the case."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from kinfolk.casework.forms import ClosureForm, ReferralForm
from kinfolk.casework.models import ChildInNeedEpisode, PlanOutcome
from kinfolk.casework.services import close_episode, open_referral
from kinfolk.casework.views.base import CaseworkFormView


class ReferralCreateView(CaseworkFormView):
    """Record a referral accepted by children's social care: it opens an episode."""

    form_class = ReferralForm
    heading = _("Record a referral")
    success_message = _("Referral recorded: the child in need episode is open")
    record_label = "Child record: referral recorded"

    def record(self, form: ReferralForm) -> ChildInNeedEpisode:
        data = form.cleaned_data
        return open_referral(
            child=self.child,
            referral_on=data["referral_on"],
            source=data["source"],
            primary_need=data["primary_need"],
            actor=self.request.user,
        )


class EpisodeCloseView(CaseworkFormView):
    """A manager closes the case, with evidence that each outcome of the plan was met
    (docs/domain.md finding 9: cases closed before change was sustained)."""

    form_class = ClosureForm
    template_name = "casework/closure_form.html"
    heading = _("Close the case")
    success_message = _("The case is closed")
    record_label = "Child record: case closed"
    managers_only = True

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

    def record(self, form: ClosureForm) -> ChildInNeedEpisode:
        return close_episode(
            child=self.child,
            closed_on=form.cleaned_data["closed_on"],
            reason=form.cleaned_data["reason"],
            evidence=form.evidence(),
            actor=self.request.user,
        )
