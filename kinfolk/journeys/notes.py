"""Journey events of the narrative record: case notes (docs/journeys.md ``case_note``)."""

from typing import Any

from kinfolk.casework import services as casework
from kinfolk.casework.choices import CaseNoteKind
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventType, JourneyState


def _case_note(event: dict[str, Any], state: JourneyState) -> None:
    author = state.worker(event["by"]) if event.get("by") else None
    casework.record_case_note(
        child=state.child(event["child"]),
        occurred_at=event["at"],
        kind=event["kind"],
        text=event["text"],
        is_significant=event.get("significant", False),
        author=author,
        is_imported=True,
    )


EVENTS: list[EventType] = [
    EventType(
        "case_note",
        required={
            "child": f.identifier,
            "at": f.local_datetime,
            "kind": f.code(CaseNoteKind),
            "text": f.text(50000),
        },
        optional={"by": f.identifier, "significant": f.boolean},
        apply=_case_note,
    ),
]
