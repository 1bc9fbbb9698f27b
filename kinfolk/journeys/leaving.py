"""Journey events of care leavers (JOURNEYS.md, "Permanence and care leavers")."""

from kinfolk.journeys.events import EventType

LEAVING_EVENTS: list[EventType] = []
