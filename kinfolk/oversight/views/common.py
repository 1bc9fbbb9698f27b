"""What the oversight pages share: the staff a supervision or a decision can name."""

from typing import Any

from django.db.models import Q, QuerySet

from kinfolk.workforce.models import User


def staff_for(*people: Any, team: Any = None) -> QuerySet[User]:
    """Active members of ``team`` and the people named, by name: who can own an action."""
    wanted = Q(pk__in=[p.pk for p in people if p is not None])
    if team is not None:
        wanted |= Q(team=team)
    return User.objects.filter(wanted, is_active=True).order_by("display_name", "username")
