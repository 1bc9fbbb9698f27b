"""Journey events of permanence (JOURNEYS.md, "Permanence and care leavers")."""

from kinfolk.journeys.events import EventType

PERMANENCE_EVENTS: list[EventType] = []
