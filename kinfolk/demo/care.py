"""Children in care and care leavers for the demo authority.

Some of the authority's children are looked after now or have been during the three years of
history, and an older cohort of young people aged 18 to 21 left care in the years before.
Each period of care is drawn whole: how the child came into care and under which legal status,
the placements and the moves between them, the orders made in proceedings, and how care ended
(a return home, special guardianship, adoption, or the 18th birthday). The records kept while
the child is looked after follow the statutory rhythm, usually on time and sometimes late, so
that the duties engine has real examples of every status: the care plan, looked-after reviews,
visits, health assessments and checks, personal education plans, and missing episodes with
their return interviews. Care leavers get a personal adviser, pathway plans and contacts.

For ``medium`` (7,000 children) this gives about 455 children in care at the as-of date and
about 300 care leavers aged 17 to 21; ``small`` is a tenth of that.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from kinfolk.core.working_days import add_months, age_on
from kinfolk.demo import places
from kinfolk.demo.episodes import weighted
from kinfolk.demo.looked_after import LookedAfterRecords

#: The chance that a child of an age (in whole years at the as-of date) has been looked after
#: during the history or is now, tuned to about 65 children in care per 1,000 of the children
#: the demo records (who are the children known to social care).
CARE_CHANCE_BY_AGE = {0: 0.08, 1: 0.085, 2: 0.085, 3: 0.085, 4: 0.085, 5: 0.1, 6: 0.1}
CARE_CHANCE = 0.115
#: Of those, the share still looked after at the as-of date.
STILL_IN_CARE = 0.72

#: Ofsted URNs of the authority's fostering service and of some fostering agencies (invented).
FOSTERING_SERVICE = "SC059311"
FOSTERING_AGENCIES = ["SC048127", "SC061845", "SC397210", "SC426618", "SC472903"]
#: What SSDA903 asks in place of a URN for a placement through a regional adoption agency.
ADOPTION_AGENCY = "XXXXXXX"

MOVE_REASONS = [
    ("CARPL", 35),
    ("CREQB", 18),
    ("CREQO", 10),
    ("CHILD", 8),
    ("STAND", 4),
    ("ALLEG", 3),
    ("CLOSE", 5),
    ("LAREQ", 5),
    ("OTHER", 12),
]
ENDINGS = [("E4A", 40), ("E13", 12), ("E41", 6), ("E47", 14), ("E45", 6), ("E3", 3), ("E16", 2)]
ENDINGS_AT_18 = [("E17", 30), ("E5", 35), ("E6", 5), ("E8", 30)]


@dataclass
class Stretch:
    """A stretch of a period of care with one placement, for drawing the records."""

    start: dt.date
    placement: str


@dataclass
class CareTimeline:
    """One young person's care events, by date."""

    child_id: str
    items: list[tuple[dt.date, int, dict[str, Any]]] = field(default_factory=list)

    def add(self, day: dt.date, event_type: str, *, dated: bool = True, **fields: Any) -> None:
        """Add an event on ``day``; ``dated=False`` leaves its date out (it is kept in order
        by ``day``)."""
        event = {"type": event_type, "child": self.child_id}
        if "at" not in fields and dated:
            event["date"] = day.isoformat()
        event.update(fields)
        self.items.append((day, len(self.items), event))

    def events(self, as_of: dt.date) -> list[dict[str, Any]]:
        """The events known at the end of ``as_of`` (date-times strictly before it)."""
        kept = []
        for day, _seq, event in sorted(self.items, key=lambda item: (item[0], item[1])):
            if day > as_of or ("at" in event and day >= as_of):
                continue
            kept.append(event)
        return kept


def event_day(event: dict[str, Any]) -> dt.date | None:
    value = event.get("date") or event.get("at")
    return dt.date.fromisoformat(value[:10]) if isinstance(value, str) else None


def merge_by_date(first: list[dict[str, Any]], second: list[dict[str, Any]]) -> list[dict]:
    """One child's events from two histories in date order; on the same day ``first`` comes
    first. An event without a date stays with the one before it in its own history."""
    days: list[dt.date] = []
    for event in second:
        days.append(event_day(event) or (days[-1] if days else dt.date.min))
    merged: list[dict[str, Any]] = []
    index = 0
    for event in first:
        day = event_day(event)
        while index < len(second) and day is not None and days[index] < day:
            merged.append(second[index])
            index += 1
        merged.append(event)
    merged.extend(second[index:])
    return merged


