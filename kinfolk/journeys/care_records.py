"""Journey events of the records kept for a child in care (JOURNEYS.md, "Children in care"): care plans, reviews, health, education, missing episodes and UASC."""

from kinfolk.journeys.events import EventType

CARE_RECORD_EVENTS: list[EventType] = []
