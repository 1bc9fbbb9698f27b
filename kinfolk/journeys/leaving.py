"""Journey events of care leavers (docs/journeys.md, "Permanence and care leavers"): allocating a
personal adviser, pathway plans and contacts with care leavers.

They are applied through ``kinfolk.leaving.services`` as imported records: a journey carries
only the dates and OC3 codes, never the narrative that the pages ask for.
"""

from typing import Any

from kinfolk.core.codes import CareLeaverAccommodation, CareLeaverActivity, CareLeaverInTouch
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventType, JourneyState
from kinfolk.leaving import services as leaving


def _personal_adviser(event: dict[str, Any], state: JourneyState) -> None:
    leaving.allocate_personal_adviser(
        child=state.child(event["child"]),
        adviser=state.worker(event["worker"]),
        start_on=event["date"],
        is_imported=True,
    )


def _pathway_plan(event: dict[str, Any], state: JourneyState) -> None:
    leaving.record_pathway_plan(
        child=state.child(event["child"]), made_on=event["date"], is_imported=True
    )


def _care_leaver_contact(event: dict[str, Any], state: JourneyState) -> None:
    leaving.record_care_leaver_contact(
        child=state.child(event["child"]),
        contacted_on=event["date"],
        in_touch=event["in_touch"],
        accommodation=event.get("accommodation", ""),
        activity=event.get("activity", ""),
        is_imported=True,
    )


CHILD_DATE = {"child": f.identifier, "date": f.date}

EVENTS: list[EventType] = [
    EventType(
        "personal_adviser",
        required={**CHILD_DATE, "worker": f.identifier},
        optional={},
        apply=_personal_adviser,
    ),
    EventType("pathway_plan", required=CHILD_DATE, optional={}, apply=_pathway_plan),
    EventType(
        "care_leaver_contact",
        required={**CHILD_DATE, "in_touch": f.code(CareLeaverInTouch)},
        optional={
            "accommodation": f.code(CareLeaverAccommodation),
            "activity": f.code(CareLeaverActivity),
        },
        apply=_care_leaver_contact,
    ),
]
