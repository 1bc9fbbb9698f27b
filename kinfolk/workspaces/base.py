"""What a workspace is: the page a member of staff lands on, built for their role from the
casework (docs/workspaces.md)."""

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet

from kinfolk.duties.models import Duty
from kinfolk.people.models import Child


@dataclass
class Workspace:
    """A built workspace: the template that shows it, what it shows, and the children it
    lists (written to the access log as listed, as every list of children is)."""

    template: str
    context: dict[str, Any]
    child_ids: set[int] = field(default_factory=set)


#: Builds a role's workspace for the signed-in user on a day.
Builder = Callable[[Any, dt.date], Workspace]


@dataclass
class DueAndOverdue:
    """Outstanding duties split by date: overdue, due by the horizon, and later ones."""

    overdue: list[Duty]
    due_soon: list[Duty]
    later: list[Duty]

    @property
    def child_ids(self) -> set[int]:
        return {duty.child_id for duty in self.overdue + self.due_soon + self.later}


def outstanding_duties(
    children: QuerySet[Child], rules: Iterable[str], *, today: dt.date, horizon: dt.date
) -> DueAndOverdue:
    """The outstanding duties of these rules for these children, soonest due first, in one
    query."""
    duties = list(
        Duty.objects.filter(child__in=children, rule__in=list(rules))
        .outstanding()
        .select_related("child")
        .order_by("due_on", "rule", "child__last_name", "pk")
    )
    return DueAndOverdue(
        overdue=[d for d in duties if d.due_on < today],
        due_soon=[d for d in duties if today <= d.due_on <= horizon],
        later=[d for d in duties if d.due_on > horizon],
    )
