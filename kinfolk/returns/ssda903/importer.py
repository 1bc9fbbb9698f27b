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
"""

import datetime as dt
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from kinfolk.care.history import birthday
from kinfolk.care.models import TEMPORARY_PLACEMENTS
from kinfolk.core.postcodes import is_valid_postcode, normalise_postcode
from kinfolk.journeys.loader import load_journeys
from kinfolk.leaving.standing import OC3_BIRTHDAYS
from kinfolk.people.models import Child
from kinfolk.returns.framework import CollectionYear, ImportResult
from kinfolk.returns.ssda903.tables import TABLES, Tables
from kinfolk.workforce import services as workforce
from kinfolk.workforce.models import User

SOURCE = "kinfolk returns import ssda903"
_DATE = re.compile(r"^(\d{2})/(\d{2})/(\d{4})$")
_IDENTIFIER = re.compile(r"^[A-Za-z0-9]{1,20}$")
#: Columns that hold dates, by table, for finding the collection year of a return.
_DATE_COLUMNS = ("DECOM", "DEC", "REVIEW", "MIS_START", "MIS_END", "SW_DECOM", "SW_DEC")

#: Order of a child's events on one day: care starts and changes first, then what happens
#: while looked after, then the end of care, then care-leaver contacts.
_STARTS, _DURING, _ENDS, _AFTER = 1, 2, 3, 4


class _RowError(Exception):
    """A row that cannot become events; the message is in casework words."""


@dataclass
class _Event:
    origin: str
    child: str
    date: dt.date | None
    phase: int
    payload: dict[str, Any]


@dataclass
class _Plan:
    """The journey built from the tables, and where each line came from."""

    workers: list[_Event] = field(default_factory=list)
    by_child: dict[str, list[_Event]] = field(default_factory=lambda: defaultdict(list))
    errors: list[str] = field(default_factory=list)


def _origin(table: str, number: int) -> str:
    return f"{table}.csv row {number}"


def _date(row: dict[str, str], column: str, *, required: bool = True) -> dt.date | None:
    value = row.get(column, "")
    if not value:
        if required:
            raise _RowError(f"{column} is blank")
        return None
    match = _DATE.match(value)
    if not match:
        raise _RowError(f"{column} {value!r} is not a date written dd/mm/yyyy")
    day, month, year = (int(part) for part in match.groups())
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise _RowError(f"{column} {value!r} is not a real date") from None


def _iso(day: dt.date) -> str:
    return day.isoformat()


def _postcode(value: str) -> str:
    return normalise_postcode(value) if value and is_valid_postcode(value) else value


def _year_of(tables: Tables) -> CollectionYear:
    """The collection year of a return: the one its latest date falls in."""
    latest: dt.date | None = None
    for rows in tables.values():
        for row in rows:
            for column in _DATE_COLUMNS:
                try:
                    day = _date(row, column, required=False)
                except _RowError:
                    continue
                if day is not None and (latest is None or day > latest):
                    latest = day
    latest = latest or timezone.localdate()
    first_year = latest.year if latest.month >= 4 else latest.year - 1
    return CollectionYear.parse(f"{first_year}-{(first_year + 1) % 100:02d}")


def _rows_by_child(tables: Tables, name: str) -> dict[str, list[tuple[int, dict[str, str]]]]:
    rows: dict[str, list[tuple[int, dict[str, str]]]] = defaultdict(list)
    for number, row in enumerate(tables.get(name, []), start=1):
        rows[row.get("CHILD", "")].append((number, row))
    return rows


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
    origins: list[_Event] = []
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
            errors = _load_social_worker_episodes(tables)
        if errors:
            transaction.set_rollback(True)
    if errors:
        return ImportResult(errors, {})
    counts = {name: len(rows) for name, rows in tables.items() if rows}
    return ImportResult([], counts)


def _plan(tables: Tables, year: CollectionYear) -> _Plan:
    """Turn every table into events, collecting every row that cannot be turned."""
    plan = _Plan()
    header: dict[str, tuple[int, dict[str, str]]] = {}
    for number, row in enumerate(tables.get("header", []), start=1):
        child_id = row.get("CHILD", "")
        origin = _origin("header", number)
        if child_id in header:
            plan.errors.append(
                f"{origin}: child {child_id} is already in header row {header[child_id][0]}"
            )
            continue
        header[child_id] = (number, row)
        try:
            _child_events(plan, origin, row)
        except _RowError as error:
            plan.errors.append(f"{origin}: child {child_id}: {error}")
    for name in TABLES:
        if name == "header":
            continue
        for number, row in enumerate(tables.get(name, []), start=1):
            if row.get("CHILD", "") not in header:
                plan.errors.append(
                    f"{_origin(name, number)}: child {row.get('CHILD', '')} is not in header.csv"
                )
    if plan.errors:
        return plan
    by_table = {name: _rows_by_child(tables, name) for name in TABLES}
    builders = [
        ("reviews", _review_events),
        ("missing", _missing_events),
        ("placed_adoption", _placed_adoption_events),
        ("ad1", _ad1_events),
        ("prev_perm", _prev_perm_events),
        ("oc3", _oc3_events),
        ("uasc", _uasc_events),
        ("oc2", _oc2_events),
    ]
    for child_id, (_, head) in header.items():
        dob = _date(head, "DOB")
        episodes = sorted(
            by_table["episodes"].get(child_id, []),
            key=lambda item: (_safe_date(item[1], "DECOM"), item[0]),
        )
        context = _Context(plan, child_id, dob, year, episodes)
        _collect(context, _episode_events, "", {})
        for name, build in builders:
            for number, row in by_table[name].get(child_id, []):
                _collect(context, build, _origin(name, number), row)
    _worker_events(plan, tables)
    return plan


def _safe_date(row: dict[str, str], column: str) -> dt.date:
    try:
        return _date(row, column, required=False) or dt.date.max
    except _RowError:
        return dt.date.max


@dataclass
class _Context:
    """What the events of one child's rows are built from."""

    plan: _Plan
    child_id: str
    dob: dt.date
    year: CollectionYear
    episodes: list[tuple[int, dict[str, str]]]


