"""Loading a journey file (docs/journeys.md, Loading).

A file loads in one transaction: each event is applied through the domain services inside a
savepoint, so that every failing line is reported, and if any line failed the whole load is
rolled back. With ``per_child``, each child's events load in their own transaction and the
children whose events all applied are kept.
"""

import datetime as dt
import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from kinfolk.access.choices import AccessAction
from kinfolk.access.services import record_listing
from kinfolk.journeys.events import (
    EventError,
    EventType,
    JourneyState,
    event_types,
)
from kinfolk.journeys.fields import FieldError

#: Every event type the loader applies, by name.
EVENT_TYPES: dict[str, EventType] = event_types()


@dataclass
class LineError:
    line: int
    message: str
    #: The child whose event failed, if the event was about a child.
    child: str | None = None
    #: Why the event was refused, in the words of the service or the database alone (without
    #: the event's type), for an importer that reports it against its own file.
    reason: str = ""

    def __str__(self) -> str:
        return f"line {self.line}: {self.message}"


@dataclass
class LoadResult:
    """What a load did: events applied per type, and the lines that failed."""

    counts: Counter = field(default_factory=Counter)
    errors: list[LineError] = field(default_factory=list)
    children_kept: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass
class ParsedEvent:
    line: int
    type: str
    values: dict[str, Any]
    date: dt.date | None

    @property
    def child_key(self) -> str | None:
        """The child this event is about (a ``child`` event is about the child it records)."""
        if self.type == "child":
            return self.values["id"]
        return self.values.get("child")


class _Rollback(Exception):
    """Raised to undo a whole load once its errors are collected."""


