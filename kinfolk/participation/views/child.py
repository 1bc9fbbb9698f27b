"""The child's voice and participation record, under ``/children/<pk>/participation/``, and
the pages that record each step on it."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.care.services.uasc import open_uasc_period
from kinfolk.core.codes import Disability
from kinfolk.participation import forms, services
from kinfolk.participation.choices import OfferAnswer
from kinfolk.participation.models import (
    AdvocacyReferral,
    AgeAssessment,
    ConsultationParticipant,
    ImmigrationStatusRecord,
    IndependentVisitorOffer,
    Interpreter,
    ToldHowToComplain,
    TransitionPlan,
)
from kinfolk.participation.services.common import DISABLED, LOOKED_AFTER, UASC_KNOWN
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView

BACK_URL_NAME = "participation:child"
BACK_LABEL = _("Back to voice and participation")


class ChildParticipationView(ChildRecordMixin, TemplateView):
    """Everything the child's voice and participation record holds. A fixed number of
    queries however many records there are."""

    permission = P.VIEW_RECORD
    template_name = "participation/child.html"
    record_label = "Child record: voice and participation"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        child = self.child
        disabled = child.disabilities.exclude(code=Disability.NONE).exists()
        uasc = child.uasc_periods.exists()
        context.update(
            offers=list(IndependentVisitorOffer.objects.filter(child=child)),
            referrals=list(AdvocacyReferral.objects.filter(child=child).prefetch_related("themes")),
            told=list(ToldHowToComplain.objects.filter(child=child)),
            consultations=list(
                ConsultationParticipant.objects.filter(child=child)
                .select_related("consultation")
                .order_by("-consultation__held_on")
            ),
            plan=TransitionPlan.objects.filter(child=child).first(),
            disabled=disabled,
            uasc=uasc,
            uasc_period=open_uasc_period(child) if uasc else None,
            interpreter=Interpreter.objects.filter(child=child).first() if uasc else None,
            age_assessments=list(AgeAssessment.objects.filter(child=child)) if uasc else [],
            statuses=list(ImmigrationStatusRecord.objects.filter(child=child)) if uasc else [],
            in_care=LOOKED_AFTER.holds(child),
            may_record=allows(self.request.user, P.RECORD_CASEWORK, team_id=self.holding_team_id),
        )
        return context


class ParticipationFormView(ChildRecordFormView):
    permission = P.RECORD_CASEWORK
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class OfferCreateView(ParticipationFormView):
    form_class = forms.OfferForm
    service = staticmethod(services.offer_independent_visitor)
    guard = LOOKED_AFTER
    heading = _("Offer an independent visitor")
    intro = _("An independent visitor is a volunteer who befriends a child in care.")
    success_message = _("Offer of an independent visitor recorded")
    record_label = "Child record: independent visitor offered"

    def get_initial(self) -> dict[str, Any]:
        return {"offered_by": self.request.user.display_name}


class OfferFormView(ParticipationFormView):
    """A step on one of the child's offers."""

    child_argument = None
    edits = "offer"
    #: What the offers offered must be.
    answers: tuple[str, ...] = (OfferAnswer.ACCEPTED,)
    empty = _("There is no offer to record this on.")

    def offers(self) -> QuerySet[IndependentVisitorOffer]:
        return IndependentVisitorOffer.objects.filter(
            child=self.child, answer__in=self.answers, ended_on__isnull=True
        )

    def unavailable(self) -> str:
        return "" if self.offers().exists() else str(self.empty)

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(offers=self.offers(), chosen=self.chosen("offer"))
        return kwargs


class OfferAnswerView(OfferFormView):
    form_class = forms.AnswerForm
    service = staticmethod(services.answer_independent_visitor)
    answers = (OfferAnswer.THINKING,)
    empty = _("No offer is waiting for the child's answer.")
    heading = _("Record the child's answer")
    success_message = _("Answer recorded")
    record_label = "Child record: independent visitor answer"


class OfferMatchView(OfferFormView):
    form_class = forms.MatchForm
    service = staticmethod(services.match_independent_visitor)
    empty = _("No accepted offer is open: offer an independent visitor first.")
    heading = _("Match an independent visitor")
    success_message = _("Independent visitor matched")
    record_label = "Child record: independent visitor matched"