def _collect(context: _Context, build: Any, origin: str, row: dict[str, str]) -> None:
    try:
        build(context, origin, row)
    except _RowError as error:
        where, _, message = str(error).partition("|")
        context.plan.errors.append(f"{where}: child {context.child_id}: {message}")


def _fail(origin: str, message: str) -> _RowError:
    return _RowError(f"{origin}|{message}")


def _add(
    plan: _Plan, origin: str, child_id: str, day: dt.date | None, phase: int, **payload: Any
) -> None:
    if "child" not in payload and payload.get("type") != "child":
        payload["child"] = child_id
    plan.by_child[child_id].append(_Event(origin, child_id, day, phase, payload))


def _child_events(plan: _Plan, origin: str, row: dict[str, str]) -> None:
    """Header: the child, and motherhood when MOTHER is 1."""
    child_id = row["CHILD"]
    if not _IDENTIFIER.match(child_id):
        raise _RowError("CHILD must be letters and digits only, at most 20")
    dob = _date(row, "DOB")
    event: dict[str, Any] = {
        "type": "child",
        "id": child_id,
        "first_name": "Child",
        "last_name": child_id,
        "sex": row.get("SEX", ""),
        "ethnicity": row.get("ETHNIC", ""),
        "dob": _iso(dob),
    }
    upn = row.get("UPN", "")
    if re.fullmatch(r"UN\d", upn):
        event["upn_unknown"] = upn
    elif upn:
        event["upn"] = upn
    plan.by_child[child_id].append(_Event(origin, child_id, dob, 0, event))
    mother = row.get("MOTHER", "")
    if mother == "1":
        first_child = _date(row, "MC_DOB")
        _add(
            plan,
            origin,
            child_id,
            None,
            _DURING,
            type="motherhood",
            first_child_dob=_iso(first_child),
        )
    elif mother not in ("", "0"):
        raise _RowError(f"MOTHER {mother!r} must be 1, 0 or blank")


