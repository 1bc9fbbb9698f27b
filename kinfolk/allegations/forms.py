"""What the allegation pages parse. The rules are the services'."""

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import MATRIX, P
from kinfolk.allegations.choices import (
    Category,
    ConsiderationOutcome,
    EmployerAction,
    Outcome,
    Sector,
)
from kinfolk.allegations.services import RATIONALE_REQUIRED
from kinfolk.core.forms import (
    CaseworkForm,
    MomentForm,
    RowsMixin,
    date_field,
    text_area,
    time_field,
)
from kinfolk.workforce.models import User

BLANK = [("", _("Choose"))]


class AllegationForm(MomentForm):
    """The allegation as it was received."""

    moments = ("received",)

    child_ids = forms.CharField(
        label=_("Child ID of each child the allegation concerns"),
        help_text=_(
            "Separate Child IDs with commas. Only children known to Kinfolk can be chosen: "
            "record a child not yet known first."
        ),
        max_length=500,
    )
    person_name = forms.CharField(label=_("Name of the adult"), max_length=200)
    person_role = forms.CharField(label=_("Their role"), max_length=200, required=False)
    employer = forms.CharField(label=_("Employer"), max_length=200)
    sector = forms.ChoiceField(label=_("Sector the adult works in"), choices=BLANK + Sector.choices)
    referrer_name = forms.CharField(label=_("Who referred it"), max_length=200, required=False)
    referrer_sector = forms.ChoiceField(
        label=_("Referrer's sector"), choices=BLANK + Sector.choices, required=False
    )
    received_on = date_field(_("Date received"))
    received_time = time_field(_("Time received"))
    category = forms.ChoiceField(
        label=_("Category"), choices=Category.choices, widget=forms.RadioSelect
    )
    description = text_area(_("What is alleged"), rows=5)

    required_messages = {
        "child_ids": _("Enter the Child ID of each child the allegation concerns"),
        "person_name": _("Enter the name of the adult"),
        "employer": _("Enter the adult's employer"),
        "sector": _("Choose the sector the adult works in"),
        "received_on": _("Enter the date the allegation was received"),
        "received_time": _("Enter the time the allegation was received"),
        "category": _("Choose the category of the allegation"),
    }

    def clean_child_ids(self) -> list[str]:
        ids = [part for part in re.split(r"[\s,]+", self.cleaned_data["child_ids"]) if part]
        if not ids:
            raise forms.ValidationError(self.required_messages["child_ids"])
        return list(dict.fromkeys(ids))


class ConsiderationForm(CaseworkForm):
    """The initial consideration: its date, its outcome and the rationale, always."""

    considered_on = date_field(_("Date of the initial consideration"))
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=ConsiderationOutcome.choices, widget=forms.RadioSelect
    )
    rationale = text_area(
        _("Rationale"),
        rows=5,
        required=True,
        help_text=_("Why you decided this. Required even when the LADO has no further role."),
    )
    required_messages = {
        "considered_on": _("Enter the date of the initial consideration"),
        "outcome": _("Choose the outcome of the initial consideration"),
        "rationale": RATIONALE_REQUIRED,
    }


class MeetingForm(RowsMixin, CaseworkForm):
    """An allegation management meeting, its attendees and up to five actions."""

    row_prefix = "action"
    row_parts = (
        ("_text", _("Enter what action %(n)s is")),
        ("_owner", _("Enter who owns action %(n)s")),
        ("_due", _("Enter when action %(n)s is due")),
    )
    row_count = 5
    row_legend = _("Action")

    held_on = date_field(_("Date of the meeting"))
    attendees = text_area(
        _("Attendees"),
        rows=5,
        required=True,
        help_text=_("One a line: name, role and agency"),
    )
    notes = text_area(_("Notes"), rows=6)
    required_messages = {
        "held_on": _("Enter the date of the meeting"),
        "attendees": _("Enter who attended, one a line"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, self.row_count + 1):
            text, owner, due = self.row_names(number)
            self.fields[text] = forms.CharField(
                label=_("What"),
                max_length=500,
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input"}),
            )
            self.fields[owner] = forms.CharField(
                label=_("Owner (name and agency)"),
                max_length=200,
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input govuk-!-width-two-thirds"}),
            )
            self.fields[due] = date_field(_("Due"), required=False)

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["actions"] = self.clean_rows(data)
        return data


class OutcomeForm(CaseworkForm):
    outcome_on = date_field(_("Date of the outcome"))
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    employer_action = forms.ChoiceField(
        label=_("What the employer did"),
        choices=EmployerAction.choices,
        widget=forms.RadioSelect,
        required=False,
    )
    required_messages = {
        "outcome_on": _("Enter the date of the outcome"),
        "outcome": _("Choose the outcome of the allegation"),
    }


class CloseForm(CaseworkForm):
    closed_on = date_field(_("Date closed"))
    note = text_area(_("Closing note"), rows=3)
    required_messages = {"closed_on": _("Enter the date the allegation was closed")}


class ActionDoneForm(CaseworkForm):
    done_on = date_field(_("Date it was done"))
    required_messages = {"done_on": _("Enter the date the action was done")}


def staff_who_may_be_named() -> Any:
    """Active staff who do not read every allegation already."""
    ladoes = [role.value for role, grants in MATRIX.items() if P.RECORD_ALLEGATION in grants]
    return User.objects.filter(is_active=True).exclude(role__in=ladoes).order_by("display_name")


class ReaderForm(CaseworkForm):
    """Someone else who may read the allegation, and why."""

    user = forms.ModelChoiceField(
        label=_("Who may read it"), queryset=User.objects.none(), empty_label=str(_("Choose"))
    )
    reason = forms.CharField(label=_("Why they may read it"), max_length=300)
    required_messages = {
        "user": _("Choose who may read the allegation"),
        "reason": _("Give the reason they may read the allegation"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["user"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = staff_who_may_be_named()
        field.label_from_instance = lambda user: f"{user.display_name} ({user.get_role_display()})"
