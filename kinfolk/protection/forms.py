"""Forms for recording child protection work: strategy discussions, section 47 enquiries,
conferences, core groups and the end of a child protection plan.

As in casework, the rules (conferences on weekdays, a manager's reason for acting before a
strategy discussion) are the services'; the forms parse and show their messages.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.choices import Agency
from kinfolk.core.codes import CategoryOfAbuse
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.protection.choices import StrategyOutcome


class StrategyDiscussionForm(CaseworkForm):
    """A strategy discussion: the decision, who took part and why (docs/domain.md stage 6).

    Only a manager can give the reason for acting before the discussion (finding 5), so the
    field is on the form for managers only.
    """

    held_on = date_field(_("Date of the strategy discussion"))
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=StrategyOutcome.choices, widget=forms.RadioSelect
    )
    attendees = forms.MultipleChoiceField(
        label=_("Agencies attending"),
        choices=Agency.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply"),
    )
    rationale = text_area(
        _("Rationale for the decision"),
        help_text=_("What the agencies knew, and why they decided what they did"),
    )
    prior_action_reason = text_area(
        _("Manager's reason for acting before the strategy discussion"),
        help_text=_("The child was visited before the agencies met. Say why that could not wait."),
    )
    required_messages = {
        "held_on": _("Enter the date of the strategy discussion"),
        "outcome": _("Choose the decision"),
    }

    def __init__(self, *args: Any, can_give_reason: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if not can_give_reason:
            del self.fields["prior_action_reason"]


class Section47StartForm(CaseworkForm):
    """The start of a section 47 enquiry."""

    started_on = date_field(_("Date the enquiry started"))
    required_messages = {"started_on": _("Enter the date the enquiry started")}


class Section47EndForm(CaseworkForm):
    """The outcome of a section 47 enquiry."""

    ended_on = date_field(_("Date the enquiry ended"))
    is_conference_required = yes_no_field(_("Is an initial child protection conference needed?"))
    outcome = text_area(_("Outcome of the enquiry"), help_text=_("What the enquiry found"))
    required_messages = {
        "ended_on": _("Enter the date the enquiry ended"),
        "is_conference_required": _("Select whether an initial conference is needed"),
    }


class ConferenceForm(CaseworkForm):
    """What every child protection conference records: the date, the chair and the
    category of abuse."""

    held_on = date_field(_("Date of the conference"))
    category = forms.ChoiceField(
        label=_("Category of abuse"),
        choices=CategoryOfAbuse.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    chair = forms.ModelChoiceField(
        label=_("Chair"),
        queryset=None,
        required=False,
        empty_label=_("Choose the chair"),
    )

    def __init__(self, *args: Any, chairs: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs


class InitialConferenceForm(ConferenceForm):
    """An initial child protection conference: is a plan needed, and under which category."""

    is_plan_needed = yes_no_field(_("Is a child protection plan needed?"))
    category = forms.ChoiceField(
        label=_("Category of abuse"),
        choices=CategoryOfAbuse.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Only when a plan is needed"),
    )
    field_order = ["held_on", "is_plan_needed", "category", "chair"]
    required_messages = {
        "held_on": _("Enter the date of the conference"),
        "is_plan_needed": _("Select whether a child protection plan is needed"),
    }


class ReviewConferenceForm(ConferenceForm):
    """A review child protection conference: does the plan continue, and under which
    category."""

    continue_plan = yes_no_field(_("Does the child protection plan continue?"))
    category = forms.ChoiceField(
        label=_("Category of abuse"),
        choices=CategoryOfAbuse.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Only when the category changes"),
    )
    field_order = ["held_on", "continue_plan", "category", "chair"]
    required_messages = {
        "held_on": _("Enter the date of the conference"),
        "continue_plan": _("Select whether the plan continues"),
    }


class CoreGroupForm(CaseworkForm):
    """A core group meeting of the child protection plan."""

    held_on = date_field(_("Date of the core group meeting"))
    required_messages = {"held_on": _("Enter the date of the core group meeting")}
