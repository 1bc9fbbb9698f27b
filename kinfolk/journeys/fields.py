"""Parsers for the fields of journey events (docs/journeys.md, Conventions).

Each parser turns a JSON value into a Python value or raises ``FieldError`` with a message in
plain words; the loader prefixes it with the line number and the field's name.
"""

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from django.db.models import TextChoices

from kinfolk.core.working_days import LONDON


class FieldError(ValueError):
    """A field's value cannot be used."""


Parser = Callable[[Any], Any]

_CHILD_ID = re.compile(r"^[A-Za-z0-9]{1,20}$")


def text(max_length: int = 200) -> Parser:
    def parse(value: Any) -> str:
        if not isinstance(value, str):
            raise FieldError("must be text")
        if len(value) > max_length:
            raise FieldError(f"must be at most {max_length} characters")
        return value

    return parse


def identifier(value: Any) -> str:
    """A child, worker or adult identifier: letters and digits, at most 20."""
    if not isinstance(value, str) or not _CHILD_ID.match(value):
        raise FieldError("must be letters and digits only, at most 20")
    return value


def date(value: Any) -> dt.date:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise FieldError(f"must be a date written YYYY-MM-DD, not {value!r}")
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise FieldError(f"{value} is not a real date") from error


def local_datetime(value: Any) -> dt.datetime:
    """A local date-time ``YYYY-MM-DDTHH:MM`` in Europe/London."""
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}", value):
        raise FieldError(f"must be a date and time written YYYY-MM-DDTHH:MM, not {value!r}")
    try:
        return dt.datetime.fromisoformat(value).replace(tzinfo=LONDON)
    except ValueError as error:
        raise FieldError(f"{value} is not a real date and time") from error


def boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise FieldError("must be true or false")
    return value


def integer(minimum: int, maximum: int) -> Parser:
    def parse(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise FieldError("must be a whole number")
        if not minimum <= value <= maximum:
            raise FieldError(f"must be from {minimum} to {maximum}")
        return value

    return parse


def code(choices: type[TextChoices]) -> Parser:
    """One code of a DfE code list."""

    def parse(value: Any) -> str:
        if value not in choices.values:
            raise FieldError(
                f"{value!r} is not a {choices.__name__} code ({', '.join(choices.values)})"
            )
        return value

    return parse


def one_of(*values: str) -> Parser:
    def parse(value: Any) -> str:
        if value not in values:
            raise FieldError(f"must be one of {', '.join(values)}, not {value!r}")
        return value

    return parse


def codes(choices: type[TextChoices]) -> Parser:
    """A list of codes of a DfE code list."""
    one = code(choices)

    def parse(value: Any) -> list[str]:
        if not isinstance(value, list):
            raise FieldError("must be a list")
        return [one(item) for item in value]

    return parse


def text_list(value: Any) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise FieldError("must be a list of text")
    return value
