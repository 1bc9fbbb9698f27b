"""Forms for care plans, looked-after reviews, IRO challenges, statutory visits, family time and
life-story work.

The forms parse what was typed and check that each objective or decision row is complete. The
rules (looked after on the date, nothing in the future, one review a day, the child's views
with their date and method) live in ``kinfolk.care.services.reviews``, whose messages the forms
show next to the field they are about.
"""

import datetime as dt
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.reviews import (
    ChallengeIssue,
    ChallengeStage,
    FamilyRelationship,
    LifeStoryStatus,
    PermanencePlan,
    TakingPart,
    ViewsMethod,
)
from kinfolk.core.codes import ReviewParticipation
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field

#: How many objective rows the care plan form offers, and decision rows the review form offers.
OBJECTIVE_ROWS = 4
DECISION_ROWS = 4


def long_date(day: dt.date) -> str:
    return day.strftime("%-d %B %Y")


class RowsMixin:
    """A form with numbered rows of fields (objectives, decisions): a row with anything typed
    in it must be complete; empty rows are ignored."""

    #: The row's field name prefix, its parts (suffix, message when missing), and row count.
    row_prefix: str = ""
    row_parts: tuple[tuple[str, Any], ...] = ()
    row_count: int = 0

    def row_names(self, number: int) -> list[str]:
        return [f"{self.row_prefix}_{number}{suffix}" for suffix, _message in self.row_parts]

    def rows(self) -> list[list[forms.BoundField]]:
        """The rows' visible fields, for the template to group each row in a fieldset."""
        return [
            [self[name] for name in self.row_names(n)]  # type: ignore[index]
            for n in range(1, self.row_count + 1)
        ]

    def clean_rows(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        """The complete rows, as dicts keyed by suffix; incomplete rows get an error on each
        missing field."""
        complete = []
        for number in range(1, self.row_count + 1):
            values = {
                suffix: data.get(f"{self.row_prefix}_{number}{suffix}")
                for suffix, _message in self.row_parts
            }
            typed = {k: v for k, v in values.items() if v not in (None, "", False)}
            if not typed:
                continue
            missing = False
            for suffix, message in self.row_parts:
                if message and not values[suffix]:
                    name = f"{self.row_prefix}_{number}{suffix}"
                    if name not in self.errors:  # type: ignore[attr-defined]
                        self.add_error(name, message % {"n": number})  # type: ignore[attr-defined]
                    missing = True
            if not missing:
                complete.append(values)
        return complete


class CarePlanForm(RowsMixin, CaseworkForm):
    """A new version of the care plan (docs/domain.md stage 16, findings 52, 53 and 54)."""

    made_on = date_field(_("Date of the plan"))
    assessment = forms.ModelChoiceField(
        label=_("Assessment the needs come from"),
        queryset=None,
        required=False,
        empty_label=_("Not linked to an assessment in Kinfolk"),
    )
    needs = text_area(
        _("The child's needs from the assessment"),
        rows=5,
        required=True,
        help_text=_("What the assessment found the child needs, in each area of their life"),
    )
    permanence_plan = forms.ChoiceField(
        label=_("Permanence plan"),
        choices=PermanencePlan.choices,
        widget=forms.RadioSelect,
        help_text=_("Where the child will grow up. Needed by the second review"),
    )
    permanence_detail = text_area(_("About the permanence plan"), rows=3, required=False)
    identity_needs = text_area(
        _("Identity needs"),
        rows=4,
        required=True,
        help_text=_(
            "Ethnicity, culture, religion, language, disability and what matters to the child "
            "about who they are. Add an objective that meets them"
        ),
    )
    child_views = text_area(
        _("The child's views"),
        rows=5,
        required=True,
        help_text=_("What the child said, or showed, about the plan, in their words"),
    )
    child_views_on = date_field(_("Date the child's views were gathered"))
    child_views_method = forms.ChoiceField(
        label=_("How the child's views were gathered"),
        choices=ViewsMethod.choices,
        widget=forms.RadioSelect,
    )
    family_time = text_area(
        _("Family time"),
        rows=3,
        required=False,
        help_text=_("Who the child sees, how often, and whether it is supervised"),
    )
    required_messages = {
        "made_on": _("Enter the date of the plan"),
        "needs": _("Enter the child's needs from the assessment"),
        "permanence_plan": _("Choose the permanence plan"),
        "identity_needs": _("Enter the child's identity needs"),
        "child_views": _("Enter the child's views"),
        "child_views_on": _("Enter the date the child's views were gathered"),
        "child_views_method": _("Choose how the child's views were gathered"),
    }

    row_prefix = "objective"
    row_parts = (
        ("", _("Enter what objective %(n)s is")),
        ("_owner", _("Enter who will make objective %(n)s happen")),
        ("_due_on", _("Enter the date objective %(n)s is due by")),
        ("_is_identity", None),
    )
    row_count = OBJECTIVE_ROWS

    def __init__(self, *args: Any, assessments: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assessment"].queryset = assessments
        self.fields["assessment"].label_from_instance = lambda a: (
            _("Assessment authorised on %(date)s") % {"date": long_date(a.authorised_on)}
        )
        for number in range(1, OBJECTIVE_ROWS + 1):
            name = f"objective_{number}"
            self.fields[name] = forms.CharField(
                label=_("Objective"),
                max_length=500,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("What will be different for the child") if number == 1 else "",
            )
            self.fields[f"{name}_owner"] = forms.CharField(
                label=_("Who will make it happen"), max_length=200, required=False
            )
            self.fields[f"{name}_due_on"] = date_field(_("By when"), required=False)
            self.fields[f"{name}_is_identity"] = forms.BooleanField(
                label=_("This objective meets an identity need"), required=False
            )
        for name in self.row_fields():
            self.fields[name].widget.attrs.setdefault("class", self._govuk_class(self.fields[name]))

    @staticmethod
    def _govuk_class(field: forms.Field) -> str:
        if isinstance(field.widget, forms.Textarea):
            return "govuk-textarea"
        if isinstance(field.widget, forms.CheckboxInput):
            return "govuk-checkboxes__input"
        return "govuk-input"

    def row_fields(self) -> set[str]:
        return {name for n in range(1, OBJECTIVE_ROWS + 1) for name in self.row_names(n)}

    def main_fields(self) -> list[forms.BoundField]:
        """The plan's fields other than the objective rows, in order."""
        rows = self.row_fields()
        return [self[name] for name in self.fields if name not in rows]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["objectives"] = self.clean_rows(data)
        if not data["objectives"] and "objective_1" not in self.errors:
            self.add_error("objective_1", _("Add at least one objective for the child"))
        return data

    def service_error_fields(self) -> dict[str, str]:
        return {"objectives": "objective_1"}


class ReviewForm(RowsMixin, CaseworkForm):
    """A looked-after review: how the child took part, the IRO's contact before it, the
    venue the child chose, permanence options and the decisions (docs/domain.md stage 19)."""

    held_on = date_field(_("Date of the review"))
    participation = forms.ChoiceField(
        label=_("How the child took part"),
        choices=[(code, f"{code}: {label}") for code, label in ReviewParticipation.choices],
        widget=forms.RadioSelect,
        help_text=_("The SSDA903 participation code. PN0 is only for a child under 4"),
    )
    iro = forms.ModelChoiceField(
        label=_("Independent reviewing officer"),
        queryset=None,
        required=False,
        empty_label=_("Choose the reviewing officer"),
    )
    iro_contact_on = date_field(
        _("Date the reviewing officer saw or spoke to the child before the review")
    )
    taking_part = forms.ChoiceField(
        label=_("How the child wanted to take part"),
        choices=TakingPart.choices,
        widget=forms.RadioSelect,
    )
    preferred_time = forms.CharField(
        label=_("The child's preferred time"),
        max_length=200,
        required=False,
        help_text=_("For example, after school on a weekday"),
    )
    venue = forms.CharField(label=_("Venue"), max_length=200, required=False)
    is_venue_chosen_by_child = yes_no_field(_("Did the child choose the venue?"), required=False)
    child_views = text_area(_("The child's views"), rows=4)
    is_permanence_considered = yes_no_field(_("Did the review consider the permanence options?"))
    permanence_discussion = text_area(
        _("Permanence options discussed"),
        rows=3,
        help_text=_(
            "For example, whether a special guardianship order or a return home was considered"
        ),
    )
    required_messages = {
        "held_on": _("Enter the date of the review"),
        "participation": _("Choose how the child took part in the review"),
        "iro_contact_on": _(
            "Enter the date the reviewing officer saw or spoke to the child before the review"
        ),
        "taking_part": _("Choose how the child wanted to take part"),
        "is_permanence_considered": _(
            "Select whether the review considered the permanence options"
        ),
    }

    row_prefix = "decision"
    row_parts = (
        ("", _("Enter decision %(n)s")),
        ("_owner", _("Enter who will carry out decision %(n)s")),
        ("_due_on", _("Enter the date decision %(n)s is due by")),
    )
    row_count = DECISION_ROWS

    def __init__(self, *args: Any, officers: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["iro"].queryset = officers
        for number in range(1, DECISION_ROWS + 1):
            name = f"decision_{number}"
            self.fields[name] = forms.CharField(
                label=_("Decision"),
                max_length=500,
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "govuk-textarea"}),
            )
            self.fields[f"{name}_owner"] = forms.CharField(
                label=_("Who will do it"),
                max_length=200,
                required=False,
                help_text=_("A name and role, or an agency"),
                widget=forms.TextInput(attrs={"class": "govuk-input"}),
            )
            self.fields[f"{name}_due_on"] = date_field(_("By when"), required=False)

    def row_fields(self) -> set[str]:
        return {name for n in range(1, DECISION_ROWS + 1) for name in self.row_names(n)}

    def main_fields(self) -> list[forms.BoundField]:
        rows = self.row_fields()
        return [self[name] for name in self.fields if name not in rows]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["decisions"] = self.clean_rows(data)
        return data


class ReviewMinutesForm(CaseworkForm):
    """The minutes of a review are completed (docs/domain.md finding 74)."""

    review = forms.ModelChoiceField(
        label=_("Which review?"),
        error_messages={"invalid_choice": _("Choose a review whose minutes are not done")},
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
    )
    completed_on = date_field(_("Date the minutes were completed"))
    required_messages = {
        "review": _("Choose the review"),
        "completed_on": _("Enter the date the minutes were completed"),
    }

    def __init__(
        self, *args: Any, reviews: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "review",
            reviews,
            chosen,
            label=lambda r: (
                _("Review of %(date)s (minutes due %(due)s)")
                % {"date": long_date(r.held_on), "due": long_date(r.minutes_due_on)}
            ),
            caption=_("Review"),
        )


class ReviewDecisionCompleteForm(CaseworkForm):
    """A review decision has been carried out."""

    decision = forms.ModelChoiceField(
        label=_("Which decision?"),
        error_messages={"invalid_choice": _("Choose a decision not yet carried out")},
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
    )
    completed_on = date_field(_("Date it was carried out"))
    required_messages = {
        "decision": _("Choose the decision"),
        "completed_on": _("Enter the date it was carried out"),
    }

    def __init__(
        self, *args: Any, decisions: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "decision",
            decisions,
            chosen,
            label=lambda d: (
                _("%(decision)s (%(owner)s, due %(due)s)")
                % {"decision": d.description, "owner": d.owner, "due": long_date(d.due_on)}
            ),
            caption=_("Decision"),
        )


class IROChallengeForm(CaseworkForm):
    """The independent reviewing officer challenges the plan or the work on it (finding 18)."""

    raised_on = date_field(_("Date raised"))
    issue = forms.ChoiceField(
        label=_("What is the challenge about?"),
        choices=ChallengeIssue.choices,
        widget=forms.RadioSelect,
    )
    detail = text_area(
        _("Details of the challenge"),
        rows=5,
        required=True,
        help_text=_("What is wrong for the child, and what needs to happen"),
    )
    stage = forms.ChoiceField(
        label=_("Stage"),
        choices=[("", _("Choose the stage")), *ChallengeStage.choices],
    )
    response_due_on = date_field(_("Response due by"))
    required_messages = {
        "raised_on": _("Enter the date the challenge was raised"),
        "issue": _("Choose what the challenge is about"),
        "detail": _("Enter what the challenge is about"),
        "stage": _("Choose the stage of the challenge"),
        "response_due_on": _("Enter the date a response is due by"),
    }


class IROChallengeResolveForm(CaseworkForm):
    """An IRO challenge is resolved."""

    challenge = forms.ModelChoiceField(
        label=_("Which challenge?"),
        error_messages={"invalid_choice": _("Choose an open challenge")},
        queryset=None,
        empty_label=None,
        widget=forms.RadioSelect,
    )
    resolved_on = date_field(_("Date resolved"))
    outcome = text_area(
        _("Outcome"), rows=4, required=True, help_text=_("What changed for the child as a result")
    )
    required_messages = {
        "outcome": _("Enter the outcome of the challenge"),
        "challenge": _("Choose the challenge"),
        "resolved_on": _("Enter the date the challenge was resolved"),
    }

    def __init__(
        self, *args: Any, challenges: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "challenge",
            challenges,
            chosen,
            label=lambda c: (
                _("%(issue)s, raised on %(date)s")
                % {"issue": c.get_issue_display(), "date": long_date(c.raised_on)}
            ),
            caption=_("Challenge"),
        )


class CareVisitForm(CaseworkForm):
    """A statutory visit to a child in care: seen, seen alone, why, and the child's views
    (docs/domain.md stage 18, finding 53)."""

    visited_on = date_field(_("Date of the visit"))
    is_child_seen = yes_no_field(_("Was the child seen?"))
    is_seen_alone = yes_no_field(_("Was the child seen alone?"), required=False)
    purpose = forms.CharField(
        label=_("Purpose of the visit"),
        max_length=300,
        required=False,
        help_text=_("For example, the first visit in a new placement"),
    )
    child_views = text_area(
        _("The child's views"),
        rows=5,
        help_text=_("What the child said, or showed, about their placement and plan"),
    )
    required_messages = {
        "visited_on": _("Enter the date of the visit"),
        "is_child_seen": _("Select whether the child was seen"),
    }


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