def _placement(row: dict[str, str]) -> tuple[str, str, str, str]:
    return (row["PLACE"], row["PLACE_PROVIDER"], _postcode(row["PL_POST"]), row["URN"])


def _derived_reason(previous: dict[str, str], row: dict[str, str]) -> str:
    """The reason for new episode that Kinfolk derives from the changes between two episodes
    (as ``kinfolk.care.services.episodes`` does): the same carers are the same provider at the
    same postcode, neither a temporary move."""
    placement_changed = _placement(previous) != _placement(row)
    legal_status_changed = previous["LS"] != row["LS"]
    same_carers = (
        row["PLACE"] not in TEMPORARY_PLACEMENTS
        and previous["PLACE"] not in TEMPORARY_PLACEMENTS
        and bool(previous["PLACE_PROVIDER"])
        and previous["PLACE_PROVIDER"] == row["PLACE_PROVIDER"]
        and _postcode(previous["PL_POST"]) == _postcode(row["PL_POST"])
    )
    if placement_changed and legal_status_changed:
        return "U" if same_carers else "B"
    if placement_changed:
        return "T" if same_carers else "P"
    return "L" if legal_status_changed else ""


def _care_start(plan: _Plan, origin: str, child_id: str, row: dict[str, str], day: dt.date) -> None:
    event: dict[str, Any] = {
        "type": "care_start",
        "date": _iso(day),
        "legal_status": row["LS"],
        "category_of_need": row["CIN"],
        "placement": row["PLACE"],
        "provider": row["PLACE_PROVIDER"],
    }
    if row["RNE"] != "S":
        event["reason_for_new_episode"] = row["RNE"]
    for column, name in (
        ("PL_POST", "placement_postcode"),
        ("HOME_POST", "home_postcode"),
        ("URN", "urn"),
    ):
        if row[column]:
            event[name] = row[column]
    _add(plan, origin, child_id, day, _STARTS, **event)


def _episode_events(context: _Context, _where: str, _row: dict[str, str]) -> None:
    """Episodes: the start of each period of care, each change between episodes, and the end
    of care, checking that Kinfolk's derivation gives back the same episodes."""
    plan, child_id, rows = context.plan, context.child_id, context.episodes
    previous: dict[str, str] | None = None
    previous_origin = ""
    period_first: dict[str, str] = {}
    for number, row in rows:
        origin = _origin("episodes", number)
        start = _date_or_fail(origin, row, "DECOM")
        if previous is None:
            _care_start(plan, origin, child_id, row, start)
            period_first = row
        else:
            ended = _date_or_fail(previous_origin, previous, "DEC", required=False)
            if ended is None:
                raise _fail(previous_origin, "DEC is blank, but a later episode follows (rule 142)")
            if previous["REC"] == "X1":
                if start != ended:
                    raise _fail(
                        origin,
                        f"DECOM {row['DECOM']} is not the day the previous episode ended with X1, "
                        f"{previous['DEC']} (rule 433)",
                    )
                _continuation(
                    plan, child_id, previous_origin, previous, origin, row, period_first, start
                )
            else:
                _care_end(plan, previous_origin, child_id, previous, ended)
                if row["RNE"] != "S":
                    raise _fail(
                        origin,
                        f"RNE {row['RNE']}: after an episode that ended care ({previous['REC']}) "
                        "a new period of care starts with S (rule 432)",
                    )
                _care_start(plan, origin, child_id, row, start)
                period_first = row
        previous, previous_origin = row, origin
    if previous is None:
        return
    ended = _date_or_fail(previous_origin, previous, "DEC", required=False)
    if ended is None:
        if previous["REC"] or previous["REASON_PLACE_CHANGE"]:
            raise _fail(
                previous_origin,
                "REC and REASON_PLACE_CHANGE must be blank while the episode is open "
                "(rules 148, 233)",
            )
        return
    if previous["REC"] == "X1":
        raise _fail(previous_origin, "ends with X1, but no episode follows it (rule 388)")
    _care_end(plan, previous_origin, child_id, previous, ended)


