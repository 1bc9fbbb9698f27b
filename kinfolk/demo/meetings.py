"""The demo authority's child protection meetings in full: who took part or was invited, what
was shared, checked and agreed (docs/journeys.md, "Child protection").

The course of every episode (kinfolk.demo.episodes) says when a strategy discussion, enquiry,
conference or core group happened and what it decided; this module adds the detail the
meeting's page records to those of the last year, as the events' optional fields: the
professionals at a strategy discussion and the actions they agreed, the agency checks of an
enquiry, each conference's invitees with the notice they had and their reports (now and then
short notice or a report that reached the parents late), and the attendees and minutes of a
core group.

Every sentence comes from the phrase lists below and every professional's name from the name
lists of kinfolk.demo.names, joined at random: nothing here is about a real child, family or
professional. The choices come from a random generator of their own, so that adding them
leaves the authority's people, dates, counts and returns exactly as they were.
"""

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from typing import Any

from kinfolk.core.working_days import add_working_days, is_working_day
from kinfolk.demo import names
from kinfolk.demo.narrative import WRITTEN_FOR_DAYS

#: Share of conferences at which an invitee had less than the expected notice.
SHORT_NOTICE = 0.12
#: Share of conferences at which a report reached the parents late, or not at all.
LATE_REPORT = 0.12
#: Share of strategy discussions held later than the working day after their trigger.
DELAYED_STRATEGY = 0.1

