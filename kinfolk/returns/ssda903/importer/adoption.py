"""Adoption and previous permanence: the PlacedAdoption, AD1 and PrevPerm tables."""

from typing import Any

from kinfolk.returns.ssda903.importer.rows import (
    AFTER,
    DURING,
    Context,
    add_event,
    date_at,
    failure,
    iso,
)
from kinfolk.returns.ssda903.tables import TABLES


def placed_adoption_events(context: Context, origin: str, row: dict[str, str]) -> None:
    plan = context.plan
    child_id = row["CHILD"]
    decided = date_at(origin, row, "DATE_PLACED")
    add_event(plan, origin, child_id, decided, DURING, type="adoption_decision", date=iso(decided))
    reversed_on = date_at(origin, row, "DATE_PLACED_CEASED", required=False)
    if reversed_on is not None:
        add_event(
            plan,
            origin,
            child_id,
            reversed_on,
            DURING,
            type="adoption_decision_reversed",
            date=iso(reversed_on),
            reason=row["REASON_PLACED_CEASED"],
        )
    elif row["REASON_PLACED_CEASED"]:
        raise failure(origin, "REASON_PLACED_CEASED is given without DATE_PLACED_CEASED (rule 119)")


def ad1_events(context: Context, origin: str, row: dict[str, str]) -> None:
    """AD1: the decision (unless PlacedAdoption already gives it) and the match."""
    plan = context.plan
    child_id = row["CHILD"]
    items = [row[column] for column in TABLES["ad1"][2:]]
    if not any(items):
        return
    if not all(items):
        raise failure(
            origin, "the AD1 items are partly completed: give all of them or none (rule 151)"
        )
    decided = date_at(origin, row, "DATE_INT")
    already = any(
        e.payload.get("type") == "adoption_decision" and e.date == decided
        for e in plan.by_child[child_id]
    )
    if not already:
        add_event(
            plan, origin, child_id, decided, DURING, type="adoption_decision", date=iso(decided)
        )
    matched = date_at(origin, row, "DATE_MATCH")
    if row["FOSTER_CARE"] not in ("0", "1"):
        raise failure(origin, f"FOSTER_CARE {row['FOSTER_CARE']!r} must be 0 or 1 (rule 114)")
    if row["NB_ADOPTR"] not in ("1", "2"):
        raise failure(origin, f"NB_ADOPTR {row['NB_ADOPTR']!r} must be 1 or 2 (rule 175)")
    add_event(
        plan,
        origin,
        child_id,
        matched,
        DURING,
        type="adoption_match",
        date=iso(matched),
        adopters=int(row["NB_ADOPTR"]),
        adopters_sex=row["SEX_ADOPTR"],
        adopters_legal_status=row["LS_ADOPTR"],
        former_foster_carers=row["FOSTER_CARE"] == "1",
    )


def prev_perm_events(context: Context, origin: str, row: dict[str, str]) -> None:
    plan = context.plan
    if not row["PREV_PERM"]:
        if row["LA_PERM"] or row["DATE_PERM"]:
            raise failure(origin, "LA_PERM or DATE_PERM is given without PREV_PERM")
        return
    event: dict[str, Any] = {"type": "previous_permanence", "code": row["PREV_PERM"]}
    if row["DATE_PERM"] and "Z" not in row["DATE_PERM"].upper():
        event["date"] = iso(date_at(origin, row, "DATE_PERM"))
    if row["LA_PERM"]:
        event["la"] = row["LA_PERM"]
    add_event(plan, origin, row["CHILD"], None, AFTER, **event)
