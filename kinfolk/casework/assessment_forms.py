"""The forms of an assessment as a document: the worker's draft, in sections, and the
manager's decision (docs/assessments.md)."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.choices import AuthorisationCheck, Verification
from kinfolk.casework.models import Assessment
from kinfolk.casework.services.assessments import ITEM_SECTIONS, NEGLECT_AREAS
from kinfolk.core.codes import AssessmentFactor
from kinfolk.core.dates import long_date
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field

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
    history = text_area(
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

    def __init__(self, *args: Any, assessment: Assessment, **kwargs: Any) -> None:
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
            singular, _plural = ITEM_LABELS[name]
            for n in range(1, count + 1):
                self.fields[f"{name}_{n}_text"] = forms.CharField(
                    label=_("%(item)s %(n)d") % {"item": singular, "n": n},
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
            name: getattr(assessment, name)
            for name in (
                "reason",
                "lived_experience",
                "child_views",
                "child_views_on",
                "child_views_method",
                "history",
                "parenting_capacity",
                "identity_needs",
                "analysis",
                "recommendation",
                "pre_birth_meeting_on",
                "factors",
            )
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
        content: dict[str, Any] = {
            name: data.get(name)
            for name in (
                "reason",
                "lived_experience",
                "child_views",
                "child_views_on",
                "child_views_method",
                "history",
                "parenting_capacity",
                "identity_needs",
                "analysis",
                "recommendation",
                "factors",
            )
        }
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
        label=_("Your decision"),
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
