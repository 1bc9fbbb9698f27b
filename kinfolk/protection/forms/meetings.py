"""Forms for recording child protection meetings: strategy discussions, the outcome of a
section 47 enquiry, conferences and core groups (docs/child-protection-meetings.md).

As in casework, the rules (a delay reason, a contingency, conferences on weekdays, a manager's
reason for acting before a strategy discussion) are the services'; the forms parse the rows
and show the services' messages.
"""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import CategoryOfAbuse
from kinfolk.core.forms import CaseworkForm, MomentForm, date_field, text_area, yes_no_field
from kinfolk.protection.choices import (
    Attendance,
    ChildParticipation,
    Progress,
    QualityRating,
    StrategyOutcome,
)
from kinfolk.protection.forms.rows import (
    RowGroup,
    RowsForm,
    agency_field,
    choice_field,
    long_text_field,
    optional_date,
    text_field,
)
from kinfolk.protection.services.rows import AgreedAction, Attendee, Check, Invitee, Rating

STRATEGY_ATTENDEES = RowGroup(
    "attendee",
    _("Attendee"),
    6,
    (
        ("name", text_field(_("Name")), _("Enter the name of attendee %(n)s")),
        ("agency", agency_field, _("Choose the agency of attendee %(n)s")),
        ("role", text_field(_("Role")), None),
    ),
)
STRATEGY_ACTIONS = RowGroup(
    "action",
    _("Action"),
    4,
    (
        ("description", text_field(_("What will be done"), 500), _("Enter what action %(n)s is")),
        ("owner", text_field(_("Who will do it")), _("Enter who owns action %(n)s")),
        ("agency", agency_field, _("Choose the agency of action %(n)s")),
        ("due_on", optional_date(_("By when")), _("Enter the date action %(n)s is due by")),
    ),
)
AGENCY_CHECKS = RowGroup(
    "check",
    _("Agency check"),
    4,
    (
        ("agency", agency_field, _("Choose the agency of check %(n)s")),
        ("checked_on", optional_date(_("Date checked")), _("Enter the date of check %(n)s")),
        ("result", long_text_field(_("Result")), _("Enter the result of check %(n)s")),
    ),
)
INVITEES = RowGroup(
    "invitee",
    _("Invitee"),
    6,
    (
        ("name", text_field(_("Name")), _("Enter the name of invitee %(n)s")),
        ("agency", agency_field, _("Choose the agency of invitee %(n)s")),
        ("invited_on", optional_date(_("Invitation sent on")), None),
        (
            "attendance",
            choice_field(_("Attendance"), Attendance.choices),
            _("Choose how invitee %(n)s took part"),
        ),
        ("report_received_on", optional_date(_("Report received on")), None),
        ("report_shared_on", optional_date(_("Report shared with the parents on")), None),
    ),
)
CORE_GROUP_ATTENDEES = RowGroup(
    "attendee",
    _("Member"),
    6,
    (
        ("name", text_field(_("Name")), _("Enter the name of member %(n)s")),
        ("agency", agency_field, _("Choose the agency of member %(n)s")),
        (
            "attendance",
            choice_field(_("Attendance"), Attendance.choices),
            _("Choose how member %(n)s took part"),
        ),
    ),
)


