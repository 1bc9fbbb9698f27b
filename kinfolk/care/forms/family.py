"""Forms for family time and life-story work (docs/domain.md stages 24 and 25). The rules live
in ``kinfolk.care.services.family``."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.family import FamilyRelationship, LifeStoryStatus
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field


class FamilyTimeForm(CaseworkForm):
    """An arrangement for family time (docs/domain.md stage 25, finding 60)."""

    agreed_on = date_field(_("Date agreed"))
    with_whom = forms.CharField(
        label=_("Who with"), max_length=200, help_text=_("Their name, for example Jo Brown")
    )
    relationship = forms.ChoiceField(
        label=_("Relationship to the child"),
        choices=[("", _("Choose the relationship")), *FamilyRelationship.choices],
    )
    frequency = forms.CharField(
        label=_("How often"), max_length=200, help_text=_("For example, every Saturday for 2 hours")
    )
    is_supervised = yes_no_field(_("Is the family time supervised?"))
    risk_assessed_on = date_field(
        _("Date of the risk assessment"),
        required=False,
        help_text=_("Needed when the family time is not supervised. For example, 27 3 2026"),
    )
    risk_review_on = date_field(
        _("Review the risk assessment by"),
        required=False,
        help_text=_("Leave blank to review it 3 months after the assessment"),
    )
    child_views = text_area(_("The child's views"), rows=4)
    required_messages = {
        "agreed_on": _("Enter the date the arrangement was agreed"),
        "with_whom": _("Enter who the family time is with"),
        "relationship": _("Choose their relationship to the child"),
        "frequency": _("Enter how often the family time happens"),
        "is_supervised": _("Select whether the family time is supervised"),
    }


class FamilyTimeRiskForm(CaseworkForm):
    """The risk assessment of a family time arrangement is reviewed."""

    arrangement = forms.ModelChoiceField(
        label=_("Which arrangement?"),
        error_messages={"invalid_choice": _("Choose a current arrangement")},
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
    )
    risk_assessed_on = date_field(_("Date of the risk assessment"))
    risk_review_on = date_field(
        _("Review the risk assessment by"),
        required=False,
        help_text=_("Leave blank to review it 3 months after the assessment"),
    )
    required_messages = {
        "arrangement": _("Choose the arrangement"),
        "risk_assessed_on": _("Enter the date of the risk assessment"),
    }

    def __init__(
        self, *args: Any, arrangements: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "arrangement",
            arrangements,
            chosen,
            label=lambda a: (
                _("%(whom)s (%(relationship)s), %(frequency)s")
                % {
                    "whom": a.with_whom,
                    "relationship": a.get_relationship_display(),
                    "frequency": a.frequency,
                }
            ),
            caption=_("Family time"),
        )


class LifeStoryWorkForm(CaseworkForm):
    """Where the child's life-story work has got to (docs/domain.md stage 24, finding 21)."""

    updated_on = date_field(_("Date of this update"))
    status = forms.ChoiceField(
        label=_("Status"), choices=LifeStoryStatus.choices, widget=forms.RadioSelect
    )
    worker = forms.ModelChoiceField(
        label=_("Worker doing the life-story work"),
        queryset=None,
        required=False,
        empty_label=_("Choose a member of staff"),
    )
    later_life_letter_on = date_field(
        _("Date of the later-life letter"),
        required=False,
        help_text=_("Needed before the work is complete. For example, 27 3 2026"),
    )
    required_messages = {
        "updated_on": _("Enter the date of this update"),
        "status": _("Choose where the life-story work has got to"),
    }

    def __init__(self, *args: Any, workers: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["worker"].queryset = workers


class LifeStoryDecisionForm(CaseworkForm):
    """A decision about the child's life, with the reason in words for the child."""

    decided_on = date_field(_("Date of the decision"))
    decision = forms.CharField(
        label=_("Decision"),
        max_length=300,
        help_text=_("For example, Ava will live with her grandmother"),
    )
    reason_for_child = text_area(
        _("Why, in words for the child"),
        rows=5,
        required=True,
        help_text=_(
            "Write to the child, as they might read it when they are older: what was decided "
            "and why"
        ),
    )
    required_messages = {
        "decided_on": _("Enter the date of the decision"),
        "decision": _("Enter the decision"),
        "reason_for_child": _("Enter the reason, in words for the child"),
    }
