"""Journey events of quality assurance: case file audits (docs/journeys.md ``case_audit``)."""

from typing import Any

from kinfolk.audits import services as audits
from kinfolk.audits.choices import Grade
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventType, JourneyState


def _case_audit(event: dict[str, Any], state: JourneyState) -> None:
    audits.record_case_audit(
        child=state.child(event["child"]),
        date=event["date"],
        auditor=state.worker(event["auditor"]),
        grade=event["grade"],
        moderator=state.worker(event["moderator"]) if event.get("moderator") else None,
        moderated_grade=event.get("moderated_grade", ""),
    )


EVENTS: list[EventType] = [
    EventType(
        "case_audit",
        required={
            "child": f.identifier,
            "date": f.date,
            "auditor": f.identifier,
            "grade": f.code(Grade),
        },
        optional={"moderator": f.identifier, "moderated_grade": f.code(Grade)},
        apply=_case_audit,
    ),
]
