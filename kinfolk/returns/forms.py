"""The forms of the returns pages: building a return, choosing its collection year, and the
data quality filters."""

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.core.forms import GovukDateField, GovukFormMixin
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.models import ReturnKind

UNKNOWN_YEAR = _("Choose a collection year from the list")


def year_choices(
    years: list[CollectionYear], *, current: CollectionYear, short: bool = False
) -> list[tuple[str, str]]:
    """Each year offered, the current one and the one just ended said in words (briefly for
    a select, whose width is that of a column)."""
    just_ended = current.previous()
    choices = []
    for year in years:
        if year == current:
            label = (
                _("%(year)s (current year)")
                if short
                else _("%(year)s, the current year (still being recorded)")
            ) % {"year": year.label}
        elif year == just_ended:
            label = (
                _("%(year)s (just ended)") if short else _("%(year)s, the year just ended")
            ) % {"year": year.label}
        else:
            label = year.label
        choices.append((year.label, str(label)))
    return choices


class CollectionYearForm(GovukFormMixin, forms.Form):
    """Which collection year: one of the years the pages offer (``services.collection_years``);
    ``cleaned_data["year"]`` is the ``CollectionYear``."""

    year = forms.ChoiceField(
        label=_("Collection year"),
        error_messages={"invalid_choice": UNKNOWN_YEAR},
    )

    #: Labels short enough for a select in a column.
    short_labels = True

    def __init__(
        self, *args: Any, years: list[CollectionYear], current: CollectionYear, **kwargs: Any
    ) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = year_choices(years, current=current, short=self.short_labels)

    def clean_year(self) -> CollectionYear:
        try:
            return CollectionYear.parse(self.cleaned_data["year"])
        except ValueError:  # only a label offered gets here, but keep the message
            raise forms.ValidationError(UNKNOWN_YEAR) from None


class ReturnYearForm(CollectionYearForm):
    """The collection year of the CIN census or SSDA903 return to build."""

    short_labels = False

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        year = self.fields["year"]
        year.widget = forms.RadioSelect(choices=year.choices)
        year.help_text = _(
            "The returns sent in the spring and summer are for the year that ended on 31 March"
        )


class AnnexAForm(GovukFormMixin, forms.Form):
    """The date of Ofsted's Annex A lists: the day the inspectors ask for them."""

    as_of = GovukDateField(
        label=_("Date of the lists"),
        help_text=_("Usually the day the inspectors asked for them, for example 27 3 2026"),
    )


class DataQualityFilterForm(CollectionYearForm):
    """Choose the year checked, and narrow the data quality list to one return or one rule."""

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

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["year"].required = False

    def clean_year(self) -> CollectionYear | None:
        return super().clean_year() if self.cleaned_data.get("year") else None
