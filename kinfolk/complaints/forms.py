"""What the complaints pages parse; the rules are the services' (kinfolk.complaints.services)."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.complaints.choices import Complainant, Outcome
from kinfolk.complaints.models import ComplaintTheme
from kinfolk.complaints.services import offered_themes
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.workforce.models import Team, User


class StaffChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return obj.display_name or obj.username


class ComplaintForm(CaseworkForm):
    """A complaint received at stage 1."""

    received_on = date_field(_("Date the complaint was received"))
    complainant = forms.ChoiceField(
        label=_("Who made the complaint?"), choices=Complainant.choices, widget=forms.RadioSelect
    )
    complainant_name = forms.CharField(label=_("Their name"), max_length=200, required=False)
    complainant_contact = text_area(
        _("How to contact them (optional)"),
        rows=2,
        help_text=_("An address, a telephone number or an email address"),
    )
    team = forms.ModelChoiceField(
        label=_("Team complained about (optional)"),
        queryset=Team.objects.order_by("name"),
        required=False,
        empty_label=_("Not a team"),
    )
    service_area = forms.CharField(
        label=_("Service area (optional)"),
        max_length=200,
        required=False,
        help_text=_("For example, fostering, short breaks or the front door"),
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=ComplaintTheme.objects.filter(is_active=True),
        required=False,
        empty_label=_("Choose a theme"),
    )
    theme_detail = forms.CharField(
        label=_("The theme in words (optional when a theme is chosen)"),
        max_length=200,
        required=False,
    )
    summary = text_area(_("The complaint"), rows=6, help_text=_("In the complainant's words"))
    is_advocate_offered = yes_no_field(
        _("If the child complained: was the child offered an advocate?"), required=False
    )
    advocate_offered_on = date_field(_("Date the advocate was offered"), required=False)
    is_advocate_accepted = yes_no_field(_("Did the child accept an advocate?"), required=False)
    advocate_name = forms.CharField(
        label=_("The advocate's name (optional)"), max_length=200, required=False
    )
    required_messages = {
        "received_on": _("Enter the date the complaint was received"),
        "complainant": _("Choose who made the complaint"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        theme = self.fields["theme"]
        assert isinstance(theme, forms.ModelChoiceField)
        theme.queryset = offered_themes()


class AdvocacyForm(CaseworkForm):
    """The advocate offered to a child who complained."""

    is_advocate_offered = yes_no_field(_("Was the child offered an advocate?"))
    advocate_offered_on = date_field(_("Date the advocate was offered"), required=False)
    is_advocate_accepted = yes_no_field(_("Did the child accept an advocate?"), required=False)
    advocate_name = forms.CharField(
        label=_("The advocate's name (optional)"), max_length=200, required=False
    )
    required_messages = {"is_advocate_offered": _("Say whether the child was offered an advocate")}


class ExtensionForm(CaseworkForm):
    extended_on = date_field(_("Date the extension was agreed"))
    reason = text_area(_("Why more time is needed"), rows=3)
    required_messages = {"extended_on": _("Enter the date the extension was agreed")}


class ResponseForm(CaseworkForm):
    responded_on = date_field(_("Date of the response"))
    outcome = forms.ChoiceField(
        label=_("Outcome"), choices=Outcome.choices, widget=forms.RadioSelect
    )
    response = text_area(_("The response given to the complainant"), rows=6)
    required_messages = {
        "responded_on": _("Enter the date of the response"),
        "outcome": _("Choose whether the complaint was upheld"),
    }


class EscalationForm(CaseworkForm):
    """The request for stage 2 (with its investigator and independent person) or stage 3
    (with the review panel's date, once set)."""

    requested_on = date_field(_("Date the complainant asked for the next stage"))
    investigator = forms.CharField(label=_("Investigating officer"), max_length=200, required=False)
    independent_person = forms.CharField(
        label=_("Independent person"), max_length=200, required=False
    )
    panel_on = date_field(_("Date of the review panel (optional)"), required=False)
    required_messages = {"requested_on": _("Enter the date the complainant asked")}

    def __init__(self, *args: Any, stage: int, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if stage == 2:
            del self.fields["panel_on"]
        else:
            del self.fields["investigator"]
            del self.fields["independent_person"]


class PanelDateForm(CaseworkForm):
    panel_on = date_field(_("Date of the review panel"))
    required_messages = {"panel_on": _("Enter the date of the review panel")}


class WithdrawalForm(CaseworkForm):
    withdrawn_on = date_field(_("Date the complaint was withdrawn"))
    reason = text_area(_("Why it was withdrawn"), rows=3)
    required_messages = {"withdrawn_on": _("Enter the date the complaint was withdrawn")}


class LearningForm(CaseworkForm):
    learning = text_area(_("What the service has learned"), rows=5)


class LearningActionForm(CaseworkForm):
    text = text_area(_("What is to change"), rows=3)
    owner = StaffChoiceField(
        label=_("Who does it"),
        queryset=User.objects.filter(is_active=True).order_by("display_name"),
        required=False,
        empty_label=_("Choose a member of staff"),
    )
    due_on = date_field(_("Due by"), required=False)


class ActionDoneForm(CaseworkForm):
    done_on = date_field(_("Date it was done"))
    required_messages = {"done_on": _("Enter the date it was done")}


class ThemeForm(CaseworkForm):
    name = forms.CharField(label=_("New theme"), max_length=100, required=False)
