"""Pages for a child's missing episodes and return interviews, and exploitation screening,
under ``/children/<pk>/care/missing/`` and ``.../exploitation/`` (docs/domain.md stages 22 and
23)."""

from typing import Any

from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.care import services
from kinfolk.care.forms import missing as forms
from kinfolk.care.models import ExploitationScreening, MissingEpisode, UASCPeriod
from kinfolk.care.views.health import CareHealthFormView, care_page_url
from kinfolk.core.dates import long_datetime
from kinfolk.people.views.mixins import ChildRecordMixin


class MissingHistoryView(ChildRecordMixin, TemplateView):
    """Every missing episode with its duration and whether a return interview was offered
    within 72 hours, and the exploitation screenings (docs/domain.md stage 22: repeat episodes,
    late interviews, links to exploitation)."""

    template_name = "care/missing/missing_history.html"
    record_label = "Child record: missing episodes"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        episodes = list(MissingEpisode.objects.filter(child=self.child))
        for episode in episodes:
            episode.timeliness = episode.interview_offer_timeliness(now)
        context.update(
            episodes=episodes,
            screenings=ExploitationScreening.objects.filter(child=self.child),
            uasc_periods=UASCPeriod.objects.filter(child=self.child),
            care_url=care_page_url(self.child),
        )
        return context


class MissingFormView(CareHealthFormView):
    return_to = "care:missing-history"
    back_label = _("Back to missing episodes")


class MissingStartView(MissingFormView):
    """Record that the child went missing, or is away without authorisation."""

    form_class = forms.MissingStartForm
    heading = _("Record a missing episode")
    success_message = _("Missing episode recorded")
    record_label = "Child record: missing episode started"

    def unavailable(self) -> str:
        current = MissingEpisode.objects.filter(child=self.child, ended_at__isnull=True).first()
        if current is None:
            return ""
        return _("%(child)s has been missing since %(when)s: record the return first.") % {
            "child": self.child,
            "when": long_datetime(current.started_at),
        }

    def record(self, form: forms.MissingStartForm) -> MissingEpisode:
        data = form.cleaned_data
        return services.start_missing_episode(
            child=self.child,
            started_at=data["started_at"],
            kind=data["kind"],
            is_police_informed=data["is_police_informed"],
            police_reference=data["police_reference"],
            actor=self.request.user,
        )


class MissingEndView(MissingFormView):
    """Record the child's return from the open missing episode."""

    form_class = forms.MissingEndForm
    heading = _("Record the child's return")
    success_message = _("Return recorded: offer a return interview within 72 hours")
    record_label = "Child record: missing episode ended"

    def unavailable(self) -> str:
        if MissingEpisode.objects.filter(child=self.child, ended_at__isnull=True).exists():
            return ""
        return _("%(child)s is not missing.") % {"child": self.child}

    def record(self, form: forms.MissingEndForm) -> MissingEpisode:
        return services.end_missing_episode(
            child=self.child,
            ended_at=form.cleaned_data["ended_at"],
            where_found=form.cleaned_data["where_found"],
            actor=self.request.user,
        )


class ReturnedEpisodeMixin:
    """For the return interview pages: the ended episodes still waiting for this step."""

    child: Any
    waiting_for: str = "return_interview_offered_at"

    def episodes(self) -> QuerySet:
        return MissingEpisode.objects.filter(
            child=self.child, ended_at__isnull=False, **{f"{self.waiting_for}__isnull": True}
        ).order_by("-ended_at")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),  # type: ignore[misc]
            "episodes": self.episodes(),
            "chosen": self.chosen("episode") or self._latest(),  # type: ignore[attr-defined]
        }

    def _latest(self) -> str | None:
        latest = self.episodes().first()
        return str(latest.pk) if latest else None


class ReturnInterviewOfferView(ReturnedEpisodeMixin, MissingFormView):
    """Record that a return interview was offered."""

    form_class = forms.ReturnInterviewOfferForm
    heading = _("Record the offer of a return interview")
    success_message = _("Return interview offer recorded")
    record_label = "Child record: return interview offered"

    def unavailable(self) -> str:
        if self.episodes().exists():
            return ""
        return str(_("No missing episode that has ended is waiting for a return interview offer."))

    def record(self, form: forms.ReturnInterviewOfferForm) -> MissingEpisode:
        return services.offer_return_interview(
            child=self.child,
            offered_at=form.cleaned_data["offered_at"],
            episode=form.cleaned_data["episode"],
            actor=self.request.user,
        )


class ReturnInterviewView(ReturnedEpisodeMixin, MissingFormView):
    """Record the return interview, or that the child declined it."""

    form_class = forms.ReturnInterviewForm
    heading = _("Record the return interview")
    success_message = _("Return interview recorded")
    record_label = "Child record: return interview recorded"
    waiting_for = "return_interview_at"

    def unavailable(self) -> str:
        if self.episodes().exists():
            return ""
        return str(_("No missing episode that has ended is waiting for a return interview."))

    def record(self, form: forms.ReturnInterviewForm) -> MissingEpisode:
        data = form.cleaned_data
        return services.record_return_interview(
            child=self.child,
            interview_at=data["interview_at"],
            is_accepted=data["is_accepted"],
            episode=data["episode"],
            interviewed_by=data["interviewed_by"],
            push_factors=data["push_factors"],
            pull_factors=data["pull_factors"],
            risk=data["risk"],
            actor=self.request.user,
        )


class ExploitationScreeningCreateView(MissingFormView):
    """Record a screening of the child's risk of exploitation."""

    form_class = forms.ExploitationScreeningForm
    heading = _("Record an exploitation screening")
    success_message = _("Exploitation screening recorded")
    record_label = "Child record: exploitation screening recorded"

    def record(self, form: forms.ExploitationScreeningForm) -> ExploitationScreening:
        data = form.cleaned_data
        return services.screen_for_exploitation(
            child=self.child,
            screened_on=data["screened_on"],
            kind=data["kind"],
            risk_level=data["risk_level"],
            is_referred_to_complex_safeguarding=data["is_referred_to_complex_safeguarding"],
            notes=data["notes"],
            actor=self.request.user,
        )
