"""What the CIN census rules share: the rule class over the census tables, and the code lists
the rules check against (kinfolk.core.codes)."""

import datetime as dt
from collections.abc import Callable, Iterable
from typing import TypeVar

from kinfolk.core.codes import (
    AssessmentFactor,
    CategoryOfAbuse,
    Disability,
    Ethnicity,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
    Sex,
)
from kinfolk.core.rules import RuleKind
from kinfolk.returns.cin.rules.census import Census
from kinfolk.returns.framework import Rule

Row = TypeVar("Row")

SEXES = frozenset(Sex.values)
ETHNICITIES = frozenset(Ethnicity.values)
DISABILITIES = frozenset(Disability.values)
REFERRAL_SOURCES = frozenset(ReferralSource.values)
PRIMARY_NEEDS = frozenset(PrimaryNeed.values)
REASONS_FOR_CLOSURE = frozenset(ReasonForClosure.values)
CATEGORIES_OF_ABUSE = frozenset(CategoryOfAbuse.values)
#: The factors valid in 2025-26, plus the retired 18A and 19A that only raise queries.
ASSESSMENT_FACTORS = frozenset(AssessmentFactor.values)
CLOSED_AFTER_ASSESSMENT = frozenset({"RC8", "RC9"})


class CensusRule(Rule[Census]):
    """A DfE rule of the CIN census ``cin2025_26`` ruleset, checked over the whole return."""

    kind = RuleKind.CIN_CENSUS
    source = "DfE CIN census validation rules 2025-26, cin2025_26 (docs/reference/cin-census.md)"
    fixed_on = (
        "The record the failure names: the child's identity page for the child's own details, "
        "otherwise the child's casework"
    )


def after_death(data: Census, la_child_id: str, day: dt.date | None) -> bool:
    """True when ``day`` is after the recorded death of the child."""
    child = data.child(la_child_id)
    return (
        child is not None
        and child.death_date is not None
        and day is not None
        and day > child.death_date
    )


def overlaps(earlier_start: dt.date, earlier_end: dt.date | None, later_start: dt.date) -> bool:
    """True when something starting on ``later_start`` begins inside a period that started
    on ``earlier_start`` and is still open or ends after it (sharing the end day is allowed)."""
    return earlier_start <= later_start and (earlier_end is None or later_start < earlier_end)


def ordered_pairs(
    rows: Iterable[Row], start: Callable[[Row], dt.date | None]
) -> list[tuple[Row, Row]]:
    """Every pair (earlier, later) of rows with a start date, in order of their start."""
    starts = [(day, row) for row in rows if (day := start(row)) is not None]
    dated = [row for _, row in sorted(starts, key=lambda pair: pair[0])]
    return [
        (dated[first], dated[second])
        for first in range(len(dated))
        for second in range(first + 1, len(dated))
    ]
