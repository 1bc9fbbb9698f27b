"""What the child's Summary page shows of the casework (kinfolk.people.summary): the open
plans with their next review, and the last visit."""

import datetime as dt
from typing import Any

from django.db.models import Count, Q

from kinfolk.casework.choices import ActionStatus, PlanKind
from kinfolk.casework.models import Plan, Visit

#: The duty rules of child protection review conferences (kinfolk.duties.rules.protection).
CP_REVIEW_RULES = ("cp-review-first-3m", "cp-review-6m")


def plans_at_a_glance(child: Any, user: Any, today: dt.date) -> dict[str, Any]:
    """The child's open plans, each with its overdue actions counted and, for a child
    protection plan, the review conference due next. Two queries."""
    open_actions = Q(actions__status__in=[ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS])
    plans: list[Any] = list(
        Plan.objects.filter(child=child, end_on__isnull=True)
        .annotate(
            overdue_actions=Count("actions", filter=open_actions & Q(actions__due_on__lt=today))
        )
        .order_by("start_on", "pk")
    )
    review = None
    if any(plan.kind == PlanKind.CHILD_PROTECTION for plan in plans):
        review = (
            child.duties.outstanding().filter(rule__in=CP_REVIEW_RULES).order_by("due_on").first()
        )
    for plan in plans:
        plan.next_review = review if plan.kind == PlanKind.CHILD_PROTECTION else None
        plan.is_review_overdue = bool(plan.next_review and plan.next_review.due_on < today)
    return {"plans": plans}


def last_visit(child: Any, user: Any, today: dt.date) -> dict[str, Any]:
    """The latest visit, whether the child was seen and seen alone, and the latest at which
    the child was seen alone. Two queries."""
    visits = Visit.objects.filter(child=child).order_by("-visited_on", "-pk")
    return {"visit": visits.first(), "seen_alone": visits.filter(is_seen_alone=True).first()}
