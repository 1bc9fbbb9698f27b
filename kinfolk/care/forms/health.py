"""Forms for the health of a child in care: statutory health assessments with the actions of
their health plans, and the SSDA903 OC2 checks and outcomes.

The forms only parse what was typed. The rules (looked after on the date, one initial
assessment, a score or a reason for an SDQ) live in ``kinfolk.care.services.health``, whose
messages the forms show next to the field they are about.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.forms.fields import radios, text_field
from kinfolk.care.models import (
    HealthAssessment,
    HealthAssessmentKind,
    HealthConsent,
    HealthPlanAction,
)
from kinfolk.care.services.health import ActionInput
from kinfolk.core.codes import SDQReason
from kinfolk.core.dates import long_date
from kinfolk.core.forms import CaseworkForm, RowsMixin, date_field, text_area, yes_no_field


class ActionRowsForm(RowsMixin, CaseworkForm):
    """A form with rows of what needs to happen, who will do it and by when: the actions of a
    health plan, the SMART targets of a PEP. A row begun but not complete is an error on its
    first gap; each complete row is an ``ActionInput``."""

    row_parts = (
        ("_description", _("Enter what needs to happen")),
        ("_owner", _("Enter who will do it")),
        ("_due_on", _("Enter when")),
    )
    row_first_gap_only = True
    #: The label of the first field of each row: what the action or target is.
    row_what: Any = ""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for number in range(1, self.row_count + 1):
            description, owner, due_on = self.row_names(number)
            self.fields[description] = text_field(
                self.row_what,
                required=False,
                max_length=300,
                widget=forms.TextInput(attrs={"class": "govuk-input"}),
            )
            self.fields[owner] = text_field(
                _("Who"),
                required=False,
                widget=forms.TextInput(attrs={"class": "govuk-input govuk-!-width-two-thirds"}),
            )
            self.fields[due_on] = date_field(_("By when"), required=False)

    def clean_actions(self, data: dict[str, Any]) -> list[ActionInput]:
        """The complete rows, as the services take them."""
        return [
            ActionInput(row["_description"], row["_owner"], row["_due_on"])
            for row in self.clean_rows(data)
        ]


class HealthAssessmentForm(ActionRowsForm):
    """A statutory health assessment, with the first actions of its health plan."""

    row_prefix, row_count, row_legend = "action", 2, _("Health plan action")
    row_what = _("What needs to happen")
    row_hint = _("If the plan has actions: what needs to happen, who will do it and by when")

    assessed_on = date_field(_("Date of the assessment"))
    kind = radios(_("Kind of assessment"), HealthAssessmentKind.choices)
    assessed_by = text_field(
        _("Who carried out the assessment"), help_text=_("Name and role, for example Dr Rao, GP")
    )
    consent = radios(_("Who consented"), HealthConsent.choices)
    is_health_passport_given = yes_no_field(
        _("Was a health passport given?"),
        required=False,
        help_text=_("Young people get a health passport from age 11"),
    )
    summary = text_area(_("Summary of health needs"))
    required_messages = {
        "assessed_on": _("Enter the date of the assessment"),
        "kind": _("Choose initial or review health assessment"),
        "assessed_by": _("Enter who carried out the assessment"),
        "consent": _("Choose who consented to the assessment"),
    }

    def service_error_fields(self) -> dict[str, str]:
        return {"actions": "action_1_description"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["actions"] = self.clean_actions(data)
        return data


def action_label(action: HealthPlanAction) -> str:
    return _("%(what)s (%(owner)s, due %(date)s)") % {
        "what": action.description,
        "owner": action.owner,
        "date": long_date(action.due_on),
    }


class HealthPlanActionForm(CaseworkForm):
    """An action added to the health plan of an assessment."""

    assessment = forms.ModelChoiceField(
        label=_("Which assessment?"),
        queryset=HealthAssessment.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    description = text_field(_("What needs to happen"), max_length=300)
    owner = text_field(_("Who will do it"))
    due_on = date_field(_("Due by"))
    required_messages = {
        "description": _("Enter what needs to happen"),
        "owner": _("Enter who will do it"),
        "due_on": _("Enter when it is due"),
    }

    def __init__(
        self, *args: Any, assessments: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "assessment",
            assessments,
            chosen,
            label=lambda a: (
                _("%(kind)s on %(date)s")
                % {"kind": a.get_kind_display(), "date": long_date(a.assessed_on)}
            ),
            caption=_("Assessment"),
        )


class HealthPlanActionDoneForm(CaseworkForm):
    """An action of a health plan that was done."""

    action = forms.ModelChoiceField(
        label=_("Which action?"),
        queryset=HealthPlanAction.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    done_on = date_field(_("Date done"))
    required_messages = {"done_on": _("Enter the date the action was done")}

    def __init__(self, *args: Any, actions: QuerySet, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one("action", actions, chosen, label=action_label, caption=_("Action"))


class OutcomeForm(CaseworkForm):
    """A dated OC2 item: dental or development check, conviction."""

    recorded_on = date_field(_("Date"))
    notes = text_area(_("Notes"), rows=3)
    required_messages = {"recorded_on": _("Enter the date")}


class ImmunisationsForm(OutcomeForm):
    is_up_to_date = yes_no_field(_("Are the child's immunisations up to date?"))
    required_messages = {
        "recorded_on": _("Enter the date"),
        "is_up_to_date": _("Say whether the immunisations are up to date"),
    }
    field_order = ["recorded_on", "is_up_to_date", "notes"]


class SDQForm(OutcomeForm):
    score = forms.IntegerField(
        label=_("SDQ score"),
        required=False,
        min_value=0,
        max_value=40,
        help_text=_("The total difficulties score, from 0 to 40"),
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-3"}),
        error_messages={
            "invalid": _("The SDQ score must be a whole number from 0 to 40"),
            "min_value": _("The SDQ score must be from 0 to 40"),
            "max_value": _("The SDQ score must be from 0 to 40"),
        },
    )
    reason = forms.ChoiceField(
        label=_("Or, why the SDQ was not completed"),
        choices=[("", _("It was completed")), *SDQReason.choices],
        required=False,
    )
    field_order = ["recorded_on", "score", "reason", "notes"]


class SubstanceMisuseForm(OutcomeForm):
    is_intervention_received = yes_no_field(
        _("Did the child receive an intervention?"), required=False
    )
    is_intervention_offered = yes_no_field(
        _("If not, was one offered and refused?"), required=False
    )
    field_order = ["recorded_on", "is_intervention_received", "is_intervention_offered", "notes"]