def _date_or_fail(
    origin: str, row: dict[str, str], column: str, *, required: bool = True
) -> dt.date | None:
    try:
        return _date(row, column, required=required)
    except _RowError as error:
        raise _fail(origin, str(error)) from None


def _care_end(plan: _Plan, origin: str, child_id: str, row: dict[str, str], day: dt.date) -> None:
    if not row["REC"]:
        raise _fail(origin, "DEC is given but REC is blank (rule 148)")
    if row["REASON_PLACE_CHANGE"]:
        raise _fail(
            origin,
            "REASON_PLACE_CHANGE is given on the episode that ends care: it belongs on an episode "
            "followed by a change of placement (rule 225)",
        )
    _add(plan, origin, child_id, day, _ENDS, type="care_end", date=_iso(day), reason=row["REC"])


def _continuation(
    plan: _Plan,
    child_id: str,
    previous_origin: str,
    previous: dict[str, str],
    origin: str,
    row: dict[str, str],
    period_first: dict[str, str],
    day: dt.date,
) -> None:
    """An episode that follows the previous one on the day it ended with X1."""
    if previous["DECOM"] == previous["DEC"]:
        raise _fail(
            previous_origin,
            "starts and ends on the same day (rule 355): Kinfolk records the changes of one day "
            "as one episode",
        )
    if row["CIN"] != period_first["CIN"]:
        raise _fail(
            origin,
            f"CIN changes from {period_first['CIN']} to {row['CIN']} within a period of care: "
            "Kinfolk keeps one category of need for the period (rule 504)",
        )
    if _postcode(row["HOME_POST"]) != _postcode(period_first["HOME_POST"]):
        raise _fail(
            origin,
            f"HOME_POST changes from {period_first['HOME_POST'] or 'blank'} to "
            f"{row['HOME_POST'] or 'blank'} within a period of care: Kinfolk keeps the home "
            "postcode the child came into care from",
        )
    derived = _derived_reason(previous, row)
    if not derived:
        raise _fail(
            origin,
            "neither the placement nor the legal status changes from the previous episode, so "
            "there is no new episode (rules 434-436)",
        )
    if row["RNE"] != derived:
        raise _fail(
            origin,
            f"RNE {row['RNE']}, but the changes from the previous episode make it {derived} "
            "(P and B: new carers; T and U: the same provider at the same postcode; "
            "L: legal status only)",
        )
    placement_changed = _placement(previous) != _placement(row)
    is_temporary = row["PLACE"] in TEMPORARY_PLACEMENTS or previous["PLACE"] in TEMPORARY_PLACEMENTS
    reason = previous["REASON_PLACE_CHANGE"]
    if placement_changed:
        if is_temporary and reason:
            raise _fail(
                previous_origin,
                "REASON_PLACE_CHANGE is given around a temporary move (T0-T4), where none is "
                "recorded (rule 226)",
            )
        if not is_temporary and not reason:
            raise _fail(
                previous_origin,
                f"REASON_PLACE_CHANGE is blank, but the placement changes on {previous['DEC']} "
                "(rule 225)",
            )
        event: dict[str, Any] = {
            "type": "placement_change",
            "date": _iso(day),
            "placement": row["PLACE"],
            "provider": row["PLACE_PROVIDER"],
            # A temporary move records no reason; the journey still asks for a code.
            "reason": reason or "OTHER",
        }
        if row["PL_POST"]:
            event["placement_postcode"] = row["PL_POST"]
        if row["URN"]:
            event["urn"] = row["URN"]
        _add(plan, origin, child_id, day, _STARTS, **event)
    elif reason:
        raise _fail(
            previous_origin,
            "REASON_PLACE_CHANGE is given, but the placement does not change after this episode "
            "(rule 225)",
        )
    if previous["LS"] != row["LS"]:
        _add(
            plan,
            origin,
            child_id,
            day,
            _STARTS,
            type="legal_status_change",
            date=_iso(day),
            legal_status=row["LS"],
        )


