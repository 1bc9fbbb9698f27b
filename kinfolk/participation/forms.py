"""The forms of voice and participation: they parse what was typed; the services decide."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.participation.choices import (
    AdvocacyReason,
    AgeAssessmentOutcome,
    AgeBand,
    ImmigrationStatus,
    OfferAnswer,
    ToldHow,
)
from kinfolk.participation.models import AdvocacyTheme

#: A short box for a count.
NUMBER = {"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"}
WHOLE = {
    "invalid": _("Enter the number as a whole number"),
    "min_value": _("Enter the number as a whole number"),
}


def radios(label: Any, choices: Any, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **kwargs)


class OfferForm(CaseworkForm):
    offered_on = date_field(_("Date offered"))
    offered_by = forms.CharField(label=_("Offered by"), max_length=200)
    answer = radios(_("The child's answer"), OfferAnswer.choices)
    required_messages = {
        "offered_on": _("Enter the date offered"),
        "offered_by": _("Enter who offered the visitor"),
        "answer": _("Choose the child's answer"),
    }


class ChosenOfferForm(CaseworkForm):
    """A form about one offer, chosen on the page or fixed by ``?offer=``."""

    offer = forms.ModelChoiceField(label=_("Offer"), queryset=None)

    def __init__(self, *args: Any, offers: Any, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one(
            "offer",
            offers,
            chosen,
            label=lambda offer: f"Offered on {offer.offered_on:%-d %B %Y} by {offer.offered_by}",
            caption=_("Independent visitor"),
        )


class AnswerForm(ChosenOfferForm):
    answer = radios(
        _("The child's answer"), [c for c in OfferAnswer.choices if c[0] != OfferAnswer.THINKING]
    )
    answered_on = date_field(_("Date the child answered"))
    required_messages = {
        "answer": _("Choose whether the child accepted or declined"),
        "answered_on": _("Enter the date the child answered"),
    }


class MatchForm(ChosenOfferForm):
    visitor_name = forms.CharField(label=_("Visitor's name"), max_length=200)
    matched_on = date_field(_("Date matched"))
    first_visit_on = date_field(_("Date of the first visit"), required=False)
    required_messages = {
        "visitor_name": _("Enter the visitor's name"),
        "matched_on": _("Enter the date matched"),
    }


class EndOfferForm(ChosenOfferForm):
    ended_on = date_field(_("Date it ended"))
    required_messages = {"ended_on": _("Enter the date it ended")}


class ReferralForm(CaseworkForm):
    referred_on = date_field(_("Date referred"))
    reason = radios(_("Reason"), AdvocacyReason.choices)
    reason_detail = forms.CharField(
        label=_("More about the reason"), max_length=300, required=False
    )
    service = forms.CharField(label=_("Advocacy service"), max_length=200)
    required_messages = {
        "referred_on": _("Enter the date referred"),
        "reason": _("Choose the reason for the referral"),
        "service": _("Enter the advocacy service"),
    }


class AdvocacyForm(CaseworkForm):
    referral = forms.ModelChoiceField(label=_("Referral"), queryset=None)
    started_on = date_field(_("Date advocacy started"), required=False)
    ended_on = date_field(_("Date advocacy ended"), required=False)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes the advocate raised"),
        queryset=AdvocacyTheme.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"),
    )
    themes_text = text_area(_("What the advocate raised"))

    def __init__(self, *args: Any, referrals: Any, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one(
            "referral",
            referrals,
            chosen,
            label=lambda r: f"Referred on {r.referred_on:%-d %B %Y} to {r.service}",
            caption=_("Advocacy referral"),
        )
        self.fields["themes"].queryset = AdvocacyTheme.objects.filter(is_active=True)  # type: ignore[attr-defined]


class ThemeForm(CaseworkForm):
    name = forms.CharField(label=_("Theme"), max_length=100)
    required_messages = {"name": _("Enter the theme")}


class ToldForm(CaseworkForm):
    told_on = date_field(_("Date told"))
    told_by = forms.CharField(label=_("Told by"), max_length=200)
    how = radios(_("How"), ToldHow.choices)
    required_messages = {
        "told_on": _("Enter the date the child was told"),
        "told_by": _("Enter who told the child"),
        "how": _("Choose how the child was told"),
    }


class TransitionPlanForm(CaseworkForm):
    started_on = date_field(_("Date the plan started"))
    adult_services = text_area(_("Adult services involved"), rows=3, required=True)
    aspirations = text_area(_("The young person's aspirations"), rows=4, required=True)
    next_review_on = date_field(_("Next review due"))
    required_messages = {
        "started_on": _("Enter the date the plan started"),
        "adult_services": _("Enter the adult services involved"),
        "aspirations": _("Enter the young person's aspirations"),
        "next_review_on": _("Enter when the next review is due"),
    }


class TransitionReviewForm(CaseworkForm):
    plan = forms.ModelChoiceField(label=_("Plan"), queryset=None)
    reviewed_on = date_field(_("Date of the review"))
    adult_services = text_area(_("Adult services involved"), rows=3, required=True)
    aspirations = text_area(_("The young person's aspirations"), rows=4, required=True)
    next_review_on = date_field(_("Next review due"))
    required_messages = {
        "reviewed_on": _("Enter the date of the review"),
        "adult_services": _("Enter the adult services involved"),
        "aspirations": _("Enter the young person's aspirations"),
        "next_review_on": _("Enter when the next review is due"),
    }

    def __init__(self, *args: Any, plans: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one(
            "plan",
            plans,
            None,
            label=lambda p: f"Started on {p.started_on:%-d %B %Y}",
            caption=_("Transition plan"),
        )


class InterpreterForm(CaseworkForm):
    is_needed = yes_no_field(_("Does the child need an interpreter?"))
    languages = forms.CharField(
        label=_("Languages"), max_length=300, required=False, help_text=_("For example, Tigrinya")
    )
    required_messages = {"is_needed": _("Say whether the child needs an interpreter")}


class AgeAssessmentForm(CaseworkForm):
    assessed_on = date_field(_("Date of the assessment"))
    assessed_by = forms.CharField(label=_("Assessed by"), max_length=200)
    outcome = radios(_("Outcome"), AgeAssessmentOutcome.choices)
    assessed_date_of_birth = date_field(
        _("Assessed date of birth"),
        required=False,
        help_text=_(
            "When the assessed age differs. It is kept with the assessment; the child's date "
            "of birth is changed, if at all, on the identity page"
        ),
    )
    required_messages = {
        "assessed_on": _("Enter the date of the assessment"),
        "assessed_by": _("Enter who assessed the child's age"),
        "outcome": _("Choose the outcome of the assessment"),
    }


class ImmigrationStatusForm(CaseworkForm):
    status = radios(_("Immigration status"), ImmigrationStatus.choices)
    status_on = date_field(_("Date of the status"))
    detail = forms.CharField(label=_("More about the status"), max_length=300, required=False)
    next_step = forms.CharField(label=_("Next step"), max_length=300, required=False)
    required_messages = {
        "status": _("Choose the immigration status"),
        "status_on": _("Enter the date of the status"),
    }


class ConsultationForm(CaseworkForm):
    held_on = date_field(_("Date of the consultation"))
    topic = forms.CharField(label=_("Topic"), max_length=200)
    children_said = text_area(_("What the children said"), rows=5, required=True)
    council_did = text_area(_("What the council did"), rows=5)
    action_by = forms.CharField(label=_("By whom"), max_length=200, required=False)
    fed_back_on = date_field(_("Date fed back to the children"), required=False)
    participants = forms.CharField(
        label=_("Children in care who took part"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Their child IDs, separated by commas or spaces"),
    )
    count_under_11 = forms.IntegerField(
        label=_("Others taking part, not named: under 11"),
        min_value=0,
        required=False,
        widget=forms.TextInput(attrs=NUMBER),
        error_messages=WHOLE,
    )
    count_11_15 = forms.IntegerField(
        label=_("Others taking part, not named: 11 to 15"),
        min_value=0,
        required=False,
        widget=forms.TextInput(attrs=NUMBER),
        error_messages=WHOLE,
    )
    count_16_17 = forms.IntegerField(
        label=_("Others taking part, not named: 16 and 17"),
        min_value=0,
        required=False,
        widget=forms.TextInput(attrs=NUMBER),
        error_messages=WHOLE,
    )
    count_18_plus = forms.IntegerField(
        label=_("Others taking part, not named: 18 and over"),
        min_value=0,
        required=False,
        widget=forms.TextInput(attrs=NUMBER),
        error_messages=WHOLE,
    )
    required_messages = {
        "held_on": _("Enter the date of the consultation"),
        "topic": _("Enter the topic"),
        "children_said": _("Enter what the children said"),
    }

    def clean_participants(self) -> list[str]:
        text = self.cleaned_data.get("participants") or ""
        return [part for part in text.replace(",", " ").split() if part]

    def counts(self) -> dict[str, int]:
        return {band: self.cleaned_data.get(f"count_{band}") or 0 for band in AgeBand.values}


class FeedbackForm(CaseworkForm):
    council_did = text_area(_("What the council did"), rows=5, required=True)
    action_by = forms.CharField(label=_("By whom"), max_length=200, required=False)
    fed_back_on = date_field(_("Date fed back to the children"))
    required_messages = {
        "council_did": _("Enter what the council did"),
        "fed_back_on": _("Enter the date fed back"),
    }
