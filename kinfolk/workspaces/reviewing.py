"""The workspaces of the independent chairs: the independent reviewing officer's children in
care, with their reviews due, minutes to write and open challenges; and the child protection
chair's conferences due and overdue, with the schedule of review conferences.

Deadlines are read from the duties (kinfolk.duties), never worked out again here; each list is
one query, however many children.
"""

import datetime as dt
from collections import defaultdict
from typing import Any

from django.db.models import Exists, OuterRef

from kinfolk.care.models import IROAllocation, PeriodOfCare
from kinfolk.care.services.iro import children_of_iro
from kinfolk.care.services.reviews import open_iro_challenges_of, reviews_awaiting_minutes_of
from kinfolk.core.working_days import add_working_days
from kinfolk.duties.models import Duty
from kinfolk.duties.rules.care import (
    FirstLookedAfterReview,
    LaterLookedAfterReviews,
    SecondLookedAfterReview,
)
from kinfolk.duties.rules.protection import (
    FirstReviewThreeMonths,
    InitialConferenceFifteenWorkingDays,
    ReviewSixMonths,
)
from kinfolk.duties.work import HORIZON_WORKING_DAYS
from kinfolk.people.models import Child
from kinfolk.workspaces.base import Workspace, outstanding_duties

#: The duties of looked-after reviews, which the IRO chairs (Care Planning Regulations 2010,
#: reg. 33).
LOOKED_AFTER_REVIEW_RULES = (
    FirstLookedAfterReview.code,
    SecondLookedAfterReview.code,
    LaterLookedAfterReviews.code,
)
#: The duty of the initial child protection conference after a section 47 enquiry.
INITIAL_CONFERENCE_RULES = (InitialConferenceFifteenWorkingDays.code,)
#: The duties of child protection review conferences.
REVIEW_CONFERENCE_RULES = (FirstReviewThreeMonths.code, ReviewSixMonths.code)


def iro_workspace(user: Any, today: dt.date) -> Workspace:
    """The children allocated to the IRO, each with their next review due, minutes awaited
    and open challenges; the reviews overdue and due soon; the minutes to write; the open
    challenges, soonest response due first."""
    horizon = add_working_days(today, HORIZON_WORKING_DAYS)
    children = children_of_iro(user, viewer=user)
    allocations = list(
        IROAllocation.objects.filter(iro=user, end_on__isnull=True, child__in=children)
        .annotate(
            is_looked_after=Exists(
                PeriodOfCare.objects.filter(child=OuterRef("child_id"), end_on__isnull=True)
            )
        )
        .select_related("child")
        .order_by("child__last_name", "child__first_name", "child__pk")
    )
    reviews = outstanding_duties(children, LOOKED_AFTER_REVIEW_RULES, today=today, horizon=horizon)
    minutes = list(reviews_awaiting_minutes_of(children))
    for review in minutes:
        review.minutes_overdue = review.are_minutes_overdue_on(today)
    challenges = list(open_iro_challenges_of(children))
    next_review: dict[int, Duty] = {}
    for duty in [*reviews.overdue, *reviews.due_soon, *reviews.later]:
        next_review.setdefault(duty.child_id, duty)
    minutes_of: dict[int, int] = defaultdict(int)
    for review in minutes:
        minutes_of[review.child_id] += 1
    challenges_of: dict[int, int] = defaultdict(int)
    for challenge in challenges:
        challenges_of[challenge.child_id] += 1
    rows = [
        {
            "allocation": allocation,
            "child": allocation.child,
            "next_review": next_review.get(allocation.child_id),
            "minutes": minutes_of[allocation.child_id],
            "challenges": challenges_of[allocation.child_id],
        }
        for allocation in allocations
    ]
    return Workspace(
        template="workspaces/iro.html",
        context={
            "rows": rows,
            "reviews": reviews,
            "minutes": minutes,
            "minutes_overdue": sum(1 for review in minutes if review.minutes_overdue),
            "challenges": [
                {"challenge": c, "is_overdue": c.is_response_overdue_on(today)} for c in challenges
            ],
            "horizon": HORIZON_WORKING_DAYS,
        },
        child_ids={allocation.child_id for allocation in allocations},
    )


def cp_chair_workspace(user: Any, today: dt.date) -> Workspace:
    """Conferences due and overdue across the children the chair may see: initial
    conferences awaited after a section 47 enquiry, and review conferences; with the schedule
    of every review conference still to hold."""
    horizon = add_working_days(today, HORIZON_WORKING_DAYS)
    visible = Child.objects.visible_to(user)
    initial = outstanding_duties(visible, INITIAL_CONFERENCE_RULES, today=today, horizon=horizon)
    review = outstanding_duties(visible, REVIEW_CONFERENCE_RULES, today=today, horizon=horizon)
    return Workspace(
        template="workspaces/cp_chair.html",
        context={
            "initial": initial,
            "review": review,
            "schedule": [*review.due_soon, *review.later],
            "horizon": HORIZON_WORKING_DAYS,
            "horizon_on": horizon,
        },
        child_ids=initial.child_ids | review.child_ids,
    )
