"""What the child's Summary page shows of the registers (kinfolk.people.summary): each register
the child is on now, and, for a child not in school with an open case, the flag to both teams
(docs/domain.md finding 15)."""

import datetime as dt
from typing import Any

from kinfolk.registers.matching import open_cases
from kinfolk.registers.models import (
    HomeEducation,
    HomelessPresentation,
    MissingEducation,
    YoungCarer,
)


def registers_at_a_glance(child: Any, user: Any, today: dt.date) -> dict[str, Any] | None:
    """Five queries, or eight for a child not in school; ``None`` for a child on no register."""
    young_carer = YoungCarer.objects.filter(child=child, ended_on__isnull=True).first()
    missing = MissingEducation.objects.filter(child=child, resolved_on__isnull=True).first()
    home = HomeEducation.objects.filter(child=child, ended_on__isnull=True).first()
    homeless = (
        HomelessPresentation.objects.filter(child=child).order_by("-presented_on", "-pk").first()
    )
    if not (young_carer or missing or home or homeless):
        return None
    open_case = open_cases([child.pk])[child.pk] if (missing or home) else None
    return {
        "young_carer": young_carer,
        "missing": missing,
        "home": home,
        "homeless": homeless,
        "open_case": open_case,
        "today": today,
    }
