"""What the child's Summary page shows of the child's duties (kinfolk.people.summary): those
overdue, and the key dates coming up."""

import datetime as dt
from typing import Any

from kinfolk.duties.models import Duty

#: How many of the coming duties the Summary page lists as key dates.
KEY_DATES = 5


def duties_at_a_glance(child: Any, user: Any, today: dt.date) -> dict[str, Any]:
    """The child's outstanding duties: those overdue, most overdue first, and the next due.
    One query."""
    outstanding = list(
        Duty.objects.filter(child=child).outstanding().shown_to(user).order_by("due_on", "rule")
    )
    return {
        "overdue": [duty for duty in outstanding if duty.due_on < today],
        "key_dates": [duty for duty in outstanding if duty.due_on >= today][:KEY_DATES],
    }
