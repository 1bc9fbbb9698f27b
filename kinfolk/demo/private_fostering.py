"""The demo authority's private fostering (docs/private-fostering.md): a year of notifications
at about 3 a year per thousand children known (15 to 30 at the medium size, a handful at the
small), each a child not otherwise known to the authority, recorded by the front door,
allocated to a social worker and visited.

Each arrangement follows one of a cycle of courses, so that the three visit duties show every
status: first visits on time, late and not yet made, visits every six weeks in the first year
and every twelve after it, on time, late or lapsed, and arrangements that ended before a visit
was due (cancelled) or after one was missed. The journey has events for the start, the visits
and the end; the carer's household, the checks and the assessment of suitability have none,
so ``record_checks`` records them through the services once the journey is loaded.

The choices come from a random generator of their own, so that the rest of the authority is
the same with or without them.
"""

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from typing import Any

from kinfolk.core.working_days import add_working_days
from kinfolk.demo import names
from kinfolk.privatefostering import services
from kinfolk.privatefostering.models import Arrangement

#: Notifications in the year, per child the authority knows, and the fewest.
PER_CHILD = 0.003
AT_LEAST = 6

#: The courses an arrangement takes, in turn: (name, days since it began, first visit in
#: working days after the notice or None, the usual days between visits, whether the visits
#: lapsed for the last ~10 weeks, days from the last visit to the end or None).
COURSES: list[tuple[str, int, int | None, int, bool, int | None]] = [
    ("on time", 200, 5, 38, False, None),
    ("first visit not yet made", 3, None, 40, False, None),
    ("late first visit, late visits", 160, 10, 46, False, None),
    ("second year", 460, 4, 40, False, None),
    ("lapsed", 220, 6, 40, True, None),
    ("ended before the next visit", 150, 3, 38, False, 12),
    ("first visit overdue", 16, None, 40, False, None),
    ("ended after a missed visit", 260, 5, 40, True, 0),
    ("second year, late", 520, 6, 95, False, None),
    ("second year, lapsed", 480, 5, 60, True, None),
    ("ended before the first visit", 40, None, 40, False, -1),
]
CARER_RELATIONSHIPS = ["Family friend", "Great-aunt", "Friend's parent", "Cousin", "Neighbour"]
NOTIFIERS = ["parent", "carer", "school", "health", "other"]


def _weekday(day: dt.date) -> dt.date:
    while day.weekday() >= 5:
        day += dt.timedelta(days=1)
    return day


def foster_privately(
    events: Iterable[dict[str, Any]],
    *,
    seed: str,
    as_of: dt.date,
    children: int,
    workers: dict[str, list[dict[str, Any]]],
) -> Iterator[dict[str, Any]]:
    """``events``, then the year's privately fostered children with their arrangements."""
    yield from events
    social_workers = [worker["id"] for worker in workers.get("social_worker", [])]
    if not social_workers:
        return
    chooser = random.Random(f"{seed}:private-fostering")
    count = max(AT_LEAST, round(children * PER_CHILD))
    for number in range(count):
        _course, age_days, first_wd, gap, lapsed, end_after = COURSES[number % len(COURSES)]
        child_id = f"PF{number + 1:04d}"
        carer_id = f"PFA{number + 1:04d}"
        heritage = chooser.choice(["british", "british", "british", "european", "african"])
        heritage = heritage if heritage in names.SURNAMES else "british"
        sex = chooser.choice("FM")
        began = as_of - dt.timedelta(days=age_days + chooser.randint(0, 20))
        # Most are told after the arrangement began, some in advance.
        told = _weekday(began + dt.timedelta(days=chooser.choice([-14, -7, 2, 5, 9, 14])))
        if told > as_of:
            told = _weekday(as_of - dt.timedelta(days=3))
        born = began - dt.timedelta(days=chooser.randint(6 * 365, 15 * 365))
        yield {
            "type": "child",
            "id": child_id,
            "first_name": chooser.choice(names.GIVEN_NAMES[heritage][sex]),
            "last_name": chooser.choice(names.SURNAMES[heritage]),
            "sex": sex,
            "ethnicity": "WBRI",
            "dob": born.isoformat(),
            "disabilities": ["NONE"],
        }
        yield {
            "type": "adult",
            "id": carer_id,
            "first_name": chooser.choice(names.GIVEN_NAMES[heritage]["F"]),
            "last_name": chooser.choice(names.SURNAMES[heritage]),
        }
        start = min(began, told)
        yield {
            "type": "allocation",
            "child": child_id,
            "date": start.isoformat(),
            "worker": chooser.choice(social_workers),
        }
        yield {
            "type": "private_fostering_start",
            "child": child_id,
            "date": began.isoformat(),
            "notified_on": told.isoformat(),
            "carer": carer_id,
        }
        visits: list[dt.date] = []
        if first_wd is not None:
            # The start event is dated the day the arrangement began: no visit comes before.
            day = max(add_working_days(told, first_wd), _weekday(began))
            anniversary = began + dt.timedelta(days=365)
            stop = as_of - dt.timedelta(days=75 if lapsed else 0)
            while day <= stop:
                visits.append(day)
                # A long gap is a second year's: the first year is visited about 6-weekly.
                step = gap if day >= anniversary else min(gap, 60)
                day = day + dt.timedelta(days=step + chooser.randint(-3, 3))
        ended: dt.date | None = None
        if end_after is not None:
            if end_after < 0:
                ended = max(began, told) + dt.timedelta(days=4)
            elif visits:
                ended = min(as_of, visits[-1] + dt.timedelta(days=end_after or 60))
        for day in visits:
            if ended is not None and day > ended:
                break
            event: dict[str, Any] = {
                "type": "visit",
                "child": child_id,
                "date": day.isoformat(),
                "kind": "private_fostering",
                "seen": chooser.random() > 0.05,
            }
            if event["seen"]:
                event["seen_alone"] = chooser.random() < 0.7
            yield event
        if ended is not None and ended <= as_of:
            yield {"type": "private_fostering_end", "child": child_id, "date": ended.isoformat()}


