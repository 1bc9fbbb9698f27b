"""Forms for looked-after reviews, IRO challenges and statutory visits.

The forms parse what was typed and check that each decision row is complete. The rules (looked
after on the date, nothing in the future, one review a day) live in
``kinfolk.care.services.reviews``, whose messages the forms show next to the field they are
about.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.reviews import (
    ChallengeIssue,
    ChallengeStage,
    TakingPart,
)
from kinfolk.care.services.reviews import Decision
from kinfolk.core.codes import ReviewParticipation
from kinfolk.core.dates import long_date
from kinfolk.core.forms import CaseworkForm, RowsMixin, date_field, text_area, yes_no_field

#: How many decision rows the review form offers.
DECISION_ROWS = 4


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
    row_legend = _("Decision")
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

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["decisions"] = [
            Decision(description=row[""], owner=row["_owner"], due_on=row["_due_on"])
            for row in self.clean_rows(data)
        ]
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
