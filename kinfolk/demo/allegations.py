"""The demo authority's allegations against people who work with children: a year of them at
about the rate of a metropolitan borough (some 150 a year for 7,000 children known; fewer for
the small demo), each about one child or two siblings, written as ``allegation`` and
``allegation_consideration`` journey events after the rest of the journey (from a generator of
their own, so the rest of the authority is the same with or without them). Most are considered
within 1 working day, a few late, and the last two are still to be considered (one due, one
overdue) so that every status of ``lado-initial-1wd`` appears. Once loaded, ``manage`` holds
the meetings, records the outcomes with the employers' actions and closes the older ones,
through the services (docs/allegations.md)."""

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from typing import Any

from kinfolk.core.working_days import add_working_days

#: Allegations a year for each child known to the authority.
RATE = 150 / 7000
SECTORS = {
    "education": 38,
    "early_years": 8,
    "health": 7,
    "social_care": 8,
    "foster_carer": 9,
    "residential": 6,
    "faith": 3,
    "sport": 6,
    "police": 3,
    "transport": 4,
    "other": 8,
}
EMPLOYERS = {
    "education": "Northmoor {} Primary School",
    "early_years": "{} Day Nursery",
    "health": "Northmoor {} Health Centre",
    "social_care": "Northmoor Council children's services",
    "foster_carer": "Northmoor fostering service",
    "residential": "{} House children's home",
    "faith": "{} Community Church",
    "sport": "{} Juniors Football Club",
    "police": "Northmoor Police",
    "transport": "{} School Transport",
    "other": "{} Youth Club",
}
PLACES = ["Ashfield", "Brook", "Cedar", "Dale", "Elm", "Fernlea", "Grange", "Hollins"]
ROLES = {
    "education": "Teaching assistant",
    "early_years": "Nursery practitioner",
    "health": "Nurse",
    "social_care": "Support worker",
    "foster_carer": "Foster carer",
    "residential": "Residential worker",
    "faith": "Youth leader",
    "sport": "Coach",
    "police": "Police officer",
    "transport": "Driver",
    "other": "Volunteer",
}
CONSIDERATIONS = {
    "no_further_action": 35,
    "strategy_meeting": 30,
    "employer_investigation": 28,
    "police": 7,
}
RATIONALES = {
    "no_further_action": "The concern does not meet the threshold for the LADO: the employer "
    "handles it under its own procedures and has been advised.",
    "strategy_meeting": "The allegation meets the threshold: an allegation management meeting "
    "is needed with the employer and the police.",
    "employer_investigation": "The threshold is met; the employer investigates with the LADO's "
    "oversight and reports back.",
    "police": "A possible criminal offence: referred to the police before any other enquiry.",
}
#: Share of considerations made late (2 to 4 working days after receipt).
LATE = 0.06


def allegations(
    events: Iterable[dict[str, Any]], *, seed: str, as_of: dt.date, children: int
) -> Iterator[dict[str, Any]]:
    """``events``, then the year's ``allegation`` and ``allegation_consideration`` events for
    an authority of ``children`` children."""
    latest: dict[str, str] = {}
    ages: dict[str, str] = {}
    for event in events:
        child = event.get("child")
        if isinstance(child, str):
            day = str(event.get("date") or event.get("at") or "")[:10]
            if day > latest.get(child, ""):
                latest[child] = day
        if event["type"] == "child" and event.get("dob"):
            ages[event["id"]] = event["dob"]
            latest.setdefault(event["id"], event["dob"])
        yield event
    chooser = random.Random(f"{seed}:allegations")
    start = as_of - dt.timedelta(days=365)
    old_enough = (as_of - dt.timedelta(days=3 * 365)).isoformat()
    young_enough = (as_of - dt.timedelta(days=17 * 365)).isoformat()
    pool = sorted(
        child
        for child, born in ages.items()
        if young_enough < born < old_enough
        and latest.get(child, "") < (as_of - dt.timedelta(days=7)).isoformat()
    )
    count = min(len(pool), max(6, round(RATE * children)))
    chosen = chooser.sample(pool, count)
    dated = sorted(
        (_after(latest[child], start, as_of - dt.timedelta(days=8), chooser), child)
        for child in chosen
    )
    # The last two are recent and not yet considered: one received yesterday (due), one a
    # week ago (overdue).
    if len(dated) >= 2:
        dated[-2] = (as_of - dt.timedelta(days=7), dated[-2][1])
        dated[-1] = (as_of - dt.timedelta(days=1), dated[-1][1])
    for number, (received_on, child) in enumerate(dated, start=1):
        sector = chooser.choices(list(SECTORS), weights=list(SECTORS.values()))[0]
        referrer = sector if chooser.random() < 0.6 else chooser.choice(list(SECTORS))
        allegation_id = f"AL{number}"
        yield {
            "type": "allegation",
            "id": allegation_id,
            "child": child,
            "at": f"{received_on.isoformat()}T{chooser.randint(8, 16):02d}:{chooser.choice(['00', '15', '30', '45'])}",
            "person": f"{chooser.choice(['A.', 'B.', 'C.', 'D.', 'E.', 'J.', 'K.', 'M.', 'R.', 'S.'])} "
            f"{chooser.choice(['Example', 'Sample', 'Specimen', 'Testcase'])}",
            "employer": EMPLOYERS[sector].format(chooser.choice(PLACES)),
            "sector": sector,
            "referrer_sector": referrer,
            "category": chooser.choices(
                ["harm", "offence", "suitability", "behaviour"], weights=[40, 15, 15, 30]
            )[0],
        }
        if number > len(dated) - 2:
            continue
        outcome = chooser.choices(list(CONSIDERATIONS), weights=list(CONSIDERATIONS.values()))[0]
        # The first is always late, so that even the small demo shows a late consideration.
        late = number == 1 or chooser.random() < LATE
        considered = add_working_days(received_on, chooser.randint(2, 4) if late else 1)
        if not late and chooser.random() < 0.5:
            considered = received_on
        yield {
            "type": "allegation_consideration",
            "id": allegation_id,
            "date": min(considered, as_of).isoformat(),
            "outcome": outcome,
            "rationale": RATIONALES[outcome],
        }


