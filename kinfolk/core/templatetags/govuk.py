"""Template helpers for the GOV.UK components in ``templates/components/``."""

import datetime as dt

from django import forms, template
from django.forms.boundfield import BoundField
from django.utils.safestring import SafeString

from kinfolk.core.dates import long_date, long_datetime
from kinfolk.core.forms import GovukDateInput

register = template.Library()


@register.simple_tag
def widget_kind(field: BoundField) -> str:
    """Which GOV.UK pattern renders this field."""
    widget = field.field.widget
    if isinstance(widget, GovukDateInput):
        return "date"
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    return "input"


@register.filter
def described_by(field: BoundField) -> str:
    """The ids of the hint and error messages that describe a field."""
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    for index, _error in enumerate(field.errors, start=1):
        ids.append(f"{field.auto_id}-error" + (f"-{index}" if index > 1 else ""))
    return " ".join(ids)


@register.filter
def error_anchor(field: BoundField) -> str:
    """Where the error summary's link for a field should take the reader."""
    widget = field.field.widget
    if isinstance(widget, GovukDateInput):
        return f"{field.auto_id}_0"
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return f"{field.auto_id}_0"
    return field.id_for_label or field.auto_id


@register.simple_tag
def govuk_widget(field: BoundField, described: str) -> SafeString:
    """Render a single-input widget with its error class and description."""
    attrs = {}
    if described:
        attrs["aria-describedby"] = described
    if field.errors:
        css = field.field.widget.attrs.get("class", "")
        suffix = (
            "govuk-select--error"
            if "govuk-select" in css
            else ("govuk-textarea--error" if "govuk-textarea" in css else "govuk-input--error")
        )
        attrs["class"] = f"{css} {suffix}".strip()
    return field.as_widget(attrs=attrs)


@register.filter(name="long_date")
def long_date_filter(day: dt.date | None) -> str:
    """A date in full (3 March 2025); empty for no date."""
    return long_date(day) if day else ""


@register.filter(name="long_datetime")
def long_datetime_filter(moment: dt.datetime | None) -> str:
    """A date and time in Europe/London (3 March 2025 at 14:30); empty for none."""
    return long_datetime(moment) if moment else ""
