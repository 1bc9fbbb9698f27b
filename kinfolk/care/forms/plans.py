"""The form for a new version of a child's care plan (docs/domain.md stage 16, findings 52, 53
and 54). It checks that each objective row is complete; the rules (looked after on the date,
the child's views with their date and method) live in ``kinfolk.care.services.plans``."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.reviews import (
    PermanencePlan,
    ViewsMethod,
)
from kinfolk.care.services.plans import Objective
from kinfolk.core.dates import long_date
from kinfolk.core.forms import CaseworkForm, RowsMixin, date_field, text_area

#: How many objective rows the care plan form offers, and decision rows the review form offers.
OBJECTIVE_ROWS = 4


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
    row_legend = _("Objective")
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

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["objectives"] = [
            Objective(
                description=row[""],
                owner=row["_owner"],
                due_on=row["_due_on"],
                is_identity=bool(row["_is_identity"]),
            )
            for row in self.clean_rows(data)
        ]
        if not data["objectives"] and "objective_1" not in self.errors:
            self.add_error("objective_1", _("Add at least one objective for the child"))
        return data

    def service_error_fields(self) -> dict[str, str]:
        return {"objectives": "objective_1"}
