"""The course of a child in need episode for the demo authority, drawn whole from its referral.

A course is what happens between a referral and the closure of the episode: the child and
family assessment and its authorisation; perhaps a strategy discussion, a section 47 enquiry
and an initial child protection conference; a child protection plan with its core groups,
visits and reviews; a child in need plan with its visits; and the closure with its DfE reason.
Timescales are drawn so that most work is on time and some is late (Working Together 2023:
assessments within 45 working days, initial conferences within 15 working days of the
strategy discussion, the first core group within 10 working days, reviews at three months and
then six-monthly; child protection visits about every 10 working days as a local standard).

The course is drawn as if time went on past the as-of date; the caller cuts it there.
"""

import datetime as dt
import random
from dataclasses import dataclass, field
from typing import Any

from kinfolk.core.working_days import add_months, add_working_days, is_working_day

#: Where the information on an open case, or a concern that escalates one, comes from.
ESCALATION_SOURCES = [("6", 50), ("2A", 20), ("3E", 8), ("3F", 8), ("1A", 7), ("5B", 7)]
#: Initial category of a child protection plan: neglect and emotional abuse dominate.
CATEGORIES = [("NEG", 49), ("EMO", 37), ("PHY", 7), ("SAB", 4), ("MUL", 3)]
#: Factors identified at assessment (CIN N00181), weighted like national returns.
FACTORS = [
    ("3B", 30),
    ("4B", 25),
    ("3A", 18),
    ("16A", 15),
    ("17A", 15),
    ("2B", 12),
    ("4A", 11),
    ("1B", 9),
    ("3C", 5),
    ("15A", 5),
    ("20", 6),
    ("5B", 4),
    ("6B", 3),
    ("18C", 4),
    ("14A", 3),
    ("10A", 3),
    ("24A", 3),
    ("11A", 2),
    ("19C", 2),
    ("5A", 2),
    ("6A", 2),
    ("7A", 1),
    ("2A", 1),
    ("13A", 1),
    ("18B", 1),
    ("19B", 1),
]

#: What the front door writes when a contact goes straight to a strategy discussion.
STRATEGY_RATIONALES = [
    "Reasonable cause to suspect significant harm: strategy discussion today",
    "Injury with no consistent explanation: strategy discussion with police and health",
    "Disclosure of abuse at school: strategy discussion to decide on a section 47 enquiry",
]


def weighted(rng: random.Random, pairs: list[tuple[Any, float]]) -> Any:
    """One item of ``(item, weight)`` pairs, drawn with ``rng``."""
    return rng.choices([item for item, _ in pairs], weights=[w for _, w in pairs])[0]


def working_day(day: dt.date) -> dt.date:
    """The day itself if it is a working day, otherwise the next working day."""
    return day if is_working_day(day) else add_working_days(day, 1)


def after_working_days(day: dt.date, count: int) -> dt.date:
    """``count`` working days after ``day``; 0 means the day itself, or the next working day."""
    return add_working_days(day, count) if count > 0 else working_day(day)


def at_time(day: dt.date, rng: random.Random, *, start: int = 8, end: int = 18) -> dt.datetime:
    """A time of day between ``start`` and ``end`` o'clock (never in the small hours, when the
    clocks change)."""
    return dt.datetime.combine(day, dt.time(rng.randint(start, end - 1), rng.randint(0, 59)))


@dataclass
class Step:
    """One event of a course, before it is given to a child."""

    day: dt.date
    type: str
    fields: dict[str, Any]
    at: dt.datetime | None = None


@dataclass
class Course:
    """The course of one child in need episode, from referral to closure.

    ``closed_on`` is when the episode closes (possibly after the as-of date, when it is still
    open then); ``teams`` are the dates from which the case belongs to a kind of team
    (``assessment``, ``safeguarding`` or ``disabled``), for allocations.
    """

    steps: list[Step] = field(default_factory=list)
    closed_on: dt.date | None = None
    reason: str = ""
    teams: list[tuple[dt.date, str]] = field(default_factory=list)


