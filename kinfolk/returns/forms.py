"""The forms of the returns pages: building a return, and the data quality filters."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import GovukDateField, GovukFormMixin
from kinfolk.returns.models import ReturnKind


class AnnexAForm(GovukFormMixin, forms.Form):
    """The date of Ofsted's Annex A lists: the day the inspectors ask for them."""

    as_of = GovukDateField(
        label=_("Date of the lists"),
        help_text=_("Usually the day the inspectors asked for them, for example 27 3 2026"),
    )


class DataQualityFilterForm(GovukFormMixin, forms.Form):
    """Narrow the data quality list to one return or one rule."""

    kind = forms.ChoiceField(
        label=_("Return"),
        required=False,
        choices=[
            ("", _("Both returns")),
            (ReturnKind.CIN_CENSUS.value, ReturnKind.CIN_CENSUS.label),
            (ReturnKind.SSDA903.value, ReturnKind.SSDA903.label),
        ],
    )
    rule = forms.CharField(label=_("Rule"), required=False, max_length=20)
