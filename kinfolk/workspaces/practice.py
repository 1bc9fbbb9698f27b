"""The workspaces of the front door, personal advisers and adoption: contacts waiting to be
screened; an adviser's care leavers with their contacts and pathway plans due; children with
an adoption plan, matched or waiting.

Each reads the question its app already asks (the front door's queue, the leaving-care picture
of a young person, the adoption plans) in a fixed number of queries.
"""

import datetime as dt
from typing import Any

from django.db.models import Prefetch
from django.utils import timezone

from kinfolk.care.models import CareEpisode
from kinfolk.core.codes import LegalStatus
from kinfolk.core.working_days import add_working_days
from kinfolk.duties.rules.leaving import (
    CareLeaverContactTwoMonths,
    PathwayPlanReviewSixMonths,
    PathwayPlanThreeMonths,
)
from kinfolk.duties.work import HORIZON_WORKING_DAYS
from kinfolk.frontdoor.history import (
    decisions_without_sign_off,
    unscreened_contacts,
    waiting_since,
)
from kinfolk.leaving.models import PersonalAdviserAllocation
from kinfolk.leaving.standing import LEAVING_PREFETCH, summarise
from kinfolk.people.models import Child
from kinfolk.permanence.models import AdoptionDecision
from kinfolk.permanence.timeliness import placement_order_on
from kinfolk.workspaces.base import Workspace, outstanding_duties

#: How many contacts the front door's workspace lists; the queue page lists them all.
CONTACTS_SHOWN = 15
#: The duties of keeping in touch with a care leaver.
CONTACT_RULES = (CareLeaverContactTwoMonths.code,)
#: The duties of the pathway plan and its review.
PATHWAY_PLAN_RULES = (PathwayPlanThreeMonths.code, PathwayPlanReviewSixMonths.code)


def front_door_workspace(user: Any, today: dt.date) -> Workspace:
    """The oldest contacts waiting to be screened, each with how long it has waited, how many
    are waiting and overdue, and the worker's own decisions waiting for a manager's sign-off."""
    now = timezone.now()
    contacts = unscreened_contacts(user)
    waiting = [(contact, waiting_since(contact.received_at, now=now)) for contact in contacts]
    mine = [
        (decision, waiting_since(decision.decided_at, now=now))
        for decision in decisions_without_sign_off(user)
        if decision.decided_by_id == user.pk and decision.is_awaiting_sign_off
    ]
    shown = waiting[:CONTACTS_SHOWN]
    return Workspace(
        template="workspaces/front_door.html",
        context={
            "contacts": shown,
            "waiting_count": len(waiting),
            "overdue_count": sum(1 for _contact, wait in waiting if wait.is_overdue),
            "domestic_abuse_count": sum(1 for contact in contacts if contact.is_domestic_abuse),
            "more": len(waiting) - len(shown),
            "my_decisions": mine,
        },
        child_ids={contact.child_id for contact, _wait in shown}
        | {decision.contact.child_id for decision, _wait in mine},
    )


def personal_adviser_workspace(user: Any, today: dt.date) -> Workspace:
    """The adviser's care leavers, with where each stands and what needs attention; the
    contacts and the pathway plans due and overdue, read from their duties."""
    horizon = add_working_days(today, HORIZON_WORKING_DAYS)
    advised = PersonalAdviserAllocation.objects.filter(adviser=user, end_on__isnull=True)
    children = Child.objects.visible_to(user).filter(pk__in=advised.values("child_id"))
    people = [
        summarise(child, today)
        for child in children.prefetch_related(*LEAVING_PREFETCH).order_by(
            "last_name", "first_name", "pk"
        )
    ]
    contacts = outstanding_duties(children, CONTACT_RULES, today=today, horizon=horizon)
    plans = outstanding_duties(children, PATHWAY_PLAN_RULES, today=today, horizon=horizon)
    return Workspace(
        template="workspaces/personal_adviser.html",
        context={
            "people": people,
            "contacts": contacts,
            "plans": plans,
            "due_soon_count": len(contacts.due_soon) + len(plans.due_soon),
            "horizon": HORIZON_WORKING_DAYS,
        },
        child_ids={person.child.pk for person in people},
    )


def adoption_workspace(user: Any, today: dt.date) -> Workspace:
    """Children still looked after with a plan for adoption (the adoption plans of
    kinfolk.permanence): those waiting for a match, longest first, and those matched, with
    the placement order and the days waited."""
    decisions = list(
        AdoptionDecision.objects.adoption_plans()
        .filter(child__in=Child.objects.visible_to(user))
        .select_related("child", "period", "match")
        .prefetch_related(
            Prefetch(
                "period__episodes",
                queryset=CareEpisode.objects.filter(legal_status=LegalStatus.E1),
            )
        )
        .order_by("decided_on", "pk")
    )
    waiting: list[dict[str, Any]] = []
    matched: list[dict[str, Any]] = []
    for decision in decisions:
        match = getattr(decision, "match", None)
        row = {
            "decision": decision,
            "child": decision.child,
            "match": match,
            "placement_order_on": placement_order_on(decision.period.episodes.all()),
            "days_waiting": ((match.matched_on if match else today) - decision.decided_on).days,
        }
        (matched if match else waiting).append(row)
    return Workspace(
        template="workspaces/adoption.html",
        context={"waiting": waiting, "matched": matched},
        child_ids={decision.child_id for decision in decisions},
    )
