"""The episodes table: the start of each period of care, each change between episodes (checked
against Kinfolk's derivation of the reason for new episode), and the end of care."""

import datetime as dt
from typing import Any

from kinfolk.care.models import TEMPORARY_PLACEMENTS
from kinfolk.returns.ssda903.importer.rows import (
    ENDS,
    STARTS,
    Context,
    Plan,
    add_event,
    clean_postcode,
    date_at,
    failure,
    iso,
    row_origin,
)


def _placement(row: dict[str, str]) -> tuple[str, str, str, str]:
    return (row["PLACE"], row["PLACE_PROVIDER"], clean_postcode(row["PL_POST"]), row["URN"])


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
        and clean_postcode(previous["PL_POST"]) == clean_postcode(row["PL_POST"])
    )
    if placement_changed and legal_status_changed:
        return "U" if same_carers else "B"
    if placement_changed:
        return "T" if same_carers else "P"
    return "L" if legal_status_changed else ""


def _care_start(plan: Plan, origin: str, child_id: str, row: dict[str, str], day: dt.date) -> None:
    event: dict[str, Any] = {
        "type": "care_start",
        "date": iso(day),
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
    add_event(plan, origin, child_id, day, STARTS, **event)


def episode_events(context: Context, _where: str, _row: dict[str, str]) -> None:
    """Episodes: the start of each period of care, each change between episodes, and the end
    of care, checking that Kinfolk's derivation gives back the same episodes."""
    plan, child_id, rows = context.plan, context.child_id, context.episodes
    previous: dict[str, str] | None = None
    previous_origin = ""
    period_first: dict[str, str] = {}
    for number, row in rows:
        origin = row_origin("episodes", number)
        start = date_at(origin, row, "DECOM")
        if previous is None:
            _care_start(plan, origin, child_id, row, start)
            period_first = row
        else:
            ended = date_at(previous_origin, previous, "DEC", required=False)
            if ended is None:
                raise failure(
                    previous_origin, "DEC is blank, but a later episode follows (rule 142)"
                )
            if previous["REC"] == "X1":
                if start != ended:
                    raise failure(
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
                    raise failure(
                        origin,
                        f"RNE {row['RNE']}: after an episode that ended care ({previous['REC']}) "
                        "a new period of care starts with S (rule 432)",
                    )
                _care_start(plan, origin, child_id, row, start)
                period_first = row
        previous, previous_origin = row, origin
    if previous is None:
        return
    ended = date_at(previous_origin, previous, "DEC", required=False)
    if ended is None:
        if previous["REC"] or previous["REASON_PLACE_CHANGE"]:
            raise failure(
                previous_origin,
                "REC and REASON_PLACE_CHANGE must be blank while the episode is open "
                "(rules 148, 233)",
            )
        return
    if previous["REC"] == "X1":
        raise failure(previous_origin, "ends with X1, but no episode follows it (rule 388)")
    _care_end(plan, previous_origin, child_id, previous, ended)


def _care_end(plan: Plan, origin: str, child_id: str, row: dict[str, str], day: dt.date) -> None:
    if not row["REC"]:
        raise failure(origin, "DEC is given but REC is blank (rule 148)")
    if row["REASON_PLACE_CHANGE"]:
        raise failure(
            origin,
            "REASON_PLACE_CHANGE is given on the episode that ends care: it belongs on an episode "
            "followed by a change of placement (rule 225)",
        )
    add_event(plan, origin, child_id, day, ENDS, type="care_end", date=iso(day), reason=row["REC"])


def _continuation(
    plan: Plan,
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
        raise failure(
            previous_origin,
            "starts and ends on the same day (rule 355): Kinfolk records the changes of one day "
            "as one episode",
        )
    if row["CIN"] != period_first["CIN"]:
        raise failure(
            origin,
            f"CIN changes from {period_first['CIN']} to {row['CIN']} within a period of care: "
            "Kinfolk keeps one category of need for the period (rule 504)",
        )
    if clean_postcode(row["HOME_POST"]) != clean_postcode(period_first["HOME_POST"]):
        raise failure(
            origin,
            f"HOME_POST changes from {period_first['HOME_POST'] or 'blank'} to "
            f"{row['HOME_POST'] or 'blank'} within a period of care: Kinfolk keeps the home "
            "postcode the child came into care from",
        )
    derived = _derived_reason(previous, row)
    if not derived:
        raise failure(
            origin,
            "neither the placement nor the legal status changes from the previous episode, so "
            "there is no new episode (rules 434-436)",
        )
    if row["RNE"] != derived:
        raise failure(
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
            raise failure(
                previous_origin,
                "REASON_PLACE_CHANGE is given around a temporary move (T0-T4), where none is "
                "recorded (rule 226)",
            )
        if not is_temporary and not reason:
            raise failure(
                previous_origin,
                f"REASON_PLACE_CHANGE is blank, but the placement changes on {previous['DEC']} "
                "(rule 225)",
            )
        event: dict[str, Any] = {
            "type": "placement_change",
            "date": iso(day),
            "placement": row["PLACE"],
            "provider": row["PLACE_PROVIDER"],
            # A temporary move records no reason; the journey still asks for a code.
            "reason": reason or "OTHER",
        }
        if row["PL_POST"]:
            event["placement_postcode"] = row["PL_POST"]
        if row["URN"]:
            event["urn"] = row["URN"]
        add_event(plan, origin, child_id, day, STARTS, **event)
    elif reason:
        raise failure(
            previous_origin,
            "REASON_PLACE_CHANGE is given, but the placement does not change after this episode "
            "(rule 225)",
        )
    if previous["LS"] != row["LS"]:
        add_event(
            plan,
            origin,
            child_id,
            day,
            STARTS,
            type="legal_status_change",
            date=iso(day),
            legal_status=row["LS"],
        )
