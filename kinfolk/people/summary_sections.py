"""The child's record's own sections of the Summary page (kinfolk.people.summary): who holds
the case, the alerts, and the latest significant entries of the chronology."""

import datetime as dt
from typing import Any

from kinfolk.people.models import Child

#: How many significant chronology entries the Summary page shows.
SIGNIFICANT_ENTRIES = 5


def case_at_a_glance(child: Child, user: Any, today: dt.date) -> dict[str, Any]:
    """The allocated worker and their team, and the alerts in force. Two queries."""
    allocation = (
        child.allocations.filter(end_on__isnull=True).select_related("worker", "team").first()
    )
    alerts = [alert for alert in child.alerts.all() if alert.is_active_on(today)]
    return {"allocation": allocation, "alerts": alerts}


def significant_entries(child: Child, user: Any, today: dt.date) -> dict[str, Any]:
    """The latest significant entries of the chronology, each with its line of detail. One
    query (the visibility of a child an entry names is read in the same query)."""
    entries = list(
        child.chronology_entries.filter(is_significant=True)
        .read_by(Child.objects.visible_to(user), reader=user)
        .newest_first()[:SIGNIFICANT_ENTRIES]
    )
    return {"entries": entries}
