"""Named preconditions of the casework services.

A service that can only run in some states of the record (an assessment to authorise, a
period of care to end) declares each condition once as a ``Guard``. The service calls
``check`` and refuses with the guard's message; the page that offers the step calls
``refusal`` and shows the same message instead of the form. One sentence, one place.
"""

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django.core.exceptions import ValidationError

from kinfolk.core.dates import long_date

Subject = TypeVar("Subject")


@dataclass(frozen=True)
class Guard(Generic[Subject]):
    """A condition a service needs before it can record anything.

    ``holds`` answers whether the subject (usually the child) is in a state the step can be
    recorded in; ``message`` says why not, in words the worker can act on. ``field`` is the
    form field the refusal belongs next to, when it is about one. A message that names more of
    the record than the subject (the day an arrangement started, why a young person is not a
    care leaver) takes those from ``facts``, read only when the guard refuses.
    """

    name: str
    message: Any
    holds: Callable[[Subject], bool]
    field: str | None = None
    facts: Callable[[Subject], Mapping[str, Any]] | None = None

    def refusal(self, subject: Subject) -> str:
        """The guard's message when it does not hold, otherwise an empty string."""
        if self.holds(subject):
            return ""
        return self.render(subject)

    def check(self, subject: Subject) -> None:
        """Refuse with the guard's message when it does not hold."""
        if self.holds(subject):
            return
        message = self.render(subject)
        if self.field:
            raise ValidationError({self.field: ValidationError(message, code=self.name)})
        raise ValidationError(message, code=self.name)

    def render(self, subject: Subject) -> str:
        """The message, with ``%(subject)s`` and the ``facts`` filled in."""
        text = str(self.message)
        if "%(" not in text:
            return text
        facts = self.facts(subject) if self.facts else {}
        return text % {"subject": subject, **facts}


def first_refusal(guards: Iterable[Guard[Any]], subject: Any) -> str:
    """The message of the first guard that does not hold, or an empty string."""
    for guard in guards:
        refusal = guard.refusal(subject)
        if refusal:
            return refusal
    return ""


def open_record_facts(
    find: Callable[[Subject], Any],
    attribute: str,
    *,
    key: str = "date",
    written: Callable[[Any], str] = long_date,
) -> Callable[[Subject], dict[str, str]]:
    """``facts`` for a guard that refuses because a record is open: the ``attribute`` of the
    open record ``find`` returns (the day it started, say), written for the message under
    ``key``. Read only when the guard refuses, when there is such a record."""

    def facts(subject: Subject) -> dict[str, str]:
        record = find(subject)
        return {key: written(getattr(record, attribute)) if record is not None else ""}

    return facts
