"""Forms for recording child in need work: referrals, assessments, plans, visits, closure.

The forms only parse what was typed. The rules (one open episode, no future dates, a
contingency for every plan, evidence before closure) live in ``kinfolk.casework.services``,
whose messages the forms show next to the field they are about.
"""

from collections.abc import Iterable
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.choices import ActionStatus, VisitKind
from kinfolk.casework.models import Assessment, Plan, PlanAction, PlanOutcome
from kinfolk.core.codes import AssessmentFactor, PrimaryNeed, ReasonForClosure, ReferralSource
from kinfolk.core.forms import GovukDateField, GovukFormMixin, add_service_errors

DATE_HINT = _("For example, 27 3 2026")
YES_NO = [("yes", _("Yes")), ("no", _("No"))]


def yes_no_field(label: str, *, required: bool = True, help_text: str = "") -> forms.Field:
    """A yes or no question answered with two radios; the answer is ``True`` or ``False``
    (``None`` when an optional question is left unanswered)."""
    return forms.TypedChoiceField(
        label=label,
        choices=YES_NO,
        coerce=lambda value: value == "yes",
        empty_value=None,
        required=required,
        help_text=help_text,
        widget=forms.RadioSelect,
    )


def date_field(label: str, **kwargs: Any) -> GovukDateField:
    kwargs.setdefault("help_text", DATE_HINT)
    return GovukDateField(label=label, **kwargs)


def text_area(label: str, *, rows: int = 4, **kwargs: Any) -> forms.CharField:
    kwargs.setdefault("required", False)
    return forms.CharField(label=label, widget=forms.Textarea(attrs={"rows": rows}), **kwargs)


class CaseworkForm(GovukFormMixin, forms.Form):
    """A casework form: GOV.UK markup, with required-field messages that read well and the
    services' refusals shown where the person can act on them."""

    #: Messages for required fields whose label does not follow "Enter the ..." well.
    required_messages: dict[str, Any] = {}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: The records fixed by ``choose_one``, by field name.
        self.fixed: dict[str, Any] = {}
        #: What the page is about, when a choice is fixed: (caption, description) pairs.
        self.fixed_summary: list[tuple[Any, str]] = []
        for name, message in self.required_messages.items():
            if name in self.fields:
                self.fields[name].error_messages["required"] = message

    def service_error_fields(self) -> dict[str, str]:
        """Where a service's error about something that is not a field of the form goes."""
        return {}

    def show_service_error(self, error: ValidationError) -> None:
        """Show a service's refusal: next to the field it is about, or in the error summary
        when that field is hidden or not on the form."""
        if hasattr(error, "error_dict"):
            aliases = self.service_error_fields()
            hidden = {field.name for field in self.hidden_fields()}
            moved: dict[str, list[ValidationError]] = {}
            for key, errors in error.error_dict.items():
                target = aliases.get(key, key)
                if target in hidden or target not in self.fields:
                    target = NON_FIELD_ERRORS
                moved.setdefault(target, []).extend(errors)
            error = ValidationError(moved)
        add_service_errors(self, error)

    def full_clean(self) -> None:
        super().full_clean()
        # The error summary lists visible fields only: a hidden choice that is no longer valid
        # (the action was removed, say) must still be reported.
        for field in self.hidden_fields():
            for message in self.errors.pop(field.name, []):
                self.add_error(None, message)

    def choose_one(
        self, name: str, queryset: QuerySet, chosen: str | None, *, label: Any, caption: Any
    ) -> None:
        """Let the person choose one record of ``queryset``, or fix the choice (as a hidden
        field, shown above the form under ``caption``) when the page was opened for one record
        or only one is possible."""
        field = self.fields[name]
        field.queryset = queryset
        field.label_from_instance = label
        records = list(queryset)
        fixed = next((r for r in records if chosen and str(r.pk) == chosen), None)
        if fixed is None and len(records) == 1:
            fixed = records[0]
        if fixed is not None:
            field.widget = forms.HiddenInput()
            field.initial = fixed.pk
            self.fixed[name] = fixed
            self.fixed_summary.append((caption, label(fixed)))


def plan_label(plan: Plan) -> str:
    return _("%(plan)s from %(date)s") % {
        "plan": plan.get_kind_display(),
        "date": plan.start_on.strftime("%-d %B %Y"),
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
            label=lambda a: _("Started on %(date)s") % {"date": a.started_on.strftime("%-d %B %Y")},
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


class PlanEndForm(CaseworkForm):
    """The end of a plan."""

    end_on = date_field(_("Date the plan ended"))
    required_messages = {"end_on": _("Enter the date the plan ended")}


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
                    "date": a.due_on.strftime("%-d %B %Y"),
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
