"""The rows of the tables and the journey events built from them: where each event comes from,
and the problems of a row, worded for the casework."""

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any, Literal, overload

from kinfolk.core.postcodes import is_valid_postcode, normalise_postcode
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.ssda903.tables import Tables

_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
IDENTIFIER = re.compile(r"^[A-Za-z0-9]{1,20}$")

#: Order of a child's events on one day: care starts and changes first, then what happens
#: while looked after, then the end of care, then care-leaver contacts.
STARTS, DURING, ENDS, AFTER = 1, 2, 3, 4


class RowError(Exception):
    """A row that cannot become events; the message is in casework words."""


@dataclass
class Event:
    """A journey event built from a row, with the row it comes from and its place in the day."""

    origin: str
    child: str
    date: dt.date | None
    phase: int
    payload: dict[str, Any]


@dataclass
class Plan:
    """The journey built from the tables, and where each line came from."""

    workers: list[Event] = field(default_factory=list)
    by_child: dict[str, list[Event]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)


def row_origin(table: str, number: int) -> str:
    """Where a row is, as problems name it: ``episodes.csv row 12`` (data rows from 1)."""
    return f"{table}.csv row {number}"


@overload
def row_date(row: dict[str, str], column: str, *, required: Literal[True] = ...) -> dt.date: ...
@overload
def row_date(row: dict[str, str], column: str, *, required: bool) -> dt.date | None: ...
def row_date(row: dict[str, str], column: str, *, required: bool = True) -> dt.date | None:
    """The date in ``column``, written dd/mm/yyyy; None when blank and not required."""
    value = row.get(column, "")
    if not value:
        if required:
            raise RowError(f"{column} is blank")
        return None
    match = _DATE.match(value)
    if not match:
        raise RowError(f"{column} {value!r} is not a date written dd/mm/yyyy")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise RowError(f"{column} {value!r} is not a real date") from None


def iso(day: dt.date) -> str:
    """A date as a journey writes it, YYYY-MM-DD."""
    return day.isoformat()


def clean_postcode(value: str) -> str:
    """A postcode as Kinfolk records it, or the value as given when it is not a postcode."""
    return normalise_postcode(value) if value and is_valid_postcode(value) else value


def rows_by_child(tables: Tables, name: str) -> dict[str, list[tuple[int, dict[str, str]]]]:
    """The rows of a table by child, each with its row number."""
    rows: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for number, row in enumerate(tables.get(name, []), start=1):
        rows[row.get("CHILD", "")].append((number, row))
    return rows


def sort_date(row: dict[str, str], column: str) -> dt.date:
    """The date in ``column`` for putting rows in order: a blank or wrong date sorts last."""
    try:
        return row_date(row, column, required=False) or dt.date.max
    except RowError:
        return dt.date.max


@dataclass
class Context:
    """What the events of one child's rows are built from."""

    plan: Plan
    child_id: str
    dob: dt.date
    year: CollectionYear
    episodes: list[tuple[int, dict[str, str]]]


def collect(context: Context, build: Any, origin: str, row: dict[str, str]) -> None:
    """Build a row's events, keeping the row's problem, if any, with the child's other problems."""
    try:
        build(context, origin, row)
    except RowError as error:
        where, _, message = str(error).partition("|")
        context.plan.errors.append(f"{where}: child {context.child_id}: {message}")


def failure(origin: str, message: str) -> RowError:
    """The problem of the row at ``origin`` (which may not be the row being built)."""
    return RowError(f"{origin}|{message}")


def add_event(
    plan: Plan, origin: str, child_id: str, day: dt.date | None, phase: int, **payload: Any
) -> None:
    """Add a journey event about the child, from the row at ``origin``."""
    if "child" not in payload and payload.get("type") != "child":
        payload["child"] = child_id
    plan.by_child[child_id].append(Event(origin, child_id, day, phase, payload))


@overload
def date_at(
    origin: str, row: dict[str, str], column: str, *, required: Literal[True] = ...
) -> dt.date: ...
@overload
def date_at(origin: str, row: dict[str, str], column: str, *, required: bool) -> dt.date | None: ...
def date_at(
    origin: str, row: dict[str, str], column: str, *, required: bool = True
) -> dt.date | None:
    """The date in ``column`` of the row at ``origin``, its problem named by that row."""
    try:
        return row_date(row, column, required=required)
    except RowError as error:
        raise failure(origin, str(error)) from None
