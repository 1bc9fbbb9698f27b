"""The workspaces of case-holding practice and its management: a social worker's caseload and
work; a team's decisions waiting for sign-off, work, caseloads and unallocated children; and the
head of service's view across teams.

Each is read in a fixed number of queries, however many children and teams there are: the
lists come from the duties' work lists (kinfolk.duties.work) and the casework apps' own
questions, one query per kind of record.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from kinfolk.access.policy import P, allows
from kinfolk.care.models import PeriodOfCare, Placement
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Visit
from kinfolk.complaints.read import complaints_for
from kinfolk.core.working_days import add_working_days
from kinfolk.duties.models import Duty
from kinfolk.duties.work import (
    HORIZON_WORKING_DAYS,
    awaiting_authorisation,
    children_held_by,
    work_for,
)
from kinfolk.frontdoor.choices import OUTCOMES_NEEDING_SIGN_OFF
from kinfolk.frontdoor.history import decisions_without_sign_off
from kinfolk.frontdoor.models import ScreeningDecision
from kinfolk.leaving.models import PersonalAdviserAllocation
from kinfolk.people.models import Child
from kinfolk.workforce.models import Allocation, Team, User
from kinfolk.workspaces.base import Workspace
from kinfolk.workspaces.sign_off import returned_to, waiting

#: How many unallocated children a workspace lists before it says how many more there are.
UNALLOCATED_SHOWN = 50


def caseload(worker: User, *, viewer: Any) -> list[Allocation]:
    """The open allocations of a worker whose children ``viewer`` may see, by child's name."""
    return list(
        Allocation.objects.open()
        .filter(worker=worker, child__in=Child.objects.visible_to(viewer))
        .select_related("child")
        .order_by("child__last_name", "child__first_name", "child__pk")
    )


def social_worker_workspace(user: User, today: dt.date) -> Workspace:
    """A social worker's caseload, and their work: duties overdue and due soon for the
    children they hold, and the plan actions they own."""
    allocations = caseload(user, viewer=user)
    work = work_for(
        children_held_by([user], viewer=user),
        action_owners=[user],
        today=today,
        viewer=user,
        complaints=complaints_for(viewer=user, handled_by=[user]),
    )
    returned = returned_to(user)
    return Workspace(
        template="workspaces/social_worker.html",
        context={
            "allocations": allocations,
            "returned": returned,
            "work": work,
            "actions": [*work.overdue_actions, *work.open_actions],
            "horizon": HORIZON_WORKING_DAYS,
            "today": today,
        },
        child_ids={a.child_id for a in allocations}
        | work.child_ids
        | {item.child_id for item in returned},
    )


def unallocated_children(*, viewer: Any) -> QuerySet[Child]:
    """Children ``viewer`` may see whose casework is open (a child in need episode or a period
    of care) and whose case no worker holds: no open allocation (docs/domain.md stage 18:
    "children without an allocated worker"). Each is annotated with what is open, and with
    the dates its wait may start from: the last allocation's end, the open episode's referral
    and the start of the open period of care."""
    return (
        Child.objects.visible_to(viewer)
        .annotate(
            has_open_episode=Exists(
                ChildInNeedEpisode.objects.filter(child=OuterRef("pk"), closed_on__isnull=True)
            ),
            is_looked_after=Exists(
                PeriodOfCare.objects.filter(child=OuterRef("pk"), end_on__isnull=True)
            ),
            last_allocation_ended_on=Subquery(
                Allocation.objects.filter(child=OuterRef("pk"), end_on__isnull=False)
                .order_by("-end_on")
                .values("end_on")[:1]
            ),
            open_referral_on=Subquery(
                ChildInNeedEpisode.objects.filter(child=OuterRef("pk"), closed_on__isnull=True)
                .order_by("-referral_on")
                .values("referral_on")[:1]
            ),
            care_started_on=Subquery(
                PeriodOfCare.objects.filter(child=OuterRef("pk"), end_on__isnull=True)
                .order_by("-start_on")
                .values("start_on")[:1]
            ),
        )
        .filter(Q(has_open_episode=True) | Q(is_looked_after=True))
        .exclude(Exists(Allocation.objects.filter(child=OuterRef("pk"), end_on__isnull=True)))
    )


def placements_awaiting_approval(children: QuerySet[Child]) -> list[Placement]:
    """Placements of these children in unregistered settings that no manager has approved
    (the question ``Placement.needs_approval`` answers for one; docs/domain.md finding 24),
    oldest first."""
    return list(
        Placement.objects.filter(child__in=children, is_registered=False, approved_on__isnull=True)
        .select_related("child")
        .order_by("start_on", "pk")
    )


def holding_teams(child_ids: set[int]) -> dict[int, int | None]:
    """The team of each of these children's open allocation (children no team holds are
    absent)."""
    return dict(
        Allocation.objects.open().filter(child_id__in=child_ids).values_list("child_id", "team_id")
    )


