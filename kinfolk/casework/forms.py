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

from kinfolk.casework.choices import (
    ActionStatus,
    AuthorisationCheck,
    Verification,
    VisitKind,
)
from kinfolk.casework.models import Assessment, Plan, PlanAction, PlanOutcome
from kinfolk.casework.services.assessments import ITEM_SECTIONS, NEGLECT_AREAS, TEXT_SECTIONS
from kinfolk.core.codes import AssessmentFactor, PrimaryNeed, ReasonForClosure, ReferralSource
from kinfolk.core.dates import long_date
from kinfolk.core.forms import (
    CaseworkForm,
    date_field,
    text_area,
    yes_no_field,
)

#: The fields of the assessment's draft that are read and written as they are.
DRAFTED_FIELDS = (*TEXT_SECTIONS, "child_views_on", "child_views_method", "factors")


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


SCORES = [("", _("Not scored")), *((str(n), str(n)) for n in range(1, 6))]
ITEM_LABELS = {
    "risks": (_("Risk"), _("Risks")),
    "protective_factors": (_("Protective factor"), _("Protective factors")),
}


class AssessmentStartForm(CaseworkForm):
    """The start of a child and family assessment."""

    started_on = date_field(_("Date the assessment started"))
    required_messages = {"started_on": _("Enter the date the assessment started")}


class AssessmentDraftForm(CaseworkForm):
    """The worker's draft, every section optional until it is submitted (the service says
    what a submission lacks, next to each field)."""

    reason = text_area(_("Reason for the assessment"), rows=4)
    lived_experience = text_area(
        _("The child's lived experience"),
        rows=6,
        help_text=_("A day in the child's life: what it is like to be this child in this family"),
    )
    child_views = text_area(_("The child's views, wishes and feelings"), rows=6)
    child_views_on = date_field(_("Date the child's views were gained"), required=False)
    child_views_method = forms.CharField(
        label=_("How the child's views were gained"),
        max_length=500,
        required=False,
        help_text=_("For example, seen alone at school using a three houses tool"),
    )
    is_child_seen = yes_no_field(_("Was the child seen during the assessment?"), required=False)
    is_child_seen_alone = yes_no_field(_("Was the child seen alone?"), required=False)
    relevant_history = text_area(
        _("Relevant history"),
        rows=6,
        help_text=_("Drawn from the chronology and earlier contacts, referrals and plans"),
    )
    parenting_capacity = text_area(_("Parenting capacity"), rows=6)
    identity_needs = text_area(
        _("Identity needs"),
        rows=4,
        help_text=_("Culture, faith, language, ethnicity, sexuality and disability"),
    )
    analysis = text_area(
        _("Analysis"),
        rows=8,
        help_text=_("What the information means for the child, weighing risks and strengths"),
    )
    recommendation = text_area(_("Recommendation"), rows=4)
    pre_birth_meeting_on = date_field(_("Date of the pre-birth planning meeting"), required=False)
    neglect_overall = forms.ChoiceField(label=_("Overall score"), choices=SCORES, required=False)
    factors = forms.MultipleChoiceField(
        label=_("Factors identified (DfE)"),
        choices=AssessmentFactor.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Select all that apply, or 'No factors identified'"),
    )

    def __init__(self, *args: Any, assessment: Assessment | None, **kwargs: Any) -> None:
        # A page with no assessment to draft shows why instead of the form.
        assessment = assessment or Assessment()
        self.assessment = assessment
        if not kwargs.get("data"):
            kwargs.setdefault("initial", {}).update(self.initial_from(assessment))
        super().__init__(*args, **kwargs)
        if assessment.is_pre_birth:
            for name in ("is_child_seen", "is_child_seen_alone"):
                del self.fields[name]
        else:
            del self.fields["pre_birth_meeting_on"]
        for area, label in NEGLECT_AREAS.items():
            self.fields[f"neglect_{area}"] = forms.ChoiceField(
                label=label, choices=SCORES, required=False
            )
        self.item_counts = {}
        for name in ITEM_SECTIONS:
            count = max(self.posted_rows(name), len(getattr(assessment, name)) + 1, 2)
            self.item_counts[name] = count
            for n in range(1, count + 1):
                self.fields[f"{name}_{n}_text"] = forms.CharField(
                    label=_("What it is"),
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                )
                self.fields[f"{name}_{n}_source"] = forms.CharField(
                    label=_("Source"),
                    max_length=200,
                    required=False,
                    help_text=_("Who said it, or which agency"),
                )
                self.fields[f"{name}_{n}_verification"] = forms.ChoiceField(
                    label=_("Verified?"),
                    choices=[("", _("Choose")), *Verification.choices],
                    required=False,
                )

    def posted_rows(self, name: str) -> int:
        data = self.data if hasattr(self, "data") else {}
        numbers = [
            int(key.split("_")[-2])
            for key in data
            if key.startswith(f"{name}_") and key.endswith("_text") and key.split("_")[-2].isdigit()
        ]
        return max(numbers, default=0)

    @staticmethod
    def initial_from(assessment: Assessment) -> dict[str, Any]:
        initial: dict[str, Any] = {
            name: getattr(assessment, name) for name in (*DRAFTED_FIELDS, "pre_birth_meeting_on")
        }
        for name in ("is_child_seen", "is_child_seen_alone"):
            value = getattr(assessment, name)
            initial[name] = "" if value is None else ("yes" if value else "no")
        tool = assessment.neglect_tool or {}
        for area, score in (tool.get("areas") or {}).items():
            initial[f"neglect_{area}"] = str(score)
        if tool.get("overall"):
            initial["neglect_overall"] = str(tool["overall"])
        for name in ITEM_SECTIONS:
            for n, item in enumerate(getattr(assessment, name), start=1):
                for part in ("text", "source", "verification"):
                    initial[f"{name}_{n}_{part}"] = item[part]
        return initial

    def item_rows(self, name: str) -> list[tuple[str, list[forms.BoundField]]]:
        singular, _plural = ITEM_LABELS[name]
        return [
            (
                f"{singular} {n}",
                [self[f"{name}_{n}_{part}"] for part in ("text", "source", "verification")],
            )
            for n in range(1, self.item_counts[name] + 1)
        ]

    def risk_rows(self) -> list[tuple[str, list[forms.BoundField]]]:
        return self.item_rows("risks")

    def protective_rows(self) -> list[tuple[str, list[forms.BoundField]]]:
        return self.item_rows("protective_factors")

    def neglect_fields(self) -> list[forms.BoundField]:
        return [self[f"neglect_{area}"] for area in NEGLECT_AREAS] + [self["neglect_overall"]]

    def content(self) -> dict[str, Any]:
        """The draft's sections, as the services take them."""
        data = self.cleaned_data
        content: dict[str, Any] = {name: data.get(name) for name in DRAFTED_FIELDS}
        if self.assessment.is_pre_birth:
            content["pre_birth_meeting_on"] = data.get("pre_birth_meeting_on")
        else:
            content["is_child_seen"] = data.get("is_child_seen")
            content["is_child_seen_alone"] = data.get("is_child_seen_alone")
        for name in ITEM_SECTIONS:
            content[name] = [
                {
                    part: data.get(f"{name}_{n}_{part}") or ""
                    for part in ("text", "source", "verification")
                }
                for n in range(1, self.item_counts[name] + 1)
            ]
        content["neglect_tool"] = {
            "areas": {area: data.get(f"neglect_{area}") or None for area in NEGLECT_AREAS},
            "overall": data.get("neglect_overall") or None,
        }
        return content

    def service_error_fields(self) -> dict[str, str]:
        return {
            "risks": "risks_1_text",
            "protective_factors": "protective_factors_1_text",
            "neglect_tool": "neglect_overall",
        }


