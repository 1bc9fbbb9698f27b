"""Forms for recording permanence and fostering households.

The forms only parse what was typed; the rules (one open adoption decision, adopters' sex
and legal status that agree, temporary approval for connected persons only) are the
services', whose messages the forms show next to the field they are about.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import (
    AdoptersLegalStatus,
    AdoptersSex,
    PreviousPermanence,
    ReasonNoLongerPlacedForAdoption,
)
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.permanence.choices import NUMBER_OF_ADOPTERS, HouseholdKind, PermanenceMatchKind
from kinfolk.permanence.models import FosterCarer, FosteringHousehold


def short_text(
    label: str, *, width: int = 20, required: bool = True, **kwargs: Any
) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        widget=forms.TextInput(attrs={"class": f"govuk-input govuk-input--width-{width}"}),
        **kwargs,
    )


def radios(label: str, choices: Any, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **kwargs)


class AdoptionDecisionForm(CaseworkForm):
    """The agency decision maker's decision that the child should be placed for adoption."""

    decided_on = date_field(_("Date of the decision"))
    required_messages = {"decided_on": _("Enter the date of the decision")}


class AdoptionReversalForm(CaseworkForm):
    """The decision that the child should no longer be placed for adoption, and why."""

    reversed_on = date_field(
        _("Date of the decision that the child should no longer be placed for adoption")
    )
    reason = radios(_("Reason"), ReasonNoLongerPlacedForAdoption.choices)
    detail = text_area(
        _("More about the reason"), help_text=_("Needed when the reason is any other reason")
    )
    required_messages = {
        "reversed_on": _("Enter the date of the decision"),
        "reason": _("Choose why the child should no longer be placed for adoption"),
    }


class AdoptionMatchForm(CaseworkForm):
    """The match with adopters, after the matching panel (SSDA903 AD1)."""

    panel_on = date_field(_("Date of the matching panel"))
    matched_on = date_field(
        _("Date of the decision to match"),
        help_text=_(
            "The agency decision maker's decision, after the panel. For example, 27 3 2026"
        ),
    )
    number_of_adopters = forms.TypedChoiceField(
        label=_("Number of adopters"),
        choices=NUMBER_OF_ADOPTERS,
        coerce=int,
        widget=forms.RadioSelect,
    )
    adopters_sex = radios(_("Adopters' sex"), AdoptersSex.choices)
    adopters_legal_status = radios(_("Adopters' legal status"), AdoptersLegalStatus.choices)
    is_former_foster_carers = yes_no_field(_("Were the adopters the child's foster carers?"))
    moved_in_on = date_field(
        _("Date the child moved in with the adopters"),
        required=False,
        help_text=_(
            "If known. For a foster-to-adopt placement, the day the child moved in with them as "
            "foster carers. For example, 27 3 2026"
        ),
    )
    adopters_names = short_text(_("Adopters' names"), required=False)
    required_messages = {
        "panel_on": _("Enter the date of the matching panel"),
        "matched_on": _("Enter the date of the decision to match"),
        "number_of_adopters": _("Choose one adopter or two"),
        "adopters_sex": _("Choose the adopters' sex"),
        "adopters_legal_status": _("Choose the adopters' legal status"),
        "is_former_foster_carers": _("Select whether the adopters were the child's foster carers"),
    }


class PreviousPermanenceForm(CaseworkForm):
    """The permanence the child had before coming into care (SSDA903 PrevPerm)."""

    code = radios(_("Previous permanence"), PreviousPermanence.choices)
    order_on = date_field(
        _("Date of the order"),
        required=False,
        help_text=_("If known. Leave blank when there was no previous permanence option"),
    )
    local_authority = short_text(
        _("Local authority that made the order"),
        width=4,
        required=False,
        help_text=_(
            "Its 3-digit number, or 999 if not known, NIR, NUK (outside the UK), SCO or WAL"
        ),
    )
    required_messages = {"code": _("Choose the child's previous permanence")}


