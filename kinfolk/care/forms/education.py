"""Forms for the education of a child in care: personal education plans with their SMART
targets, and the virtual school's rating (docs/domain.md findings 55, 56 and 66). The rules live
in ``kinfolk.care.services.education``."""

from typing import Any

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.care.forms.fields import radios, text_field
from kinfolk.care.forms.health import ActionRowsForm
from kinfolk.care.models import (
    PEPQuality,
    PersonalEducationPlan,
    PupilProgress,
    SENStatus,
)
from kinfolk.core.dates import long_date
from kinfolk.core.forms import CaseworkForm, date_field, text_area, yes_no_field


class PEPForm(ActionRowsForm):
    """A personal education plan with up to three SMART targets (docs/domain.md findings 55, 56,
    66)."""

    row_prefix, row_count, row_legend = "target", 3, _("SMART target")
    row_what = _("What the target is")
    row_hint = _("At least one target: what, who and by when")

    made_on = date_field(_("Date of the PEP meeting"))
    school = text_field(_("School or setting"))
    is_out_of_area = yes_no_field(_("Is the school outside the authority?"), required=False)
    sen_status = radios(_("Special educational needs"), SENStatus.choices, required=False)
    child_views = text_area(_("The child's views"), required=True)
    pupil_premium = forms.DecimalField(
        label=_("Pupil premium plus this term (£)"),
        required=False,
        min_value=0,
        max_digits=8,
        decimal_places=2,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-10"}),
        error_messages={"invalid": _("Enter an amount, like 600")},
    )
    pupil_premium_spending = text_area(_("How the pupil premium is spent"), rows=3)
    attendance_percent = forms.DecimalField(
        label=_("Attendance this term (%)"),
        required=False,
        max_digits=4,
        decimal_places=1,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-4"}),
        error_messages={"invalid": _("Enter attendance as a number, like 95.5")},
    )
    suspensions = forms.IntegerField(
        label=_("Suspensions this term"),
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-3"}),
        error_messages={"invalid": _("Enter the number of suspensions, like 0")},
    )
    is_permanently_excluded = yes_no_field(_("Permanently excluded?"), required=False)
    progress = radios(_("Progress"), PupilProgress.choices, required=False)
    attainment = text_area(_("Attainment"), rows=3)
    aspirations = text_area(_("The child's aspirations"), rows=3)
    required_messages = {
        "made_on": _("Enter the date of the PEP meeting"),
        "school": _("Enter the school or setting"),
        "child_views": _("Enter the child's views"),
    }

    def service_error_fields(self) -> dict[str, str]:
        return {"targets": "target_1_description"}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        data["targets"] = self.clean_actions(data)
        return data


def pep_label(pep: PersonalEducationPlan) -> str:
    return _("PEP of %(date)s") % {"date": long_date(pep.made_on)}


class PEPRatingForm(CaseworkForm):
    """The virtual school's quality rating of a PEP."""

    pep = forms.ModelChoiceField(
        label=_("Which PEP?"),
        queryset=PersonalEducationPlan.objects.none(),
        empty_label=None,
        widget=forms.RadioSelect,
    )
    quality = radios(_("Quality of the PEP"), PEPQuality.choices)
    rated_on = date_field(_("Date rated"))
    required_messages = {"quality": _("Choose the quality rating")}

    def __init__(self, *args: Any, peps: QuerySet, chosen: str | None = None, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.choose_one("pep", peps, chosen, label=pep_label, caption=_("PEP"))