def _review_events(context: _Context, origin: str, row: dict[str, str]) -> None:
    plan = context.plan
    day = _date_or_fail(origin, row, "REVIEW")
    _add(
        plan,
        origin,
        row["CHILD"],
        day,
        _DURING,
        type="cla_review",
        date=_iso(day),
        participation=row["REVIEW_CODE"],
    )


_MISSING_KINDS = {"M": "missing", "A": "away"}


def _missing_events(context: _Context, origin: str, row: dict[str, str]) -> None:
    plan = context.plan
    kind = _MISSING_KINDS.get(row["MISSING"])
    if kind is None:
        raise _fail(origin, f"MISSING {row['MISSING']!r} must be M or A (rule 1006)")
    start = _date_or_fail(origin, row, "MIS_START")
    end = _date_or_fail(origin, row, "MIS_END", required=False)
    child_id = row["CHILD"]
    _add(
        plan,
        origin,
        child_id,
        start,
        _DURING,
        type="missing_start",
        at=f"{_iso(start)}T12:00",
        kind=kind,
    )
    if end is not None:
        at = f"{_iso(end)}T12:01" if end == start else f"{_iso(end)}T12:00"
        _add(plan, origin, child_id, end, _DURING, type="missing_end", at=at)


def _placed_adoption_events(context: _Context, origin: str, row: dict[str, str]) -> None:
    plan = context.plan
    child_id = row["CHILD"]
    decided = _date_or_fail(origin, row, "DATE_PLACED")
    _add(plan, origin, child_id, decided, _DURING, type="adoption_decision", date=_iso(decided))
    reversed_on = _date_or_fail(origin, row, "DATE_PLACED_CEASED", required=False)
    if reversed_on is not None:
        _add(
            plan,
            origin,
            child_id,
            reversed_on,
            _DURING,
            type="adoption_decision_reversed",
            date=_iso(reversed_on),
            reason=row["REASON_PLACED_CEASED"],
        )
    elif row["REASON_PLACED_CEASED"]:
        raise _fail(origin, "REASON_PLACED_CEASED is given without DATE_PLACED_CEASED (rule 119)")


def _ad1_events(context: _Context, origin: str, row: dict[str, str]) -> None:
    """AD1: the decision (unless PlacedAdoption already gives it) and the match."""
    plan = context.plan
    child_id = row["CHILD"]
    items = [row[column] for column in TABLES["ad1"][2:]]
    if not any(items):
        return
    if not all(items):
        raise _fail(
            origin, "the AD1 items are partly completed: give all of them or none (rule 151)"
        )
    decided = _date_or_fail(origin, row, "DATE_INT")
    already = any(
        e.payload.get("type") == "adoption_decision" and e.date == decided
        for e in plan.by_child[child_id]
    )
    if not already:
        _add(plan, origin, child_id, decided, _DURING, type="adoption_decision", date=_iso(decided))
    matched = _date_or_fail(origin, row, "DATE_MATCH")
    if row["FOSTER_CARE"] not in ("0", "1"):
        raise _fail(origin, f"FOSTER_CARE {row['FOSTER_CARE']!r} must be 0 or 1 (rule 114)")
    if row["NB_ADOPTR"] not in ("1", "2"):
        raise _fail(origin, f"NB_ADOPTR {row['NB_ADOPTR']!r} must be 1 or 2 (rule 175)")
    _add(
        plan,
        origin,
        child_id,
        matched,
        _DURING,
        type="adoption_match",
        date=_iso(matched),
        adopters=int(row["NB_ADOPTR"]),
        adopters_sex=row["SEX_ADOPTR"],
        adopters_legal_status=row["LS_ADOPTR"],
        former_foster_carers=row["FOSTER_CARE"] == "1",
    )


