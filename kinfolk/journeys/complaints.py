"""Journey events of the complaints procedure (docs/journeys.md ``complaint``,
``complaint_extension``, ``complaint_response``, ``complaint_escalated``,
``complaint_withdrawn``). A complaint is named by its ``id``; the events after the first name
no child and find the complaint by it.

The format carries no complaints manager and no team: a complaint loaded from a journey is
about the team that held the child's case on the day it was received, and has no complaints
manager until one takes it on."""

from typing import Any

from kinfolk.complaints import services as complaints
from kinfolk.complaints.choices import Complainant, Outcome
from kinfolk.complaints.models import Complaint, ComplaintTheme
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventError, EventType, JourneyState
from kinfolk.workforce.models import Allocation


def _complaint(event: dict[str, Any], state: JourneyState) -> Complaint:
    complaint = Complaint.objects.filter(reference=event["id"]).select_related("child").first()
    if complaint is None:
        raise EventError(
            f"complaint {event['id']} is not recorded (no complaint event before this)"
        )
    state.changed_child_ids.add(complaint.child_id)
    return complaint


def _received(event: dict[str, Any], state: JourneyState) -> None:
    child = state.child(event["child"])
    received_on = event["date"]
    words = event.get("theme", "")
    theme = ComplaintTheme.objects.filter(name__iexact=words).first() if words else None
    holding = (
        Allocation.objects.filter(child=child, start_on__lte=received_on)
        .exclude(end_on__lt=received_on)
        .select_related("team")
        .order_by("-start_on", "-pk")
        .first()
    )
    complaints.record_complaint(
        child=child,
        reference=event["id"],
        received_on=received_on,
        complainant=event["complainant"],
        theme=theme,
        theme_detail="" if theme else words,
        team=holding.team if holding else None,
        is_imported=True,
    )


def _extension(event: dict[str, Any], state: JourneyState) -> None:
    complaints.extend_stage(
        complaint=_complaint(event, state),
        stage=event["stage"],
        extended_on=event["date"],
        is_imported=True,
    )


def _response(event: dict[str, Any], state: JourneyState) -> None:
    complaints.record_response(
        complaint=_complaint(event, state),
        stage=event["stage"],
        responded_on=event["date"],
        outcome=event["outcome"],
        is_imported=True,
    )


def _escalated(event: dict[str, Any], state: JourneyState) -> None:
    complaints.escalate_complaint(
        complaint=_complaint(event, state),
        stage=event["stage"],
        requested_on=event["date"],
        is_imported=True,
    )


def _withdrawn(event: dict[str, Any], state: JourneyState) -> None:
    complaints.withdraw_complaint(
        complaint=_complaint(event, state), withdrawn_on=event["date"], is_imported=True
    )


EVENTS: list[EventType] = [
    EventType(
        "complaint",
        required={
            "id": f.text(40),
            "child": f.identifier,
            "date": f.date,
            "complainant": f.code(Complainant),
        },
        optional={"theme": f.text(200)},
        apply=_received,
    ),
    EventType(
        "complaint_extension",
        required={"id": f.text(40), "date": f.date, "stage": f.integer(1, 2)},
        optional={},
        apply=_extension,
    ),
    EventType(
        "complaint_response",
        required={
            "id": f.text(40),
            "date": f.date,
            "stage": f.integer(1, 3),
            "outcome": f.code(Outcome),
        },
        optional={},
        apply=_response,
    ),
    EventType(
        "complaint_escalated",
        required={"id": f.text(40), "date": f.date, "stage": f.integer(2, 3)},
        optional={},
        apply=_escalated,
    ),
    EventType(
        "complaint_withdrawn",
        required={"id": f.text(40), "date": f.date},
        optional={},
        apply=_withdrawn,
    ),
]
