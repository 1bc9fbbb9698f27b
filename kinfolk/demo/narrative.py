"""The written record of the demo authority's work: case notes and assessments in words.

The course of every episode (kinfolk.demo.episodes) says what happened and when; this module
adds what a worker would have written about it, as the journey events of the practice record
(docs/journeys.md): a ``case_note`` after many visits, and the assessment's content, submitted
(``assessment_submitted``) before it is authorised, sometimes returned by the manager
(``assessment_returned``) and submitted again.

Every sentence is assembled from the phrase lists below, which are invented: nothing here is
about a real child, family or worker. The words come from a random generator of their own, so
that adding them leaves the authority's people, dates and returns exactly as they were.
"""

import datetime as dt
import random
from collections.abc import Iterable, Iterator
from typing import Any

from kinfolk.core.working_days import add_working_days

#: Share of visits followed by a case note of the visit.
NOTED_VISITS = 0.5
#: How far back the written record goes: older work is history as another system held it,
#: with its dates and codes but not its words (docs/journeys.md: an assessment authorised
#: without a submission is marked as imported without content).
WRITTEN_FOR_DAYS = 365
#: Share of assessments that the manager returns once before authorising them.
RETURNED_ASSESSMENTS = 0.15

VISIT_OPENINGS = [
    "Announced visit to the family home after school.",
    "Unannounced visit to the home in the late afternoon.",
    "Visited the home as agreed at the last core group.",
    "Visited the family at home; mother answered the door.",
    "Home visit with the family support worker.",
    "Visited the child at school during the lunch break, then saw the family at home.",
]
VISIT_HOME = [
    "The home was warm, clean and there was food in the fridge.",
    "The living room was cluttered and the kitchen had not been cleaned for some days.",
    "The child's bedroom had a bed, clean bedding and a few toys.",
    "There was a smell of damp in the back bedroom; the landlord has been told.",
    "The home was calm during the visit; the television was off.",
    "There were empty cans in the kitchen, which father said were from the weekend.",
]
VISIT_CHILD = [
    "The child was talkative and showed me a drawing made at school.",
    "The child was quiet at first and warmed up when we played a board game.",
    "The child was dressed appropriately and appeared well fed.",
    "The child had a small bruise on the forearm and said it came from football.",
    "The child said school is going better and there is a new friend in class.",
    "The child did not want to talk today and stayed close to mother.",
]
VISIT_PARENT = [
    "Mother said she has kept her appointments with the GP and feels more settled.",
    "Father said he has started the parenting course and found the first session useful.",
    "Mother said money is tight this month; I gave details of the food bank.",
    "The parents disagreed about bedtimes in front of the child; we talked about routines.",
    "Mother has not yet contacted the drug and alcohol service as agreed.",
    "Grandmother was present and said she can collect the child from school twice a week.",
]
VISIT_NEXT = [
    "Next visit booked in two weeks.",
    "I will speak to the school about attendance before the next visit.",
    "I will chase the housing referral and update the plan.",
    "Agreed actions were written down with mother before I left.",
    "I will share this visit's findings with the health visitor.",
]
#: What a visit sees of a baby, who cannot say what they think.
BABY_SEEN = [
    "The baby was awake, alert and followed my face; mother held her close during the visit.",
    "The baby was asleep in a Moses basket in the living room, on her back, with no loose bedding.",
    "The baby's nappy was heavy and she was unsettled until mother changed and fed her.",
    "The baby smiled and babbled when mother talked to her.",
]
#: A baby's views are what the worker observes (docs/journeys.md ``child_views``).
BABY_VIEWS = [
    "Too young to say; observed to settle quickly when held by mother.",
    "Too young to say; observed to be wary of father's raised voice.",
    "Too young to say; observed to feed well and to respond to her name.",
]
BABY_LIVED_EXPERIENCE = [
    "The baby spends most of the day in a bouncer in the living room. Feeds are irregular and"
    " mother says she is exhausted.",
    "The baby is cared for mostly by mother, with grandmother visiting daily. Night feeds are"
    " shared when father is at home.",
]
CHILD_VIEWS = [
    "Said they like living at home but worry when mum is sad.",
    "Said they want dad to stop shouting.",
    "Said they would like to see nan more often.",
    "Said school is the best part of the week.",
    "Said they feel safe at home most of the time.",
    "Said they do not like it when there are visitors late at night.",
]

