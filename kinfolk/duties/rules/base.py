"""What every duty rule shares: the duty it derives, the statuses a duty can have on a date,
and the rule class, with its timescale and its declaration in the rule registry
(``kinfolk.core.rules``)."""

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from kinfolk.care.history import birthday
from kinfolk.core.rules import RuleInfo, RuleKind, Severity
from kinfolk.core.timescales import Timescale
from kinfolk.duties.facts import ChildCasework


@dataclass(frozen=True, order=True)
class DutyFact:
    """One duty as the rules see it; ``key`` names what triggered it within the child."""

    rule: str
    key: str
    trigger_on: dt.date
    due_on: dt.date
    completed_on: dt.date | None
    context_ended_on: dt.date | None


class Status:
    DONE = "done"
    DONE_LATE = "done_late"
    DUE = "due"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"
    MISSED = "missed"

    ALL = (DONE, DONE_LATE, DUE, OVERDUE, CANCELLED, MISSED)


def status_on(
    as_of: dt.date,
    *,
    due_on: dt.date,
    completed_on: dt.date | None,
    context_ended_on: dt.date | None,
) -> str:
    """The status of a duty on a date (docs/duties.md, Status): completions and endings after
    ``as_of`` are not yet known."""
    if completed_on is not None and completed_on <= as_of:
        return Status.DONE if completed_on <= due_on else Status.DONE_LATE
    if context_ended_on is not None and context_ended_on <= as_of:
        return Status.CANCELLED if context_ended_on <= due_on else Status.MISSED
    return Status.DUE if as_of <= due_on else Status.OVERDUE


def earliest(*days: dt.date | None) -> dt.date | None:
    """The earliest of the dates given, None when there is none."""
    present = [day for day in days if day is not None]
    return min(present) if present else None


def first_after(days: list[dt.date], after: dt.date, *, inclusive: bool = False) -> dt.date | None:
    """The first of ``days`` after ``after`` (or on it, when ``inclusive``)."""
    return next((d for d in sorted(days) if d > after or (inclusive and d == after)), None)


#: Where a duty is done: each app declares the page for its own rules (kinfolk.core.registry).
DUTY_FIXED_ON = "The page the rule's app declares for it"


def _docstring_parts(doc: str | None) -> tuple[str, str]:
    """The statement and the source of a rule's docstring: its first paragraph without the
    code, and its "Source:" paragraph without the word."""
    paragraphs = [" ".join(p.split()) for p in (doc or "").strip().split("\n\n")]
    statement = re.sub(r"^[\w-]+( \(local\))?: ", "", paragraphs[0]) if paragraphs else ""
    source = next((p for p in paragraphs if p.startswith("Source:")), "")
    source = source.removeprefix("Source: ")
    return statement[:1].upper() + statement[1:], source[:1].upper() + source[1:]


class Rule:
    """A statutory timescale. Subclasses say what triggers the duty, its deadline, what
    completes it and what context ends it.

    The docstring of a rule states it ("code: what must happen within what") and, in a
    paragraph of its own, its source ("Source: ..."): the rule registry reads both.
    """

    code: str = ""
    #: What must be done, in a worker's words.
    title: str = ""
    #: The interval from the trigger to the due date (kinfolk.core.timescales).
    timescale: Timescale | None = None
    #: The birthday that ends the duty's context (18: childhood; 21: leaving-care support), or
    #: None when only the rule's own context ends it.
    ends_at_age: int | None = 18
    #: Whether the child's death ends the duty's context.
    ends_with_death: bool = True
    #: Whether only some people may learn of the rule's duties (``visible_keys``): the work
    #: lists, the Summary and handovers leave the others' out (``DutyQuerySet.shown_to``).
    is_restricted: bool = False

    def visible_keys(self, reader: Any) -> Any:
        """For a restricted rule: the keys of its duties ``reader`` may learn of, as a
        queryset of strings."""
        raise NotImplementedError(f"{self.code} is not restricted")

    @property
    def is_local(self) -> bool:
        """A local standard, whose number the authority sets (settings), not the law."""
        return self.timescale is not None and self.timescale.is_local

    def due_after(
        self, trigger: dt.date | dt.datetime, date_of_birth: dt.date | None = None
    ) -> dt.date:
        """The due date of this rule's duty triggered on ``trigger``: what a page shows for a
        record that has no stored duty. ``date_of_birth`` is the child's, for a rule whose
        timescale depends on the child's age (``rha``); the others ignore it."""
        if self.timescale is None:
            raise NotImplementedError(f"{self.code} has no single timescale")
        return self.timescale.due_after(trigger)

    def info(self) -> RuleInfo:
        """The rule's declaration in the rule registry."""
        statement, source = _docstring_parts(type(self).__doc__)
        return RuleInfo(
            kind=RuleKind.DUTY,
            code=self.code,
            title=self.title,
            source=source,
            severity=Severity.LOCAL if self.is_local else Severity.STATUTORY,
            fixed_on=DUTY_FIXED_ON,
            message=statement,
            implementation=self,
        )

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        raise NotImplementedError

    def fact(
        self,
        casework: ChildCasework,
        key: str,
        trigger_on: dt.date,
        due_on: dt.date,
        completed_on: dt.date | None,
        context_ended_on: dt.date | None,
    ) -> DutyFact:
        if self.ends_at_age is not None and casework.date_of_birth is not None:
            ends_on = birthday(casework.date_of_birth, self.ends_at_age)
            # A birthday still to come is not yet known to have ended anything.
            if casework.as_of is None or ends_on <= casework.as_of:
                context_ended_on = earliest(context_ended_on, ends_on)
        if self.ends_with_death:
            context_ended_on = earliest(context_ended_on, casework.date_of_death)
        return DutyFact(self.code, key, trigger_on, due_on, completed_on, context_ended_on)
