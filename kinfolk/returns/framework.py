"""What every return's validation shares: a rule, named by its DfE code, and the failures it
finds, each naming the child and the field to fix. Every rule is declared in the rule registry
(``kinfolk.core.rules``) the same way as the duty rules, which the validators, the data quality
page and the catalogue (docs/rules.md) read."""

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from kinfolk.core.rules import RuleInfo, Severity, first_sentence

Data = TypeVar("Data")


@dataclass(frozen=True, order=True)
class Failure:
    """One rule failing for one child (or for the whole return, with ``child`` empty)."""

    rule: str
    child: str
    field: str
    message: str
    #: False for the rules the DfE calls queries: to be checked and explained, not errors.
    is_error: bool = True

    def __str__(self) -> str:
        kind = "error" if self.is_error else "query"
        return f"{self.rule}\t{kind}\t{self.child or '-'}\t{self.field or '-'}\t{self.message}"


class Rule(Generic[Data]):
    """A DfE validation rule. Subclasses are named after the rule (``Rule8500``), set ``code``
    and ``message`` (the DfE's wording, paraphrased), say what the rule asks in the first
    sentence of their docstring and yield failures from ``check``.

    The return's base class sets ``kind`` (its ``RuleKind``), ``source`` (the DfE ruleset) and
    ``fixed_on`` (where a failure is put right); ``info`` is the rule's declaration in the rule
    registry.
    """

    code: str = ""
    message: str = ""
    is_error: bool = True
    kind: str = ""
    source: str = ""
    fixed_on: str = ""
    #: Whether the rule's result for a child depends on other children's records.
    compares_children: bool = False

    @classmethod
    def info(cls, implementation: Any = None) -> RuleInfo:
        """The rule's declaration: ``implementation`` is what the validator runs (the class
        itself unless given)."""
        return RuleInfo(
            kind=cls.kind,
            code=cls.code,
            title=first_sentence(cls.__doc__) or cls.message,
            source=cls.source,
            severity=Severity.ERROR if cls.is_error else Severity.QUERY,
            fixed_on=cls.fixed_on,
            message=cls.message,
            compares_children=cls.compares_children,
            implementation=cls if implementation is None else implementation,
        )

    def check(self, data: Data) -> Iterator[Failure]:
        raise NotImplementedError

    def fail(self, child: str, field: str, message: str = "") -> Failure:
        return Failure(self.code, child, field, message or self.message, self.is_error)


def run_rules(rules: Iterable[Rule[Data]], data: Data) -> list[Failure]:
    """Every failure of every rule, sorted by child, rule and field."""
    failures = {failure for rule in rules for failure in rule.check(data)}
    return sorted(failures, key=lambda f: (f.child, f.rule, f.field, f.message))


@dataclass(frozen=True)
class CollectionYear:
    """A collection year of the DfE returns: ``2025-26`` runs from 1 April 2025 to 31 March
    2026, and its ``Year`` is 2026."""

    start: dt.date
    end: dt.date

    @classmethod
    def parse(cls, text: str) -> "CollectionYear":
        """``2025-26`` (or ``2026``, the year it ends in)."""
        try:
            if "-" in text:
                first, second = text.split("-", 1)
                start_year = int(first)
                if len(second) != 2 or (start_year + 1) % 100 != int(second):
                    raise ValueError
            else:
                start_year = int(text) - 1
        except ValueError:
            raise ValueError(f"{text!r} is not a collection year like 2025-26") from None
        return cls(dt.date(start_year, 4, 1), dt.date(start_year + 1, 3, 31))

    @property
    def year(self) -> int:
        """The ``Year`` of the CIN census and ``collectionYear`` of the 903: the year it ends."""
        return self.end.year

    @property
    def label(self) -> str:
        return f"{self.start.year}-{self.end.year % 100:02d}"

    def previous(self) -> "CollectionYear":
        return CollectionYear(
            self.start.replace(year=self.start.year - 1), self.end.replace(year=self.end.year - 1)
        )


@dataclass
class ImportResult:
    """What an import did: counts of what was loaded, or the precise reasons it could not be,
    each naming the line (or table and row) of the file."""

    errors: list[str]
    counts: dict[str, int]

    @property
    def ok(self) -> bool:
        return not self.errors
