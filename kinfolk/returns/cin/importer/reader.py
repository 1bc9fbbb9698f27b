"""Reading one child of a CIN census into journey events (docs/journeys.md), collecting every
problem found with the line of the file, the child and the element it is in."""

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from django.db.models import TextChoices

from kinfolk.returns.cin.parse import ChildData
from kinfolk.returns.framework import CollectionYear

_TRUE = {"true", "TRUE", "1"}
_FALSE = {"false", "FALSE", "0"}


@dataclass(frozen=True)
class Origin:
    """Where in the census file a journey event comes from."""

    line: int
    child: str
    element: str


@dataclass
class Event:
    """A journey event read from the census: its values as the journey names them, and when
    it happened with its ``order`` among the events of that day."""

    date: dt.date | None
    order: tuple[float, ...]
    values: dict[str, Any]
    origin: Origin


@dataclass
class ChildReader:
    """Turns one census child into journey events, collecting every problem found."""

    child: ChildData
    child_id: str
    year: CollectionYear
    errors: list[str] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)

    def problem(self, line: int, element: str, message: str) -> None:
        self.errors.append(f"line {line}: child {self.child_id}, {element}: {message}")

    def date(self, value: str | None, line: int, element: str) -> dt.date | None:
        """A date written YYYY-MM-DD, or None (with a problem if it is not one)."""
        if value is None:
            return None
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            self.problem(line, element, f"{value!r} is not a date written YYYY-MM-DD")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.problem(line, element, f"{value} is not a real date")
            return None

    def code(
        self, value: str | None, choices: type[TextChoices], line: int, element: str
    ) -> str | None:
        """A code of a DfE list, or None (with a problem if it is not one of the list)."""
        if value is None or value == "":
            return None
        if value not in choices.values:
            self.problem(
                line, element, f"{value!r} is not a code of the list ({', '.join(choices.values)})"
            )
            return None
        return value

    def boolean(self, value: str | None, line: int, element: str) -> bool | None:
        if value in _TRUE:
            return True
        if value in _FALSE:
            return False
        if value is None:
            self.problem(line, element, "missing (true or false)")
        else:
            self.problem(line, element, f"{value!r} is not true, false, 1 or 0")
        return None

    def required(self, value: object, line: int, element: str) -> bool:
        if value is None or value == "":
            self.problem(line, element, "missing")
            return False
        return True

    def add(
        self,
        date: dt.date | None,
        order: tuple[float, ...],
        values: dict[str, Any],
        line: int,
        element: str,
    ) -> None:
        """Add a journey event about this child, from ``element`` at ``line``."""
        values = {"type": values["type"], "child": self.child_id, **values}
        self.events.append(Event(date, order, values, Origin(line, self.child_id, element)))

    def ordered(self) -> list[Event]:
        """The child's events in the order they happened."""
        return sorted(self.events, key=lambda event: (event.date or dt.date.min, *event.order))


def line_of(record: Any, element: str) -> int:
    """The line of an element of a record, or of the record when the element is absent."""
    return record.lines.get(element, record.line)