def decisions_to_sign_off(user: Any, *, team: Team | None = None) -> list[ScreeningDecision]:
    """Screening decisions waiting for a manager's sign-off that ``user`` may sign off: those
    of the front door's sign-off queue (kinfolk.frontdoor.history) about children ``user``'s
    permission reaches (their team's, and children no team holds), oldest first. With
    ``team``, only those about that team's children and children no team holds."""
    decisions = [d for d in decisions_without_sign_off(user) if d.is_awaiting_sign_off]
    teams = holding_teams({d.contact.child_id for d in decisions})
    return [
        d
        for d in decisions
        if allows(user, P.SIGN_OFF, team_id=teams.get(d.contact.child_id))
        and (team is None or teams.get(d.contact.child_id) in (team.pk, None))
    ]


def waiting_since(child: Child) -> dt.date | None:
    """Since when an unallocated child has waited for a worker (docs/caseloads.md): the day
    their last allocation ended, else the referral of the open episode or the start of the
    period of care, whichever is later."""
    ended = getattr(child, "last_allocation_ended_on", None)
    opened = [
        day
        for day in (
            getattr(child, "open_referral_on", None),
            getattr(child, "care_started_on", None),
        )
        if day is not None
    ]
    started = max(opened) if opened else None
    if ended is not None and (started is None or ended >= started):
        return ended
    return started


def unallocated(*, viewer: Any, today: dt.date | None = None) -> tuple[list[Child], int]:
    """The first ``UNALLOCATED_SHOWN`` unallocated children, longest waiting first, and how
    many there are. Each is given ``waiting_since`` and ``days_waiting``, and the visits made
    to them while unallocated (``duty_visits``, newest first, each with its purpose: docs/
    domain.md finding 16), in one query for all of them."""
    today = today or dt.date.today()
    children = unallocated_children(viewer=viewer)
    candidates = list(children.order_by("last_name", "first_name", "pk"))
    for child in candidates:
        since = waiting_since(child)
        child.waiting_since = since  # type: ignore[attr-defined]
        child.days_waiting = (today - since).days if since else None  # type: ignore[attr-defined]
        child.duty_visits = []  # type: ignore[attr-defined]
    candidates.sort(key=lambda c: -(c.days_waiting or 0))  # type: ignore[attr-defined]
    shown = candidates[:UNALLOCATED_SHOWN]
    by_pk = {child.pk: child for child in shown}
    for visit in Visit.objects.filter(child_id__in=list(by_pk)).order_by("-visited_on", "-pk"):
        child = by_pk[visit.child_id]
        if child.waiting_since is not None and visit.visited_on >= child.waiting_since:  # type: ignore[attr-defined]
            child.duty_visits.append(visit)  # type: ignore[attr-defined]
    return shown, len(candidates)


def team_workspace(user: User, team: Team, today: dt.date) -> Workspace:
    """A team's workspace, as its manager sees it: what waits for sign-off (screening
    decisions, assessments to authorise, unregistered placements to approve), the team's work,
    caseloads by worker, and children with open casework that no worker holds."""
    members = list(
        User.objects.filter(team=team, is_active=True)
        .with_caseload(viewer=user)
        .order_by("display_name", "username")
    )
    children = children_held_by(members, viewer=user)
    work = work_for(
        children,
        action_owners=members,
        today=today,
        viewer=user,
        complaints=complaints_for(viewer=user, handled_by=members, teams=[team]),
    )
    assessments = awaiting_authorisation(children)
    placements = placements_awaiting_approval(children)
    decisions = decisions_to_sign_off(user, team=team)
    holders = dict(
        Allocation.objects.open()
        .filter(child__in=children)
        .values_list("child_id", "worker__display_name")
    )
    # The duties' tables (kinfolk/duties/templates) show each row's worker as ``holder``, an
    # attribute set on the rows a page lists, as the duties' own team page does.
    for duty in [*work.overdue, *work.due_soon]:
        duty.holder = holders.get(duty.child_id, "")  # type: ignore[attr-defined]
    for assessment in assessments:
        assessment.holder = holders.get(assessment.child_id, "")  # type: ignore[attr-defined]
    for placement in placements:
        placement.holder = holders.get(placement.child_id, "")  # type: ignore[attr-defined]
    shown, unallocated_count = unallocated(viewer=user, today=today)
    return Workspace(
        template="workspaces/team.html",
        context={
            "team": team,
            "members": members,
            "work": work,
            "assessments": assessments,
            "placements": placements,
            "decisions": decisions,
            "unallocated": shown,
            "unallocated_count": unallocated_count,
            "horizon": HORIZON_WORKING_DAYS,
            "waiting_count": len(decisions) + len(assessments) + len(placements),
        },
        child_ids=(
            work.child_ids
            | {a.child_id for a in assessments}
            | {p.child_id for p in placements}
            | {d.contact.child_id for d in decisions}
            | {c.pk for c in shown}
        ),
    )