def _describe(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return "; ".join(
            f"{name}: {message}" if name != "__all__" else message
            for name, messages in error.message_dict.items()
            for message in messages
        )
    return "; ".join(error.messages)


def _about(event_type: str, identifier: object) -> str:
    """How an error names what the event is about: "child C4", "worker W1", "for child C4"."""
    if not isinstance(identifier, str):
        return ""
    if event_type in ("child", "worker", "adult", "authority"):
        return f" {identifier}"
    return f" for child {identifier}"


def parse_lines(lines: Iterable[str]) -> tuple[list[ParsedEvent], list[LineError]]:
    """Read JSON Lines into events, checking each event's type and fields."""
    events: list[ParsedEvent] = []
    errors: list[LineError] = []
    last_date: dict[str, tuple[dt.date, int]] = {}
    for number, raw in enumerate(lines, start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            data = json.loads(stripped)
        except json.JSONDecodeError as error:
            errors.append(LineError(number, f"not valid JSON ({error.msg}, column {error.colno})"))
            continue
        if not isinstance(data, dict):
            errors.append(LineError(number, "each line must be a JSON object"))
            continue
        event_type = data.get("type")
        spec = EVENT_TYPES.get(event_type) if isinstance(event_type, str) else None
        if spec is None or not isinstance(event_type, str):
            if event_type is None:
                errors.append(LineError(number, "the event has no type"))
            else:
                errors.append(LineError(number, f"unknown event type {event_type!r}"))
            continue
        child_key = data.get("id") if event_type == "child" else data.get("child")
        child_key = child_key if isinstance(child_key, str) else None
        about = _about(event_type, data.get("child") or data.get("id"))
        problems = []
        values: dict[str, Any] = {}
        for name in sorted(set(data) - {"type"} - set(spec.required) - set(spec.optional)):
            problems.append(f"unknown field {name!r}")
        for name, parse in spec.required.items():
            if name not in data:
                problems.append(f"{name} is missing")
                continue
            try:
                values[name] = parse(data[name])
            except FieldError as error:
                problems.append(f"{name} {error}")
        for name, parse in spec.optional.items():
            if name in data and data[name] is not None:
                try:
                    values[name] = parse(data[name])
                except FieldError as error:
                    problems.append(f"{name} {error}")
        if problems:
            errors.append(
                LineError(number, f"{event_type}{about}: " + "; ".join(problems), child_key)
            )
            continue
        event = ParsedEvent(number, event_type, values, spec.event_date(values))
        key = event.child_key
        if key and event.date:
            previous = last_date.get(key)
            if previous and event.date < previous[0]:
                errors.append(
                    LineError(
                        number,
                        (
                            f"{event_type} for child {key} on {event.date} comes after an event on "
                            f"{previous[0]} (line {previous[1]}): "
                            "a child's events must be in date order"
                        ),
                        key,
                    )
                )
                continue
            last_date[key] = (event.date, number)
        events.append(event)
    return events, errors


def _apply(event: ParsedEvent, state: JourneyState) -> LineError | None:
    """Apply one event in a savepoint; return the error instead of raising it."""
    spec = EVENT_TYPES[event.type]
    try:
        with transaction.atomic():
            spec.apply(event.values, state)
    except EventError as error:
        return LineError(event.line, f"{event.type}: {error}", event.child_key, str(error))
    except ValidationError as error:
        about = _about(event.type, event.child_key)
        return LineError(
            event.line,
            f"{event.type}{about}: {_describe(error)}",
            event.child_key,
            "; ".join(error.messages),
        )
    except DatabaseError as error:
        refused = f"the database refused it ({error})"
        return LineError(event.line, f"{event.type}: {refused}", event.child_key, refused)
    return None


def _log_changes(state: JourneyState, source: str, what: str) -> None:
    record_listing(
        user=None,
        child_ids=sorted(state.changed_child_ids),
        action=AccessAction.CHANGE,
        what=what,
        path="",
        source=source,
    )


def load_journeys(
    lines: Iterable[str],
    *,
    per_child: bool = False,
    replace: bool = False,
    source: str = "kinfolk load-journeys",
    what: str = "Loaded from a journey file",
) -> LoadResult:
    """Load journey lines. Without ``per_child``, nothing is kept unless every line applies.
    Each child changed is written to the access log as ``what``, from ``source``."""
    result = LoadResult()
    events, result.errors = parse_lines(lines)
    file_child_ids = frozenset(e.values["id"] for e in events if e.type == "child")
    if not per_child:
        if result.errors:
            return result
        state = JourneyState(replace=replace, file_child_ids=file_child_ids)
        try:
            with transaction.atomic():
                for event in events:
                    error = _apply(event, state)
                    if error:
                        result.errors.append(error)
                    else:
                        result.counts[event.type] += 1
                if result.errors:
                    raise _Rollback
                _log_changes(state, source, what)
        except _Rollback:
            result.counts.clear()
            return result
        result.children_kept = sum(1 for e in events if e.type == "child")
        return result

    # Events about no child (authority, workers, adults) first; then each child's events;
    # relationships last, once every child they may name has been loaded.
    groups: dict[tuple[int, str | None], list[ParsedEvent]] = defaultdict(list)
    for event in events:
        phase = 0 if event.child_key is None else (2 if event.type == "relationship" else 1)
        groups[(phase, event.child_key)].append(event)
    failed_children: set[str | None] = {error.child for error in result.errors if error.child}
    for (phase, key), group in sorted(groups.items(), key=lambda item: item[0][0]):
        if key in failed_children:
            continue
        state = JourneyState(replace=replace, file_child_ids=file_child_ids)
        try:
            with transaction.atomic():
                counts: Counter = Counter()
                errors = []
                for event in group:
                    error = _apply(event, state)
                    if error:
                        errors.append(error)
                    else:
                        counts[event.type] += 1
                if errors:
                    result.errors.extend(errors)
                    raise _Rollback
                _log_changes(state, source, what)
        except _Rollback:
            failed_children.add(key)
            continue
        result.counts.update(counts)
        if key and phase == 1:
            result.children_kept += 1
    result.errors.sort(key=lambda error: error.line)
    return result
