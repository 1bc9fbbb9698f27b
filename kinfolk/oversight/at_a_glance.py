"""What the child's Summary page shows of management oversight (kinfolk.people.summary): the
last case supervision and what it decided, the last management decision, the date of the last
management oversight of either kind, and the supervision actions still open."""

import datetime as dt
from typing import Any

from kinfolk.oversight.models import CaseSupervision, ManagementDecision, SupervisionAction


def oversight_at_a_glance(child: Any, user: Any, today: dt.date) -> dict[str, Any]:
    """Three queries, however many supervisions, decisions and actions the child has."""
    supervision = (
        CaseSupervision.objects.filter(child=child)
        .select_related("session__supervisor")
        .order_by("-session__held_on", "-pk")
        .first()
    )
    decision = (
        ManagementDecision.objects.filter(child=child)
        .select_related("decided_by")
        .order_by("-decided_on", "-pk")
        .first()
    )
    actions = list(
        SupervisionAction.objects.filter(child=child, done_on__isnull=True)
        .select_related("owner")
        .order_by("due_on", "pk")
    )
    days = [
        d
        for d in (supervision and supervision.session.held_on, decision and decision.decided_on)
        if d
    ]
    return {
        "supervision": supervision,
        "decision": decision,
        "last_oversight_on": max(days) if days else None,
        "actions": actions,
        "today": today,
    }
