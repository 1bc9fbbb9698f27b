"""Journey events of allegations against people who work with children (docs/journeys.md,
"Allegations, private fostering, complaints"): the allegation, its initial consideration and
its outcome, each applied through the allegations' services.

An ``allegation`` line names one child. Lines with the same ``id`` and another ``child`` add
that child to the allegation the first line recorded (an allegation may concern several
children); a second line for the same child is an error.
"""

from typing import Any

from kinfolk.allegations import services
from kinfolk.allegations.choices import Category, ConsiderationOutcome, Outcome, Sector
from kinfolk.allegations.models import Allegation
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventError, EventType, JourneyState

RATIONALE = f.text(50000)


def _allegation_of(event: dict[str, Any]) -> Allegation:
    allegation = Allegation.objects.filter(journey_id=event["id"]).first()
    if allegation is None:
        raise EventError(
            f"allegation {event['id']} is not recorded (no allegation event before this)"
        )
    return allegation


def _allegation(event: dict[str, Any], state: JourneyState) -> None:
    child = state.child(event["child"])
    existing = Allegation.objects.filter(journey_id=event["id"]).first()
    if existing is not None:
        services.add_child_to_allegation(allegation=existing, child=child, actor=None)
        return
    services.record_allegation(
        children=[child],
        person_name=event["person"],
        employer=event["employer"],
        sector=event["sector"],
        received_at=event["at"],
        referrer_sector=event.get("referrer_sector", ""),
        category=event.get("category", ""),
        journey_id=event["id"],
        actor=None,
        is_imported=True,
    )


def _changed(allegation: Allegation, state: JourneyState) -> None:
    state.changed_child_ids.update(allegation.links.values_list("child_id", flat=True))


def _consideration(event: dict[str, Any], state: JourneyState) -> None:
    allegation = _allegation_of(event)
    services.record_initial_consideration(
        allegation=allegation,
        considered_on=event["date"],
        outcome=event["outcome"],
        rationale=event["rationale"],
        actor=state.worker(event["by"]) if event.get("by") else None,
        is_imported=True,
    )
    _changed(allegation, state)


def _outcome(event: dict[str, Any], state: JourneyState) -> None:
    allegation = _allegation_of(event)
    services.record_outcome(
        allegation=allegation,
        outcome_on=event["date"],
        outcome=event["outcome"],
        actor=None,
        is_imported=True,
    )
    _changed(allegation, state)


EVENTS: list[EventType] = [
    EventType(
        "allegation",
        required={
            "id": f.identifier,
            "child": f.identifier,
            "at": f.local_datetime,
            "person": f.text(200),
            "employer": f.text(200),
            "sector": f.code(Sector),
        },
        optional={"referrer_sector": f.code(Sector), "category": f.code(Category)},
        apply=_allegation,
    ),
    EventType(
        "allegation_consideration",
        required={
            "id": f.identifier,
            "date": f.date,
            "outcome": f.code(ConsiderationOutcome),
            "rationale": RATIONALE,
        },
        optional={"by": f.identifier},
        apply=_consideration,
    ),
    EventType(
        "allegation_outcome",
        required={"id": f.identifier, "date": f.date, "outcome": f.code(Outcome)},
        optional={},
        apply=_outcome,
    ),
]