def _after(latest: str, start: dt.date, end: dt.date, chooser: random.Random) -> dt.date:
    earliest = max(start, dt.date.fromisoformat(latest) + dt.timedelta(days=1))
    if earliest > end:
        return end
    return earliest + dt.timedelta(days=chooser.randint(0, (end - earliest).days))


OUTCOMES = {
    "substantiated": 30,
    "unsubstantiated": 30,
    "false": 10,
    "malicious": 2,
    "unfounded": 28,
}
EMPLOYER_ACTIONS = {
    "substantiated": ["dismissal", "dbs_referral", "training"],
    "unsubstantiated": ["training", "none"],
}


def manage(*, as_of: dt.date, seed: str) -> int:
    """The meetings, outcomes and closures of the demo's allegations, through the services:
    each allegation considered more than a fortnight ago gets them in turn as time allows.
    Returns how many allegations were managed."""
    from kinfolk.allegations.models import Allegation
    from kinfolk.allegations.services import (
        AgreedAction,
        close_allegation,
        complete_meeting_action,
        record_meeting,
        record_outcome,
    )

    chooser = random.Random(f"{seed}:allegations-managed")
    managed = 0
    for allegation in Allegation.objects.filter(considered_on__isnull=False).order_by("pk"):
        considered = allegation.considered_on
        assert considered is not None
        if allegation.consideration_outcome == "no_further_action":
            close_allegation(allegation=allegation, closed_on=considered, actor=None)
            managed += 1
            continue
        if (as_of - considered).days < 14:
            continue
        if allegation.consideration_outcome == "strategy_meeting":
            held_on = add_working_days(considered, chooser.randint(2, 5))
            meeting = record_meeting(
                allegation=allegation,
                held_on=held_on,
                attendees="LADO, Northmoor Council\nDesignated safeguarding lead, the employer\n"
                "Detective constable, Northmoor Police",
                notes="Information shared; the employer and the police agreed the next steps.",
                actions=[
                    AgreedAction(
                        "Write to the employer with the plan",
                        "LADO",
                        held_on + dt.timedelta(days=3),
                    ),
                    AgreedAction(
                        "Report on the investigation",
                        "The employer",
                        held_on + dt.timedelta(days=28),
                    ),
                ],
                actor=None,
            )
            for action in meeting.actions.all():
                if action.due_on < as_of - dt.timedelta(days=10):
                    complete_meeting_action(action=action, done_on=action.due_on, actor=None)
        allegation.refresh_from_db()
        outcome_on = considered + dt.timedelta(days=chooser.randint(20, 120))
        if outcome_on >= as_of:
            continue
        outcome = chooser.choices(list(OUTCOMES), weights=list(OUTCOMES.values()))[0]
        action = chooser.choice(EMPLOYER_ACTIONS.get(outcome, ["none"]))
        record_outcome(
            allegation=allegation,
            outcome_on=outcome_on,
            outcome=outcome,
            employer_action=action,
            actor=None,
        )
        closed_on = outcome_on + dt.timedelta(days=chooser.randint(3, 30))
        if closed_on < as_of:
            allegation.refresh_from_db()
            close_allegation(allegation=allegation, closed_on=closed_on, actor=None)
        managed += 1
    return managed
