"""Import an SSDA903 return produced by any system, so that an authority can bring its
looked-after children's history over from its old system.

The tables are turned into journey events (docs/journeys.md) and loaded with
``kinfolk.journeys.loader.load_journeys``, so every record goes through the services the pages
use, with the same checks, in one transaction: if anything cannot be loaded, nothing is kept
and each problem names its table, row (counting data rows from 1, after the header) and child,
for example ``episodes.csv row 12: child C0042: ...``.

Episodes are not copied: Kinfolk derives them from what happened. Each episode after the first
of a period becomes the change that opens it (a placement change, a legal status change, or
both on the same day), and the importer checks that the reason for new episode in the file is
the one that derivation gives (P/T/B/U from whether the carers, meaning the provider and the
placement's postcode, stay the same; L for a legal status change alone), so that building the
return again gives back the same episodes. A period that began before the first episode in the
file starts with that episode's reason for new episode.

What the return does not carry is made up plainly: children are named "Child <CHILD>"; OC2
items are recorded on 31 March of the year; the OC3 contact on the birthday it reports; a UASC
period from the child's first episode in the file; missing periods from noon; social workers
not yet recorded are added as placeholder workers named by their SW_ID. A previous permanence
date with unknown parts (``ZZ``) is loaded without its date.

Social-worker episodes are loaded after the journey, in the same transaction, through
``kinfolk.workforce.services`` (``allocate_child`` and ``end_allocation``): journeys have no
event that ends an allocation, and a gap between two workers must stay a gap.

The events of each table are built in a module of this package by topic (``header``,
``episodes``, ``looked_after``, ``adoption``, ``social_workers``), from the rows as ``rows``
reads them.
"""

import datetime as dt
import json

from django.db import transaction
from django.utils import timezone

from kinfolk.journeys.loader import load_journeys
from kinfolk.returns.framework import CollectionYear, ImportResult
from kinfolk.returns.ssda903.importer.adoption import (
    ad1_events,
    placed_adoption_events,
    prev_perm_events,
)
from kinfolk.returns.ssda903.importer.episodes import episode_events
from kinfolk.returns.ssda903.importer.header import child_events
from kinfolk.returns.ssda903.importer.looked_after import (
    missing_events,
    oc2_events,
    oc3_events,
    review_events,
    uasc_events,
)
from kinfolk.returns.ssda903.importer.rows import (
    Context,
    Event,
    Plan,
    RowError,
    collect,
    row_date,
    row_origin,
    rows_by_child,
    sort_date,
)
from kinfolk.returns.ssda903.importer.social_workers import (
    load_social_worker_episodes,
    worker_events,
)
from kinfolk.returns.ssda903.tables import TABLES, Tables

__all__ = ["SOURCE", "import_ssda903"]

SOURCE = "kinfolk returns import ssda903"
#: Columns that hold dates, by table, for finding the collection year of a return.
_DATE_COLUMNS = ("DECOM", "DEC", "REVIEW", "MIS_START", "MIS_END", "SW_DECOM", "SW_DEC")


def _year_of(tables: Tables) -> CollectionYear:
    """The collection year of a return: the one its latest date falls in."""
    latest: dt.date | None = None
    for rows in tables.values():
        for row in rows:
            for column in _DATE_COLUMNS:
                try:
                    day = row_date(row, column, required=False)
                except RowError:
                    continue
                if day is not None and (latest is None or day > latest):
                    latest = day
    latest = latest or timezone.localdate()
    first_year = latest.year if latest.month >= 4 else latest.year - 1
    return CollectionYear.parse(f"{first_year}-{(first_year + 1) % 100:02d}")


def import_ssda903(tables: Tables, *, year: CollectionYear | None = None) -> ImportResult:
    """Load an SSDA903 return through the services: all of it, or nothing with the reasons."""
    unknown = sorted(set(tables) - set(TABLES))
    if unknown:
        return ImportResult([f"unknown table(s): {', '.join(unknown)}"], {})
    # Rows from any system: every column present, values as strings without spaces around.
    tables = {
        name: [
            {column: str(row.get(column) or "").strip() for column in TABLES[name]}
            for row in tables.get(name, [])
        ]
        for name in TABLES
    }
    year = year or _year_of(tables)
    plan = _plan(tables, year)
    if plan.errors:
        return ImportResult(plan.errors, {})
    lines: list[str] = []
    origins: list[Event] = []
    for event in plan.workers:
        lines.append(json.dumps(event.payload))
        origins.append(event)
    for child_id in plan.by_child:
        events = plan.by_child[child_id]
        first, rest = events[0], events[1:]
        rest.sort(key=lambda e: (e.date or dt.date.max, e.phase))
        for event in [first, *rest]:
            lines.append(json.dumps(event.payload))
            origins.append(event)
    errors: list[str] = []
    with transaction.atomic():
        result = load_journeys(lines, source=SOURCE)
        for error in result.errors:
            event = origins[error.line - 1]
            about = f"child {event.child}: " if event.child else ""
            message = error.message.replace(f" for child {event.child}", "", 1)
            message = message.removeprefix(f"child {event.child}: ")
            errors.append(f"{event.origin}: {about}{message}")
        if not errors:
            errors = load_social_worker_episodes(tables)
        if errors:
            transaction.set_rollback(True)
    if errors:
        return ImportResult(errors, {})
    counts = {name: len(rows) for name, rows in tables.items() if rows}
    return ImportResult([], counts)


def _plan(tables: Tables, year: CollectionYear) -> Plan:
    """Turn every table into events, collecting every row that cannot be turned."""
    plan = Plan()
    header: dict[str, tuple[int, dict[str, str]]] = {}
    for number, row in enumerate(tables.get("header", []), start=1):
        child_id = row.get("CHILD", "")
        origin = row_origin("header", number)
        if child_id in header:
            plan.errors.append(
                f"{origin}: child {child_id} is already in header row {header[child_id][0]}"
            )
            continue
        header[child_id] = (number, row)
        try:
            child_events(plan, origin, row)
        except RowError as error:
            plan.errors.append(f"{origin}: child {child_id}: {error}")
    for name in TABLES:
        if name == "header":
            continue
        for number, row in enumerate(tables.get(name, []), start=1):
            if row.get("CHILD", "") not in header:
                plan.errors.append(
                    f"{row_origin(name, number)}: child {row.get('CHILD', '')} is not in header.csv"
                )
    if plan.errors:
        return plan
    by_table = {name: rows_by_child(tables, name) for name in TABLES}
    builders = [
        ("reviews", review_events),
        ("missing", missing_events),
        ("placed_adoption", placed_adoption_events),
        ("ad1", ad1_events),
        ("prev_perm", prev_perm_events),
        ("oc3", oc3_events),
        ("uasc", uasc_events),
        ("oc2", oc2_events),
    ]
    for child_id, (_, head) in header.items():
        dob = row_date(head, "DOB")
        episodes = sorted(
            by_table["episodes"].get(child_id, []),
            key=lambda item: (sort_date(item[1], "DECOM"), item[0]),
        )
        context = Context(plan, child_id, dob, year, episodes)
        collect(context, episode_events, "", {})
        for name, build in builders:
            for number, row in by_table[name].get(child_id, []):
                collect(context, build, row_origin(name, number), row)
    worker_events(plan, tables)
    return plan
