"""Forms in the GOV.UK Design System's markup.

Every form renders its fields through ``templates/components/field.html``, which produces
the GOV.UK form group for each kind of widget (text input, select, radios, checkboxes, date
input, textarea), with the hint and the error message tied to the input for screen readers.
"""

import datetime as dt
import json
import re
from collections.abc import Callable, Iterable
from typing import Any

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model, QuerySet
from django.forms.renderers import TemplatesSetting
from django.utils.translation import gettext_lazy as _

from kinfolk.core.dates import long_date, long_datetime
from kinfolk.core.models import Versioned
from kinfolk.core.working_days import LONDON


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


class RowsMixin:
    """A form with numbered rows of the same parts (the actions of a health plan, the targets
    of a PEP, the objectives of a care plan, the decisions of a review), each row shown as a
    fieldset under its legend ("Objective 1"), after or among the form's other fields.

    Each row's fields are named ``<row_prefix>_<n><suffix>`` for the suffixes of
    ``row_parts``; the form adds the fields itself. A row with nothing typed in it is ignored;
    a row begun but not complete is an error on each part left empty, with that part's message
    (``%(n)s`` is the row's number; a part whose message is ``None`` may stay empty), or only
    on the first when ``row_first_gap_only``.
    """

    row_prefix: str = ""
    #: Each part of a row: its field name suffix, and the message when it is left empty.
    row_parts: tuple[tuple[str, Any], ...] = ()
    row_count: int = 0
    #: The legend of each row's fieldset, followed by its number.
    row_legend: Any = ""
    #: A hint shown in the first row.
    row_hint: Any = ""
    row_first_gap_only: bool = False

    def row_names(self, number: int) -> list[str]:
        """The names of the fields of row ``number`` (from 1), in the order of its parts."""
        return [f"{self.row_prefix}_{number}{suffix}" for suffix, _message in self.row_parts]

    def row_fields(self) -> set[str]:
        """The names of every row's fields."""
        return {name for n in range(1, self.row_count + 1) for name in self.row_names(n)}

    def main_fields(self) -> list[forms.BoundField]:
        """The visible fields that are not in a row, in the form's order."""
        names = self.row_fields()
        return [f for f in self.visible_fields() if f.name not in names]  # type: ignore[attr-defined]

    def rows(self) -> list[tuple[str, list[forms.BoundField]]]:
        """Each row's legend and fields, for the template to show a fieldset a row."""
        return [
            (
                f"{self.row_legend} {number}",
                [self[name] for name in self.row_names(number)],  # type: ignore[index]
            )
            for number in range(1, self.row_count + 1)
        ]

    def clean_rows(self, data: dict[str, Any]) -> list[dict[str, Any]]:
        """The complete rows, each a dict of its values by suffix. The rows' own fields leave
        ``data``, which holds what the rows mean instead; an incomplete row is an error."""
        complete = []
        for number in range(1, self.row_count + 1):
            values = {
                suffix: data.pop(f"{self.row_prefix}_{number}{suffix}", None)
                for suffix, _message in self.row_parts
            }
            if all(value in (None, "", False) for value in values.values()):
                continue
            gaps = [
                (f"{self.row_prefix}_{number}{suffix}", message % {"n": number})
                for suffix, message in self.row_parts
                if message and not values[suffix]
            ]
            if self.row_first_gap_only:
                gaps = gaps[:1]
            for name, message in gaps:
                if name not in self.errors:  # type: ignore[attr-defined]
                    self.add_error(name, message)  # type: ignore[attr-defined]
            if not gaps:
                complete.append(values)
        return complete


TIME_HINT = _("Use the 24-hour clock, for example 21:30")
_TIME = re.compile(r"^([01]?\d|2[0-3])[:.]([0-5]\d)$")


