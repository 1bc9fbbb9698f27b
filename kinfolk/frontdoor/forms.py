"""Forms for the front door: a contact, a screening decision, a manager's sign-off or return
and the worker's answer, a contact's urgency and deadline, and the start and end of early
help."""

import datetime as dt
import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import ReferralSource
from kinfolk.core.forms import CaseworkForm, GovukDateField, MomentForm, time_field
from kinfolk.core.working_days import LONDON
from kinfolk.frontdoor.choices import ScreeningOutcome, Urgency

_TIME = re.compile(r"^(?P<hour>\d{1,2})[:.](?P<minute>\d{2})$")


class ContactForm(CaseworkForm):
    """A contact received at the front door, including a police notice of domestic abuse
    received out of hours (docs/domain.md stage 1 and finding 46)."""

    received_on = GovukDateField(label=_("Date received"), help_text=_("For example, 27 3 2025"))
    received_time = forms.CharField(
        label=_("Time received"),
        max_length=5,
        help_text=_("Use the 24-hour clock, for example 14:30"),
    )
    source = forms.ChoiceField(
        label=_("Source"),
        choices=[("", _("Choose where the contact came from")), *ReferralSource.choices],
    )
    contact_person = forms.CharField(
        label=_("Who made the contact"),
        max_length=200,
        required=False,
        help_text=_("Their name, role and organisation, for example PC Ali Khan, police"),
    )
    reference = forms.CharField(
        label=_("Reference"),
        max_length=40,
        required=False,
        help_text=_("The police or partner agency's own reference, if there is one"),
    )
    concern = forms.CharField(
        label=_("Concern"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What was reported, about whom, and what the child has said"),
    )
    is_domestic_abuse = forms.BooleanField(
        label=_("This is a notice of domestic abuse"), required=False
    )

    required_messages = {
        "received_on": _("Enter the date the contact was received"),
        "received_time": _("Enter the time the contact was received"),
        "source": _("Choose where the contact came from"),
        "concern": _("Enter the concern"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["received_time"].widget.attrs["class"] = "govuk-input govuk-input--width-5"
        self.fields["reference"].widget.attrs["class"] = "govuk-input govuk-input--width-20"

    def service_error_fields(self) -> dict[str, str]:
        # The service is given the moment received; its refusal belongs next to the date.
        return {"received_at": "received_on"}

    def clean_received_time(self) -> dt.time:
        match = _TIME.match(self.cleaned_data["received_time"].strip())
        hour, minute = (int(match["hour"]), int(match["minute"])) if match else (99, 99)
        if hour > 23 or minute > 59:
            raise forms.ValidationError(_("Enter a real time, for example 14:30"))
        return dt.time(hour, minute)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("received_on") and data.get("received_time"):
            data["received_at"] = timezone.make_aware(
                dt.datetime.combine(data["received_on"], data["received_time"]), LONDON
            )
        return data


class ScreeningForm(CaseworkForm):
    """The screening decision on a contact, with its urgency and rationale (docs/domain.md
    stage 2, finding 1)."""

    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=ScreeningOutcome.choices,
        widget=forms.RadioSelect,
        help_text=_("No further action and early help need a manager's sign-off"),
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        help_text=_("How quickly the decision must be acted on"),
    )
    rationale = forms.CharField(
        label=_("Rationale"),
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_(
            "Why you decided this: the history you considered, the threshold criteria you "
            "applied and what the child and family need"
        ),
    )

    required_messages = {
        "outcome": _("Choose the decision"),
        "urgency": _("Choose the urgency"),
        "rationale": _("Enter the rationale for the decision"),
    }


class UrgencyFields(MomentForm):
    """A contact's urgency and the date and time by which the front door must decide, as a
    manager sets them (docs/domain.md finding 1). The deadline is optional."""

    moments = ("respond_by",)

    urgency = forms.ChoiceField(
        label=_("Urgency"),
        choices=Urgency.choices,
        widget=forms.RadioSelect,
        help_text=_("How quickly the front door must act on the contact"),
    )
    respond_by_on = GovukDateField(
        label=_("Decide by: date"),
        required=False,
        help_text=_("The date by which the front door must decide, for example 27 3 2025"),
    )
    respond_by_time = time_field(_("Decide by: time"))

    required_messages = {"urgency": _("Choose the urgency")}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["respond_by_time"].required = False

    def clean(self) -> dict[str, Any]:
        day = self.cleaned_data.get("respond_by_on")
        time = (self.cleaned_data.get("respond_by_time") or "").strip()
        if day and not time:
            self.add_error("respond_by_time", _("Enter the time to decide by"))
        elif time and not day and "respond_by_on" not in self.errors:
            self.add_error("respond_by_on", _("Enter the date to decide by"))
        if not time:
            self.cleaned_data.pop("respond_by_time", None)
        data = super().clean()
        data.setdefault("respond_by_at", None)
        return data


class SignOffForm(UrgencyFields):
    """A manager agrees a no further action or early help decision with a rationale, or
    returns it to the worker with reasons; they may set the contact's urgency and deadline at
    the same time (docs/sign-off.md)."""

    AGREE, RETURN = "agree", "return"

    choice = forms.ChoiceField(
        label=_("Do you agree with the decision?"),
        choices=[
            (AGREE, _("Yes, I agree it")),
            (RETURN, _("No, return it to the worker")),
        ],
        widget=forms.RadioSelect,
    )
    rationale = forms.CharField(
        label=_("Your rationale, or your reasons for returning it"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_(
            "If you agree, why, in your own words. If you return it, what the worker must "
            "consider or change: they see your reasons and must answer them"
        ),
    )

    required_messages = {
        "choice": _("Choose whether you agree with the decision"),
        "rationale": _("Enter your rationale, or your reasons for returning the decision"),
        "urgency": _("Choose the urgency"),
    }

    field_order = ["choice", "rationale", "urgency", "respond_by_on", "respond_by_time"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # The urgency is the decision's unless the manager changes it.
        self.fields["urgency"].required = False


class AnswerForm(CaseworkForm):
    """The worker's answer to a manager's return of a screening decision: their response, and
    the decision and urgency, changed or not (docs/sign-off.md)."""

    response = forms.CharField(
        label=_("Your answer"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Answer each of the manager's reasons: what you considered, and what changed"),
    )
    outcome = forms.ChoiceField(
        label=_("Decision"),
        choices=ScreeningOutcome.choices,
        widget=forms.RadioSelect,
        help_text=_("Change it if the manager's reasons change your decision"),
    )
    urgency = forms.ChoiceField(
        label=_("Urgency"), choices=Urgency.choices, widget=forms.RadioSelect
    )

    required_messages = {
        "response": _("Enter your answer to the manager's reasons"),
        "outcome": _("Choose the decision"),
        "urgency": _("Choose the urgency"),
    }


class EarlyHelpStartForm(CaseworkForm):
    """The start of early help: from a screening decision, or a step-down from social care
    (docs/domain.md stage 3, finding 3)."""

    start_on = GovukDateField(label=_("Start date"), help_text=_("For example, 27 3 2025"))
    reason = forms.CharField(
        label=_("Why early help is starting"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example, the screening decision, or a step-down from social care after the "
            "child in need plan ended"
        ),
    )

    required_messages = {
        "start_on": _("Enter the date early help started"),
        "reason": _("Enter why early help is starting"),
    }


class EarlyHelpEndForm(CaseworkForm):
    """The end of early help: a step-up to social care, or the work is done (finding 3)."""

    end_on = GovukDateField(label=_("End date"), help_text=_("For example, 27 3 2025"))
    reason = forms.CharField(
        label=_("Why early help is ending"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "For example, a step-up to children's social care, or the family's needs are met"
        ),
    )

    required_messages = {
        "end_on": _("Enter the date early help ended"),
        "reason": _("Enter why early help is ending"),
    }