class AssessmentDecisionForm(CaseworkForm):
    """The manager's decision on a submitted assessment: authorise it with a rationale, the
    checklist confirmed (docs/domain.md finding 42), or return it with reasons."""

    assessment = forms.ModelChoiceField(
        label=_("Which assessment?"),
        error_messages={"invalid_choice": _("Choose an assessment waiting for a manager")},
        queryset=Assessment.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    decision = forms.ChoiceField(
        label=_("Do you authorise the assessment?"),
        choices=[
            ("authorise", _("Authorise the assessment")),
            ("return", _("Return it to the worker for changes")),
        ],
        widget=forms.RadioSelect,
    )
    decided_on = date_field(_("Date of your decision"))
    checklist = forms.MultipleChoiceField(
        label=_("Authorisation checklist"),
        choices=AuthorisationCheck.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("To authorise, confirm each of these from the assessment above"),
    )
    rationale = text_area(_("Rationale for authorising"), rows=4)
    reasons = text_area(
        _("Reasons for returning it"),
        rows=4,
        help_text=_("What the worker needs to change or add"),
    )
    required_messages = {
        "assessment": _("Choose the assessment"),
        "decision": _("Choose whether to authorise the assessment or return it"),
        "decided_on": _("Enter the date of your decision"),
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

    def service_error_fields(self) -> dict[str, str]:
        return {"authorised_on": "decided_on", "returned_on": "decided_on"}


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
        self.choose_one("plan", plans, chosen, label=lambda plan: plan.label, caption=_("Plan"))


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
        help_text=_(
            "For example, to check on progress against the plan. Needed for a duty visit to "
            "a child with no allocated worker"
        ),
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
    summary = text_area(
        _("Summary of the work and why the case can close"),
        rows=6,
        required=False,
        help_text=_(
            "For the manager who agrees the closure: what changed and what support goes on"
        ),
    )
    required_messages = {
        "closed_on": _("Enter the date the case closed"),
        "reason": _("Choose the reason for closure"),
    }

    def __init__(
        self, *args: Any, outcomes: Iterable[PlanOutcome], is_request: bool = False, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        #: A worker asks a manager to agree the closure, with a summary; a manager closes.
        self.is_request = is_request
        if is_request:
            self.fields["closed_on"].label = _("Date the case is to close")
            self.fields["summary"].required = True
            self.fields["summary"].error_messages["required"] = _(
                "Enter a summary of the work and why the case can close"
            )
        else:
            del self.fields["summary"]
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