def _prev_perm_events(context: _Context, origin: str, row: dict[str, str]) -> None:
    plan = context.plan
    if not row["PREV_PERM"]:
        if row["LA_PERM"] or row["DATE_PERM"]:
            raise _fail(origin, "LA_PERM or DATE_PERM is given without PREV_PERM")
        return
    event: dict[str, Any] = {"type": "previous_permanence", "code": row["PREV_PERM"]}
    if row["DATE_PERM"] and "Z" not in row["DATE_PERM"].upper():
        event["date"] = _iso(_date_or_fail(origin, row, "DATE_PERM"))
    if row["LA_PERM"]:
        event["la"] = row["LA_PERM"]
    _add(plan, origin, row["CHILD"], None, _AFTER, **event)


def _oc3_events(context: _Context, origin: str, row: dict[str, str]) -> None:
    """OC3: a contact on the 17th to 21st birthday that falls in the year."""
    plan, dob, year = context.plan, context.dob, context.year
    day = next(
        (
            birthday(dob, age)
            for age in OC3_BIRTHDAYS
            if year.start <= birthday(dob, age) <= year.end
        ),
        None,
    )
    if day is None:
        raise _fail(origin, f"not 17 to 21 on a birthday in {year.label} (rule 391)")
    if not row["IN_TOUCH"]:
        raise _fail(origin, "IN_TOUCH is blank (rule 131)")
    event: dict[str, Any] = {
        "type": "care_leaver_contact",
        "date": _iso(day),
        "in_touch": row["IN_TOUCH"],
    }
    if row["ACTIV"]:
        event["activity"] = row["ACTIV"]
    if row["ACCOM"]:
        event["accommodation"] = row["ACCOM"]
    _add(plan, origin, row["CHILD"], day, _AFTER, **event)


def _uasc_events(context: _Context, origin: str, row: dict[str, str]) -> None:
    """UASC: the return gives only when the status ceased; the period is taken to start with
    the child's first episode in the file (or on DUC, when it ceased before that)."""
    plan, episodes = context.plan, context.episodes
    ceased = _date_or_fail(origin, row, "DUC", required=False)
    starts = [_safe_date(r, "DECOM") for _, r in episodes]
    start = min([*starts, *([ceased] if ceased else [])], default=None)
    if start is None or start == dt.date.max:
        raise _fail(origin, "no episode and no DUC to date the UASC status from")
    child_id = row["CHILD"]
    _add(plan, origin, child_id, start, _STARTS, type="uasc_start", date=_iso(start))
    if ceased is not None:
        _add(plan, origin, child_id, ceased, _DURING, type="uasc_end", date=_iso(ceased))


_FLAGS = (
    "CONVICTED",
    "HEALTH_CHECK",
    "IMMUNISATIONS",
    "TEETH_CHECK",
    "HEALTH_ASSESSMENT",
    "SUBSTANCE_MISUSE",
    "INTERVENTION_RECEIVED",
    "INTERVENTION_OFFERED",
)


def _oc2_events(context: _Context, origin: str, row: dict[str, str]) -> None:
    """OC2: each item as an outcome record dated 31 March of the year (or today, if the year
    has not ended), when the child was looked after."""
    plan, year = context.plan, context.year
    for column in _FLAGS:
        if row[column] not in ("", "0", "1"):
            raise _fail(origin, f"{column} {row[column]!r} must be 0, 1 or blank (rule 181)")
    day = min(year.end, timezone.localdate())
    child_id = row["CHILD"]

    def add(event_type: str, **values: Any) -> None:
        _add(plan, origin, child_id, day, _DURING, type=event_type, date=_iso(day), **values)

    if row["SDQ_SCORE"]:
        if not row["SDQ_SCORE"].isdigit():
            raise _fail(
                origin, f"SDQ_SCORE {row['SDQ_SCORE']!r} must be a number from 0 to 40 (rule 180)"
            )
        add("sdq", score=int(row["SDQ_SCORE"]))
    elif row["SDQ_REASON"]:
        add("sdq", reason=row["SDQ_REASON"])
    if row["CONVICTED"] == "1":
        add("conviction")
    if row["HEALTH_CHECK"] == "1":
        add("development_check")
    if row["IMMUNISATIONS"]:
        add("immunisations", up_to_date=row["IMMUNISATIONS"] == "1")
    if row["TEETH_CHECK"] == "1":
        add("dental_check")
    if row["HEALTH_ASSESSMENT"] == "1":
        add("health_assessment", kind="review")
    if row["SUBSTANCE_MISUSE"] == "1":
        interventions = {}
        if row["INTERVENTION_RECEIVED"]:
            interventions["intervention_received"] = row["INTERVENTION_RECEIVED"] == "1"
        if row["INTERVENTION_OFFERED"]:
            interventions["intervention_offered"] = row["INTERVENTION_OFFERED"] == "1"
        add("substance_misuse", **interventions)


