"""Journey events of the health, education, missing episodes and UASC status of children in
care (docs/journeys.md, "Children in care").

Each is applied through the care services (``kinfolk.care.services``) with ``is_imported=True``: a journey
carries the dates and codes the returns need, not the detail that only the pages ask for
(who assessed, the child's views, targets), and the records say they were imported.
"""

from typing import Any

from kinfolk.care.services import education, health, missing, uasc
from kinfolk.core.codes import MissingKind, SDQReason
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventType, JourneyState

CHILD_DATE = {"child": f.identifier, "date": f.date}
CHILD_AT = {"child": f.identifier, "at": f.local_datetime}

#: The journey's words for SSDA903 MISSING codes.
MISSING_KINDS = {"missing": MissingKind.MISSING, "away": MissingKind.AWAY}


def _health_assessment(event: dict[str, Any], state: JourneyState) -> None:
    health.record_health_assessment(
        child=state.child(event["child"]),
        assessed_on=event["date"],
        kind=event["kind"],
        is_imported=True,
    )


def _dental_check(event: dict[str, Any], state: JourneyState) -> None:
    health.record_dental_check(
        child=state.child(event["child"]), recorded_on=event["date"], is_imported=True
    )


def _development_check(event: dict[str, Any], state: JourneyState) -> None:
    health.record_development_check(
        child=state.child(event["child"]), recorded_on=event["date"], is_imported=True
    )


def _immunisations(event: dict[str, Any], state: JourneyState) -> None:
    health.record_immunisations(
        child=state.child(event["child"]),
        recorded_on=event["date"],
        is_up_to_date=event["up_to_date"],
        is_imported=True,
    )


def _sdq(event: dict[str, Any], state: JourneyState) -> None:
    health.record_sdq(
        child=state.child(event["child"]),
        recorded_on=event["date"],
        score=event.get("score"),
        reason=event.get("reason", ""),
        is_imported=True,
    )


def _conviction(event: dict[str, Any], state: JourneyState) -> None:
    health.record_conviction(
        child=state.child(event["child"]), recorded_on=event["date"], is_imported=True
    )


def _substance_misuse(event: dict[str, Any], state: JourneyState) -> None:
    health.record_substance_misuse(
        child=state.child(event["child"]),
        recorded_on=event["date"],
        is_intervention_received=event.get("intervention_received"),
        is_intervention_offered=event.get("intervention_offered"),
        is_imported=True,
    )


def _pep(event: dict[str, Any], state: JourneyState) -> None:
    education.record_pep(child=state.child(event["child"]), made_on=event["date"], is_imported=True)


def _missing_start(event: dict[str, Any], state: JourneyState) -> None:
    missing.start_missing_episode(
        child=state.child(event["child"]),
        started_at=event["at"],
        kind=MISSING_KINDS[event["kind"]],
        is_imported=True,
    )


def _missing_end(event: dict[str, Any], state: JourneyState) -> None:
    missing.end_missing_episode(
        child=state.child(event["child"]), ended_at=event["at"], is_imported=True
    )


def _return_interview_offered(event: dict[str, Any], state: JourneyState) -> None:
    missing.offer_return_interview(child=state.child(event["child"]), offered_at=event["at"])


def _return_interview(event: dict[str, Any], state: JourneyState) -> None:
    missing.record_return_interview(
        child=state.child(event["child"]),
        interview_at=event["at"],
        is_accepted=event["accepted"],
        is_imported=True,
    )


def _uasc_start(event: dict[str, Any], state: JourneyState) -> None:
    uasc.start_uasc(child=state.child(event["child"]), start_on=event["date"])


def _uasc_end(event: dict[str, Any], state: JourneyState) -> None:
    uasc.end_uasc(child=state.child(event["child"]), end_on=event["date"])


EVENTS: list[EventType] = [
    EventType(
        "health_assessment",
        required={**CHILD_DATE, "kind": f.one_of("initial", "review")},
        optional={},
        apply=_health_assessment,
    ),
    EventType("dental_check", required=CHILD_DATE, optional={}, apply=_dental_check),
    EventType("development_check", required=CHILD_DATE, optional={}, apply=_development_check),
    EventType(
        "immunisations",
        required={**CHILD_DATE, "up_to_date": f.boolean},
        optional={},
        apply=_immunisations,
    ),
    EventType(
        "sdq",
        required=CHILD_DATE,
        optional={"score": f.integer(0, 40), "reason": f.code(SDQReason)},
        apply=_sdq,
    ),
    EventType("conviction", required=CHILD_DATE, optional={}, apply=_conviction),
    EventType(
        "substance_misuse",
        required=CHILD_DATE,
        optional={"intervention_received": f.boolean, "intervention_offered": f.boolean},
        apply=_substance_misuse,
    ),
    EventType("pep", required=CHILD_DATE, optional={}, apply=_pep),
    EventType(
        "missing_start",
        required={**CHILD_AT, "kind": f.one_of(*MISSING_KINDS)},
        optional={},
        apply=_missing_start,
    ),
    EventType("missing_end", required=CHILD_AT, optional={}, apply=_missing_end),
    EventType(
        "return_interview_offered",
        required=CHILD_AT,
        optional={},
        apply=_return_interview_offered,
    ),
    EventType(
        "return_interview",
        required={**CHILD_AT, "accepted": f.boolean},
        optional={},
        apply=_return_interview,
    ),
    EventType("uasc_start", required=CHILD_DATE, optional={}, apply=_uasc_start),
    EventType("uasc_end", required=CHILD_DATE, optional={}, apply=_uasc_end),
]
