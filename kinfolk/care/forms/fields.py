"""The form fields the care forms share: DfE code lists shown with their meaning, choices
as radios or a select with a prompt, and short text answers."""

from typing import Any

from django import forms


def coded(choices: Any, exclude: frozenset[str] = frozenset()) -> list[tuple[str, str]]:
    """A DfE code list for a form: each meaning followed by its code."""
    return [(code, f"{label} ({code})") for code, label in choices if code not in exclude]


def choose(label: Any, choices: list[tuple[str, Any]], prompt: Any, **kwargs: Any) -> forms.Field:
    """A select with a first, empty option prompting the choice."""
    return forms.ChoiceField(label=label, choices=[("", prompt), *choices], **kwargs)


def radios(label: Any, choices: list[tuple[str, Any]], **kwargs: Any) -> forms.Field:
    return forms.ChoiceField(label=label, choices=choices, widget=forms.RadioSelect, **kwargs)


def text_field(
    label: Any, *, required: bool = True, max_length: int = 200, **kwargs: Any
) -> forms.CharField:
    """A short text answer on one line."""
    return forms.CharField(label=label, required=required, max_length=max_length, **kwargs)