def time_field(label: Any) -> forms.CharField:
    """A time of day on the 24-hour clock."""
    return forms.CharField(
        label=label,
        help_text=TIME_HINT,
        max_length=5,
        widget=forms.TextInput(attrs={"class": "govuk-input govuk-input--width-5"}),
    )


class MomentForm(CaseworkForm):
    """A form with moments entered as a date field ``<name>_on`` and a time ``<name>_time``;
    ``moments`` names them, and ``cleaned_data["<name>_at"]`` is the date-time, in place of
    the two."""

    moments: tuple[str, ...] = ()

    def service_error_fields(self) -> dict[str, str]:
        return {f"{name}_at": f"{name}_on" for name in self.moments}

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for name in self.moments:
            # The date and the time leave the cleaned data, which holds the moment instead.
            day, time = data.pop(f"{name}_on", None), data.pop(f"{name}_time", None)
            if time is not None:
                match = _TIME.match(time.strip())
                if match is None:
                    self.add_error(f"{name}_time", _("Enter a real time, like 09:15 or 21:30"))
                    continue
                if day is not None:
                    data[f"{name}_at"] = dt.datetime.combine(
                        day, dt.time(int(match[1]), int(match[2])), tzinfo=LONDON
                    )
        return data


class PlanEndForm(CaseworkForm):
    """The end of a plan: a child in need plan, a child protection plan."""

    end_on = date_field(_("Date the plan ended"))
    required_messages = {"end_on": _("Enter the date the plan ended")}


#: The hidden field of a form that changes records that exist: the version each record the
#: form may change was at when the form was opened, by primary key, as JSON.
VERSIONS_FIELD = "opened_versions"


def carry_versions(form: forms.BaseForm, records: Callable[[], Iterable[Versioned]]) -> None:
    """Give ``form`` the hidden field that carries the version of each of ``records()`` (the
    records it may change, as they are when it is shown, once the page has set its choices),
    so that the service can refuse a change made on an out-of-date form (``Versioned``)."""

    def versions() -> str:
        return json.dumps({str(record.pk): record.version for record in records()})

    form.fields[VERSIONS_FIELD] = forms.CharField(
        widget=forms.HiddenInput, required=False, initial=versions
    )


def opened_version(form: forms.BaseForm, record: Versioned | None) -> int | None:
    """The version ``record`` was at when the bound ``form`` was opened: 0 when it did not
    exist yet (or ``record`` is ``None``, none exists now); ``None`` when the form was sent
    without versions, so that nothing can be compared."""
    sent = form.data.get(form.add_prefix(VERSIONS_FIELD))
    if sent is None:
        return None
    try:
        versions = json.loads(sent)
    except ValueError:
        versions = {}
    if record is None or not isinstance(versions, dict):
        return 0
    version = versions.get(str(record.pk), 0)
    return version if isinstance(version, int) else 0


def shown_value(field: forms.Field, value: Any) -> str:
    """A value of ``field`` in the words the form offers it in: the label of a choice, a date
    in full, Yes or No; "Not recorded" for nothing."""
    if value is None or value == "" or value == [] or value == ():
        return str(_("Not recorded"))
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    if isinstance(value, dt.datetime):
        return long_datetime(value)
    if isinstance(value, dt.date):
        return long_date(value)
    if isinstance(value, Model):
        return str(value)
    if isinstance(field, forms.ChoiceField) and not isinstance(field, forms.ModelChoiceField):
        labels = {str(key): str(label) for key, label in _flat_choices(field.choices)}
        if isinstance(value, list | tuple | set):
            return ", ".join(labels.get(str(item), str(item)) for item in value)
        return labels.get(str(value), str(value))
    if isinstance(value, list | tuple | set):
        return ", ".join(str(item) for item in value)
    return str(value)


def _flat_choices(choices: Any) -> list[tuple[Any, Any]]:
    flat = []
    for key, label in choices:
        if isinstance(label, list | tuple):
            flat.extend(label)
        else:
            flat.append((key, label))
    return flat
