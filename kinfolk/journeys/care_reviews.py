"""Journey events of care plans and looked-after reviews (docs/journeys.md, "Children in care").

Both are applied through ``kinfolk.care.services.reviews`` as imported records: a journey
carries only the date (and, for a review, the SSDA903 participation code), so the detail the
pages ask for (objectives, the child's views, the IRO's contact) is not required.
"""

from typing import Any

from kinfolk.care.services import plans, reviews
from kinfolk.core.codes import ReviewParticipation
from kinfolk.journeys import fields as f
from kinfolk.journeys.events import EventType, JourneyState


def _care_plan(event: dict[str, Any], state: JourneyState) -> None:
    plans.record_care_plan(
        child=state.child(event["child"]), made_on=event["date"], is_imported=True
    )


def _cla_review(event: dict[str, Any], state: JourneyState) -> None:
    reviews.record_review(
        child=state.child(event["child"]),
        held_on=event["date"],
        participation=event["participation"],
        is_imported=True,
    )


EVENTS: list[EventType] = [
    EventType(
        "care_plan",
        required={"child": f.identifier, "date": f.date},
        optional={},
        apply=_care_plan,
    ),
    EventType(
        "cla_review",
        required={
            "child": f.identifier,
            "date": f.date,
            "participation": f.code(ReviewParticipation),
        },
        optional={},
        apply=_cla_review,
    ),
]
