"""The demo authority's management oversight (docs/oversight.md): case supervision of the cases
open on its as-of date, about monthly over the last four months, and a few management
decisions.

Most cases are supervised on time; some are supervised late and some have gone without
supervision for the last two months, so that ``case-supervision-1m`` shows every status (the
episodes closed in the history end theirs, cancelled or missed). Each supervision is by a team
manager of the allocated worker's team and agrees an action now and then, some done since.

The events are inserted among each child's own, in date order. The choices come from a random
generator of their own, so that adding them leaves the authority's people, dates, counts and
returns exactly as they were; they add about 2 per cent to the events of the file.
"""

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from typing import Any

#: How far back the supervisions go.
MONTHS_BACK = 4
#: Shares of the open cases supervised late now and then, and of those whose supervision has
#: lapsed for the last two months; the rest are supervised about every four weeks.
LATE = 0.2
LAPSED = 0.15
#: Share of supervisions that agree an action, and of the actions done since.
WITH_ACTION = 0.35
DONE = 0.6
#: Share of the open cases with a management decision in the last four months.
DECIDED = 0.08

DECISIONS = [
    "Continue the child in need plan; review at the next supervision.",
    "Step the plan down to early help once attendance holds for a term.",
    "Convene a family network meeting before the next review.",
    "Seek legal advice on whether the threshold for pre-proceedings is met.",
    "Complete an updated assessment: circumstances have changed since the last one.",
    "Keep the case open for a further three months while the new routine settles.",
]
ACTIONS = [
    "See the child alone at school and record their views",
    "Share the updated plan with the family and the school",
    "Check the health visitor's latest contact and record it",
    "Book the family network meeting and invite the grandparents",
    "Update the chronology and the case summary",
    "Ask the school for the latest attendance figures",
]
OUTCOMES = [
    "The child is in school every day and arrives on time.",
    "The child is safe at home with the family's own network supporting mornings.",
    "The child's views shape the plan at the next review.",
]
RATIONALES = [
    "Progress is real but not yet sustained; the family engage well with the plan.",
    "The last two visits found the same concerns; a change of approach is needed.",
    "The family asked for time to plan together and the risks are managed meanwhile.",
]


def _day(event: dict[str, Any]) -> dt.date | None:
    value = event.get("date") or (event.get("at") or "")[:10]
    return dt.date.fromisoformat(value) if value else None


def supervise(
    events: Iterable[dict[str, Any]], *, seed: str, as_of: dt.date
) -> Iterator[dict[str, Any]]:
    """``events`` with supervisions and management decisions of the open cases inserted, drawn
    from ``seed``."""
    chooser = random.Random(f"{seed}:oversight")
    stream = list(events)
    team_of: dict[str, str] = {}
    manager_of: dict[str, str] = {}
    open_since: dict[str, dt.date | None] = {}
    allocated: dict[str, tuple[str, dt.date]] = {}
    positions: dict[str, list[tuple[int, dt.date | None]]] = {}
    for index, event in enumerate(stream):
        kind = event["type"]
        if kind == "worker":
            team_of[event["id"]] = event.get("team", "")
            if event["role"] == "team_manager" and event.get("team"):
                manager_of.setdefault(event["team"], event["id"])
            continue
        child = event.get("child")
        if child is None:
            continue
        positions.setdefault(child, []).append((index, _day(event)))
        if kind == "referral":
            open_since[child] = None if event.get("nfa") else _day(event)
        elif kind == "case_closure":
            open_since[child] = None
        elif kind == "allocation":
            allocated[child] = (event["worker"], dt.date.fromisoformat(event["date"]))
    before: dict[int, list[dict[str, Any]]] = {}
    after: dict[int, list[dict[str, Any]]] = {}
    start = as_of - dt.timedelta(days=30 * MONTHS_BACK)
    for child in sorted(open_since):
        referred = open_since[child]
        if referred is None or child not in allocated:
            continue
        worker, since = allocated[child]
        supervisor = manager_of.get(team_of.get(worker, ""))
        if supervisor is None or supervisor == worker:
            continue
        added = _oversight_of(
            chooser, child, worker, supervisor, max(referred, since, start), as_of
        )
        for event in added:
            day = _day(event)
            later = next(
                (i for i, d in positions[child] if d is not None and day and d > day), None
            )
            if later is None:
                after.setdefault(positions[child][-1][0], []).append(event)
            else:
                before.setdefault(later, []).append(event)
    for index, event in enumerate(stream):
        yield from before.get(index, [])
        yield event
        yield from after.get(index, [])


def _oversight_of(
    chooser: random.Random,
    child: str,
    worker: str,
    supervisor: str,
    first: dt.date,
    as_of: dt.date,
) -> list[dict[str, Any]]:
    """One open case's supervisions from ``first`` to ``as_of``, and perhaps a decision."""
    draw = chooser.random()
    lapsed = draw < LAPSED
    late = LAPSED <= draw < LAPSED + LATE
    until = as_of - dt.timedelta(days=62) if lapsed else as_of
    events: list[dict[str, Any]] = []
    day = first + dt.timedelta(days=chooser.randint(7, 27))
    while day <= until:
        event: dict[str, Any] = {
            "type": "supervision",
            "child": child,
            "date": day.isoformat(),
            "supervisor": supervisor,
            "worker": worker,
            "decision": chooser.choice(DECISIONS),
        }
        if chooser.random() < WITH_ACTION:
            due = day + dt.timedelta(days=chooser.randint(7, 21))
            action = {"text": chooser.choice(ACTIONS), "owner": worker, "due": due.isoformat()}
            done = day + dt.timedelta(days=chooser.randint(1, 25))
            if chooser.random() < DONE and done <= as_of:
                action["done"] = done.isoformat()
            event["actions"] = [action]
        events.append(event)
        day += dt.timedelta(days=chooser.randint(33, 45) if late else chooser.randint(21, 28))
    if chooser.random() < DECIDED:
        decided = first + dt.timedelta(days=chooser.randint(0, max(0, (as_of - first).days)))
        events.append(
            {
                "type": "management_decision",
                "child": child,
                "date": decided.isoformat(),
                "by": supervisor,
                "decision": chooser.choice(DECISIONS),
                "rationale": chooser.choice(RATIONALES),
                "outcome_sought": chooser.choice(OUTCOMES),
                "owner": worker,
                "due": (decided + dt.timedelta(days=28)).isoformat(),
            }
        )
    events.sort(key=lambda e: e["date"])
    return events