#: Roles of the professionals of each agency (the codes of kinfolk.casework.choices.Agency).
ROLES = {
    "police": ["Detective constable", "Detective sergeant", "Police constable, public protection"],
    "health": ["Named nurse for safeguarding", "Health visitor", "School nurse", "Paediatrician"],
    "education": ["Designated safeguarding lead", "Head teacher", "Class teacher"],
    "gp": ["GP"],
    "early_years": ["Nursery manager", "Key worker at nursery"],
    "housing": ["Housing officer"],
    "adult_social_care": ["Mental health social worker"],
    "probation": ["Probation officer"],
}
STRATEGY_INFORMATION = [
    "The school reported a bruise on the child's upper arm, seen at breakfast club; the child "
    "said it happened at home.",
    "Police attended the home overnight after a neighbour reported shouting; the child was "
    "present and upset.",
    "The health visitor found the baby underweight at the last two checks and the family missed "
    "the follow-up appointment.",
    "The child told a teacher that mother's partner hits her when she is naughty.",
    "Police hold records of two previous incidents of domestic abuse at the address this year.",
    "The GP has no concerns on record; the child's immunisations are up to date.",
    "The school reports the child's attendance has dropped to seventy per cent this term.",
    "Mother disclosed to the drug and alcohol service that she has relapsed.",
]
STRATEGY_RATIONALES = {
    "s47": [
        "The injury and the account given suggest the child is suffering, or likely to suffer, "
        "significant harm: a section 47 enquiry is needed.",
        "The disclosure is specific and consistent; the threshold for a section 47 enquiry is "
        "met, with police and social care visiting jointly.",
        "The pattern of incidents and the child's age mean the risk of significant harm cannot "
        "be ruled out without an enquiry.",
    ],
    "cin": [
        "The concern is real but there is no indication of significant harm: the family needs "
        "support as a child in need.",
        "The parents have engaged with the school and the explanation fits the injury; support "
        "as a child in need is proportionate.",
    ],
    "no_further_action": [
        "The explanation is consistent with the school's account and no other agency holds "
        "concerns: no further action.",
        "The information shared does not indicate harm; the school will keep monitoring.",
    ],
}
DELAY_REASONS = [
    "The police lead was at court and the discussion was held at the first time all agencies "
    "could join.",
    "The referral came in late on a Friday and the health lead was not available until Tuesday.",
]
STRATEGY_ACTIONS = {
    "police": ["Complete police checks on the household", "Visit the child jointly at school"],
    "health": ["Arrange a child protection medical", "Share the health records of the siblings"],
    "education": ["Share the attendance record", "Speak to the child's class teacher"],
    "gp": ["Share the GP records of the parents"],
    "early_years": ["Share the nursery's observations"],
}
CHECK_RESULTS = {
    "police": [
        "One previous call-out to the address for a domestic incident; no arrests.",
        "No police records for either parent.",
        "Mother's partner has a caution for assault from six years ago.",
    ],
    "health": [
        "Growth and development in line with age; one missed appointment this year.",
        "Attended the emergency department last year with a sprained wrist.",
    ],
    "gp": ["No concerns on record; immunisations up to date.", "Mother is treated for anxiety."],
    "education": [
        "Attendance of ninety per cent; the child presents as tired on Mondays.",
        "No concerns before the current incident.",
    ],
    "early_years": ["The child attends three days a week and is settled."],
}
ENQUIRY_OUTCOMES = {
    True: [
        "Concerns substantiated: the child is likely to suffer significant harm; an initial child "
        "protection conference is needed.",
        "The account of the injury is not consistent with the medical findings; an initial "
        "conference is needed.",
        "Repeated domestic abuse in the child's presence; the risk needs a multi-agency plan.",
    ],
    False: [
        "Concerns not substantiated; the family will be supported as a child in need.",
        "The injury was accidental and the parents acted appropriately; no further action.",
        "Concerns substantiated but the parents are working with the plan; support continues "
        "without a conference.",
    ],
}
CONFERENCE_RATIONALES = {
    True: [
        "The child is at continuing risk of significant harm from neglect of basic care; a plan "
        "is needed to bring about change quickly.",
        "Domestic abuse at home places the child at risk of emotional and physical harm; the "
        "parents accept the concerns but have not yet made changes.",
        "The injury remains unexplained and the child is too young to say what happened.",
    ],
    False: [
        "The parents have acted on the concerns and agencies agree the child is not at "
        "continuing risk of significant harm; support continues as a child in need.",
        "The concern was a single incident, addressed by the family; no plan is needed.",
    ],
}
REVIEW_RATIONALES = {
    True: [
        "Progress is real but not yet sustained: the plan continues for another six months.",
        "Mother has engaged with the service but father has not; the risk has not reduced.",
        "School attendance has improved, but home conditions are as they were.",
    ],
    False: [
        "The outcomes of the plan have been met and sustained for three months; the plan ends "
        "and support continues as a child in need.",
        "The family has made the changes the plan asked for; agencies agree the risk has reduced.",
    ],
}
CONTINGENCIES = [
    "If the plan does not progress, a legal planning meeting will be held.",
    "If there is a further incident of violence, the child will stay with grandmother while an "
    "assessment is made.",
    "If the parents stop working with the plan, legal advice will be sought.",
]
PLAN_OUTCOMES = [
    "The child lives in a home free from domestic abuse.",
    "The child has regular meals, clean clothes and goes to school every day.",
    "The child's health needs are met and appointments are kept.",
    "The child is safe from physical harm at home.",
]
FIRST_ACTIONS = [
    ("Mother to attend the domestic abuse programme", "Family support service"),
    ("Register the child with a dentist and attend a check", "Health visitor"),
    ("Daily attendance check with the school", "Designated safeguarding lead"),
    ("Complete a parenting assessment", "Family support service"),
]
CORE_GROUP_MINUTES = [
    "Mother has started the parenting course and attended both sessions. The school reports "
    "better attendance. Father has not yet been seen by the drug and alcohol service; the "
    "social worker will follow this up.",
    "Home conditions were good at the last visit. The child has been seen alone twice and said "
    "things are calmer at home. Actions reviewed; the dental check is still outstanding.",
    "No change since the last core group: the family missed two appointments and the home "
    "remains cluttered. Agencies agreed that the chair should be told of the lack of progress.",
    "The health visitor reports the baby is gaining weight. Mother asked for help with housing; "
    "the housing officer will visit next week.",
]


