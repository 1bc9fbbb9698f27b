"""What the child's Summary page shows of their time in care (kinfolk.people.summary): the
legal status and the placement now, the IRO and the next looked-after review."""

import datetime as dt
from typing import Any

from kinfolk.care.models.episodes import CareEpisode, PeriodOfCare, Placement
from kinfolk.care.models.iro import IROAllocation

#: The duty rules of looked-after reviews (kinfolk.duties.rules.care).
REVIEW_RULES = ("cla-review-first-20wd", "cla-review-second-3m", "cla-review-6m")


def care_at_a_glance(child: Any, user: Any, today: dt.date) -> dict[str, Any] | None:
    """The latest period of care, its current episode (legal status and placement type) and
    placement, the IRO and the next review due; ``None`` for a child never looked after. Five
    queries."""
    period = PeriodOfCare.objects.filter(child=child).order_by("-start_on", "-pk").first()
    if period is None:
        return None
    episode = (
        CareEpisode.objects.filter(period=period).order_by("-start_on", "-pk").first()
        if period.is_open
        else None
    )
    placement = (
        Placement.objects.filter(period=period).order_by("-start_on", "-pk").first()
        if period.is_open
        else None
    )
    iro = (
        IROAllocation.objects.filter(child=child, end_on__isnull=True).select_related("iro").first()
    )
    next_review = (
        child.duties.outstanding().filter(rule__in=REVIEW_RULES).order_by("due_on").first()
        if period.is_open
        else None
    )
    return {
        "period": period,
        "episode": episode,
        "placement": placement,
        "iro": iro,
        "next_review": next_review,
        "is_review_overdue": bool(next_review and next_review.due_on < today),
    }
