"""What the child's Summary page shows of private fostering (kinfolk.people.summary): the
current arrangement, with its carer, and when the next visit is due."""

import datetime as dt
from typing import Any

from kinfolk.casework.choices import VisitKind
from kinfolk.casework.models import Visit
from kinfolk.privatefostering.due import next_visit_due
from kinfolk.privatefostering.models import Arrangement


def private_fostering_at_a_glance(child: Any, user: Any, today: dt.date) -> dict[str, Any] | None:
    """Nothing for a child never privately fostered; otherwise two queries."""
    arrangement = (
        Arrangement.objects.filter(child=child).order_by("ended_on", "-notified_on").first()
    )
    if arrangement is None:
        return None
    if arrangement.ended_on is not None:
        return {"arrangement": None, "last": arrangement, "today": today}
    seen = Visit.objects.filter(
        child=child, kind=VisitKind.PRIVATE_FOSTERING, is_child_seen=True
    ).values_list("visited_on", flat=True)
    return {
        "arrangement": arrangement,
        "next_visit_due": next_visit_due(arrangement, list(seen)),
        "today": today,
    }
