"""Journey events of permanence (docs/journeys.md, "Permanence and care leavers"): the decision
that a child should be placed for adoption, its reversal, the match with adopters, and the
child's previous permanence."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from kinfolk.core.codes import (
    AdoptersLegalStatus,
    AdoptersSex,
    PreviousPermanence,
    ReasonNoLongerPlacedForAdoption,
)
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventType, JourneyState
from kinfolk.permanence import services as permanence


@dataclass(frozen=True)
class UndatedEventType(EventType):
    """An event whose ``date`` is not when it happened: the ``date`` of
    ``previous_permanence`` is that of an order made before the child came into care, so it
    does not take part in the check that a child's events are in date order."""

    def event_date(self, event: dict[str, Any]) -> dt.date | None:
        return None


def _adoption_decision(event: dict[str, Any], state: JourneyState) -> None:
    permanence.record_adoption_decision(
        child=state.child(event["child"]), decided_on=event["date"], is_imported=True
    )


def _adoption_decision_reversed(event: dict[str, Any], state: JourneyState) -> None:
    permanence.reverse_adoption_decision(
        child=state.child(event["child"]),
        reversed_on=event["date"],
        reason=event["reason"],
        is_imported=True,
    )


def _adoption_match(event: dict[str, Any], state: JourneyState) -> None:
    permanence.record_adoption_match(
        child=state.child(event["child"]),
        matched_on=event["date"],
        number_of_adopters=event["adopters"],
        adopters_sex=event["adopters_sex"],
        adopters_legal_status=event["adopters_legal_status"],
        is_former_foster_carers=event["former_foster_carers"],
        is_imported=True,
    )


def _previous_permanence(event: dict[str, Any], state: JourneyState) -> None:
    permanence.record_previous_permanence(
        child=state.child(event["child"]),
        code=event["code"],
        order_on=event.get("date"),
        local_authority=event.get("la", ""),
    )


CHILD_DATE = {"child": f.identifier, "date": f.date}

EVENTS: list[EventType] = [
    EventType("adoption_decision", CHILD_DATE, {}, _adoption_decision),
    EventType(
        "adoption_decision_reversed",
        {**CHILD_DATE, "reason": f.code(ReasonNoLongerPlacedForAdoption)},
        {},
        _adoption_decision_reversed,
    ),
    EventType(
        "adoption_match",
        {
            **CHILD_DATE,
            "adopters": f.integer(1, 2),
            "adopters_sex": f.code(AdoptersSex),
            "adopters_legal_status": f.code(AdoptersLegalStatus),
            "former_foster_carers": f.boolean,
        },
        {},
        _adoption_match,
    ),
    UndatedEventType(
        "previous_permanence",
        {"child": f.identifier, "code": f.code(PreviousPermanence)},
        {"date": f.date, "la": f.text(3)},
        _previous_permanence,
    ),
]
