"""Forms for recording child in need work: referrals, assessments, plans, visits, closure.

The forms only parse what was typed. The rules (one open episode, no future dates, a
contingency for every plan, evidence before closure) live in ``kinfolk.casework.services``,
whose messages the forms show next to the field they are about.
"""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.choices import ActionStatus, CaseNoteKind, VisitKind
from kinfolk.casework.models import Assessment, Plan, PlanAction, PlanOutcome
from kinfolk.core.codes import AssessmentFactor, PrimaryNeed, ReasonForClosure, ReferralSource
from kinfolk.core.dates import long_date
from kinfolk.core.forms import (
    CaseworkForm,
    MomentForm,
    date_field,
    text_area,
    time_field,
    yes_no_field,
)


def plan_label(plan: Plan) -> str:
    return _("%(plan)s from %(date)s") % {
        "plan": plan.get_kind_display(),
        "date": long_date(plan.start_on),
    }


class ReferralForm(CaseworkForm):
    """A referral accepted by children's social care, which opens a child in need episode."""

    referral_on = date_field(_("Date of the referral"))
    source = forms.ChoiceField(
        label=_("Source of the referral"),
        choices=[("", _("Choose the source")), *ReferralSource.choices],
    )
    primary_need = forms.ChoiceField(
        label=_("Primary need"),
        choices=[("", _("Not known yet")), *PrimaryNeed.choices],
        required=False,
        help_text=_("Can be recorded when the assessment is authorised"),
    )
    required_messages = {
        "referral_on": _("Enter the date of the referral"),
        "source": _("Choose the source of the referral"),
    }


class AssessmentStartForm(CaseworkForm):
    """The start of a child and family assessment."""

    started_on = date_field(_("Date the assessment started"))
    required_messages = {"started_on": _("Enter the date the assessment started")}