class PermanenceMatchForm(CaseworkForm):
    """Special guardians or long-term foster carers confirmed as the child's permanent
    carers."""

    kind = radios(_("Kind of permanence"), PermanenceMatchKind.choices)
    carers = short_text(_("Carers' names"), width=30)
    household = forms.ModelChoiceField(
        label=_("Fostering household"),
        queryset=FosteringHousehold.objects.none(),
        required=False,
        empty_label=_("Not a fostering household of ours"),
    )
    matched_on = date_field(_("Date the carers were confirmed"))
    panel_on = date_field(
        _("Date of the permanence panel"),
        required=False,
        help_text=_("Needed for long-term fostering. For example, 27 3 2026"),
    )
    assessment_on = date_field(
        _("Date the special guardianship assessment was completed"),
        required=False,
        help_text=_("Special guardianship only. For example, 27 3 2026"),
    )
    support_plan_on = date_field(
        _("Date the special guardianship support plan was agreed"),
        required=False,
        help_text=_("Special guardianship only. For example, 27 3 2026"),
    )
    order_on = date_field(
        _("Date of the special guardianship order"),
        required=False,
        help_text=_("If the court has made it. For example, 27 3 2026"),
    )
    notes = text_area(_("Notes"))
    required_messages = {
        "kind": _("Choose special guardianship or long-term fostering"),
        "carers": _("Enter the carers' names"),
        "matched_on": _("Enter the date the carers were confirmed"),
    }

    def __init__(self, *args: Any, households: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["household"].queryset = households


class HouseholdForm(CaseworkForm):
    """A household the fostering service is assessing, with one or two carers."""

    name = short_text(
        _("Household name"), width=30, help_text=_("For example, The Okafor household")
    )
    postcode = short_text(_("Postcode"), width=10)
    kind = radios(_("Kind of fostering"), HouseholdKind.choices)
    carer_first_name = short_text(_("First carer's first name"))
    carer_last_name = short_text(_("First carer's last name"))
    second_carer_first_name = short_text(_("Second carer's first name"), required=False)
    second_carer_last_name = short_text(_("Second carer's last name"), required=False)
    required_messages = {
        "name": _("Enter the household's name"),
        "postcode": _("Enter the postcode"),
        "kind": _("Choose the kind of fostering"),
        "carer_first_name": _("Enter the first carer's first name"),
        "carer_last_name": _("Enter the first carer's last name"),
    }

    def service_error_fields(self) -> dict[str, str]:
        return {"carers": "second_carer_first_name"}

    def carers(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        return [
            (data["carer_first_name"], data["carer_last_name"]),
            (data["second_carer_first_name"], data["second_carer_last_name"]),
        ]


class TemporaryApprovalForm(CaseworkForm):
    """A connected person's temporary approval (Care Planning Regulations 2010, reg. 24)."""

    approved_on = date_field(_("Date of the temporary approval"))
    required_messages = {"approved_on": _("Enter the date of the temporary approval")}


class ExtensionForm(CaseworkForm):
    """The one extension of a temporary approval (Care Planning Regulations 2010, reg. 25)."""

    extended_on = date_field(_("Date of the extension"))
    reason = text_area(
        _("Why the assessment is not complete"),
        required=True,
        help_text=_("The extension is for 8 weeks, once only"),
    )
    required_messages = {
        "extended_on": _("Enter the date of the extension"),
        "reason": _("Say why the assessment is not complete and the approval is extended"),
    }


class ApprovalForm(CaseworkForm):
    """The fostering panel's recommendation and the approval that follows it."""

    panel_on = date_field(_("Date of the fostering panel"))
    approved_on = date_field(_("Date of approval"))
    terms = text_area(
        _("Terms of approval"),
        required=True,
        help_text=_("How many children, of what ages, and for what kind of care"),
    )
    required_messages = {
        "panel_on": _("Enter the date of the fostering panel"),
        "approved_on": _("Enter the date of approval"),
        "terms": _("Enter the terms of approval"),
    }


class TrainingRecordForm(CaseworkForm):
    """An entry of the household's training log."""

    course = short_text(_("Course"), width=30)
    carer = forms.ModelChoiceField(
        label=_("Who attended"),
        queryset=FosterCarer.objects.none(),
        required=False,
        empty_label=_("The whole household"),
    )
    completed_on = date_field(_("Date completed"))
    hours = forms.IntegerField(
        label=_("Hours"),
        required=False,
        widget=forms.TextInput(
            attrs={"class": "govuk-input govuk-input--width-3", "inputmode": "numeric"}
        ),
        error_messages={"invalid": _("Enter the hours as a whole number from 1 to 200")},
    )
    required_messages = {
        "course": _("Enter the name of the course"),
        "completed_on": _("Enter the date the course was completed"),
    }

    def __init__(self, *args: Any, carers: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["carer"].queryset = carers
        self.fields["carer"].label_from_instance = lambda carer: carer.full_name


class DevelopmentGoalForm(CaseworkForm):
    """An objective of the household's development plan."""

    goal = text_area(_("Development goal"), required=True)
    due_on = date_field(_("To be achieved by"), help_text=_("For example, 27 3 2027"))
    required_messages = {
        "goal": _("Enter the development goal"),
        "due_on": _("Enter the date it should be achieved by"),
    }
