"""The forms of private fostering: they only parse what was typed; the services decide."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.privatefostering.choices import (
    CheckKind,
    CheckResult,
    EndReason,
    Notifier,
    Suitability,
)


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name or obj.username


class NotificationForm(CaseworkForm):
    """Who told the authority, when, and who cares for the child."""

    notified_by = forms.ChoiceField(
        label=_("Who told the authority?"), choices=Notifier.choices, widget=forms.RadioSelect
    )
    notifier_name = forms.CharField(label=_("Their name"), max_length=200, required=False)
    notified_on = date_field(_("Date the authority was told"))
    began_on = date_field(
        _("Date the arrangement began"),
        help_text=_("Or the date it is to begin, when the authority is told in advance"),
    )
    carer_name = forms.CharField(
        label=_("Name of the private foster carer"), max_length=200, required=False
    )
    carer_address = text_area(_("Carer's address"), rows=3)
    carer_relationship = forms.CharField(
        label=_("Carer's relationship to the child"),
        max_length=200,
        required=False,
        help_text=_("For example, family friend, or great-aunt"),
    )
    required_messages = {
        "notified_by": _("Choose who told the authority"),
        "notified_on": _("Enter the date the authority was told"),
        "began_on": _("Enter the date the arrangement began"),
    }


class HouseholdMemberForm(CaseworkForm):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    date_of_birth = date_field(_("Date of birth"), required=False)
    relationship = forms.CharField(
        label=_("Relationship to the carer"), max_length=200, required=False
    )


class CheckForm(CaseworkForm):
    kind = forms.ChoiceField(label=_("Check"), choices=CheckKind.choices, widget=forms.RadioSelect)
    member = forms.ModelChoiceField(
        label=_("Household member checked"),
        queryset=None,
        required=False,
        help_text=_("For a DBS check of a household member"),
    )
    checked_on = date_field(_("Date of the check"))
    result = forms.ChoiceField(
        label=_("Result"), choices=CheckResult.choices, widget=forms.RadioSelect
    )
    detail = text_area(_("What the check found"), rows=3)
    required_messages = {
        "kind": _("Choose the check"),
        "checked_on": _("Enter the date of the check"),
        "result": _("Choose the result"),
    }

    def __init__(self, *args: Any, members: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["member"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = members
        field.empty_label = str(_("Not about a household member"))


class AssessmentForm(CaseworkForm):
    assessed_on = date_field(_("Date of the assessment"))
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Suitability.choices, widget=forms.RadioSelect
    )
    reason = text_area(_("Reason"), rows=5)
    conditions = text_area(_("Conditions"), rows=3, help_text=_("When suitable with conditions"))
    manager_decision = text_area(_("Manager's decision"), rows=4)
    decided_by = StaffChoiceField(label=_("Manager"), queryset=None, required=False)
    required_messages = {
        "assessed_on": _("Enter the date of the assessment"),
        "outcome": _("Choose the outcome of the assessment"),
    }

    def __init__(self, *args: Any, staff: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["decided_by"]
        assert isinstance(field, forms.ModelChoiceField)
        field.queryset = staff


class PrivateFosteringVisitForm(CaseworkForm):
    """A visit to the privately fostered child: seen, seen alone, and their views."""

    visited_on = date_field(_("Date of the visit"))
    is_child_seen = yes_no_field(_("Was the child seen?"))
    is_seen_alone = yes_no_field(_("Was the child seen alone?"), required=False)
    purpose = forms.CharField(label=_("Purpose of the visit"), max_length=300, required=False)
    child_views = text_area(_("The child's views"), rows=5)
    required_messages = {
        "visited_on": _("Enter the date of the visit"),
        "is_child_seen": _("Select whether the child was seen"),
    }


class EndForm(CaseworkForm):
    arrangement = forms.ModelChoiceField(label=_("Arrangement"), queryset=None)
    ended_on = date_field(_("Date the arrangement ended"))
    reason = forms.ChoiceField(
        label=_("Why did it end?"), choices=EndReason.choices, widget=forms.RadioSelect
    )
    detail = text_area(_("About the ending"), rows=3)
    required_messages = {
        "ended_on": _("Enter the date the arrangement ended"),
        "reason": _("Choose why the arrangement ended"),
    }

    def __init__(self, *args: Any, arrangements: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "arrangement",
            arrangements,
            None,
            label=lambda a: f"{a.carer_name}, from {a.began_on:%-d %B %Y}",
            caption=_("Arrangement"),
        )
