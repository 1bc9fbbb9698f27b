"""Journey events of private fostering (docs/journeys.md, "Allegations, private fostering,
complaints"): the start of an arrangement, as the authority was told of it, and its end. A
``visit`` of kind ``private_fostering`` is loaded by the visit event (``pathway``) through the
private fostering service."""

from typing import Any

from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventError, EventType, JourneyState
from kinfolk.people.models import Adult
from kinfolk.privatefostering import services as private_fostering


def _start(event: dict[str, Any], state: JourneyState) -> None:
    carer = None
    if event.get("carer"):
        carer = Adult.objects.filter(reference=event["carer"]).first()
        if carer is None:
            raise EventError(
                f"private_fostering_start for child {event['child']}: no adult {event['carer']} "
                "is recorded (add an adult event first)"
            )
    private_fostering.record_notification(
        child=state.child(event["child"]),
        began_on=event["date"],
        notified_on=event.get("notified_on") or event["date"],
        carer=carer,
        is_imported=True,
    )


def _end(event: dict[str, Any], state: JourneyState) -> None:
    private_fostering.end_arrangement(
        child=state.child(event["child"]), ended_on=event["date"], is_imported=True
    )


EVENTS: list[EventType] = [
    EventType(
        "private_fostering_start",
        required={"child": f.identifier, "date": f.date},
        optional={"notified_on": f.date, "carer": f.identifier},
        apply=_start,
    ),
    EventType(
        "private_fostering_end",
        required={"child": f.identifier, "date": f.date},
        optional={},
        apply=_end,
    ),
]