def settle_allocations(events: list[dict[str, Any]], as_of: dt.date) -> list[dict[str, Any]]:
    """A child's allocations with "first contact" (SSDA903 SW_REASON FCONTA) only on the
    first: a later allocation takes over from a worker who still holds the case.

    A change of worker that falls in the last five days of March waits until 1 April (unless
    care or the case ends first): the sector's SSDA903 validator reads a social worker
    episode ending then as one with no successor (its rule SW11bSTG2, whatever follows), so
    the demo makes no change then."""
    seen = False
    settled: list[dict[str, Any]] = []
    waiting: list[tuple[dict[str, Any], tuple[str, int]]] = []
    for event in events:
        day = event_day(event)
        if waiting and event["type"] in ("care_end", "case_closure"):
            for moved, (original, place) in reversed(waiting):
                moved["date"] = original
                settled.insert(place, moved)
            waiting.clear()
        while waiting and day is not None and day >= event_day(waiting[0][0]):
            settled.append(waiting.pop(0)[0])
        if event["type"] == "allocation":
            if seen and event.get("reason") == "FCONTA":
                event["reason"] = "TSPROC"
            if seen and day is not None and day.month == 3 and day.day >= 26:
                april = dt.date(day.year, 4, 1)
                if april <= as_of:
                    waiting.append((event, (event["date"], len(settled))))
                    event["date"] = april.isoformat()
                    continue
            seen = True
        settled.append(event)
    return settled + [moved for moved, _original in waiting]