def record_checks(as_of: dt.date) -> int:
    """The carer's household, the checks and the assessment of each current arrangement of
    the demo, through the services; returns how many arrangements were filled in. Older
    arrangements have all their checks and an assessment; the newest have some or none."""
    chooser = random.Random(f"{as_of.isoformat()}:private-fostering-checks")
    filled = 0
    for arrangement in Arrangement.objects.current().select_related("child").order_by("pk"):
        child = arrangement.child
        told = arrangement.notified_on
        age = (as_of - told).days
        if age < 5:
            continue
        member = services.add_household_member(
            child=child,
            name=f"{chooser.choice(names.GIVEN_NAMES['british']['M'])} "
            f"{arrangement.carer_name.split()[-1]}",
            date_of_birth=as_of - dt.timedelta(days=chooser.randint(17 * 365, 50 * 365)),
            relationship=chooser.choice(["Partner", "Adult son", "Lodger"]),
        )
        arrangement.carer_relationship = chooser.choice(CARER_RELATIONSHIPS)
        arrangement.notified_by = chooser.choice(NOTIFIERS)
        arrangement.notifier_name = "Recorded at the front door"
        arrangement.save(update_fields=["carer_relationship", "notified_by", "notifier_name"])
        kinds = ["dbs_carer", "dbs_household", "references", "health", "home_visit"]
        done = kinds if age > 60 else kinds[: chooser.randint(1, 3)]
        for n, kind in enumerate(done):
            concerns = chooser.random() < 0.1
            services.record_check(
                child=child,
                kind=kind,
                member=member if kind == "dbs_household" else None,
                checked_on=min(as_of, told + dt.timedelta(days=3 + 4 * n)),
                result="concerns" if concerns else ("pending" if age < 30 and n == 0 else "clear"),
                detail="A matter from years ago, discussed with the carer." if concerns else "",
            )
        if age > 60:
            outcome = chooser.choice(
                ["suitable"] * 6 + ["suitable_with_conditions"] * 3 + ["not_suitable"]
            )
            services.record_assessment(
                child=child,
                assessed_on=min(as_of, told + dt.timedelta(days=42)),
                outcome=outcome,
                reason="The home is settled and the carer understands the child's needs.",
                conditions="The child has a room of their own."
                if outcome == "suitable_with_conditions"
                else "",
                manager_decision="Agreed."
                if outcome != "not_suitable"
                else "Not agreed: plan the child's return home.",
            )
        filled += 1
    return filled
