"""What the LADO works from: the open allegations with the days each has been open, the
initial consideration due or overdue, the next meeting and the open actions. Read by the
LADO's workspace and the allegations list, in a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from kinfolk.allegations.models import Allegation, AllegationChild, AllegationMeeting, MeetingAction
from kinfolk.core import timescales
from kinfolk.people.models import Child


@dataclass
class AllegationRow:
    allegation: Allegation
    children: list[Child]
    days_open: int
    consideration_due_on: dt.date
    #: "considered", "due" or "overdue"
    consideration: str
    next_meeting: AllegationMeeting | None
    open_actions: list[MeetingAction]

    @property
    def overdue_actions(self) -> list[MeetingAction]:
        return [a for a in self.open_actions if a.due_on < self.today]

    today: dt.date = dt.date.min


def with_children(allegations: QuerySet, user: Any) -> QuerySet:
    """The allegations with the children concerned that ``user`` may see, and the meetings
    with their actions, prefetched."""
    visible = Child.objects.visible_to(user)
    return allegations.prefetch_related(
        Prefetch(
            "links",
            queryset=AllegationChild.objects.filter(child__in=visible)
            .select_related("child")
            .order_by("child__last_name", "child__first_name", "child__pk"),
            to_attr="visible_links",
        ),
        Prefetch(
            "meetings",
            queryset=AllegationMeeting.objects.prefetch_related("actions"),
            to_attr="all_meetings",
        ),
    )


def row(allegation: Allegation, today: dt.date) -> AllegationRow:
    due_on = timescales.LADO_INITIAL_CONSIDERATION.due_after(allegation.received_on)
    if allegation.considered_on is not None:
        state = "considered"
    else:
        state = "due" if today <= due_on else "overdue"
    meetings = getattr(allegation, "all_meetings", [])
    return AllegationRow(
        allegation=allegation,
        children=[link.child for link in getattr(allegation, "visible_links", [])],
        days_open=allegation.days_open_on(today),
        consideration_due_on=due_on,
        consideration=state,
        next_meeting=next((m for m in meetings if m.held_on >= today), None),
        open_actions=sorted(
            (a for m in meetings for a in m.actions.all() if a.done_on is None),
            key=lambda a: (a.due_on, a.pk),
        ),
        today=today,
    )


def open_allegations(user: Any, today: dt.date) -> list[AllegationRow]:
    """The open allegations ``user`` may read, those waiting longest first."""
    allegations = with_children(
        Allegation.objects.visible_to(user).open().order_by("received_at", "pk"), user
    )
    return [row(allegation, today) for allegation in allegations]


def child_ids(rows: list[AllegationRow]) -> set[int]:
    return {child.pk for r in rows for child in r.children}