REASONS = [
    "Referral from the school after the child arrived hungry and tired on several mornings.",
    "Police notification of a domestic incident at the home with the child present.",
    "Health visitor concern about the home conditions and the baby's weight.",
    "The child told a teacher that there was no adult at home overnight.",
    "Referral from the GP about mother's mental health and the care of the children.",
]
LIVED_EXPERIENCE = [
    "A typical day starts with the child getting themselves ready for school; breakfast is not"
    " always available. After school the child is often at home with an older sibling until"
    " late evening.",
    "The child lives with mother and a younger sibling in a two-bedroom flat. Arguments between"
    " the adults are frequent and the child hides in the bedroom when they happen.",
    "The child enjoys football and goes to a club on Saturdays with an uncle. At home the"
    " routines are loose and bedtime is often after midnight.",
]
CHILD_VIEWS_METHODS = [
    "Seen alone at school, using the three houses tool.",
    "Seen alone at home in the bedroom, with drawings.",
    "Seen with mother present; the child did not want to be seen alone.",
    "Seen alone at school, with a wishes and feelings worksheet.",
]
HISTORY = [
    "Two previous contacts in the last three years about home conditions; both closed with"
    " advice. An older sibling was subject to a child in need plan in an earlier year.",
    "No previous involvement with children's social care. Early help support was offered last"
    " year and the family took part for three months.",
    "One previous referral about domestic abuse, closed after assessment. Police have attended"
    " the address twice since.",
]
PARENTING = [
    "Mother meets the child's basic care needs most of the time but struggles with routines"
    " and boundaries when her mood is low.",
    "Father provides good practical care; emotional warmth is harder for him, and he relies on"
    " the grandmother for support.",
    "The parents love the child and want to do well, but alcohol use at weekends affects their"
    " supervision and the child's safety.",
]
RISKS = [
    "Domestic abuse between the adults, with the child present (police report; verified).",
    "Mother's low mood affects the care of the child (GP letter; verified).",
    "Poor school attendance, 78% this term (school; verified).",
    "Alcohol use by father at weekends (father's own account; self-report).",
    "Unsafe sleeping arrangements for the baby (health visitor; verified).",
]
PROTECTIVE = [
    "Grandmother is involved and provides respite twice a week (grandmother; verified).",
    "The child has a trusted relationship with the class teacher (school; verified).",
    "Mother has engaged with the GP and started counselling (mother; self-report).",
    "The parents accept the concerns and want support (both parents; self-report).",
]
ANALYSIS = [
    "The child's needs are not consistently met because of the adults' difficulties, and the"
    " risk of harm rises when those difficulties combine. The family's strengths are real but"
    " depend on the grandmother; without a plan the situation is likely to drift.",
    "The concerns are about neglect of routines rather than deliberate harm. The parents have"
    " shown they can change with support, and the child's own account is consistent with what"
    " the school sees.",
    "The evidence from several agencies points the same way: the child is exposed to conflict at"
    " home and is anxious. The risk is significant enough to need a plan with clear outcomes.",
]
RECOMMENDATIONS = [
    "A child in need plan, with a review in three months.",
    "Step down to early help with the school as lead professional.",
    "A strategy discussion to consider whether the threshold for a section 47 enquiry is met.",
    "Close after assessment: the family has support in place and the concerns are resolved.",
]
RETURN_REASONS = [
    "The child's views are not recorded in the child's own words. Please add them.",
    "The analysis does not say how the risks and the strengths were weighed.",
    "Please check the history: the earlier referral about the sibling is not considered.",
    "The risks are listed without their sources. Please say who told us each one.",
]


