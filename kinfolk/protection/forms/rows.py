"""Numbered rows of the same parts on a child protection form: the people at a meeting, the
actions agreed, the agency checks made, the progress rated. A form may have several groups
of rows; each row is a fieldset under its legend ("Invitee 1").

A row with nothing typed in it is ignored; a row begun but not complete is an error on the
first part left empty that has a message.
"""

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.choices import Agency
from kinfolk.core.forms import date_field

#: A part of a row: its name, how to make its field, and the message when it is left empty in
#: a row that was begun (``None``: it may stay empty). ``%(n)s`` in the message is the row.
Part = tuple[str, Callable[[], forms.Field], Any]


def agency_field() -> forms.Field:
    return forms.ChoiceField(
        label=_("Agency"), choices=[("", _("Choose the agency")), *Agency.choices], required=False
    )


def text_field(label: Any, max_length: int = 200) -> Callable[[], forms.Field]:
    return lambda: forms.CharField(label=label, max_length=max_length, required=False)


def long_text_field(label: Any) -> Callable[[], forms.Field]:
    return lambda: forms.CharField(
        label=label, required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


def optional_date(label: Any) -> Callable[[], forms.Field]:
    # The date hint is given once, above the rows, not in every row.
    return lambda: date_field(label, required=False, help_text="")


def choice_field(label: Any, choices: Any) -> Callable[[], forms.Field]:
    return lambda: forms.ChoiceField(
        label=label, choices=[("", _("Choose")), *choices], required=False
    )


def _govuk_class(field: forms.Field) -> None:
    widget = field.widget
    if isinstance(widget, forms.Textarea):
        widget.attrs.setdefault("class", "govuk-textarea")
    elif isinstance(widget, forms.Select):
        widget.attrs.setdefault("class", "govuk-select")
    elif isinstance(widget, forms.TextInput):
        widget.attrs.setdefault("class", "govuk-input")


@dataclass(frozen=True)
class RowGroup:
    """A group of numbered rows on a form."""

    prefix: str
    legend: Any
    count: int
    parts: tuple[Part, ...]

    def names(self, number: int) -> list[str]:
        return [f"{self.prefix}_{number}_{name}" for name, _make, _message in self.parts]

    def add_to(self, form: forms.BaseForm) -> None:
        for number in range(1, self.count + 1):
            for (_name, make, _message), field_name in zip(
                self.parts, self.names(number), strict=True
            ):
                field = make()
                _govuk_class(field)
                form.fields[field_name] = field

    def rows(self, form: forms.BaseForm) -> list[tuple[str, list[forms.BoundField]]]:
        return [
            (f"{self.legend} {number}", [form[name] for name in self.names(number)])
            for number in range(1, self.count + 1)
        ]

    def clean(self, form: forms.BaseForm, data: dict[str, Any]) -> list[dict[str, Any]]:
        """The complete rows, each a dict of its values by part; the rows' fields leave
        ``data``."""
        complete = []
        for number in range(1, self.count + 1):
            values = {
                name: data.pop(field_name, None)
                for (name, _make, _message), field_name in zip(
                    self.parts, self.names(number), strict=True
                )
            }
            if all(value in (None, "") for value in values.values()):
                continue
            gap = next(
                (
                    (field_name, message % {"n": number})
                    for (name, _make, message), field_name in zip(
                        self.parts, self.names(number), strict=True
                    )
                    if message and values[name] in (None, "")
                ),
                None,
            )
            if gap is not None:
                if gap[0] not in form.errors:
                    form.add_error(gap[0], gap[1])
                continue
            complete.append(values)
        return complete

    def field_names(self) -> set[str]:
        return {name for n in range(1, self.count + 1) for name in self.names(n)}


class RowsForm:
    """A form with groups of rows (``row_groups``), which it adds itself; the template shows
    each group where it names it (``form.groups``)."""

    row_groups: tuple[RowGroup, ...] = ()

    def add_rows(self) -> None:
        for group in self.row_groups:
            group.add_to(self)  # type: ignore[arg-type]

    def groups(self) -> dict[str, list[tuple[str, list[forms.BoundField]]]]:
        return {group.prefix: group.rows(self) for group in self.row_groups}  # type: ignore[arg-type]

    def main_fields(self) -> list[forms.BoundField]:
        rows = set().union(*(group.field_names() for group in self.row_groups))
        return [f for f in self.visible_fields() if f.name not in rows]  # type: ignore[attr-defined]
