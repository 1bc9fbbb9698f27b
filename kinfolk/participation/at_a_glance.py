"""What the child's Summary page shows of voice and participation (kinfolk.people.summary):
for a child in care, whether they were told how to complain and about the children in care
council (docs/domain.md finding 70), and their independent visitor."""

import datetime as dt
from typing import Any

from kinfolk.care.models import PeriodOfCare
from kinfolk.participation.models import IndependentVisitorOffer, ToldHowToComplain


def participation_at_a_glance(child: Any, user: Any, today: dt.date) -> dict[str, Any] | None:
    """Three queries; nothing for a child not in care."""
    if not PeriodOfCare.objects.filter(child=child, end_on__isnull=True).exists():
        return None
    return {
        "told": ToldHowToComplain.objects.filter(child=child).order_by("-told_on", "-pk").first(),
        "offer": IndependentVisitorOffer.objects.filter(child=child)
        .order_by("-offered_on", "-pk")
        .first(),
        "today": today,
    }