class Narrator:
    """Adds the written practice record to a stream of journey events."""

    def __init__(self, rng: random.Random, *, as_of: dt.date) -> None:
        self.rng = rng
        self.as_of = as_of
        #: Each child's allocated worker, the start of their open assessment and the date of
        #: their latest event, as the stream goes by.
        self.worker: dict[str, str] = {}
        self.assessment_started: dict[str, dt.date] = {}
        self.last_day: dict[str, dt.date] = {}
        self.born: dict[str, dt.date] = {}
        self.written_from = as_of - dt.timedelta(days=WRITTEN_FOR_DAYS)

    def _pick(self, phrases: list[str], count: int = 1) -> list[str]:
        return self.rng.sample(phrases, min(count, len(phrases)))

    def _is_baby(self, child: str, day: dt.date) -> bool:
        born = self.born.get(child)
        return born is None or (day - born).days < 2 * 365

    def _by(self, child: str) -> dict[str, str]:
        return {"by": self.worker[child]} if child in self.worker else {}

    def events(self, events: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        for event in events:
            if event["type"] == "child" and "dob" in event:
                self.born[event["id"]] = dt.date.fromisoformat(event["dob"])
            elif event["type"] == "birth":
                self.born[event["child"]] = dt.date.fromisoformat(event["date"])
            child = event.get("child")
            kind = event["type"]
            when = event.get("date") or event.get("at")
            if child and when:
                day = dt.date.fromisoformat(when[:10])
                if kind == "assessment_authorised" and day >= self.written_from:
                    yield from self._assessment(child, day)
                self.last_day[child] = day
            yield event
            if kind == "allocation":
                self.worker[child] = event["worker"]
            elif kind == "assessment_start":
                self.assessment_started[child] = dt.date.fromisoformat(event["date"])
            elif kind == "visit" and event.get("seen") is not None:
                note = self._visit_note(event)
                if note is not None:
                    yield note

    def _visit_note(self, visit: dict[str, Any]) -> dict[str, Any] | None:
        day = dt.date.fromisoformat(visit["date"])
        if not self.written_from <= day < self.as_of or self.rng.random() >= NOTED_VISITS:
            return None
        hour = self.rng.randint(9, 17)
        baby = self._is_baby(visit["child"], day)
        paragraphs = [
            " ".join(self._pick(VISIT_OPENINGS) + self._pick(VISIT_HOME, self.rng.randint(1, 2))),
            (self._pick(BABY_SEEN)[0] if baby else " ".join(self._pick(VISIT_CHILD, 2)))
            if visit["seen"]
            else "The child was not at home and was not seen.",
            " ".join(self._pick(VISIT_PARENT) + self._pick(VISIT_NEXT)),
        ]
        if visit["seen"]:
            views = self._pick(BABY_VIEWS if baby else CHILD_VIEWS)[0]
            paragraphs.append("The child's views: " + views)
        return {
            "type": "case_note",
            "child": visit["child"],
            "at": f"{visit['date']}T{hour:02d}:{self.rng.choice(['00', '15', '30', '45'])}",
            "kind": "home_visit",
            "text": "\n\n".join(paragraphs),
            **self._by(visit["child"]),
            "significant": self.rng.random() < 0.05,
        }

    def _sections(self, baby: bool) -> dict[str, Any]:
        return {
            "reason": self._pick(REASONS)[0],
            "lived_experience": self._pick(BABY_LIVED_EXPERIENCE if baby else LIVED_EXPERIENCE)[0],
            "child_views": " ".join(self._pick(BABY_VIEWS if baby else CHILD_VIEWS, 2)),
            "history": self._pick(HISTORY)[0],
            "parenting_capacity": self._pick(PARENTING)[0],
            "risks": self._pick(RISKS, self.rng.randint(1, 3)),
            "protective_factors": self._pick(PROTECTIVE, self.rng.randint(1, 2)),
            "analysis": self._pick(ANALYSIS)[0],
            "recommendation": self._pick(RECOMMENDATIONS)[0],
        }

    def _submission(self, child: str, day: dt.date) -> dict[str, Any]:
        baby = self._is_baby(child, day)
        return {
            "type": "assessment_submitted",
            "child": child,
            "date": day.isoformat(),
            "sections": self._sections(baby),
            "child_views_method": (
                "Observed at home during two visits, with mother present."
                if baby
                else self._pick(CHILD_VIEWS_METHODS)[0]
            ),
            **self._by(child),
        }

    def _assessment(self, child: str, authorised: dt.date) -> Iterator[dict[str, Any]]:
        """The submissions (and a return) of the assessment authorised on ``authorised``,
        dated no earlier than the child's latest event so that the child's events stay in
        date order."""
        earliest = max(
            self.assessment_started.pop(child, authorised), self.last_day.get(child, authorised)
        )
        first = add_working_days(earliest, 1)
        returned = add_working_days(first, 2)
        if self.rng.random() < RETURNED_ASSESSMENTS and returned < authorised:
            yield self._submission(child, first)
            yield {
                "type": "assessment_returned",
                "child": child,
                "date": returned.isoformat(),
                "reason": self._pick(RETURN_REASONS)[0],
            }
        yield self._submission(child, authorised)


def narrate(
    events: Iterable[dict[str, Any]], *, seed: str, as_of: dt.date
) -> Iterator[dict[str, Any]]:
    """``events`` with the written record of the work added, drawn from ``seed``."""
    return Narrator(random.Random(f"{seed}:narrative"), as_of=as_of).events(events)