class AssessmentAuthoriseForm(CaseworkForm):
    """A manager authorises an assessment: the factors, whether the child was seen, and the
    analysis (docs/domain.md findings 6, 38 and 42)."""

    assessment = forms.ModelChoiceField(
        label=_("Which assessment?"),
        error_messages={"invalid_choice": _("Choose an assessment waiting to be authorised")},
        queryset=Assessment.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    authorised_on = date_field(_("Date of authorisation"))
    factors = forms.MultipleChoiceField(
        label=_("Factors identified"),
        choices=AssessmentFactor.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply, or 'No factors identified'"),
    )
    is_child_seen = yes_no_field(_("Was the child seen during the assessment?"))
    analysis = text_area(
        _("Analysis"),
        rows=8,
        help_text=_(
            "What the information means for the child: risks, protective factors, and what "
            "each source said, verified or not"
        ),
    )
    required_messages = {
        "assessment": _("Choose the assessment"),
        "authorised_on": _("Enter the date of authorisation"),
        "is_child_seen": _("Select whether the child was seen"),
    }

    def __init__(
        self, *args: Any, assessments: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "assessment",
            assessments,
            chosen,
            label=lambda a: _("Started on %(date)s") % {"date": long_date(a.started_on)},
            caption=_("Assessment"),
        )


class ChildInNeedPlanStartForm(CaseworkForm):
    """A child in need plan, with its contingency (docs/domain.md finding 41)."""

    start_on = date_field(_("Date the plan starts"))
    contingency = text_area(
        _("Contingency"),
        help_text=_("What happens if the plan does not work, and what the family has been told"),
    )
    required_messages = {"start_on": _("Enter the date the plan starts")}


class OpenPlanForm(CaseworkForm):
    """A form about one of the child's open plans: the plan is chosen first, or fixed when
    the page was opened from that plan."""

    plan = forms.ModelChoiceField(
        label=_("Which plan?"),
        error_messages={"invalid_choice": _("Choose one of the child's open plans")},
        queryset=Plan.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    required_messages = {"plan": _("Choose the plan")}

    def __init__(
        self, *args: Any, plans: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one("plan", plans, chosen, label=plan_label, caption=_("Plan"))


class PlanContingencyForm(OpenPlanForm):
    """The contingency of an open plan: what happens if it does not work (docs/domain.md
    finding 41)."""

    contingency = text_area(
        _("Contingency"),
        rows=6,
        help_text=_("What happens if the plan does not work, and what the family has been told"),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "plan" in self.fixed and not self.is_bound:
            self.initial.setdefault("contingency", self.fixed["plan"].contingency)


class PlanFamilyVersionForm(OpenPlanForm):
    """The plan in plain words for the family (docs/printing.md)."""

    family_version = text_area(
        _("Family version"),
        rows=10,
        help_text=_(
            "Write to the parents and carers, in plain words: why there is a plan, what will "
            "change for the child, what they and the professionals will do, and what happens "
            "if things do not change"
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if "plan" in self.fixed and not self.is_bound:
            self.initial.setdefault("family_version", self.fixed["plan"].family_version)


class PlanOutcomeForm(OpenPlanForm):
    """What the plan should achieve for the child."""

    description = forms.CharField(
        label=_("Outcome for the child"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "What will be different for the child, for example: Ava attends school every day"
        ),
    )


class PlanActionForm(OpenPlanForm):
    """Who does what by when (docs/domain.md finding 8)."""

    description = forms.CharField(
        label=_("What will be done"),
        max_length=500,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    outcome = forms.ModelChoiceField(
        label=_("Outcome it works towards"),
        queryset=PlanOutcome.objects.none(),
        required=False,
        empty_label=_("Not linked to an outcome"),
    )
    owner = forms.ModelChoiceField(
        label=_("Member of staff who will do it"),
        queryset=None,
        required=False,
        empty_label=_("Choose a member of staff"),
        help_text=_("Leave this when someone in another agency will do it"),
    )
    owner_outside = forms.CharField(
        label=_("Or someone in another agency"),
        max_length=200,
        required=False,
        help_text=_("Their role and agency, for example: Northmoor Primary School, head of year 5"),
    )
    due_on = date_field(_("Date it must be done by"), required=False)

    def __init__(self, *args: Any, plans: QuerySet, owners: QuerySet, **kwargs: Any) -> None:
        super().__init__(*args, plans=plans, **kwargs)
        self.fields["outcome"].queryset = PlanOutcome.objects.filter(plan__in=plans)
        self.fields["owner"].queryset = owners

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        outcome, plan = data.get("outcome"), data.get("plan")
        if outcome is not None and plan is not None and outcome.plan_id != plan.pk:
            self.add_error("outcome", _("Choose an outcome of the same plan"))
        return data


class PlanActionUpdateForm(CaseworkForm):
    """Progress on an action."""

    action = forms.ModelChoiceField(
        label=_("Which action?"),
        error_messages={"invalid_choice": _("Choose an action of one of the child's open plans")},
        queryset=PlanAction.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=ActionStatus.choices, widget=forms.RadioSelect
    )
    required_messages = {
        "action": _("Choose the action"),
        "status": _("Choose the status of the action"),
    }

    def __init__(
        self, *args: Any, actions: QuerySet, chosen: str | None = None, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.choose_one(
            "action",
            actions,
            chosen,
            label=lambda a: (
                _("%(action)s (%(owner)s, due %(date)s)")
                % {
                    "action": a.description,
                    "owner": a.owner_name,
                    "date": long_date(a.due_on),
                }
            ),
            caption=_("Action"),
        )
        if "action" in self.fixed and not self.is_bound:
            self.initial.setdefault("status", self.fixed["action"].status)


class VisitForm(CaseworkForm):
    """A visit to the child: seen, seen alone, why, and what the child said (docs/domain.md
    findings 16, 43 and 53)."""

    visited_on = date_field(_("Date of the visit"))
    kind = forms.ChoiceField(
        label=_("Kind of visit"),
        choices=[
            (VisitKind.CHILD_IN_NEED.value, VisitKind.CHILD_IN_NEED.label),
            (VisitKind.CHILD_PROTECTION.value, VisitKind.CHILD_PROTECTION.label),
        ],
        widget=forms.RadioSelect,
    )
    is_child_seen = yes_no_field(_("Was the child seen?"))
    is_seen_alone = yes_no_field(_("Was the child seen alone?"), required=False)
    purpose = forms.CharField(
        label=_("Purpose of the visit"),
        max_length=300,
        required=False,
        help_text=_("For example, to check on progress against the plan"),
    )
    child_views = text_area(
        _("The child's views"),
        rows=5,
        help_text=_(
            "What the child said, or showed, about their life and the plan, in their words"
        ),
    )
    required_messages = {
        "visited_on": _("Enter the date of the visit"),
        "kind": _("Choose the kind of visit"),
        "is_child_seen": _("Select whether the child was seen"),
    }


class ClosureForm(CaseworkForm):
    """Closing the case: the reason, and evidence of what changed for each outcome of the
    open plans (docs/domain.md finding 9)."""

    closed_on = date_field(_("Date the case closed"))
    reason = forms.ChoiceField(
        label=_("Reason for closure"),
        choices=[("", _("Choose the reason")), *ReasonForClosure.choices],
    )
    required_messages = {
        "closed_on": _("Enter the date the case closed"),
        "reason": _("Choose the reason for closure"),
    }

    def __init__(self, *args: Any, outcomes: Iterable[PlanOutcome], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.outcomes = list(outcomes)
        for outcome in self.outcomes:
            self.fields[self.evidence_field(outcome)] = text_area(
                outcome.description,
                rows=3,
                initial=outcome.evidence,
                help_text=_("Evidence of what has changed for the child, and how you know"),
            )

    @staticmethod
    def evidence_field(outcome: PlanOutcome) -> str:
        return f"evidence_{outcome.pk}"

    def evidence_fields(self) -> list[forms.BoundField]:
        """The evidence boxes, one for each outcome of the open plans."""
        return [self[self.evidence_field(o)] for o in self.outcomes]

    def evidence(self) -> dict[int, str]:
        return {o.pk: self.cleaned_data.get(self.evidence_field(o), "") for o in self.outcomes}

    def service_error_fields(self) -> dict[str, str]:
        # The service names every outcome still without evidence; the message goes next to the
        # first of them.
        missing = [
            self.evidence_field(o)
            for o in self.outcomes
            if not (self.cleaned_data.get(self.evidence_field(o)) or "").strip()
        ]
        return {"evidence": missing[0]} if missing else {}


class CaseNoteForm(MomentForm):
    """A case note: what kind of work, when, and what happened, in the worker's words."""

    moments = ("occurred",)
    kind = forms.ChoiceField(
        label=_("Kind of work"), choices=CaseNoteKind.choices, widget=forms.RadioSelect
    )
    occurred_on = date_field(_("Date"))
    occurred_time = time_field(_("Time"))
    text = text_area(
        _("What happened"),
        rows=10,
        required=True,
        help_text=_(
            "Who was there, what was said and seen, what the child said, and what happens next"
        ),
    )
    is_significant = forms.BooleanField(
        label=_("This is a significant event in the child's life"),
        required=False,
        help_text=_("Significant events are marked in the chronology"),
    )
    required_messages = {
        "kind": _("Choose the kind of work"),
        "occurred_on": _("Enter the date of the work"),
        "occurred_time": _("Enter the time of the work"),
        "text": _("Enter what happened"),
    }
