"""Forms in the GOV.UK Design System's markup.

Every form renders its fields through ``templates/components/field.html``, which produces
the GOV.UK form group for each kind of widget (text input, select, radios, checkboxes, date
input, textarea), with the hint and the error message tied to the input for screen readers.
"""

import datetime as dt
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import QuerySet
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
    assert isinstance(error, ValidationError)
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            for message in messages:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


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