class OfferEndView(OfferFormView):
    form_class = forms.EndOfferForm
    service = staticmethod(services.end_independent_visitor)
    answers = (OfferAnswer.ACCEPTED, OfferAnswer.THINKING)
    empty = _("No independent visitor is open.")
    heading = _("End an independent visitor")
    success_message = _("Independent visitor ended")
    record_label = "Child record: independent visitor ended"


class ReferralCreateView(ParticipationFormView):
    form_class = forms.ReferralForm
    service = staticmethod(services.refer_to_advocacy)
    heading = _("Refer to advocacy")
    success_message = _("Advocacy referral recorded")
    record_label = "Child record: advocacy referral"


class AdvocacyUpdateView(ParticipationFormView):
    form_class = forms.AdvocacyForm
    service = staticmethod(services.record_advocacy)
    heading = _("Record advocacy and the themes raised")
    success_message = _("Advocacy recorded")
    record_label = "Child record: advocacy recorded"
    child_argument = None
    edits = "referral"

    def referrals(self) -> QuerySet[AdvocacyReferral]:
        return AdvocacyReferral.objects.filter(child=self.child)

    def unavailable(self) -> str:
        return "" if self.referrals().exists() else str(_("There is no advocacy referral."))

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(referrals=self.referrals(), chosen=self.chosen("referral"))
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        chosen = self.chosen("referral")
        referral = self.referrals().filter(pk=chosen).first() if chosen else None
        if referral is None:
            return {}
        return {
            "started_on": referral.started_on,
            "ended_on": referral.ended_on,
            "themes": list(referral.themes.all()),
            "themes_text": referral.themes_text,
        }


class ToldCreateView(ParticipationFormView):
    form_class = forms.ToldForm
    service = staticmethod(services.record_told_how_to_complain)
    guard = LOOKED_AFTER
    heading = _("Record that the child was told how to complain")
    intro = _("How to make a complaint, and about the children in care council.")
    success_message = _("Recorded that the child was told how to complain")
    record_label = "Child record: told how to complain"

    def get_initial(self) -> dict[str, Any]:
        return {"told_by": self.request.user.display_name}


class TransitionPlanCreateView(ParticipationFormView):
    form_class = forms.TransitionPlanForm
    service = staticmethod(services.start_transition_plan)
    guard = DISABLED
    heading = _("Start a transition plan")
    success_message = _("Transition plan started")
    record_label = "Child record: transition plan started"


class TransitionPlanReviewView(ParticipationFormView):
    form_class = forms.TransitionReviewForm
    service = staticmethod(services.review_transition_plan)
    heading = _("Review the transition plan")
    success_message = _("Transition plan reviewed")
    record_label = "Child record: transition plan reviewed"
    child_argument = None
    edits = "plan"

    def unavailable(self) -> str:
        if TransitionPlan.objects.filter(child=self.child).exists():
            return ""
        return str(_("There is no transition plan to review."))

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["plans"] = TransitionPlan.objects.filter(child=self.child)
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        plan = TransitionPlan.objects.filter(child=self.child).first()
        if plan is None:
            return {}
        return {"adult_services": plan.adult_services, "aspirations": plan.aspirations}


class InterpreterView(ParticipationFormView):
    form_class = forms.InterpreterForm
    service = staticmethod(services.record_interpreter)
    guard = UASC_KNOWN
    heading = _("Record whether an interpreter is needed")
    success_message = _("Interpreter recorded")
    record_label = "Child record: interpreter"

    def get_initial(self) -> dict[str, Any]:
        record = Interpreter.objects.filter(child=self.child).first()
        if record is None:
            return {}
        return {"is_needed": "yes" if record.is_needed else "no", "languages": record.languages}


class AgeAssessmentCreateView(ParticipationFormView):
    form_class = forms.AgeAssessmentForm
    service = staticmethod(services.record_age_assessment)
    guard = UASC_KNOWN
    heading = _("Record an age assessment")
    success_message = _("Age assessment recorded")
    record_label = "Child record: age assessment"


class ImmigrationStatusCreateView(ParticipationFormView):
    form_class = forms.ImmigrationStatusForm
    service = staticmethod(services.record_immigration_status)
    guard = UASC_KNOWN
    heading = _("Record immigration status")
    success_message = _("Immigration status recorded")
    record_label = "Child record: immigration status"
