"""The demo authority's case file audits: a quarter's audits of about 3% of its open cases (at
least six), each by a team manager who does not hold the case, some moderated by a second
manager, a few of those to another grade (docs/audits.md). Written as ``case_audit`` journey
events after the rest of the journey, from a generator of their own, so that the rest of the
authority is the same with or without them."""

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from typing import Any

#: The share of open cases audited in the quarter, and the least number audited.
SHARE = 0.03
AT_LEAST = 6
#: How the auditors' grades fall, and the share of audits moderated.
GRADES = {"outstanding": 8, "good": 45, "requires_improvement": 35, "inadequate": 12}
MODERATED = 0.4
#: Of the audits moderated, the share where the moderator agrees another grade.
CHANGED = 0.35
ADJACENT = {
    "outstanding": ["good"],
    "good": ["outstanding", "requires_improvement"],
    "requires_improvement": ["good", "inadequate"],
    "inadequate": ["requires_improvement"],
}


def audit_cases(
    events: Iterable[dict[str, Any]],
    *,
    seed: str,
    as_of: dt.date,
    workers: dict[str, list[dict[str, Any]]],
) -> Iterator[dict[str, Any]]:
    """``events``, then the quarter's ``case_audit`` events of the cases open at the end.
    ``workers`` is the authority's staff by role, filled in as ``events`` are drawn."""
    open_cases: set[str] = set()
    holders: dict[str, str] = {}
    #: The date of each child's latest event: a child's events are in date order, so the
    #: audit comes after it.
    latest: dict[str, str] = {}
    for event in events:
        kind = event["type"]
        child = event.get("child")
        if isinstance(child, str):
            day = str(event.get("date") or event.get("at") or "")[:10]
            if day > latest.get(child, ""):
                latest[child] = day
        if kind == "referral":
            open_cases.add(event["child"])
        elif kind == "allocation":
            holders[event["child"]] = event["worker"]
        elif kind in ("case_closure", "death"):
            open_cases.discard(event["child"])
        yield event
    managers = [worker["id"] for worker in workers.get("team_manager", [])]
    if len(managers) < 3:
        return
    chooser = random.Random(f"{seed}:audits")
    quarter_start = as_of - dt.timedelta(days=90)
    allocated = sorted(
        child
        for child in open_cases
        if child in holders and latest.get(child, "") < (as_of - dt.timedelta(days=1)).isoformat()
    )
    count = min(len(allocated), max(AT_LEAST, round(SHARE * len(allocated))))
    audits = []
    for child in sorted(chooser.sample(allocated, count)):
        holder = holders[child]
        auditor, moderator = chooser.sample([m for m in managers if m != holder], 2)
        grade = chooser.choices(list(GRADES), weights=list(GRADES.values()))[0]
        audit = {
            "type": "case_audit",
            "child": child,
            "date": _day_after(latest.get(child, ""), quarter_start, as_of, chooser),
            "auditor": auditor,
            "grade": grade,
        }
        if chooser.random() < MODERATED:
            audit["moderator"] = moderator
            audit["moderated_grade"] = (
                chooser.choice(ADJACENT[grade]) if chooser.random() < CHANGED else grade
            )
        audits.append(audit)
    if audits and not any(a.get("moderated_grade", a["grade"]) != a["grade"] for a in audits):
        # The quarter shows at least one moderation that changed the grade.
        first = audits[0]
        first["moderator"] = chooser.choice(
            [m for m in managers if m not in (first["auditor"], holders[first["child"]])]
        )
        first["moderated_grade"] = ADJACENT[first["grade"]][0]
    yield from audits


def _day_after(latest: str, start: dt.date, as_of: dt.date, chooser: random.Random) -> str:
    """A day of the quarter after the child's latest event and before ``as_of``."""
    earliest = max(start, dt.date.fromisoformat(latest) + dt.timedelta(days=1)) if latest else start
    last = as_of - dt.timedelta(days=1)
    return (earliest + dt.timedelta(days=chooser.randint(0, (last - earliest).days))).isoformat()
