"""Journey events of care plans and looked-after reviews (JOURNEYS.md, "Children in care")."""

from kinfolk.journeys.events import EventType

CARE_REVIEW_EVENTS: list[EventType] = []