class CourseDrawer:
    """Draws the course of an episode. All draws come from one random generator seeded by the
    incident, so siblings referred together get the same course."""

    def __init__(self, rng: random.Random, *, as_of: dt.date, age: int) -> None:
        self.rng = rng
        self.as_of = as_of
        self.age = age
        self.course = Course()
        #: Work on the episode that rules out closing it as "after assessment" (RC8, RC9).
        self.beyond_assessment = False
        #: The latest date a closure may take (authorisations, enquiry ends, plan starts).
        self.not_before: dt.date = dt.date.min
        self.escalated = False

    # Recording -----------------------------------------------------------------------------

    def add(self, day: dt.date, type_: str, **fields: Any) -> None:
        self.course.steps.append(Step(day, type_, fields))

    def add_at(self, at: dt.datetime, type_: str, **fields: Any) -> None:
        self.course.steps.append(Step(at.date(), type_, fields, at))

    def team(self, day: dt.date, kind: str) -> None:
        if not self.course.teams or self.course.teams[-1][1] != kind:
            self.course.teams.append((day, kind))

    # The course ----------------------------------------------------------------------------

    def draw(self, start: dt.date, *, route: str, source: str, need: str) -> Course:
        """The whole course of an episode opened by a referral on ``start``; ``route`` is
        ``referral`` (for assessment) or ``strategy`` (significant harm suspected)."""
        rng = self.rng
        self.disabled = need == "N2"
        if route == "referral" and rng.random() < 0.07:
            self.add(start, "referral", source=source, nfa=True)
            self.close(start, "RC7")
            return self.course
        self.add(start, "referral", source=source, primary_need=need)
        self.team(start, "disabled" if self.disabled else "assessment")
        enquiry = None
        if route == "strategy":
            enquiry = self.strategy_and_enquiry(start)
            assessment_start = after_working_days(start, weighted(rng, [(0, 7), (1, 3)]))
        else:
            assessment_start = after_working_days(
                start, weighted(rng, [(0, 45), (1, 35), (2, 12), (3, 8)])
            )
        authorised = self.assessment(assessment_start)
        if route == "referral" and rng.random() < 0.05:
            concern = assessment_start + dt.timedelta(
                days=rng.randint(1, max(2, (authorised - assessment_start).days))
            )
            enquiry = self.escalation(concern)
        if enquiry is None and route == "referral" and rng.random() < 0.05:
            enquiry = self.strategy_and_enquiry(authorised + dt.timedelta(days=rng.randint(0, 5)))
        self.not_before = max(self.not_before, authorised)
        if enquiry and enquiry.get("plan"):
            self.protection_plan(enquiry["conference"])
        elif enquiry:
            decided = max(authorised, enquiry["ended"])
            if rng.random() < 0.6:
                self.child_in_need_plan(after_working_days(decided, rng.randint(0, 8)))
            else:
                self.close(after_working_days(decided, rng.randint(0, 10)), "RC7")
        else:
            self.after_assessment(authorised)
        return self.course

    def assessment(self, start: dt.date) -> dt.date:
        """Start the child and family assessment; return the day it will be authorised: most
        within 45 working days, some late."""
        rng = self.rng
        self.add(start, "assessment_start")
        length = weighted(
            rng,
            [
                (lambda: rng.randint(5, 20), 18),
                (lambda: rng.randint(21, 38), 36),
                (lambda: rng.randint(39, 45), 27),
                (lambda: rng.randint(46, 60), 10),
                (lambda: rng.randint(61, 100), 7),
                (lambda: rng.randint(101, 150), 2),
            ],
        )()
        authorised = add_working_days(start, length)
        seen = rng.random() < 0.95
        visit = add_working_days(start, rng.randint(1, min(8, length)))
        if visit < authorised and rng.random() < 0.25:
            self.add(visit, "visit", kind="cin", seen=seen)
        factors = self.factors()
        self.add(authorised, "assessment_authorised", factors=factors, child_seen=seen)
        return authorised

    def factors(self) -> list[str]:
        rng = self.rng
        count = weighted(rng, [(1, 35), (2, 35), (3, 20), (4, 10)])
        picked: list[str] = []
        while len(picked) < count:
            factor = weighted(rng, FACTORS)
            if factor not in picked:
                picked.append(factor)
        return picked

    def after_assessment(self, authorised: dt.date) -> None:
        """What the authorised assessment leads to, when no enquiry was needed."""
        rng = self.rng
        if self.disabled:
            outcome = weighted(rng, [("plan", 70), ("RC8", 15), ("RC9", 10), ("RC7", 5)])
        else:
            outcome = weighted(
                rng, [("plan", 36), ("RC8", 37), ("RC9", 16), ("RC7", 8), ("RC5", 3)]
            )
        if outcome == "plan":
            self.child_in_need_plan(after_working_days(authorised, rng.randint(0, 10)))
            return
        if outcome == "RC8" and not self.beyond_assessment and rng.random() < 0.45:
            # The assessment found nothing: record "No factors identified" (factor 21).
            for step in self.course.steps:
                if step.type == "assessment_authorised":
                    step.fields["factors"] = ["21"]
        self.close(
            after_working_days(authorised, weighted(rng, [(0, 50), (2, 30), (6, 20)])), outcome
        )

    def strategy_and_enquiry(self, held_on: dt.date) -> dict[str, Any] | None:
        """A strategy discussion; if it decides on a section 47 enquiry, the enquiry and perhaps
        an initial conference. Returns what the enquiry concluded, or None."""
        rng = self.rng
        outcome = weighted(rng, [("s47", 80), ("cin", 13), ("no_further_action", 7)])
        self.add(held_on, "strategy_discussion", outcome=outcome)
        if outcome != "s47":
            return None
        self.beyond_assessment = True
        started = held_on if rng.random() < 0.75 else held_on + dt.timedelta(days=1)
        self.add(started, "s47_start")
        if rng.random() < 0.39:
            days = rng.randint(6, 15) if rng.random() < 0.8 else rng.randint(16, 32)
            conference = add_working_days(started, days)
            if rng.random() < 0.5:
                ended = add_working_days(started, rng.randint(3, days - 1))
                self.add(ended, "s47_end", icpc_required=True)
            plan = rng.random() < 0.88
            fields: dict[str, Any] = {"plan": plan}
            if plan:
                fields["category"] = weighted(rng, CATEGORIES)
            self.add(conference, "icpc", **fields)
            self.not_before = max(self.not_before, conference)
            return {"ended": conference, "conference": conference, "plan": plan}
        days = weighted(
            rng,
            [(lambda: rng.randint(2, 15), 85), (lambda: rng.randint(16, 30), 15)],
        )()
        ended = add_working_days(started, days)
        self.add(ended, "s47_end", icpc_required=False)
        self.not_before = max(self.not_before, ended)
        return {"ended": ended, "conference": None, "plan": False}

    def escalation(self, day: dt.date) -> dict[str, Any] | None:
        """A new concern about a child whose case is open: a contact, screened straight to a
        strategy discussion."""
        rng = self.rng
        self.escalated = True
        received = at_time(day, rng, start=7, end=22)
        self.add_at(received, "contact", source=weighted(rng, ESCALATION_SOURCES))
        decided = received + dt.timedelta(minutes=rng.randint(20, 180))
        if decided.date() != received.date():
            decided = received + dt.timedelta(minutes=10)
        self.add_at(
            decided,
            "screening",
            outcome="strategy_discussion",
            rationale=rng.choice(STRATEGY_RATIONALES),
        )
        return self.strategy_and_enquiry(day)

    def child_in_need_plan(self, start: dt.date) -> None:
        """A child in need plan, with visits every seven to eleven weeks, ending in closure;
        now and then a new concern escalates the case to a section 47 enquiry."""
        rng = self.rng
        self.beyond_assessment = True
        if not self.disabled:
            self.team(start, "safeguarding")
        self.add(start, "cin_plan_start")
        if self.disabled:
            months = rng.randint(8, 30)
        else:
            months = weighted(
                rng,
                [(3, 5), (4, 8), (6, 16), (8, 18), (10, 16), (12, 16), (15, 11), (18, 10)],
            )
        end = working_day(add_months(start, months) + dt.timedelta(days=rng.randint(-10, 10)))
        enquiry = None
        if not self.escalated and not self.disabled and rng.random() < 0.11:
            concern = start + dt.timedelta(days=rng.randint(10, max(11, (end - start).days - 5)))
            enquiry = self.escalation(concern)
        if enquiry and enquiry.get("plan"):
            self.visits(start, enquiry["conference"], kind="cin", every=(49, 77))
            self.protection_plan(enquiry["conference"])
            return
        if enquiry:
            end = max(end, add_working_days(enquiry["ended"], 10))
        self.visits(start, end, kind="cin", every=(49, 77))
        if rng.random() < 0.5:
            self.add(end, "cin_plan_end")
            end = after_working_days(end, rng.randint(1, 15))
        self.close(end, self.closure_reason())

    def protection_plan(self, start: dt.date) -> None:
        """A child protection plan from its initial conference: core groups every five to eight
        weeks, reviews at three months and then six-monthly, visits about every ten working
        days; the plan ends at a review (or, now and then, when the family moves away)."""
        rng = self.rng
        self.beyond_assessment = True
        if not self.disabled:
            self.team(start, "safeguarding")
        reviews_to_end = weighted(rng, [(1, 20), (2, 44), (3, 25), (4, 8), (5, 3)])
        early_end = None
        if rng.random() < 0.05:
            early_end = working_day(start + dt.timedelta(days=rng.randint(8, 200)))
        end = None
        due = add_months(start, 3)
        number = 0
        while end is None:
            number += 1
            if rng.random() < 0.88:
                held = working_day(due - dt.timedelta(days=rng.randint(3, 21)))
            else:
                held = working_day(due + dt.timedelta(days=rng.randint(1, 60)))
            if early_end and early_end <= held:
                end = early_end
                self.add(end, "cp_plan_end")
                break
            if held > self.as_of:
                end = held  # still on the plan at the as-of date
                break
            continuing = number < reviews_to_end
            fields: dict[str, Any] = {"continue_plan": continuing}
            if continuing and rng.random() < 0.07:
                fields["category"] = weighted(rng, CATEGORIES)
            self.add(held, "cp_review", **fields)
            if not continuing:
                end = held
            due = add_months(held, 6)
        # Core groups: the first within ten working days (mostly), then every five to eight weeks.
        meeting = add_working_days(
            start, rng.randint(3, 10) if rng.random() < 0.85 else rng.randint(11, 30)
        )
        while meeting < end and meeting <= self.as_of:
            self.add(meeting, "core_group")
            meeting = add_working_days(meeting, rng.randint(25, 40))
        # Visits about every ten working days, with the odd gap and the odd visit not seeing
        # the child.
        visit = start
        while True:
            gap = weighted(
                rng,
                [
                    (lambda: rng.randint(8, 10), 90),
                    (lambda: rng.randint(11, 15), 8),
                    (lambda: rng.randint(16, 25), 2),
                ],
            )()
            visit = add_working_days(visit, gap)
            if visit >= end or visit > self.as_of:
                break
            seen = rng.random() < 0.94
            self.add(visit, "visit", kind="cp", seen=seen)
            if not seen:
                visit = add_working_days(visit, rng.randint(1, 3))
                if visit >= end or visit > self.as_of:
                    break
                self.add(visit, "visit", kind="cp", seen=True)
        if end > self.as_of:
            self.open_until_after_as_of(end)
            return
        if early_end == end:
            self.close(after_working_days(end, rng.randint(0, 10)), "RC5")
            return
        step = weighted(rng, [("cin", 66), ("close", 30), ("order", 4)])
        if step == "cin":
            self.step_down_plan(end)
        elif step == "order":
            self.close(end, rng.choice(["RC3", "RC4"]))
        else:
            self.close(after_working_days(end, rng.randint(0, 10)), "RC7")

    def step_down_plan(self, start: dt.date) -> None:
        """A child in need plan from the working day after the review that ended the child
        protection plan (the CIN census treats a review on the day a CIN plan starts as one
        held during it, rule 4003)."""
        rng = self.rng
        start = after_working_days(start, 1)
        self.add(start, "cin_plan_start")
        months = weighted(rng, [(3, 25), (4, 20), (6, 30), (9, 15), (12, 10)])
        end = working_day(add_months(start, months) + dt.timedelta(days=rng.randint(-10, 10)))
        self.visits(start, end, kind="cin", every=(49, 77))
        self.close(end, self.closure_reason())

    def visits(self, start: dt.date, end: dt.date, *, kind: str, every: tuple[int, int]) -> None:
        """Visits between two days (neither included), every so many calendar days."""
        rng = self.rng
        visit = start
        while True:
            visit = working_day(visit + dt.timedelta(days=rng.randint(*every)))
            if visit >= end or visit > self.as_of:
                return
            self.add(visit, "visit", kind=kind, seen=rng.random() < 0.92)

    def closure_reason(self) -> str:
        """Why a case closes after a plan: mostly no longer in need (RC7); some families move
        away (RC5) or the child goes to live with a relative under an order (RC3, RC4); young
        people of 17 may move to adult social care (RC6)."""
        rng = self.rng
        if self.age >= 17 and rng.random() < 0.5:
            return "RC6"
        return weighted(rng, [("RC7", 86), ("RC5", 7), ("RC3", 4), ("RC4", 3)])

    def close(self, day: dt.date, reason: str) -> None:
        """Close the episode (not before the work it holds); RC8 and RC9 only when nothing
        but the assessment was done (CIN rule 2990)."""
        if reason in ("RC8", "RC9") and self.beyond_assessment:
            reason = "RC7"
        day = max(day, self.not_before)
        self.course.closed_on = day
        self.course.reason = reason
        self.add(day, "case_closure", reason=reason)

    def open_until_after_as_of(self, day: dt.date) -> None:
        """The episode is still open at the as-of date."""
        self.course.closed_on = max(day, self.as_of + dt.timedelta(days=1))
        self.course.reason = ""
