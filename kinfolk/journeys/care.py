"""Journey events of children in care (docs/journeys.md, "Children in care"): starting to be looked
after, changes of placement and of legal status, and ceasing to be looked after."""

from typing import Any

from kinfolk.care import services as care
from kinfolk.core.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonForNewEpisode,
    ReasonForPlacementChange,
)
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventType, JourneyState

_provider_code = f.code(PlacementProvider)


def _provider(value: Any) -> str:
    """A placement provider code, or ``""`` for the placements that have none (T0-T4 and
    Z11-Z14, SSDA903 rule 213)."""
    return "" if value == "" else _provider_code(value)


def _care_start(event: dict[str, Any], state: JourneyState) -> None:
    care.start_care(
        child=state.child(event["child"]),
        start_on=event["date"],
        legal_status=event["legal_status"],
        category_of_need=event["category_of_need"],
        placement_type=event["placement"],
        provider=event["provider"],
        placement_postcode=event.get("placement_postcode", ""),
        home_postcode=event.get("home_postcode", ""),
        urn=event.get("urn", ""),
        reason_for_new_episode=event.get("reason_for_new_episode", ReasonForNewEpisode.S),
    )


def _placement_change(event: dict[str, Any], state: JourneyState) -> None:
    care.change_placement(
        child=state.child(event["child"]),
        on=event["date"],
        placement_type=event["placement"],
        provider=event["provider"],
        reason=event["reason"],
        placement_postcode=event.get("placement_postcode", ""),
        urn=event.get("urn", ""),
    )


def _legal_status_change(event: dict[str, Any], state: JourneyState) -> None:
    care.change_legal_status(
        child=state.child(event["child"]), on=event["date"], legal_status=event["legal_status"]
    )


def _care_end(event: dict[str, Any], state: JourneyState) -> None:
    care.end_care(child=state.child(event["child"]), on=event["date"], reason=event["reason"])


CHILD_DATE = {"child": f.identifier, "date": f.date}

EVENTS: list[EventType] = [
    EventType(
        "care_start",
        required={
            **CHILD_DATE,
            "legal_status": f.code(LegalStatus),
            "category_of_need": f.code(CategoryOfNeed),
            "placement": f.code(PlacementType),
            "provider": _provider,
        },
        optional={
            "reason_for_new_episode": f.code(ReasonForNewEpisode),
            "placement_postcode": f.text(8),
            "home_postcode": f.text(8),
            "urn": f.text(8),
        },
        apply=_care_start,
    ),
    EventType(
        "placement_change",
        required={
            **CHILD_DATE,
            "placement": f.code(PlacementType),
            "provider": _provider,
            "reason": f.code(ReasonForPlacementChange),
        },
        optional={"placement_postcode": f.text(8), "urn": f.text(8)},
        apply=_placement_change,
    ),
    EventType(
        "legal_status_change",
        {**CHILD_DATE, "legal_status": f.code(LegalStatus)},
        {},
        _legal_status_change,
    ),
    EventType(
        "care_end",
        {**CHILD_DATE, "reason": f.code(ReasonEpisodeCeased)},
        {},
        _care_end,
    ),
]
