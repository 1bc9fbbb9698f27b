"""Pages for a child's missing episodes and return interviews, and exploitation screening,
under ``/children/<pk>/care/missing/`` and ``.../exploitation/`` (docs/domain.md stages 22 and
23)."""

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.care.forms import missing as forms
from kinfolk.care.models import ExploitationScreening, MissingEpisode, UASCPeriod
from kinfolk.care.services.missing import (
    MISSING,
    NOT_MISSING,
    RETURN_INTERVIEW_AWAITED,
    RETURN_INTERVIEW_OFFER_AWAITED,
    end_missing_episode,
    episodes_awaiting,
    offer_return_interview,
    record_return_interview,
    screen_for_exploitation,
    start_missing_episode,
)
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView


class MissingHistoryView(ChildRecordMixin, TemplateView):
    """Every missing episode with its duration and whether a return interview was offered
    within 72 hours, and the exploitation screenings (docs/domain.md stage 22: repeat episodes,
    late interviews, links to exploitation)."""

    permission = P.VIEW_RECORD

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
            care_url=reverse("care:child-care", args=[self.child.pk]),
        )
        return context


class MissingFormView(ChildRecordFormView):
    """A page that records a step of a missing episode, an exploitation screening or UASC
    status, and returns to the missing episodes."""

    back_url_name = "care:missing-history"
    back_label = _("Back to missing episodes")


class MissingStartView(MissingFormView):
    """Record that the child went missing, or is away without authorisation."""

    permission = P.RECORD_CASEWORK

    form_class = forms.MissingStartForm
    service = staticmethod(start_missing_episode)
    guard = NOT_MISSING
    heading = _("Record a missing episode")
    success_message = _("Missing episode recorded")
    record_label = "Child record: missing episode started"


class MissingEndView(MissingFormView):
    """Record the child's return from the open missing episode."""

    permission = P.RECORD_CASEWORK

    form_class = forms.MissingEndForm
    service = staticmethod(end_missing_episode)
    guard = MISSING
    heading = _("Record the child's return")
    success_message = _("Return recorded: offer a return interview within 72 hours")
    record_label = "Child record: missing episode ended"


class ReturnedEpisodeView(MissingFormView):
    """A return interview page: the ended episodes still waiting for this step
    (``waiting_for``), the latest chosen unless the page was opened for another."""

    waiting_for: str = "return_interview_offered_at"

    def get_form_kwargs(self) -> dict[str, Any]:
        episodes = episodes_awaiting(self.child, self.waiting_for)
        latest = episodes.first()
        return {
            **super().get_form_kwargs(),
            "episodes": episodes,
            "chosen": self.chosen("episode") or (str(latest.pk) if latest else None),
        }


class ReturnInterviewOfferView(ReturnedEpisodeView):
    """Record that a return interview was offered."""

    permission = P.RECORD_CASEWORK

    form_class = forms.ReturnInterviewOfferForm
    service = staticmethod(offer_return_interview)
    guard = RETURN_INTERVIEW_OFFER_AWAITED
    heading = _("Record the offer of a return interview")
    success_message = _("Return interview offer recorded")
    record_label = "Child record: return interview offered"


class ReturnInterviewView(ReturnedEpisodeView):
    """Record the return interview, or that the child declined it."""

    permission = P.RECORD_CASEWORK

    form_class = forms.ReturnInterviewForm
    service = staticmethod(record_return_interview)
    guard = RETURN_INTERVIEW_AWAITED
    waiting_for = "return_interview_at"
    heading = _("Record the return interview")
    success_message = _("Return interview recorded")
    record_label = "Child record: return interview recorded"


class ExploitationScreeningCreateView(MissingFormView):
    """Record a screening of the child's risk of exploitation."""

    permission = P.RECORD_CASEWORK

    form_class = forms.ExploitationScreeningForm
    service = staticmethod(screen_for_exploitation)
    heading = _("Record an exploitation screening")
    success_message = _("Exploitation screening recorded")
    record_label = "Child record: exploitation screening recorded"