class Meetings:
    """Adds the detail of the last year's child protection meetings to the event stream."""

    def __init__(self, rng: random.Random, *, as_of: dt.date) -> None:
        self.rng = rng
        self.as_of = as_of
        self.written_from = as_of - dt.timedelta(days=WRITTEN_FOR_DAYS)
        self.worker_names: dict[str, str] = {}
        self.worker_of: dict[str, str] = {}
        self.born: dict[str, dt.date] = {}
        self.enquiry_started: dict[str, dt.date] = {}
        #: The professionals of each child's plan, who meet at its core groups and reviews.
        self.team_of: dict[str, list[dict[str, str]]] = {}

    def events(self, events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for event in events:
            kind = event["type"]
            if kind == "worker":
                self.worker_names[event["id"]] = event["name"]
            elif kind == "child" and "dob" in event:
                self.born[event["id"]] = dt.date.fromisoformat(event["dob"])
            elif kind == "birth":
                self.born[event["child"]] = dt.date.fromisoformat(event["date"])
            elif kind == "allocation":
                self.worker_of[event["child"]] = event["worker"]
            elif kind == "s47_start":
                self.enquiry_started[event["child"]] = dt.date.fromisoformat(event["date"])
            detail = self._detail(event)
            yield {**event, **detail} if detail else event

    def _detail(self, event: dict[str, Any]) -> dict[str, Any]:
        kind = event["type"]
        if kind not in ("strategy_discussion", "s47_end", "icpc", "core_group", "cp_review"):
            return {}
        day = dt.date.fromisoformat(event["date"])
        if not self.written_from <= day <= self.as_of:
            return {}
        child = event["child"]
        if kind == "strategy_discussion":
            return self._strategy(child, day, event["outcome"])
        if kind == "s47_end":
            return self._enquiry(child, day, event["icpc_required"])
        if kind == "icpc":
            return self._initial(child, day, event["plan"])
        if kind == "core_group":
            return self._core_group(child, day)
        return self._review(child, day, event["continue_plan"])

    # People ------------------------------------------------------------------------------

    def _name(self) -> str:
        heritage = self.rng.choice(list(names.SURNAMES))
        given = self.rng.choice(names.GIVEN_NAMES[heritage][self.rng.choice("FM")])
        return f"{given} {self.rng.choice(names.SURNAMES[heritage])}"

    def _professional(self, agency: str) -> dict[str, str]:
        return {"name": self._name(), "agency": agency, "role": self.rng.choice(ROLES[agency])}

    def _social_worker(self, child: str) -> dict[str, str]:
        worker = self.worker_of.get(child)
        name = self.worker_names.get(worker or "") or self._name()
        return {"name": name, "agency": "childrens_social_care", "role": "Social worker"}

    def _age(self, child: str, day: dt.date) -> int:
        born = self.born.get(child)
        return (day - born).days // 365 if born and born <= day else 0

    def _agencies(self, child: str, day: dt.date) -> list[str]:
        """The agencies around the child: health and the police always, then school or
        nursery by age, and perhaps one more."""
        age = self._age(child, day)
        agencies = ["police", "health"]
        if age >= 5:
            agencies.append("education")
        elif age >= 2:
            agencies.append("early_years")
        if self.rng.random() < 0.5:
            agencies.append(self.rng.choice(["gp", "housing", "adult_social_care", "probation"]))
        return agencies

    def _plan_team(self, child: str, day: dt.date) -> list[dict[str, str]]:
        if child not in self.team_of:
            people = [self._professional(a) for a in self._agencies(child, day)]
            self.team_of[child] = people
        return self.team_of[child]

    # Meetings ----------------------------------------------------------------------------

    def _strategy(self, child: str, day: dt.date, outcome: str) -> dict[str, Any]:
        rng = self.rng
        agencies = [a for a in self._agencies(child, day) if a in STRATEGY_ACTIONS]
        people = [self._social_worker(child), *(self._professional(a) for a in agencies)]
        held = dt.datetime.combine(day, dt.time(rng.randint(9, 16), rng.choice([0, 15, 30, 45])))
        detail: dict[str, Any] = {
            "at": held.strftime("%Y-%m-%dT%H:%M"),
            "attendees": people,
            "information": " ".join(rng.sample(STRATEGY_INFORMATION, 2)),
            "rationale": rng.choice(STRATEGY_RATIONALES[outcome]),
        }
        if rng.random() < DELAYED_STRATEGY:
            triggered = day - dt.timedelta(days=4)
            detail["delay_reason"] = rng.choice(DELAY_REASONS)
        else:
            triggered = day if held.hour >= 11 else day - dt.timedelta(days=1)
        hour = rng.randint(8, held.hour - 1) if triggered == day else rng.randint(9, 17)
        detail["triggered_at"] = f"{triggered.isoformat()}T{hour:02d}:00"
        if outcome == "s47":
            detail["actions"] = [
                {
                    "text": rng.choice(STRATEGY_ACTIONS[person["agency"]]),
                    "owner": person["name"],
                    "agency": person["agency"],
                    "due": add_working_days(day, rng.randint(1, 5)).isoformat(),
                }
                for person in people[1:]
                if rng.random() < 0.7
            ]
        return detail

    def _enquiry(self, child: str, day: dt.date, conference: bool) -> dict[str, Any]:
        rng = self.rng
        started = self.enquiry_started.get(child, day)
        span = max(0, (day - started).days)
        seen = rng.random() < 0.95
        detail: dict[str, Any] = {
            "seen": seen,
            "checks": [
                {
                    "agency": agency,
                    "date": (started + dt.timedelta(days=rng.randint(0, span))).isoformat(),
                    "result": rng.choice(CHECK_RESULTS[agency]),
                }
                for agency in self._agencies(child, day)
                if agency in CHECK_RESULTS
            ],
            "outcome": rng.choice(ENQUIRY_OUTCOMES[conference]),
        }
        if seen:
            detail["seen_alone"] = self._age(child, day) >= 4 and rng.random() < 0.8
        return detail

    def _participation(self, child: str, day: dt.date) -> dict[str, str]:
        age = self._age(child, day)
        if age < 5:
            return {"participation": "too_young"}
        choice = self.rng.choices(
            ["attended", "views_shared", "advocate", "not_participated"],
            weights=[20 if age >= 11 else 5, 50, 20, 10],
        )[0]
        if choice == "advocate":
            return {"participation": choice, "advocate": f"{self._name()} (advocacy service)"}
        return {"participation": choice}

    def _invitees(self, child: str, day: dt.date, people: list[dict[str, str]]) -> list[Any]:
        """Invitations at least five working days before (or, now and then, fewer to one
        invitee), and the reports of some shared with the parents days before (or, now and
        then, one on the day or not at all)."""
        rng = self.rng
        invited = [self._social_worker(child), *people]
        short = rng.randrange(1, len(invited)) if rng.random() < SHORT_NOTICE else None
        late = rng.randrange(len(invited)) if rng.random() < LATE_REPORT else None
        rows = []
        for number, person in enumerate(invited):
            notice = rng.randint(2, 4) if number == short else rng.randint(6, 12)
            invited_on = _working_days_before(day, notice)
            row: dict[str, Any] = {
                "name": person["name"],
                "agency": person["agency"],
                "invited": invited_on.isoformat(),
                "attendance": "present"
                if number == 0
                else rng.choices(
                    ["present", "apologies", "report_only", "not_attended"], [75, 12, 10, 3]
                )[0],
            }
            if number == 0 or row["attendance"] == "report_only" or rng.random() < 0.5:
                received = max(invited_on, _working_days_before(day, rng.randint(3, 5)))
                row["report_received"] = received.isoformat()
                if number == late:
                    if rng.random() < 0.5:
                        row["report_shared"] = day.isoformat()
                else:
                    shared = _working_days_before(day, rng.randint(2, 3))
                    row["report_shared"] = max(shared, received).isoformat()
            rows.append(row)
        return rows

    def _initial(self, child: str, day: dt.date, plan: bool) -> dict[str, Any]:
        rng = self.rng
        self.team_of.pop(child, None)
        people = self._plan_team(child, day)
        detail: dict[str, Any] = {
            "invitees": self._invitees(child, day, people),
            **self._participation(child, day),
            "assessment_rating": rng.choices(["good", "adequate", "poor"], [40, 50, 10])[0],
            "rationale": rng.choice(CONFERENCE_RATIONALES[plan]),
        }
        if plan:
            text, owner = rng.choice(FIRST_ACTIONS)
            detail.update(
                contingency=rng.choice(CONTINGENCIES),
                outcome=rng.choice(PLAN_OUTCOMES),
                action={
                    "text": text,
                    "owner": owner,
                    "due": (day + dt.timedelta(weeks=rng.randint(4, 10))).isoformat(),
                },
            )
        return detail

    def _core_group(self, child: str, day: dt.date) -> dict[str, Any]:
        rng = self.rng
        people = self.team_of.get(child) or self._plan_team(child, day)
        attendees = [{**self._social_worker(child), "attendance": "present"}]
        for person in people:
            attendance = rng.choices(["present", "apologies", "not_attended"], [80, 15, 5])[0]
            attendees.append({**person, "attendance": attendance})
        return {"attendees": attendees, "minutes": rng.choice(CORE_GROUP_MINUTES)}

    def _review(self, child: str, day: dt.date, continuing: bool) -> dict[str, Any]:
        people = self.team_of.get(child) or self._plan_team(child, day)
        return {
            "invitees": self._invitees(child, day, people),
            **self._participation(child, day),
            "rationale": self.rng.choice(REVIEW_RATIONALES[continuing]),
        }


def _working_days_before(day: dt.date, count: int) -> dt.date:
    """The ``count``-th working day before ``day``."""
    while count:
        day -= dt.timedelta(days=1)
        if is_working_day(day):
            count -= 1
    return day


def hold_meetings(
    events: Iterable[dict[str, Any]], *, seed: str, as_of: dt.date
) -> Iterator[dict[str, Any]]:
    """``events`` with the detail of the last year's child protection meetings added, drawn
    from ``seed``."""
    return Meetings(random.Random(f"{seed}:meetings"), as_of=as_of).events(events)
