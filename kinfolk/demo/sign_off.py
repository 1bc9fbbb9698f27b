"""Work that waits for a manager in the demo authority (docs/sign-off.md).

History loaded from a journey file never waits for a manager (it is imported). So that a
manager signing in to the demo finds a sign-off queue to work, a few pieces of work are
recorded once the journey is loaded, through the same services as the pages: screening
decisions of no further action on new contacts about children whose cases closed, waiting for
a manager's sign-off, and open child in need plans that their workers completed (an outcome
and an action where the history gave none) and sent to a manager to agree. The children are taken in the order of their IDs, every so many, so that the same
journey gives the same queue.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import ChildInNeedEpisode, Plan, PlanOutcome
from kinfolk.casework.services import add_plan_action, add_plan_outcome, ask_plan_sign_off
from kinfolk.core.working_days import LONDON
from kinfolk.frontdoor.services import record_contact, screen_contact
from kinfolk.people.models import Child
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Allocation, User

#: One child in so many of those eligible gets work waiting.
EVERY = 25
#: At most this many of each kind.
MOST = 40

CONCERNS = (
    "A neighbour reports shouting late at night; the family say it was a party.",
    "The school reports the child was late four times this half term.",
    "A parent asks for advice about their teenager's friendships.",
)
RATIONALES = (
    "Known family; the concern is low level and the school is supporting. No further action.",
    "The parent has support in place from the family network. Advice given; no further action.",
)
OUTCOMES = (
    "The child is in school every day and arrives on time.",
    "The child is safe at home, with the family's own network supporting mornings.",
)
ACTIONS = (
    "See the child alone at school and record their views",
    "Book the family network meeting and invite the grandparents",
)
NOTES = (
    "The plan as agreed at the planning meeting, with the family.",
    "The plan after the review: two actions added and one outcome changed.",
)


def _at(day: dt.date, hour: int) -> dt.datetime:
    return min(dt.datetime.combine(day, dt.time(hour), tzinfo=LONDON), timezone.now())


def make_work_wait(as_of: dt.date) -> dict[str, int]:
    """Record the demo's work waiting for a manager as of ``as_of``; return how many of each
    kind."""
    screeners = list(User.objects.filter(role=Role.FRONTDOOR, is_active=True).order_by("pk"))
    made = {"screening": 0, "plan": 0}
    if screeners:
        closed = (
            Child.objects.filter(
                Exists(ChildInNeedEpisode.objects.filter(child=OuterRef("pk"))),
                ~Exists(
                    ChildInNeedEpisode.objects.filter(child=OuterRef("pk"), closed_on__isnull=True)
                ),
            )
            .order_by("la_child_id")
            .only("pk")
        )
        for turn, child in enumerate(closed[: EVERY * MOST : EVERY]):
            received = _at(as_of - dt.timedelta(days=turn % 9), 9 + turn % 6)
            try:
                with transaction.atomic():
                    contact = record_contact(
                        child=child, received_at=received, source="1B", concern=CONCERNS[turn % 3]
                    )
                    screen_contact(
                        contact=contact,
                        decided_at=min(received + dt.timedelta(hours=3), timezone.now()),
                        outcome="nfa",
                        urgency="",
                        rationale=RATIONALES[turn % 2],
                        decided_by=screeners[turn % len(screeners)],
                    )
            except ValidationError:
                continue
            made["screening"] += 1
    plans = (
        Plan.objects.filter(
            kind=PlanKind.CHILD_IN_NEED,
            end_on__isnull=True,
            is_imported=True,
        )
        .select_related("child")
        .order_by("child__la_child_id")
    )
    for turn, plan in enumerate(plans[: EVERY * MOST : EVERY]):
        allocation = (
            Allocation.objects.open().filter(child_id=plan.child_id).select_related("worker")
        ).first()
        if allocation is None:
            continue
        worker = allocation.worker
        try:
            with transaction.atomic():
                if not PlanOutcome.objects.filter(plan=plan).exists():
                    outcome = add_plan_outcome(
                        plan=plan, description=OUTCOMES[turn % len(OUTCOMES)], actor=worker
                    )
                    add_plan_action(
                        plan=plan,
                        description=ACTIONS[turn % len(ACTIONS)],
                        due_on=as_of + dt.timedelta(days=28),
                        owner=worker,
                        outcome=outcome,
                        actor=worker,
                    )
                ask_plan_sign_off(plan=plan, note=NOTES[turn % 2], actor=worker)
        except ValidationError:
            continue
        made["plan"] += 1
    return made