def with_sign_off_queue(workspace: Workspace, user: User) -> Workspace:
    """The workspace, with how many items wait in the manager's sign-off queue (which it
    links to) and what managers returned to them to answer (docs/sign-off.md)."""
    returned = returned_to(user)
    workspace.context.update(sign_off_queue_count=len(waiting(user)), returned=returned)
    workspace.child_ids |= {item.child_id for item in returned}
    return workspace


def team_manager_workspace(user: User, today: dt.date) -> Workspace:
    """The manager's own team's workspace, with their sign-off queue's count; a manager in no
    team is told so."""
    if user.team is None:
        return Workspace(template="workspaces/no_team.html", context={})
    return with_sign_off_queue(team_workspace(user, user.team, today), user)


@dataclass
class TeamCounts:
    """One team's numbers on the head of service's workspace."""

    team: Team
    members: int = 0
    children: set[int] = field(default_factory=set)
    overdue: int = 0
    due_soon: int = 0
    assessments: int = 0
    placements: int = 0
    decisions: int = 0

    @property
    def waiting(self) -> int:
        return self.assessments + self.placements + self.decisions


def counts_by_team(user: Any, today: dt.date) -> list[TeamCounts]:
    """Each team's children held, duties overdue and due soon, and what waits for a manager,
    counted in a fixed number of queries. A child is held by the team of each worker who holds
    the case or is the child's personal adviser (as a team's workspace counts them)."""
    rows = {team.pk: TeamCounts(team=team) for team in Team.objects.order_by("name")}
    for team_id in User.objects.filter(is_active=True, team__isnull=False).values_list(
        "team_id", flat=True
    ):
        rows[team_id].members += 1
    visible = Child.objects.visible_to(user)
    teams_of: dict[int, set[int]] = defaultdict(set)
    held = [
        *Allocation.objects.open()
        .filter(child__in=visible, worker__team__isnull=False)
        .values_list("child_id", "worker__team_id"),
        *PersonalAdviserAllocation.objects.filter(
            end_on__isnull=True, child__in=visible, adviser__team__isnull=False
        ).values_list("child_id", "adviser__team_id"),
    ]
    for child_id, team_id in held:
        teams_of[child_id].add(team_id)
        rows[team_id].children.add(child_id)
    horizon = add_working_days(today, HORIZON_WORKING_DAYS)
    held_children = Child.objects.filter(pk__in=list(teams_of))
    for child_id, due_on in (
        Duty.objects.filter(child__in=held_children, due_on__lte=horizon)
        .outstanding()
        .shown_to(user)
        .values_list("child_id", "due_on")
    ):
        for team_id in teams_of[child_id]:
            if due_on < today:
                rows[team_id].overdue += 1
            else:
                rows[team_id].due_soon += 1
    for child_id in (
        Assessment.objects.awaiting_authorisation()
        .filter(child__in=held_children)
        .values_list("child_id", flat=True)
    ):
        for team_id in teams_of[child_id]:
            rows[team_id].assessments += 1
    for child_id in Placement.objects.filter(
        child__in=held_children, is_registered=False, approved_on__isnull=True
    ).values_list("child_id", flat=True):
        for team_id in teams_of[child_id]:
            rows[team_id].placements += 1
    for child_id in ScreeningDecision.objects.filter(
        contact__child__in=held_children,
        signed_off_at__isnull=True,
        is_imported=False,
        outcome__in=OUTCOMES_NEEDING_SIGN_OFF,
    ).values_list("contact__child_id", flat=True):
        for team_id in teams_of[child_id]:
            rows[team_id].decisions += 1
    return list(rows.values())


def head_of_service_workspace(user: User, today: dt.date) -> Workspace:
    """Every team's numbers, each linking down to that team's workspace; the screening
    decisions waiting for sign-off about children no team holds; and the unallocated
    children."""
    teams = counts_by_team(user, today)
    shown, unallocated_count = unallocated(viewer=user, today=today)
    decisions = decisions_to_sign_off(user)
    teams_of = holding_teams({d.contact.child_id for d in decisions})
    unheld = [d for d in decisions if d.contact.child_id not in teams_of]
    workspace = Workspace(
        template="workspaces/head_of_service.html",
        context={
            "teams": teams,
            "totals": {
                "children": len(set().union(*(row.children for row in teams))) if teams else 0,
                "overdue": sum(row.overdue for row in teams),
                "waiting": sum(row.waiting for row in teams),
            },
            "unallocated": shown,
            "unallocated_count": unallocated_count,
            "decisions": unheld,
            "horizon": HORIZON_WORKING_DAYS,
        },
        child_ids={c.pk for c in shown} | {d.contact.child_id for d in unheld},
    )
    return with_sign_off_queue(workspace, user)


__all__ = [
    "caseload",
    "counts_by_team",
    "head_of_service_workspace",
    "social_worker_workspace",
    "team_manager_workspace",
    "team_workspace",
    "unallocated_children",
]
