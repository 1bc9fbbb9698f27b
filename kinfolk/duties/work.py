"""What each worker and each team has to do: duties due and overdue, overdue plan actions,
the open actions agreed in case supervision and those that follow a complaint, and the
decisions waiting for a manager. Read by the work views.

A complaint's duties are not the allocated worker's: they are in the work of the complaints
manager who handles the complaint and of the team complained about (docs/complaints.md).
"""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Q, QuerySet

from kinfolk.casework.choices import ActionStatus
from kinfolk.casework.models import Assessment, PlanAction
from kinfolk.complaints.models import LearningAction
from kinfolk.complaints.read import COMPLAINT_RULES, complaint_duty_keys, open_learning_actions
from kinfolk.core.actors import Actor
from kinfolk.core.working_days import add_working_days
from kinfolk.duties.models import Duty
from kinfolk.frontdoor.models import ScreeningDecision
from kinfolk.oversight.models import SupervisionAction
from kinfolk.people.models import Child
from kinfolk.registers.matching import flagged_children

#: How far ahead "due soon" looks.
HORIZON_WORKING_DAYS = 10


@dataclass
class Work:
    """A worker's or a team's work on a date."""

    overdue: list[Duty]
    due_soon: list[Duty]
    overdue_actions: list[PlanAction]
    open_actions: list[PlanAction]
    #: The open actions agreed in case supervision that these people own, by due date
    #: (docs/oversight.md).
    supervision_actions: list[SupervisionAction] = field(default_factory=list)
    #: The children among these with an open case who are on the children not in school
    #: register (docs/registers.md; docs/domain.md finding 15).
    not_in_school: list[Child] = field(default_factory=list)
    #: The open actions that follow a complaint that these people own, by due date
    #: (docs/complaints.md).
    learning_actions: list[LearningAction] = field(default_factory=list)

    @property
    def child_ids(self) -> set[int]:
        return (
            {d.child_id for d in self.overdue + self.due_soon}
            | {a.plan.child_id for a in self.overdue_actions + self.open_actions}
            | {a.child_id for a in self.supervision_actions}
            | {c.pk for c in self.not_in_school}
            | {a.child_id for a in self.learning_actions}
        )


def children_held_by(workers: QuerySet | list, *, viewer: Actor) -> QuerySet:
    """Children the viewer may see whose cases these workers hold now, as social worker or
    as personal adviser."""
    held = Child.objects.filter(
        Q(allocations__worker__in=workers, allocations__end_on__isnull=True)
        | Q(
            personal_adviser_allocations__adviser__in=workers,
            personal_adviser_allocations__end_on__isnull=True,
        )
    )
    return Child.objects.visible_to(viewer).filter(pk__in=held.values("pk"))


def work_for(
    children: QuerySet,
    *,
    action_owners: QuerySet | list,
    today: dt.date,
    viewer: Actor | None = None,
    complaints: QuerySet | None = None,
) -> Work:
    """Outstanding duties of these children due by the horizon (but for their complaints'),
    the duties of ``complaints`` (those these people handle or their team is complained
    about, of children the reader may see), and the plan actions owned by these people, split
    into overdue and the rest. The duties of a restricted rule are listed only where
    ``viewer`` may learn of them (``DutyQuerySet.shown_to``)."""
    horizon = add_working_days(today, HORIZON_WORKING_DAYS)
    ours = Q(child__in=children) & ~Q(rule__in=COMPLAINT_RULES)
    if complaints is not None:
        ours |= Q(rule__in=COMPLAINT_RULES, key__in=complaint_duty_keys(complaints))
    duties = list(
        Duty.objects.filter(ours)
        .outstanding()
        .shown_to(viewer)
        .filter(due_on__lte=horizon)
        .select_related("child")
        .order_by("due_on", "rule", "child__last_name")
    )
    actions = list(
        PlanAction.objects.filter(
            owner__in=action_owners,
            plan__end_on__isnull=True,
            status__in=[ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS],
            plan__child__in=children,
        )
        .select_related("plan__child", "owner")
        .order_by("due_on", "pk")
    )
    supervision_actions = list(
        SupervisionAction.objects.filter(
            owner__in=action_owners, done_on__isnull=True, child__in=children
        )
        .select_related("child", "owner", "case__session")
        .order_by("due_on", "pk")
    )
    return Work(
        supervision_actions=supervision_actions,
        not_in_school=list(flagged_children(children).order_by("last_name", "first_name", "pk")),
        learning_actions=open_learning_actions(action_owners, children),
        overdue=[d for d in duties if d.due_on < today],
        due_soon=[d for d in duties if d.due_on >= today],
        overdue_actions=[a for a in actions if a.due_on < today],
        open_actions=[a for a in actions if a.due_on >= today],
    )


def awaiting_sign_off(*, team_members: QuerySet | list, viewer: Actor) -> list:
    """Screening decisions by these workers that wait for a manager's sign-off."""
    visible = Child.objects.visible_to(viewer)
    return [
        decision
        for decision in ScreeningDecision.objects.filter(
            decided_by__in=team_members,
            signed_off_at__isnull=True,
            is_imported=False,
            outcome__in=["nfa", "early_help"],
            contact__child__in=visible,
        )
        .select_related("contact__child", "decided_by")
        .order_by("decided_at")
    ]


def awaiting_authorisation(children: QuerySet) -> list[Assessment]:
    """Assessments of these children submitted to a manager and waiting to be authorised."""
    return list(
        Assessment.objects.awaiting_authorisation()
        .filter(child__in=children)
        .select_related("child")
        .order_by("started_on")
    )
