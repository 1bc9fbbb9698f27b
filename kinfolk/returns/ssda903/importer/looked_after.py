"""What happens while a child is looked after and after care: reviews, missing episodes, UASC
status, the OC2 outcomes and the OC3 care-leaver contact."""

import datetime as dt
from typing import Any

from django.utils import timezone

from kinfolk.care.history import birthday
from kinfolk.leaving.standing import OC3_BIRTHDAYS
from kinfolk.returns.ssda903.importer.rows import (
    AFTER,
    DURING,
    STARTS,
    Context,
    add_event,
    date_at,
    failure,
    iso,
    sort_date,
)


def review_events(context: Context, origin: str, row: dict[str, str]) -> None:
    plan = context.plan
    day = date_at(origin, row, "REVIEW")
    add_event(
        plan,
        origin,
        row["CHILD"],
        day,
        DURING,
        type="cla_review",
        date=iso(day),
        participation=row["REVIEW_CODE"],
    )


_MISSING_KINDS = {"M": "missing", "A": "away"}


def missing_events(context: Context, origin: str, row: dict[str, str]) -> None:
    plan = context.plan
    kind = _MISSING_KINDS.get(row["MISSING"])
    if kind is None:
        raise failure(origin, f"MISSING {row['MISSING']!r} must be M or A (rule 1006)")
    start = date_at(origin, row, "MIS_START")
    end = date_at(origin, row, "MIS_END", required=False)
    child_id = row["CHILD"]
    add_event(
        plan,
        origin,
        child_id,
        start,
        DURING,
        type="missing_start",
        at=f"{iso(start)}T12:00",
        kind=kind,
    )
    if end is not None:
        at = f"{iso(end)}T12:01" if end == start else f"{iso(end)}T12:00"
        add_event(plan, origin, child_id, end, DURING, type="missing_end", at=at)


def oc3_events(context: Context, origin: str, row: dict[str, str]) -> None:
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
        raise failure(origin, f"not 17 to 21 on a birthday in {year.label} (rule 391)")
    if not row["IN_TOUCH"]:
        raise failure(origin, "IN_TOUCH is blank (rule 131)")
    event: dict[str, Any] = {
        "type": "care_leaver_contact",
        "date": iso(day),
        "in_touch": row["IN_TOUCH"],
    }
    if row["ACTIV"]:
        event["activity"] = row["ACTIV"]
    if row["ACCOM"]:
        event["accommodation"] = row["ACCOM"]
    add_event(plan, origin, row["CHILD"], day, AFTER, **event)


def uasc_events(context: Context, origin: str, row: dict[str, str]) -> None:
    """UASC: the return gives only when the status ceased; the period is taken to start with
    the child's first episode in the file (or on DUC, when it ceased before that)."""
    plan, episodes = context.plan, context.episodes
    ceased = date_at(origin, row, "DUC", required=False)
    starts = [sort_date(r, "DECOM") for _, r in episodes]
    start = min([*starts, *([ceased] if ceased else [])], default=None)
    if start is None or start == dt.date.max:
        raise failure(origin, "no episode and no DUC to date the UASC status from")
    child_id = row["CHILD"]
    add_event(plan, origin, child_id, start, STARTS, type="uasc_start", date=iso(start))
    if ceased is not None:
        add_event(plan, origin, child_id, ceased, DURING, type="uasc_end", date=iso(ceased))


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


def oc2_events(context: Context, origin: str, row: dict[str, str]) -> None:
    """OC2: each item as an outcome record dated 31 March of the year (or today, if the year
    has not ended), when the child was looked after."""
    plan, year = context.plan, context.year
    for column in _FLAGS:
        if row[column] not in ("", "0", "1"):
            raise failure(origin, f"{column} {row[column]!r} must be 0, 1 or blank (rule 181)")
    day = min(year.end, timezone.localdate())
    child_id = row["CHILD"]

    def add(event_type: str, **values: Any) -> None:
        add_event(plan, origin, child_id, day, DURING, type=event_type, date=iso(day), **values)

    if row["SDQ_SCORE"]:
        if not row["SDQ_SCORE"].isdigit():
            raise failure(
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
