"""Journey events of management oversight (docs/journeys.md, "Oversight"): case supervision
of a child, and management decisions.

A ``supervision`` event is about one child; the events of one supervisor, worker and day
join one supervision session, as the page records a whole caseload at once.
"""

from typing import Any

from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventError, EventType, JourneyState
from kinfolk.journeys.meetings import _rows
from kinfolk.oversight import services as oversight
from kinfolk.workforce.models import Allocation

TEXT = f.text(50000)
ACTION_TEXT = f.text(2000)


def _actions(value: Any) -> list[dict[str, Any]]:
    """The actions agreed: each ``{"text", "owner", "due"}``, and perhaps ``done`` (the date it
    was done)."""
    return _rows(
        value, {"text": ACTION_TEXT, "owner": f.identifier, "due": f.date}, {"done": f.date}
    )


def _supervision(event: dict[str, Any], state: JourneyState) -> None:
    child = state.child(event["child"])
    supervisor = state.worker(event["supervisor"])
    if event.get("worker"):
        worker = state.worker(event["worker"])
    else:
        allocation = (
            Allocation.objects.filter(child=child, start_on__lte=event["date"])
            .exclude(end_on__lt=event["date"])
            .select_related("worker")
            .order_by("-start_on", "-pk")
            .first()
        )
        if allocation is None:
            raise EventError(
                f"supervision for child {event['child']} on {event['date']}: no worker is "
                "allocated that day (name the worker)"
            )
        worker = allocation.worker
    actions = [
        oversight.AgreedAction(
            text=row["text"],
            owner=state.worker(row["owner"]),
            due_on=row["due"],
            done_on=row.get("done"),
        )
        for row in event.get("actions", [])
    ]
    oversight.record_supervision(
        supervisor=supervisor,
        worker=worker,
        held_on=event["date"],
        cases=[oversight.CaseDiscussion(child=child, decision=event["decision"], actions=actions)],
    )


def _management_decision(event: dict[str, Any], state: JourneyState) -> None:
    oversight.record_management_decision(
        child=state.child(event["child"]),
        decided_on=event["date"],
        decided_by=state.worker(event["by"]),
        decision=event["decision"],
        rationale=event["rationale"],
        outcome_sought=event.get("outcome_sought", ""),
        owner=state.worker(event["owner"]) if event.get("owner") else None,
        due_on=event.get("due"),
    )


EVENTS: list[EventType] = [
    EventType(
        "supervision",
        required={
            "child": f.identifier,
            "date": f.date,
            "supervisor": f.identifier,
            "decision": TEXT,
        },
        optional={"worker": f.identifier, "actions": _actions},
        apply=_supervision,
    ),
    EventType(
        "management_decision",
        required={
            "child": f.identifier,
            "date": f.date,
            "by": f.identifier,
            "decision": TEXT,
            "rationale": TEXT,
        },
        optional={"outcome_sought": TEXT, "owner": f.identifier, "due": f.date},
        apply=_management_decision,
    ),
]
