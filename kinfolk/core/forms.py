"""Forms in the GOV.UK Design System's markup.

Every form renders its fields through ``templates/components/field.html``, which produces
the GOV.UK form group for each kind of widget (text input, select, radios, checkboxes, date
input, textarea), with the hint and the error message tied to the input for screen readers.
"""

import datetime as dt
from typing import Any

from django import forms
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _


class GovukRenderer(TemplatesSetting):
    """Renders forms and fields with the project's GOV.UK component templates."""

    form_template_name = "components/form.html"
    field_template_name = "components/field.html"


class GovukDateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year in three boxes."""

    template_name = "components/widgets/date_input.html"
    parts = ("day", "month", "year")

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        widgets = {part: forms.TextInput(attrs={"inputmode": "numeric"}) for part in self.parts}
        super().__init__(widgets, attrs)

    def decompress(self, value: Any) -> list[Any]:
        if isinstance(value, dt.date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(self, data: Any, files: Any, name: str) -> str | None:
        day, month, year = ((data.get(f"{name}_{part}") or "").strip() for part in self.parts)
        if not (day or month or year):
            return None
        return f"{year}-{month.zfill(2)}-{day.zfill(2)}"


class GovukDateField(forms.DateField):
    """A date entered in the GOV.UK date input, with GOV.UK-style error messages."""

    widget = GovukDateInput
    default_error_messages = {
        "invalid": _("Enter a real date, for example 27 3 2024"),
        "required": _("Enter a date"),
    }

    def __init__(self, **kwargs: Any) -> None:
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)


class GovukFormMixin:
    """Gives each widget its GOV.UK classes and marks the fields that have errors."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[call-arg]
        default_required = str(forms.Field.default_error_messages["required"])
        for field in self.fields.values():  # type: ignore[attr-defined]
            label = str(field.label or "").lower()
            if str(field.error_messages.get("required")) != default_required:
                pass  # the form gave its own message
            elif isinstance(field, forms.ChoiceField | forms.ModelChoiceField):
                field.error_messages["required"] = _("Choose the %(label)s") % {"label": label}
            else:
                field.error_messages["required"] = _("Enter the %(label)s") % {"label": label}
            widget = field.widget
            classes = {
                forms.Select: "govuk-select",
                forms.Textarea: "govuk-textarea",
                forms.CheckboxInput: "govuk-checkboxes__input",
            }
            for widget_type, css in classes.items():
                if isinstance(widget, widget_type) and not isinstance(
                    widget, forms.CheckboxSelectMultiple | forms.RadioSelect
                ):
                    widget.attrs.setdefault("class", css)
                    break
            else:
                if isinstance(
                    widget,
                    forms.TextInput
                    | forms.EmailInput
                    | forms.NumberInput
                    | forms.PasswordInput
                    | forms.DateInput,
                ):
                    widget.attrs.setdefault("class", "govuk-input")


def add_service_errors(form: forms.Form, error: Exception) -> None:
    """Show a service's ``ValidationError`` on the form: next to its field where the form has
    that field, otherwise at the top of the page."""
    from django.core.exceptions import ValidationError

    assert isinstance(error, ValidationError)
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)
