"""The header table: each child, and motherhood."""

import re
from typing import Any

from kinfolk.returns.ssda903.importer.rows import (
    DURING,
    IDENTIFIER,
    Event,
    Plan,
    RowError,
    add_event,
    iso,
    row_date,
)


def child_events(plan: Plan, origin: str, row: dict[str, str]) -> None:
    """Header: the child, and motherhood when MOTHER is 1."""
    child_id = row["CHILD"]
    if not IDENTIFIER.match(child_id):
        raise RowError("CHILD must be letters and digits only, at most 20")
    dob = row_date(row, "DOB")
    event: dict[str, Any] = {
        "type": "child",
        "id": child_id,
        "first_name": "Child",
        "last_name": child_id,
        "sex": row.get("SEX", ""),
        "ethnicity": row.get("ETHNIC", ""),
        "dob": iso(dob),
    }
    upn = row.get("UPN", "")
    if re.fullmatch(r"UN\d", upn):
        event["upn_unknown"] = upn
    elif upn:
        event["upn"] = upn
    plan.by_child[child_id].append(Event(origin, child_id, dob, 0, event))
    mother = row.get("MOTHER", "")
    if mother == "1":
        first_child = row_date(row, "MC_DOB")
        add_event(
            plan,
            origin,
            child_id,
            None,
            DURING,
            type="motherhood",
            first_child_dob=iso(first_child),
        )
    elif mother not in ("", "0"):
        raise RowError(f"MOTHER {mother!r} must be 1, 0 or blank")