def _worker_events(plan: _Plan, tables: Tables) -> None:
    """A placeholder worker for each SW_ID not already recorded as a worker."""
    ids: dict[str, str] = {}
    for number, row in enumerate(tables.get("sw_episodes", []), start=1):
        origin = _origin("sw_episodes", number)
        if not _IDENTIFIER.match(row["SW_ID"]):
            plan.errors.append(
                f"{origin}: child {row['CHILD']}: SW_ID {row['SW_ID']!r} must be letters and "
                "digits only, at most 20"
            )
            continue
        ids.setdefault(row["SW_ID"], origin)
    known = set(User.objects.filter(username__in=ids).values_list("username", flat=True))
    for sw_id, origin in ids.items():
        if sw_id not in known:
            plan.workers.append(
                _Event(
                    origin,
                    "",
                    None,
                    0,
                    {
                        "type": "worker",
                        "id": sw_id,
                        "name": f"Social worker {sw_id}",
                        "role": "social_worker",
                    },
                )
            )


def _load_social_worker_episodes(tables: Tables) -> list[str]:
    """Allocate each child's case to the social worker of each SW episode, and end the last
    allocation (or one followed by a gap) on its SW_DEC."""
    errors: list[str] = []
    rows = _rows_by_child(tables, "sw_episodes")
    if not rows:
        return errors
    children = {c.la_child_id: c for c in Child.objects.filter(la_child_id__in=rows)}
    workers = {
        w.username: w
        for w in User.objects.filter(
            username__in={r["SW_ID"] for items in rows.values() for _, r in items}
        )
    }
    for child_id, items in rows.items():
        child = children[child_id]
        try:
            dated = [
                (
                    number,
                    row,
                    _date_or_fail(_origin("sw_episodes", number), row, "SW_DECOM"),
                    _date_or_fail(_origin("sw_episodes", number), row, "SW_DEC", required=False),
                )
                for number, row in items
            ]
        except _RowError as error:
            origin, _, message = str(error).partition("|")
            errors.append(f"{origin}: child {child_id}: {message}")
            continue
        dated.sort(key=lambda item: (item[2], item[0]))
        for index, (number, row, start, end) in enumerate(dated):
            origin = _origin("sw_episodes", number)
            following = dated[index + 1][2] if index + 1 < len(dated) else None
            try:
                if end is not None and end < start:
                    raise ValidationError(
                        {"SW_DEC": f"{row['SW_DEC']} is before SW_DECOM (rule SW18STG2)"}
                    )
                if following is not None and (end is None or end > following):
                    raise ValidationError(
                        {
                            "SW_DEC": f"the episode runs past the next one's start, {dated[index + 1][1]['SW_DECOM']} (rule SW10STG2)"
                        }
                    )
                workforce.allocate_child(
                    child=child,
                    worker=workers[row["SW_ID"]],
                    start_on=start,
                    reason=row["SW_REASON"],
                )
                if end is not None and end != following:
                    workforce.end_allocation(child=child, end_on=end)
            except ValidationError as error:
                message = "; ".join(
                    f"{name}: {text}"
                    for name, texts in error.message_dict.items()
                    for text in texts
                )
                errors.append(f"{origin}: child {child_id}: allocation: {message}")
                break
    return errors
