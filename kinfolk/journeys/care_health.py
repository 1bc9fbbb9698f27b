"""Journey events of the health, education, missing episodes and UASC status of children in
care (JOURNEYS.md, "Children in care")."""

from kinfolk.journeys.events import EventType

CARE_HEALTH_EVENTS: list[EventType] = []
