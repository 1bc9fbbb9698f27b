"""What the register pages parse (docs/registers.md). The rules are the services'."""

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field
from kinfolk.registers.choices import (
    AssessmentOutcome,
    CaredForNeed,
    ConsentDecision,
    HomelessDecision,
    Suitability,
)


def _radios(label: Any, choices: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect)


class EntryForm(CaseworkForm):
    """A form about one entry of a register: the entry is chosen, or fixed when there is one."""

    #: The form field (and the service keyword) naming the entry.
    entry_field: ClassVar[str] = ""
    entry_caption: ClassVar[Any] = ""

    def __init__(self, *args: Any, entries: Any, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.fields = {
            self.entry_field: forms.ModelChoiceField(label=self.entry_caption, queryset=entries),
            **self.fields,
        }
        self.choose_one(self.entry_field, entries, chosen, label=str, caption=self.entry_caption)


class YoungCarerForm(CaseworkForm):
    registered_on = date_field(_("Date added to the register"))
    cares_for = forms.CharField(
        label=_("Who do they care for?"),
        help_text=_("Their relationship to the young carer, for example mother or brother"),
        max_length=100,
    )
    need = _radios(_("The cared-for person's need"), CaredForNeed.choices)
    assessment_requested_on = date_field(
        _("Date a young carer's needs assessment was requested (optional)"), required=False
    )
    required_messages = {
        "registered_on": _("Enter the date added to the register"),
        "cares_for": _("Enter who the young carer cares for"),
        "need": _("Choose the cared-for person's need"),
    }


class YoungCarerAssessmentForm(EntryForm):
    entry_field = "young_carer"
    entry_caption = _("Young carer")
    requested_on = date_field(_("Date the assessment was requested"), required=False)
    completed_on = date_field(_("Date the assessment was completed"))
    outcome = _radios(_("Outcome"), AssessmentOutcome.choices)
    young_carer_views = text_area(_("The young carer's views"), required=True)
    required_messages = {
        "completed_on": _("Enter the date the assessment was completed"),
        "outcome": _("Choose the outcome of the assessment"),
        "young_carer_views": _("Enter the young carer's views"),
    }


class YoungCarerSupportForm(EntryForm):
    entry_field = "young_carer"
    entry_caption = _("Young carer")
    what = forms.CharField(label=_("Support"), max_length=300)
    provided_by = forms.CharField(label=_("Provided by"), max_length=200)
    start_on = date_field(_("From"))
    end_on = date_field(_("To (optional)"), required=False)
    required_messages = {
        "what": _("Enter the support given"),
        "provided_by": _("Enter who gives the support"),
        "start_on": _("Enter the date the support started"),
    }


class SchoolToldForm(EntryForm):
    entry_field = "young_carer"
    entry_caption = _("Young carer")
    told_on = date_field(_("Date the school was told"))
    told_who = forms.CharField(
        label=_("Who at the school was told"),
        help_text=_("Their name and role, for example the designated safeguarding lead"),
        max_length=200,
    )
    required_messages = {
        "told_on": _("Enter the date the school was told"),
        "told_who": _("Enter who at the school was told"),
    }


class MissingEducationForm(CaseworkForm):
    reported_on = date_field(_("Date reported"))
    reported_by = forms.CharField(label=_("Reported by"), max_length=200)
    reason = text_area(_("Reason"), required=True)
    last_known_school = forms.CharField(
        label=_("Last known school (optional)"), max_length=200, required=False
    )
    actions = text_area(_("Actions taken (optional)"))
    required_messages = {
        "reported_on": _("Enter the date reported"),
        "reported_by": _("Enter who reported it"),
        "reason": _("Enter why the child is missing education"),
    }


class ResolveMissingForm(EntryForm):
    entry_field = "missing"
    entry_caption = _("Missing education")
    resolved_on = date_field(_("Date resolved"))
    outcome = text_area(_("Outcome"), required=True)
    actions = text_area(_("Actions taken (optional)"))
    required_messages = {
        "resolved_on": _("Enter the date resolved"),
        "outcome": _("Enter the outcome"),
    }


class ConsentForm(CaseworkForm):
    requested_on = date_field(_("Date consent was requested"))
    decided_on = date_field(_("Date of the decision"))
    decision = _radios(_("Decision"), ConsentDecision.choices)
    reason = text_area(_("Reason"), required=True)
    required_messages = {
        "requested_on": _("Enter the date consent was requested"),
        "decided_on": _("Enter the date of the decision"),
        "decision": _("Choose whether consent is granted or refused"),
        "reason": _("Enter the reason for the decision"),
    }


class HomeEducationForm(CaseworkForm):
    notice_on = date_field(_("Date of the parents' notice"))
    notice = text_area(_("The parents' notice (optional)"), rows=3)
    started_on = date_field(_("Date home education started"))
    next_review_on = date_field(_("Next review due"))
    required_messages = {
        "notice_on": _("Enter the date of the parents' notice"),
        "started_on": _("Enter the date home education started"),
        "next_review_on": _("Enter the date the next review is due"),
    }


class HomeEducationReviewForm(EntryForm):
    entry_field = "home_education"
    entry_caption = _("Home education")
    reviewed_on = date_field(_("Date reviewed"))
    suitability = _radios(_("Is the education suitable?"), Suitability.choices)
    next_review_on = date_field(_("Next review due"))
    notes = text_area(_("Notes (optional)"))
    required_messages = {
        "reviewed_on": _("Enter the date reviewed"),
        "suitability": _("Choose whether the education is suitable"),
        "next_review_on": _("Enter the date the next review is due"),
    }


class HomeEducationEndForm(EntryForm):
    entry_field = "home_education"
    entry_caption = _("Home education")
    ended_on = date_field(_("Date home education ended"))
    required_messages = {"ended_on": _("Enter the date home education ended")}


class PresentationForm(CaseworkForm):
    presented_on = date_field(_("Date presented"))
    presented_by = forms.CharField(
        label=_("Presented by, or referred by"),
        help_text=_("The young person themselves, or who referred them"),
        max_length=200,
    )
    is_from_housing = yes_no_field(_("Referred by housing?"))
    required_messages = {
        "presented_on": _("Enter the date presented"),
        "presented_by": _("Enter who presented or referred"),
        "is_from_housing": _("Choose whether housing referred the young person"),
    }


class JointAssessmentForm(EntryForm):
    entry_field = "presentation"
    entry_caption = _("Presentation")
    started_on = date_field(_("Date the joint assessment started"))
    completed_on = date_field(_("Date the joint assessment completed (optional)"), required=False)
    housing_officer = forms.CharField(label=_("Housing officer"), max_length=200)
    required_messages = {
        "started_on": _("Enter the date the joint assessment started"),
        "housing_officer": _("Enter the housing officer"),
    }


class RightsExplainedForm(EntryForm):
    entry_field = "presentation"
    entry_caption = _("Presentation")
    explained_on = date_field(_("Date the rights were explained"))
    required_messages = {"explained_on": _("Enter the date the rights were explained")}


class HomelessDecisionForm(EntryForm):
    entry_field = "presentation"
    entry_caption = _("Presentation")
    decided_on = date_field(_("Date of the decision"))
    decision = _radios(_("Decision"), HomelessDecision.choices)
    young_person_view = text_area(_("The young person's view"), required=True)
    outcome = text_area(_("Outcome (optional)"))
    required_messages = {
        "decided_on": _("Enter the date of the decision"),
        "decision": _("Choose the decision"),
        "young_person_view": _("Enter the young person's view"),
    }
