"""Three years of front door, child in need and child protection history for the demo authority.

The history is drawn family by family. Each family has a rate of *incidents*: something happens
that someone reports to the front door (a police domestic abuse notification, a school's
worry, a health visitor's concern). An incident concerns the whole sibling group or one child,
and each child it concerns gets a contact, which the front door screens. What the screening
decides depends on how serious the incident is and where the child already is: a child whose
case is open gets the information passed to the allocated worker; a child receiving early help
may be stepped up; any other child may get no further action, advice, early help, a referral
or, for the most serious, a strategy discussion the same day.

A referral opens a child in need episode, whose whole course is drawn at once
(kinfolk.demo.episodes): the assessment, perhaps a strategy discussion, a section 47 enquiry,
an initial conference and a child protection plan, a child in need plan, and the closure with
its DfE reason. Siblings referred by the same incident share the course's random draws, so a
sibling group has its conferences and plans together, as in practice. Everything is drawn as
if time went on past the as-of date, then each child's events are cut at it: what would have
happened later is not known yet, so work is open, due or overdue at the as-of date as it would
be in a live system. Incidents start a year before the history, so that it opens on cases
already in progress.

The issue's calibration for ``medium`` (a metropolitan borough of about 65,000 children) is
about 16,000 contacts, 3,400 referrals (a fifth of them re-referrals within 12 months), 1,100
section 47 enquiries and 420 initial conferences a year, with about 2,200 children in need and
270 on child protection plans at any time. Every event loads through the domain services at
about 1.6 ms, and those figures need about 290,000 events: seven to eight minutes for
``kinfolk demo``. To load in about five minutes, ``medium`` keeps the shape, the rates and the
child protection figures but lighter volumes: about 10,400 contacts a year (most news about an
open case goes straight to the allocated worker rather than through the front door), 2,600
referrals (a fifth of them re-referrals), 1,000 section 47 enquiries and 370 initial
conferences a year; about 1,650 children in need at any time (children in care are drawn by
kinfolk.demo.care) and 250 to 290 on plans; child in need visits every seven to
eleven weeks. ``small`` is a tenth of ``medium`` and ``large`` four times.
"""

import datetime as dt
import math
import random
from dataclasses import dataclass
from typing import Any

from kinfolk.core.codes import SocialWorkerChangeReason
from kinfolk.core.working_days import add_months, add_working_days
from kinfolk.demo.episodes import (
    STRATEGY_RATIONALES,
    Course,
    CourseDrawer,
    after_working_days,
    at_time,
    weighted,
)

#: Incidents a family has a year on average; families vary a lot (a gamma distribution with a
#: small shape), so that a few families come back again and again, as they do.
INCIDENTS_PER_FAMILY_YEAR = 3.5
INCIDENT_RATE_SHAPE = 0.8
#: The share of incidents about a child whose case is open that reach the front door as a
#: contact; the rest go straight to the allocated social worker.
OPEN_CASE_CONTACT = 0.1
#: The chance that an incident concerns every child of the family rather than one.
WHOLE_FAMILY_INCIDENT = 0.5

