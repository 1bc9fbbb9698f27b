"""Loading a CIN census made by any system, to migrate an authority's history.

The census is turned into the events of each child's casework, in the order they happened
(as the journey events of docs/journeys.md name them: ``reader``, ``child`` and ``episodes``),
and loaded with ``kinfolk.journeys.loader`` (``loading``), so each is recorded through the same
services as the pages, in one transaction: all or nothing. Every problem names the line of the
file, the child (LAchildID) and the element.

What the census does not carry is filled in plainly: a child's name is not in the census, so
an imported child is called "Child <LAchildID>"; a section 47 enquiry that needed no
conference is concluded on its start date, or on 1 April if it began before the year (the
census gives no end date); a child protection
plan made before the year (whose enquiry the census leaves out) gets its initial conference on
its start date, after an enquiry started that day; the initial conference target is worked out
again from the start date.
"""

import datetime as dt
from collections import Counter
from typing import Any

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import Plan
from kinfolk.core.codes import Disability
from kinfolk.people.models import Child
from kinfolk.returns.cin.builder import build_cin_census
from kinfolk.returns.cin.importer.child import read_child
from kinfolk.returns.cin.importer.loading import SOURCE, load
from kinfolk.returns.cin.importer.reader import ChildReader, Event
from kinfolk.returns.cin.parse import CensusData, CensusFileError, parse_cin_census
from kinfolk.returns.framework import CollectionYear, ImportResult

__all__ = ["SOURCE", "import_cin_census"]


def _collection_year(census: CensusData) -> tuple[CollectionYear | None, str | None]:
    """The year the census is for: from its reference date, as the DfE derives the census
    period, else from its ``Year``."""
    header = census.header
    line = header.line or 1
    if header.reference_date:
        try:
            day = dt.date.fromisoformat(header.reference_date)
        except ValueError:
            return None, (
                f"line {line}: Header, ReferenceDate: {header.reference_date!r} is not a date "
                "written YYYY-MM-DD"
            )
        return CollectionYear.parse(str(day.year if day.month <= 3 else day.year + 1)), None
    if header.year:
        try:
            return CollectionYear.parse(header.year), None
        except ValueError:
            return None, f"line {line}: Header, Year: {header.year!r} is not a year"
    return None, (
        f"line {line}: Header: no ReferenceDate or Year, so the collection year is not known"
    )


def _comparable(events: list[Event]) -> list[dict[str, Any]]:
    """The events of a child, for telling whether a child recorded already is this one."""
    result = []
    for event in events:
        values = {k: v for k, v in event.values.items() if k not in ("first_name", "last_name")}
        if values.get("type") == "child" and values.get("disabilities") == [Disability.NONE]:
            values["disabilities"] = []
        result.append(values)
    return result


def import_cin_census(xml: bytes) -> ImportResult:
    """Load the children of a CIN census file, all or nothing.

    A child already recorded (same LAchildID) is refused, unless the file is the same import
    repeated: then that child is left as it is and the counts say so.
    """
    try:
        census = parse_cin_census(xml)
    except CensusFileError as error:
        return ImportResult([str(error)], {})
    year, problem = _collection_year(census)
    if year is None:
        return ImportResult([problem or "the collection year is not known"], {})
    errors: list[str] = []
    readers = [read_child(child, year) for child in census.children]
    seen: dict[str, int] = {}
    for reader in readers:
        errors.extend(reader.errors)
        first = seen.setdefault(reader.child_id, reader.child.line)
        if first != reader.child.line:
            errors.append(
                f"line {reader.child.line}: child {reader.child_id}, LAchildID: the file already "
                f"has this child, at line {first}"
            )
    if not census.children:
        errors.append("line 1: Children: the file has no Child")
    if errors:
        return ImportResult(errors, {})
    existing = {
        child.la_child_id: child
        for child in Child.objects.filter(la_child_id__in=[r.child_id for r in readers])
    }
    repeated: set[str] = set()
    for reader in readers:
        recorded = existing.get(reader.child_id)
        if recorded is None:
            continue
        ours = parse_cin_census(build_cin_census(year, child_ids=[recorded.pk])).children
        if ours and _comparable(read_child(ours[0], year).ordered()) == _comparable(
            reader.ordered()
        ):
            repeated.add(reader.child_id)
            continue
        errors.append(
            f"line {reader.child.line}: child {reader.child_id}, LAchildID: this child is already "
            f"recorded, with different casework for {year.label}: an import adds new children only"
        )
    if errors:
        return ImportResult(errors, {})
    loading = [reader for reader in readers if reader.child_id not in repeated]
    errors = load(loading)
    if errors:
        return ImportResult(errors, {})
    counts: Counter[str] = Counter()
    if repeated:
        counts["children already imported (left as they were)"] = len(repeated)
    for reader in loading:
        counts["children"] += 1
        for episode in reader.child.episodes:
            counts["CIN episodes"] += 1
            counts["assessments"] += len(episode.assessments)
            counts["child in need plans"] += len(episode.child_in_need_plans)
            counts["section 47 enquiries"] += len(episode.section_47_enquiries)
            counts["child protection plans"] += len(episode.child_protection_plans)
    differing = _previous_plans_not_kept(loading)
    if differing:
        counts["NumberOfPreviousCPP not kept (counted from the plans recorded)"] = differing
    return ImportResult([], dict(counts))


def _previous_plans_not_kept(readers: list[ChildReader]) -> int:
    """How many plans' NumberOfPreviousCPP differ from what Kinfolk counts: the service
    counts the plans it holds, and earlier plans are not in a one-year census."""
    stated = {
        (reader.child_id, plan.start_date): plan.previous_plans
        for reader in readers
        for episode in reader.child.episodes
        for plan in episode.child_protection_plans
    }
    if not stated:
        return 0
    recorded = Plan.objects.filter(
        kind=PlanKind.CHILD_PROTECTION,
        child__la_child_id__in=[reader.child_id for reader in readers],
    ).values_list("child__la_child_id", "start_on", "previous_plans")
    return sum(
        1
        for child_id, start_on, previous in recorded
        if (child_id, start_on.isoformat()) in stated
        and stated[(child_id, start_on.isoformat())] != str(previous)
    )