class StrategyDiscussionForm(RowsForm, MomentForm):
    """A strategy discussion: its trigger and when it was held, who took part, what was
    shared and decided, and the actions agreed (docs/domain.md findings 4, 6 and 78).

    Only a manager can give the reason for acting before the discussion (finding 5), so the
    field is on the form for managers only.
    """

    moments = ("triggered", "held")
    row_groups = (STRATEGY_ATTENDEES, STRATEGY_ACTIONS)

    triggered_on = date_field(
        _("Date of the trigger"),
        help_text=_(
            "When the concern that needed a strategy discussion came in. For example, 27 3 2026"
        ),
    )
    triggered_time = forms.CharField(label=_("Time of the trigger"), max_length=5)
    held_on = date_field(_("Date of the strategy discussion"))
    held_time = forms.CharField(label=_("Time it was held"), max_length=5)
    delay_reason = text_area(
        _("Reason for any delay"),
        help_text=_("Needed when it was held later than the local standard after the trigger"),
    )
    information_shared = text_area(_("Information shared"), rows=5)
    outcome = forms.ChoiceField(
        label=_("Decision"), choices=StrategyOutcome.choices, widget=forms.RadioSelect
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
        "triggered_on": _("Enter the date of the trigger"),
        "triggered_time": _("Enter the time of the trigger"),
        "held_on": _("Enter the date of the strategy discussion"),
        "held_time": _("Enter the time it was held"),
        "outcome": _("Choose the decision"),
    }

    def __init__(self, *args: Any, can_give_reason: bool, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in ("triggered_time", "held_time"):
            self.fields[name].widget.attrs["class"] = "govuk-input govuk-input--width-5"
            self.fields[name].help_text = _("Use the 24-hour clock, for example 09:30")
        if not can_give_reason:
            del self.fields["prior_action_reason"]
        self.add_rows()

    def service_error_fields(self) -> dict[str, str]:
        return {
            **super().service_error_fields(),
            "attendees": "attendee_1_name",
            "actions": "action_1_description",
        }

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["people"] = [
            Attendee(name=r["name"], agency=r["agency"], role=r["role"])
            for r in STRATEGY_ATTENDEES.clean(self, data)
        ]
        data["actions"] = [
            AgreedAction(
                description=r["description"],
                owner=r["owner"],
                agency=r["agency"],
                due_on=r["due_on"],
            )
            for r in STRATEGY_ACTIONS.clean(self, data)
        ]
        return data


class StrategyActionDoneForm(CaseworkForm):
    """An action of a strategy discussion marked done."""

    action = forms.ModelChoiceField(label=_("Action"), queryset=None)
    done_on = date_field(_("Date it was done"))
    required_messages = {
        "action": _("Choose the action"),
        "done_on": _("Enter the date it was done"),
    }

    def __init__(self, *args: Any, actions: QuerySet, chosen: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "action",
            actions,
            chosen,
            label=lambda a: f"{a.description} ({a.owner}, {a.get_agency_display()})",
            caption=_("Action"),
        )


class Section47StartForm(CaseworkForm):
    """The start of a section 47 enquiry."""

    started_on = date_field(_("Date the enquiry started"))
    required_messages = {"started_on": _("Enter the date the enquiry started")}


class Section47EndForm(RowsForm, CaseworkForm):
    """The outcome of a section 47 enquiry, signed off by the manager recording it: the child
    seen and seen alone, the agency checks, the medical, and whether a conference is needed
    (docs/domain.md stage 7)."""

    row_groups = (AGENCY_CHECKS,)

    ended_on = date_field(_("Date the enquiry ended"))
    is_child_seen = yes_no_field(_("Was the child seen?"))
    is_seen_alone = yes_no_field(
        _("Was the child seen alone?"), required=False, help_text=_("When the child was seen")
    )
    is_medical = yes_no_field(_("Was there a medical examination?"))
    medical_on = date_field(
        _("Date of the medical"),
        required=False,
        help_text=_("When there was one. For example, 27 3 2026"),
    )
    medical_findings = text_area(_("Findings of the medical"), rows=3)
    outcome = text_area(_("Outcome of the enquiry"), help_text=_("What the enquiry found"))
    is_conference_required = yes_no_field(_("Is an initial child protection conference needed?"))
    sign_off_rationale = text_area(
        _("Manager's rationale"), help_text=_("Why you agree the outcome. This is your sign-off")
    )
    required_messages = {
        "ended_on": _("Enter the date the enquiry ended"),
        "is_child_seen": _("Select whether the child was seen"),
        "is_medical": _("Select whether there was a medical examination"),
        "is_conference_required": _("Select whether an initial conference is needed"),
    }

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.add_rows()

    def service_error_fields(self) -> dict[str, str]:
        return {"checks": "check_1_agency"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["checks"] = [
            Check(agency=r["agency"], checked_on=r["checked_on"], result=r["result"])
            for r in AGENCY_CHECKS.clean(self, data)
        ]
        return data


def _invitees(form: forms.BaseForm, data: dict[str, Any]) -> list[Invitee]:
    return [
        Invitee(
            name=r["name"],
            agency=r["agency"],
            invited_on=r["invited_on"],
            attendance=r["attendance"],
            report_received_on=r["report_received_on"],
            report_shared_on=r["report_shared_on"],
        )
        for r in INVITEES.clean(form, data)
    ]


class ConferenceForm(RowsForm, CaseworkForm):
    """What every child protection conference records: the date and the chair, who was
    invited and how they took part, their reports and when the parents had them, and the
    child's participation (docs/domain.md findings 39 and 45)."""

    row_groups = (INVITEES,)

    held_on = date_field(_("Date of the conference"))
    chair = forms.ModelChoiceField(
        label=_("Chair"),
        queryset=None,
        required=False,
        empty_label=_("Choose the chair"),
    )
    child_participation = forms.ChoiceField(
        label=_("How did the child take part?"),
        choices=ChildParticipation.choices,
        widget=forms.RadioSelect,
    )
    advocate = forms.CharField(
        label=_("Name of the child's advocate"),
        max_length=200,
        required=False,
        help_text=_("When an advocate represented the child"),
    )
    category = forms.ChoiceField(
        label=_("Category of abuse"),
        choices=CategoryOfAbuse.choices,
        required=False,
        widget=forms.RadioSelect,
    )
    rationale = text_area(_("Reasons for the decision"), rows=4)

    def __init__(self, *args: Any, chairs: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["chair"].queryset = chairs
        self.add_rows()

    def service_error_fields(self) -> dict[str, str]:
        return {"invitees": "invitee_1_name"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["invitees"] = _invitees(self, data)
        return data


class InitialConferenceForm(ConferenceForm):
    """An initial child protection conference: the chair's view of the assessment, whether a
    plan is needed, and the plan's category, first outcome and action and contingency
    (docs/domain.md findings 40 and 41)."""

    assessment_rating = forms.ChoiceField(
        label=_("Your rating of the assessment's quality"),
        choices=QualityRating.choices,
        widget=forms.RadioSelect,
    )
    assessment_comment = text_area(_("Comment on the assessment"), rows=3)
    is_plan_needed = yes_no_field(_("Is a child protection plan needed?"))
    category = forms.ChoiceField(
        label=_("Category of abuse"),
        choices=CategoryOfAbuse.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Only when a plan is needed"),
    )
    outcome = forms.CharField(
        label=_("Outcome for the child"),
        max_length=500,
        required=False,
        help_text=_("What will be different for the child. Add more outcomes on the plan"),
    )
    action = forms.CharField(
        label=_("First action: what will be done"), max_length=500, required=False
    )
    action_owner = forms.CharField(label=_("Who will do it"), max_length=200, required=False)
    action_due_on = date_field(_("By when"), required=False)
    contingency = text_area(
        _("Contingency"),
        help_text=_("What happens if the plan does not work, and its consequences"),
    )
    field_order = [
        "held_on",
        "chair",
        "child_participation",
        "advocate",
        "assessment_rating",
        "assessment_comment",
        "is_plan_needed",
        "category",
        "rationale",
        "outcome",
        "action",
        "action_owner",
        "action_due_on",
        "contingency",
    ]
    required_messages = {
        "held_on": _("Enter the date of the conference"),
        "child_participation": _("Choose how the child took part in the conference"),
        "assessment_rating": _("Choose your rating of the assessment's quality"),
        "is_plan_needed": _("Select whether a child protection plan is needed"),
    }


def rating_field(label: Any) -> forms.ChoiceField:
    return forms.ChoiceField(label=label, choices=Progress.choices, widget=forms.RadioSelect)


class ReviewConferenceForm(ConferenceForm):
    """A review child protection conference: progress on each outcome of the plan with its
    evidence (docs/domain.md finding 33), and whether the plan continues."""

    continue_plan = yes_no_field(_("Does the child protection plan continue?"))
    category = forms.ChoiceField(
        label=_("Category of abuse"),
        choices=CategoryOfAbuse.choices,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Only when the category changes"),
    )
    field_order = [
        "held_on",
        "chair",
        "child_participation",
        "advocate",
        "continue_plan",
        "category",
        "rationale",
    ]
    required_messages = {
        "held_on": _("Enter the date of the conference"),
        "child_participation": _("Choose how the child took part in the conference"),
        "continue_plan": _("Select whether the plan continues"),
    }

    def __init__(self, *args: Any, outcomes: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcomes = outcomes
        for outcome in outcomes:
            self.fields[f"progress_{outcome.pk}"] = rating_field(
                _("Progress on: %(outcome)s") % {"outcome": outcome.description}
            )
            self.fields[f"evidence_{outcome.pk}"] = forms.CharField(
                label=_("Evidence"),
                widget=forms.Textarea(attrs={"rows": 3, "class": "govuk-textarea"}),
                error_messages={"required": _("Enter the evidence of progress")},
            )
            self.fields[f"progress_{outcome.pk}"].error_messages["required"] = _(
                "Choose red, amber or green"
            )

    def progress_fields(self) -> list[tuple[Any, forms.BoundField, forms.BoundField]]:
        return [(o, self[f"progress_{o.pk}"], self[f"evidence_{o.pk}"]) for o in self.outcomes]

    def main_fields(self) -> list[forms.BoundField]:
        return [
            f for f in super().main_fields() if not f.name.startswith(("progress_", "evidence_"))
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["progress"] = [
            Rating(
                target=o.pk,
                rating=data.pop(f"progress_{o.pk}", None) or "",
                evidence=data.pop(f"evidence_{o.pk}", None) or "",
            )
            for o in self.outcomes
        ]
        return data


class CoreGroupForm(RowsForm, CaseworkForm):
    """A core group meeting: who came, progress on each action of the plan, and the minutes
    or when they are due (docs/domain.md finding 37)."""

    row_groups = (CORE_GROUP_ATTENDEES,)

    held_on = date_field(_("Date of the core group meeting"))
    minutes = text_area(
        _("Minutes"),
        rows=6,
        help_text=_("Progress on the plan, what is not changing, and the consequences"),
    )
    minutes_due_on = date_field(_("Minutes due by"), required=False)
    required_messages = {"held_on": _("Enter the date of the core group meeting")}

    def __init__(self, *args: Any, actions: list[Any], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.actions = actions
        for action in actions:
            self.fields[f"progress_{action.pk}"] = rating_field(
                _("Progress on: %(action)s") % {"action": action.description}
            )
            self.fields[f"progress_{action.pk}"].error_messages["required"] = _(
                "Choose red, amber or green"
            )
            self.fields[f"note_{action.pk}"] = forms.CharField(
                label=_("What has happened"),
                required=False,
                widget=forms.Textarea(attrs={"rows": 2, "class": "govuk-textarea"}),
            )
        self.add_rows()

    def progress_fields(self) -> list[tuple[Any, forms.BoundField, forms.BoundField]]:
        return [(a, self[f"progress_{a.pk}"], self[f"note_{a.pk}"]) for a in self.actions]

    def main_fields(self) -> list[forms.BoundField]:
        return [f for f in super().main_fields() if not f.name.startswith(("progress_", "note_"))]

    def service_error_fields(self) -> dict[str, str]:
        return {"attendees": "attendee_1_name"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["attendees"] = [
            Attendee(name=r["name"], agency=r["agency"], attendance=r["attendance"])
            for r in CORE_GROUP_ATTENDEES.clean(self, data)
        ]
        data["progress"] = [
            Rating(
                target=a.pk,
                rating=data.pop(f"progress_{a.pk}", None) or "",
                evidence=data.pop(f"note_{a.pk}", None) or "",
            )
            for a in self.actions
        ]
        return data


class MinutesReviewForm(CaseworkForm):
    """The chair's review of the minutes of a core group."""

    meeting = forms.ModelChoiceField(label=_("Core group"), queryset=None)
    minutes = text_area(_("Minutes"), rows=6, help_text=_("Correct or complete them if needed"))
    review_comment = text_area(
        _("Your comment on the minutes"),
        help_text=_("Do they record progress on each action, and the consequences?"),
    )
    required_messages = {"meeting": _("Choose the core group")}

    def __init__(self, *args: Any, meetings: QuerySet, chosen: str | None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "meeting",
            meetings,
            chosen,
            label=lambda m: _("Core group on %(date)s") % {"date": m.held_on.strftime("%-d %B %Y")},
            caption=_("Core group"),
        )
        if "meeting" in self.fixed and not self.is_bound:
            self.fields["minutes"].initial = self.fixed["meeting"].minutes