#: Where contacts come from (CIN referral source codes), weighted like national returns.
CONTACT_SOURCES = [
    ("6", 31),  # police
    ("2A", 18),  # schools
    ("2B", 1),  # education services
    ("3A", 2),  # GP
    ("3B", 3),  # health visitor
    ("3C", 1),  # school nurse
    ("3D", 2),  # other primary health services
    ("3E", 3),  # A&E
    ("3F", 5),  # other health
    ("4", 2),  # housing
    ("5A", 3),  # social care (another team)
    ("5B", 3),  # other internal services
    ("5C", 2),  # another authority
    ("5D", 4),  # early help
    ("1A", 5),  # family member
    ("1B", 1),  # acquaintance
    ("1C", 1),  # self
    ("1D", 1),  # other individual
    ("7", 3),  # other legal agency
    ("8", 4),  # other
    ("9", 3),  # anonymous
    ("10", 1),  # unknown
]
#: Primary need at referral (CIN N00101), weighted like national returns.
PRIMARY_NEEDS = [
    ("N1", 56),
    ("N2", 6),
    ("N3", 3),
    ("N4", 9),
    ("N5", 16),
    ("N6", 2),
    ("N7", 1),
    ("N8", 3),
    ("N9", 3),
    ("N0", 1),
]
RATIONALES = {
    "nfa": [
        "No role for children's social care: universal services are meeting the child's needs",
        "Information shared by the police; no concerns for the child's care were identified",
        "Concern resolved by the school with the family; no further action",
    ],
    "advice": [
        "Advice given to the referrer on supporting the family through universal services",
        "Signposted to community support; referrer agreed to share any further concern",
        "Parent given information on local services and consented to the school's support",
    ],
    "early_help": [
        "Needs at level 2: family consents to an early help assessment",
        "Additional needs best met by a team around the family",
        "Parenting support offered through the family hub",
    ],
    "referral": [
        "Needs at level 3: a child and family assessment is needed",
        "Cumulative concerns suggest the child may be in need: refer for assessment",
        "Parental capacity to meet the child's needs is in question: refer for assessment",
    ],
    "strategy_discussion": STRATEGY_RATIONALES,
    "open_case": [
        "Open case: information passed to the allocated social worker",
        "Open case: shared with the allocated social worker and the team manager",
    ],
    "pending": ["Further information on a contact already being screened: added to it"],
    "early_help_open": ["Open to early help: information passed to the lead practitioner"],
    "recently_closed": [
        "Recently assessed: no new concern since the case closed; advice to the referrer",
        "Concern already known from the recent assessment; family support plan in place",
    ],
}
EARLY_HELP_ENDINGS = [
    ("Outcomes of the family plan achieved", 60),
    ("Family withdrew consent", 20),
    ("Family moved away", 8),
    ("Needs now met by universal services", 12),
]
STEP_UP = "Stepped up to children's social care"
ALLOCATION_CHANGES = [
    (SocialWorkerChangeReason.LEFTRL, 45),
    (SocialWorkerChangeReason.ABSENC, 20),
    (SocialWorkerChangeReason.MANAGE, 15),
    (SocialWorkerChangeReason.ORGRST, 10),
    (SocialWorkerChangeReason.PCCHAN, 5),
    (SocialWorkerChangeReason.CHCHAN, 5),
]


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson count with the given mean (Knuth's method; the means here are small)."""
    if mean > 30:
        return max(0, round(rng.gauss(mean, math.sqrt(mean))))
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count


@dataclass
class Incident:
    """Something reported to the front door about some children of one family."""

    at: dt.datetime
    source: str
    severity: float
    seed: int
    children: list[str]


@dataclass
class ChildRecord:
    """What the history needs to know about a recorded child."""

    id: str
    born: dt.date


@dataclass
class EarlyHelp:
    """A child's early help: when it starts and would end, and whether it is recorded (early
    help that began before the history starts is not)."""

    starts: dt.date
    ends: dt.date
    kept: bool


class Timeline:
    """One child's events in the order they happened (by date, then as drawn)."""

    def __init__(self, child_id: str) -> None:
        self.child_id = child_id
        self.items: list[tuple[dt.date, int, dict[str, Any]]] = []
        self.contacts = 0
        self.assessments = 0

    def add(self, day: dt.date, event: dict[str, Any], *, keep: bool = True) -> None:
        """Add an event; one not kept happened before the history starts and is left out."""
        if keep:
            self.items.append((day, len(self.items), {**event, "child": self.child_id}))

    def contact(self, at: dt.datetime, source: str, *, keep: bool = True) -> str:
        self.contacts += 1
        reference = f"CT{self.contacts}"
        event = {
            "type": "contact",
            "at": at.strftime("%Y-%m-%dT%H:%M"),
            "source": source,
            "id": reference,
        }
        self.add(at.date(), event, keep=keep)
        return reference

    def events(self, as_of: dt.date) -> list[dict[str, Any]]:
        """The events known at the end of ``as_of``: those dated on or before it, and date-times
        before it (so that nothing is after the moment of loading). The cut is a prefix, so
        everything kept still follows from what came before."""
        kept = []
        for day, _seq, event in sorted(self.items, key=lambda item: (item[0], item[1])):
            if day > as_of or ("at" in event and day >= as_of):
                break
            kept.append(event)
        return kept


class PathwayHistory:
    """Draws the front door, child in need and child protection history of each family."""

    def __init__(
        self,
        rng: random.Random,
        *,
        as_of: dt.date,
        start: dt.date,
        workers: dict[str, list[dict[str, Any]]],
        age_weights: list[tuple[int, float]],
    ) -> None:
        self.random = rng
        self.age_weights = age_weights
        self.as_of = as_of
        self.start = start
        #: Incidents begin a year earlier, so that the history opens on cases in progress.
        self.warm_up = add_months(start, -12)
        self.fewest_born = self.born_share(self.warm_up)
        self.front_door = [w["id"] for w in workers.get("frontdoor", [])]
        self.managers = [w["id"] for w in workers.get("team_manager", [])]
        social_workers = workers.get("social_worker", [])
        self.teams: dict[str, list[str]] = {
            "assessment": [w["id"] for w in social_workers if w["team"].startswith("Assessment")],
            "safeguarding": [
                w["id"] for w in social_workers if w["team"].startswith("Safeguarding")
            ],
            "disabled": [w["id"] for w in social_workers if w["team"] == "Disabled Children"],
        }
        for kind, pool in self.teams.items():
            if not pool:
                self.teams[kind] = [w["id"] for w in social_workers]

    # Families ------------------------------------------------------------------------------

    def family(self, children: list[ChildRecord]) -> dict[str, list[dict[str, Any]]]:
        """Each child's pathway events (and allocations), by child identifier."""
        rng = self.random
        born = [c for c in children if c.born < self.as_of]
        histories: dict[str, list[dict[str, Any]]] = {c.id: [] for c in children}
        if not born:
            return histories
        incidents = self.incidents(born)
        for child in born:
            mine = [i for i in incidents if child.id in i.children]
            histories[child.id] = self.child(child, mine, family_seed=rng.getrandbits(32))
        return histories

    def incidents(self, children: list[ChildRecord]) -> list[Incident]:
        """The family's incidents over the three years: at least one, many for a few."""
        rng = self.random
        first = max(self.warm_up, min(c.born for c in children))
        years = max((self.as_of - first).days, 1) / 365.25
        rate = rng.gammavariate(
            INCIDENT_RATE_SHAPE, INCIDENTS_PER_FAMILY_YEAR / INCIDENT_RATE_SHAPE
        )
        span = (self.as_of - first).days
        incidents = []
        for _ in range(poisson(rng, rate * years / self.fewest_born)):
            day = first + dt.timedelta(days=rng.randint(0, max(span - 1, 0)))
            present = [c for c in children if c.born <= day]
            if not present or rng.random() * self.born_share(day) > self.fewest_born:
                continue
            source = weighted(rng, CONTACT_SOURCES)
            if source == "6" and rng.random() < 0.35:
                at = at_time(day, rng, start=3, end=24)  # police notifications come at any hour
            elif day.weekday() >= 5:
                at = at_time(day, rng, start=9, end=21)
            else:
                at = at_time(day, rng, start=8, end=19)
            if len(present) > 1 and rng.random() < WHOLE_FAMILY_INCIDENT:
                concerned = [c.id for c in present]
            else:
                concerned = [rng.choice(present).id]
            incidents.append(Incident(at, source, rng.random(), rng.getrandbits(32), concerned))
        if not incidents:  # every recorded child came to the front door at least once
            day = max(self.start, min(c.born for c in children)) + dt.timedelta(
                days=rng.randint(0, 30)
            )
            day = min(day, self.as_of - dt.timedelta(days=1))
            present = [c for c in children if c.born <= day] or children
            incidents.append(
                Incident(
                    at_time(day, rng),
                    weighted(rng, CONTACT_SOURCES),
                    rng.random(),
                    rng.getrandbits(32),
                    [rng.choice(present).id],
                )
            )
        return sorted(incidents, key=lambda i: i.at)

    def born_share(self, day: dt.date) -> float:
        """The share of today's children who had been born by ``day``. Older young people,
        who were children then, are not recorded; incidents before ``day`` are made more
        frequent by this share so that the front door is as busy then as now."""
        back = (self.as_of - day).days
        total = sum(weight for _age, weight in self.age_weights)
        born = sum(
            weight * min(1.0, max(0.0, (age * 365 + 365 - back) / 365))
            for age, weight in self.age_weights
        )
        return born / total

    # One child -----------------------------------------------------------------------------

    def child(
        self, child: ChildRecord, incidents: list[Incident], *, family_seed: int
    ) -> list[dict[str, Any]]:
        """The child's contacts, screenings and the episodes they lead to, cut at the as-of
        date, with allocations to social workers while a case is open.

        Incidents start a year before the history does, so that the history opens on a
        caseload already in progress: of that year, only the episodes still open when the
        history starts are recorded (as a migrated system would hold them).
        """
        rng = self.random
        timeline = Timeline(child.id)
        open_until: dt.date | None = None  # the current or last episode closes on this day
        screening_until: dt.datetime | None = None
        early_help: EarlyHelp | None = None
        current: Course | None = None
        for incident in incidents:
            received = incident.at
            day = received.date()
            shown = day >= self.start
            if early_help is not None and early_help.ends <= day:
                self.end_early_help(timeline, early_help, early_help.ends)
                early_help = None
            if open_until is not None and day < open_until:
                # Most news about an open case goes straight to the allocated worker; some
                # comes through the front door.
                if rng.random() < OPEN_CASE_CONTACT:
                    reference = timeline.contact(received, incident.source, keep=shown)
                    self.screen(timeline, reference, received, "advice", "open_case", keep=shown)
                continue
            if screening_until is not None and received < screening_until:
                reference = timeline.contact(received, incident.source, keep=shown)
                self.screen(timeline, reference, received, "advice", "pending", keep=shown)
                continue
            outcome = self.outcome(
                incident.severity,
                in_early_help=early_help is not None,
                recently_closed=open_until is not None and day < add_months(open_until, 12),
            )
            if outcome == "recently_closed" and rng.random() < 0.5:
                continue  # after the work the family copes better: fewer incidents are reported
            reference = timeline.contact(received, incident.source, keep=shown)
            if outcome in ("early_help_open", "recently_closed"):
                self.screen(timeline, reference, received, "advice", outcome, keep=shown)
                continue
            decided = self.screen(timeline, reference, received, outcome, outcome, keep=shown)
            screening_until = decided
            if outcome == "early_help" and early_help is None and rng.random() < 0.85:
                starts = decided.date() + dt.timedelta(days=rng.randint(1, 14))
                early_help = self.start_early_help(timeline, starts)
            if outcome not in ("referral", "strategy_discussion"):
                continue
            referred = decided.date()
            if early_help is not None:
                self.end_early_help(timeline, early_help, max(referred, early_help.starts), STEP_UP)
                early_help = None
            drawer = CourseDrawer(
                random.Random(incident.seed),
                as_of=self.as_of,
                age=(referred - child.born).days // 365,
            )
            current = drawer.draw(
                referred,
                route="strategy" if outcome == "strategy_discussion" else "referral",
                source=incident.source,
                need=weighted(drawer.rng, PRIMARY_NEEDS),
            )
            open_until = current.closed_on
            self.add_course(timeline, current, child, keep=open_until >= self.start)
            if current.reason == "RC9":
                early_help = self.start_early_help(
                    timeline, open_until, "Step-down after assessment"
                )
        if early_help is not None and early_help.ends <= self.as_of:
            self.end_early_help(timeline, early_help, early_help.ends)
        if current is not None and open_until is not None and open_until > self.as_of:
            self.allocations(timeline, current, family_seed)
        return timeline.events(self.as_of)

    def start_early_help(self, timeline: Timeline, day: dt.date, reason: str = "") -> "EarlyHelp":
        """Early help from a day, for three to nine months unless the child is stepped up."""
        early_help = EarlyHelp(
            day, day + dt.timedelta(days=self.random.randint(90, 270)), day >= self.start
        )
        event = {"type": "early_help_start", "date": day.isoformat()}
        if reason:
            event["reason"] = reason
        timeline.add(day, event, keep=early_help.kept)
        return early_help

    def outcome(self, severity: float, *, in_early_help: bool, recently_closed: bool) -> str:
        """The screening decision on a contact about a child whose case is not open. After a
        recent closure the front door looks at the last assessment, and refers again only
        when something has changed."""
        if in_early_help:
            return "referral" if severity > 0.7 else "early_help_open"
        if recently_closed and 0.4 <= severity < 0.88:
            return "recently_closed"
        for outcome, upper in (
            ("nfa", 0.25),
            ("advice", 0.42),
            ("early_help", 0.54),
            ("referral", 0.905),
        ):
            if severity < upper:
                return outcome
        return "strategy_discussion"

    def screen(
        self,
        timeline: Timeline,
        reference: str,
        received: dt.datetime,
        outcome: str,
        rationale: str,
        *,
        keep: bool = True,
    ) -> dt.datetime:
        """Record the screening of a contact: mostly the same or the next working day, some
        later when the front door is busy. Returns when it was decided."""
        rng = self.random
        if outcome == "strategy_discussion":
            decided = received + dt.timedelta(minutes=rng.randint(15, 150))
            if decided.date() != received.date():
                decided = received + dt.timedelta(minutes=5)
        else:
            lag = weighted(rng, [(0, 62), (1, 30), (2, 5), (3, 2), (8, 1)])
            if rationale != outcome:  # news on an open case, or on a known concern
                lag = min(lag, 1)
            if lag == 8:
                lag = rng.randint(4, 12)
            day = after_working_days(received.date(), lag)
            if day == received.date():
                decided = received + dt.timedelta(minutes=rng.randint(20, 240))
                if decided.date() != day or decided.hour >= 19:
                    day = add_working_days(day, 1)
                    decided = at_time(day, rng, start=9, end=17)
            else:
                decided = at_time(day, rng, start=9, end=17)
        event: dict[str, Any] = {
            "type": "screening",
            "at": decided.strftime("%Y-%m-%dT%H:%M"),
            "outcome": outcome,
            "rationale": rng.choice(RATIONALES[rationale]),
            "contact": reference,
        }
        if self.front_door:
            event["by"] = rng.choice(self.front_door)
        if outcome in ("nfa", "early_help") and self.managers and rng.random() < 0.97:
            event["authorised_by"] = rng.choice(self.managers)
        timeline.add(decided.date(), event, keep=keep)
        return decided

    def end_early_help(
        self, timeline: Timeline, early_help: "EarlyHelp", day: dt.date, reason: str = ""
    ) -> None:
        timeline.add(
            day,
            {
                "type": "early_help_end",
                "date": day.isoformat(),
                "reason": reason or weighted(self.random, EARLY_HELP_ENDINGS),
            },
            keep=early_help.kept,
        )

    def add_course(
        self, timeline: Timeline, course: Course, child: ChildRecord, *, keep: bool
    ) -> None:
        """Give an episode's course to the child: assessment identifiers, and whether the child
        was seen alone at visits (older children, sometimes)."""
        rng = self.random
        for step in course.steps:
            fields = dict(step.fields)
            if step.type == "contact":
                timeline.contact(step.at, fields["source"], keep=keep)
                continue
            if step.type == "screening":
                fields["contact"] = f"CT{timeline.contacts}"
                event = {"type": "screening", "at": step.at.strftime("%Y-%m-%dT%H:%M"), **fields}
                if self.front_door:
                    event["by"] = rng.choice(self.front_door)
                timeline.add(step.day, event, keep=keep)
                continue
            if step.type == "assessment_start":
                timeline.assessments += 1
                fields["id"] = f"AS{timeline.assessments}"
            if step.type == "assessment_authorised":
                fields["id"] = f"AS{timeline.assessments}"
            if step.type == "visit" and fields["seen"] and (step.day - child.born).days >= 8 * 365:
                fields["seen_alone"] = rng.random() < 0.6
            timeline.add(
                step.day, {"type": step.type, "date": step.day.isoformat(), **fields}, keep=keep
            )

    def allocations(self, timeline: Timeline, course: Course, family_seed: int) -> None:
        """Allocations of a case open at the as-of date: to a worker in the team that holds
        its stage, from the referral; a change of team when a plan starts; and the changes of
        worker that happen in long cases. Siblings get the same worker."""
        shared = random.Random(f"{family_seed}:{course.teams[0][0] if course.teams else ''}")
        worker = None
        for index, (day, kind) in enumerate(course.teams):
            if day > self.as_of:
                break
            pool = [w for w in self.teams[kind] if w != worker] or self.teams[kind]
            worker = shared.choice(pool)
            reason = (
                SocialWorkerChangeReason.FCONTA if index == 0 else SocialWorkerChangeReason.TSPROC
            )
            timeline.add(
                day,
                {
                    "type": "allocation",
                    "date": day.isoformat(),
                    "worker": worker,
                    "reason": reason.value,
                },
            )
            following = course.teams[index + 1][0] if index + 1 < len(course.teams) else None
            change = day + dt.timedelta(days=shared.randint(120, 300))
            while change < (following or self.as_of) and change < self.as_of:
                if shared.random() < 0.45:
                    pool = [w for w in self.teams[kind] if w != worker] or self.teams[kind]
                    worker = shared.choice(pool)
                    timeline.add(
                        change,
                        {
                            "type": "allocation",
                            "date": change.isoformat(),
                            "worker": worker,
                            "reason": weighted(shared, ALLOCATION_CHANGES).value,
                        },
                    )
                change += dt.timedelta(days=shared.randint(120, 300))