class CareHistory(LookedAfterRecords):
    """Draws periods of care and leaving care for the demo authority."""

    def __init__(
        self,
        rng: random.Random,
        *,
        as_of: dt.date,
        start: dt.date,
        workers: dict[str, list[dict[str, Any]]],
    ) -> None:
        self.random = rng
        self.as_of = as_of
        self.start = start
        social_workers = workers.get("social_worker", [])
        self.care_team = [w["id"] for w in social_workers if w["team"] == "Children in Care"] or [
            w["id"] for w in social_workers
        ]
        self.advisers = [w["id"] for w in workers.get("personal_adviser", [])] or self.care_team

    # Helpers --------------------------------------------------------------------------------

    def _postcode(self, *, in_area: bool = False) -> str:
        """A placement's postcode: most in the borough, some out of the area."""
        rng = self.random
        out = not in_area and rng.random() < 0.22
        return places.pick(rng, rng.choice(places.OUT_OF_AREA) if out else places.HOME_AREA)

    def _placement(self, age: int) -> dict[str, str]:
        """A placement for a child of ``age``: type, provider, postcode and Ofsted URN."""
        rng = self.random
        if age < 1:
            kind = weighted(rng, [("U6", 60), ("U3", 30), ("U5", 10)])
        elif age < 10:
            kind = weighted(rng, [("U6", 55), ("U4", 12), ("U3", 25), ("U1", 8)])
        elif age < 16:
            kind = weighted(rng, [("U6", 42), ("U4", 12), ("K2", 28), ("U3", 14), ("U1", 4)])
        else:
            kind = weighted(rng, [("K3", 32), ("U6", 28), ("K2", 24), ("U3", 12), ("U4", 4)])
        if kind in ("U1", "U2", "U3"):
            provider = "PR1"
        elif kind.startswith("U"):
            provider = weighted(rng, [("PR1", 60), ("PR4", 35), ("PR5", 5)])
        elif kind == "K2":
            provider = weighted(rng, [("PR4", 70), ("PR1", 20), ("PR5", 10)])
        else:
            provider = weighted(rng, [("PR4", 70), ("PR5", 30)])
        placement = {"placement": kind, "provider": provider, "placement_postcode": ""}
        # Supported accommodation, and the authority's own homes, are in the borough (SSDA903
        # rules 241 and 1015).
        placement["placement_postcode"] = self._postcode(
            in_area=kind == "K3" or (provider == "PR1" and not kind.startswith("U"))
        )
        if kind in ("K2", "K3"):
            placement["urn"] = f"SC{rng.randint(100000, 999999)}"
        elif kind.startswith("U"):
            # The Ofsted URN of the fostering service: the authority's own, or an agency's.
            placement["urn"] = (
                FOSTERING_SERVICE if provider == "PR1" else rng.choice(FOSTERING_AGENCIES)
            )
        return placement

    # Children of the authority --------------------------------------------------------------

    def child(self, child_id: str, born: dt.date, home: str) -> list[dict[str, Any]]:
        """The care events of one of the authority's children, often none."""
        rng = self.random
        age = (self.as_of - born).days // 365
        if rng.random() >= CARE_CHANCE_BY_AGE.get(age, CARE_CHANCE):
            return []
        timeline = CareTimeline(child_id)
        if rng.random() < STILL_IN_CARE:
            longest = (self.as_of - born).days
            if longest < 1:
                return []  # born on the day of the history's end: not yet in care
            span = weighted(rng, [((7, 365), 32), ((365, 3 * 365), 36), ((3 * 365, 12 * 365), 32)])
            days = min(rng.randint(*span), max(longest - 3, 1))
            entry = self.as_of - dt.timedelta(days=days)
            self.period(timeline, born, home, entry, leave=None)
        else:
            earliest = max(born + dt.timedelta(days=2), self.start - dt.timedelta(days=365))
            latest = self.as_of - dt.timedelta(days=40)
            if earliest >= latest:
                return []
            entry = earliest + dt.timedelta(days=rng.randint(0, (latest - earliest).days))
            leave = entry + dt.timedelta(days=rng.randint(21, 720))
            if leave >= self.as_of:
                leave = self.as_of - dt.timedelta(days=rng.randint(1, 20))
            if leave <= entry + dt.timedelta(days=7):
                return []
            self.period(timeline, born, home, entry, leave=leave)
        return timeline.events(self.as_of)

    def care_leaver(self, child_id: str, born: dt.date, home: str) -> list[dict[str, Any]]:
        """A young person aged 18 to 21 who left care at 16 or later."""
        rng = self.random
        fourteenth = add_months(born, 14 * 12)
        eighteenth = add_months(born, 18 * 12)
        entry = fourteenth + dt.timedelta(days=rng.randint(0, 3 * 365))
        leave = eighteenth
        if rng.random() < 0.2:
            sixteenth = add_months(born, 16 * 12)
            leave = max(sixteenth, entry + dt.timedelta(days=120)) + dt.timedelta(
                days=rng.randint(0, 300)
            )
            leave = min(leave, eighteenth)
        timeline = CareTimeline(child_id)
        self.period(timeline, born, home, entry, leave=leave)
        return timeline.events(self.as_of)

    # A period of care -----------------------------------------------------------------------

    def period(
        self,
        timeline: CareTimeline,
        born: dt.date,
        home: str,
        entry: dt.date,
        *,
        leave: dt.date | None,
    ) -> None:
        """A period of care from ``entry`` until ``leave`` (None: beyond the as-of date), with
        its orders, placements, records and, for care leavers, the support after it."""
        rng = self.random
        eighteenth = add_months(born, 18 * 12)
        end = leave or self.as_of + dt.timedelta(days=3650)
        at_18 = end >= eighteenth
        if at_18:
            end = eighteenth
        age = age_on(born, entry)
        # The legal route in: accommodation under section 20, an emergency order or police
        # protection followed by an interim care order, or a remand for older children.
        first_status = weighted(
            rng,
            [("V2", 42), ("C1", 40), ("L2", 10), ("L1", 5)] + ([("J1", 3)] if age >= 12 else []),
        )
        if first_status == "J1":
            end = min(end, entry + dt.timedelta(days=rng.randint(30, 120)))
            leave = end if end <= self.as_of else leave
        need = weighted(
            rng, [("N1", 64), ("N2", 4), ("N3", 3), ("N4", 7), ("N5", 14), ("N6", 2), ("N8", 6)]
        )
        placement = self._placement(age)
        timeline.add(
            entry,
            "care_start",
            legal_status=first_status,
            category_of_need=need,
            home_postcode=home,
            **placement,
        )
        timeline.add(
            entry,
            "previous_permanence",
            dated=False,
            code="Z1",
        )
        timeline.add(entry, "allocation", worker=rng.choice(self.care_team), reason="TSPROC")
        statuses: list[tuple[dt.date, str]] = []
        ending = ""
        adoption: dt.date | None = None
        if first_status in ("L1", "L2"):
            # Police protection lasts at most 72 hours, an emergency protection order 8 days.
            days = rng.randint(1, 3) if first_status == "L1" else rng.randint(2, 8)
            statuses.append((entry + dt.timedelta(days=days), "C1"))
        if first_status in ("C1", "L1", "L2") or (first_status == "V2" and rng.random() < 0.2):
            interim = statuses[-1][0] if statuses else entry
            if first_status == "V2":
                interim = entry + dt.timedelta(days=rng.randint(30, 180))
                statuses.append((interim, "C1"))
            final = interim + dt.timedelta(weeks=rng.randint(24, 44))
            young = (final - born).days < 5 * 365
            outcome = weighted(
                rng, [("C2", 70), ("E1", 40 if young else 0), ("home", 8), ("sgo", 10)]
            )
            if outcome in ("C2", "E1"):
                statuses.append((final, outcome))
                if outcome == "E1":
                    adoption = final
            elif final < end:
                end = final
                ending = "E47" if outcome == "sgo" else "E4A"
        # Placements: moves at about one every three years, more for teenagers.
        moves: list[tuple[dt.date, dict[str, str], str]] = []
        day = entry
        while True:
            rate = 0.45 if (day - born).days > 11 * 365 else 0.28
            day = day + dt.timedelta(days=int(rng.expovariate(rate / 365)) + 14)
            if day >= min(end, self.as_of):
                break
            moves.append((day, self._placement(age_on(born, day)), weighted(rng, MOVE_REASONS)))
        # Adoption: the decision before the placement order, a match months after it, the
        # move to the adopters and the adoption order.
        adoption_steps: list[tuple[dt.date, str, dict[str, Any]]] = []
        if adoption is not None:
            decided = adoption - dt.timedelta(days=rng.randint(14, 60))
            adoption_steps.append((max(decided, entry + dt.timedelta(days=1)), "decision", {}))
            matched = adoption + dt.timedelta(days=rng.randint(60, 270))
            couple = rng.random() < 0.8
            sex = weighted(rng, [("MF", 80), ("FF", 10), ("MM", 10)]) if couple else "F1"
            legal = (
                weighted(rng, [("L11", 60), ("L3", 25), ("L2", 15)])
                if sex == "MF"
                else ("L0" if not couple else weighted(rng, [("L12", 60), ("L4", 25), ("L2", 15)]))
            )
            adoption_steps.append(
                (
                    matched,
                    "match",
                    {
                        "adopters": 2 if couple else 1,
                        "adopters_sex": sex,
                        "adopters_legal_status": legal,
                        "former_foster_carers": False,
                    },
                )
            )
            placed = matched + dt.timedelta(days=rng.randint(14, 60))
            adoption_steps.append((placed, "placed", {}))
            adopted = placed + dt.timedelta(days=rng.randint(120, 330))
            if adopted < end:
                end = adopted
                ending = weighted(rng, [("E11", 70), ("E12", 30)])
            moves = [m for m in moves if m[0] < placed]
        changes: list[tuple[dt.date, int, str, dict[str, Any]]] = []
        for when, status in statuses:
            if when < end:
                changes.append((when, 0, "legal_status_change", {"legal_status": status}))
        for when, new_placement, reason in moves:
            if when < end:
                changes.append((when, 1, "placement_change", {**new_placement, "reason": reason}))
        decided_to_place = False
        for when, step, fields in adoption_steps:
            if step == "decision" and when < end:
                timeline.add(when, "adoption_decision")
                decided_to_place = True
            elif step == "match" and when < end:
                timeline.add(when, "adoption_match", **fields)
            elif step == "placed" and when < end:
                changes.append(
                    (
                        when,
                        1,
                        "placement_change",
                        {
                            "placement": "A6",
                            "provider": weighted(rng, [("PR1", 60), ("PR5", 40)]),
                            "urn": ADOPTION_AGENCY,
                            "placement_postcode": self._postcode(),
                            "reason": "CARPL",
                        },
                    )
                )
        stretches = [Stretch(entry, placement["placement"])]
        taken: set[dt.date] = {entry}
        for when, _order, event_type, fields in sorted(changes, key=lambda c: (c[0], c[1])):
            if when in taken:
                continue  # one change a day keeps the episodes simple
            taken.add(when)
            timeline.add(when, event_type, **fields)
            if event_type == "placement_change":
                stretches.append(Stretch(when, fields["placement"]))
        if end <= self.as_of:
            last = stretches[-1].placement
            if first_status == "J1" and not ending:
                ending = "E14"
            elif not ending:
                ending = weighted(rng, ENDINGS_AT_18) if at_18 else weighted(rng, ENDINGS)
            if ending in ("E17", "E45") and not last.startswith("U"):
                # Staying put and special guardianship to former foster carers follow a
                # foster placement (SSDA903 rule 516).
                ending = "E5" if ending == "E17" else "E47"
            adopted = ending in ("E11", "E12")
            if adopted != last.startswith("A"):
                ending = "E8"  # the move to the adopters fell on a day with another change
            if decided_to_place and not adopted:
                # The plan for adoption was given up: the agency reverses its decision when
                # the child leaves care some other way (SSDA903 rule 557).
                reason = weighted(rng, [("RD1", 40), ("RD2", 20), ("RD3", 20), ("RD4", 20)])
                timeline.add(end, "adoption_decision_reversed", reason=reason)
            timeline.add(end, "care_end", reason=ending)
        self.records(timeline, born, entry, min(end, self.as_of), stretches)
        sixteenth = add_months(born, 16 * 12)
        looked_after_since_14 = (end - max(entry, add_months(born, 14 * 12))).days
        still_in_care = end > self.as_of
        if end >= sixteenth and (still_in_care or looked_after_since_14 >= 91):
            self.leaving(timeline, born, entry, None if still_in_care else end)
