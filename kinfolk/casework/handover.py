"""What a worker holds for a child in child in need casework, handed to the next worker when
the case is reallocated (kinfolk.workforce.handover; docs/caseloads.md): the open actions of
the child's open plans that the worker owns, and the assessments they are drafting. Case notes
stay with their author: they are what that worker recorded."""

from typing import Any

from django.db.models import F
from django.urls import reverse
from django.utils.translation import gettext as _

from kinfolk.casework.choices import ActionStatus, AssessmentStatus
from kinfolk.casework.models import Assessment, PlanAction
from kinfolk.core.dates import long_date
from kinfolk.workforce.handover import HandoverItem

#: Actions still to do.
OPEN_ACTION_STATUSES = (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS)
#: Assessments the worker is still writing (a draft, or returned to them for changes).
DRAFTING_STATUSES = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


def _open_actions(child: Any, worker: Any) -> Any:
    return PlanAction.objects.filter(
        plan__child=child,
        plan__end_on__isnull=True,
        owner=worker,
        status__in=OPEN_ACTION_STATUSES,
    )


def _drafts(child: Any, worker: Any) -> Any:
    return Assessment.objects.filter(child=child, author=worker, status__in=DRAFTING_STATUSES)


def open_plan_actions(child: Any, worker: Any) -> list[HandoverItem]:
    """The open actions of the child's open plans that the worker owns. One query."""
    url = reverse("casework:child-casework", args=[child.pk])
    return [
        HandoverItem(
            kind=_("Plan action"),
            description=f"{action.description} ({action.plan.get_kind_display()})",
            due_on=action.due_on,
            url=url,
        )
        for action in _open_actions(child, worker).select_related("plan").order_by("due_on", "pk")
    ]


def reassign_plan_actions(child: Any, old_worker: Any, new_worker: Any) -> int:
    """Give the new worker the actions; each moves to its next version, so that a form opened
    on it before the handover is refused as out of date."""
    return int(_open_actions(child, old_worker).update(owner=new_worker, version=F("version") + 1))


def draft_assessments(child: Any, worker: Any) -> list[HandoverItem]:
    """The child's assessments the worker is drafting. One query."""
    return [
        HandoverItem(
            kind=_("Draft assessment"),
            description=_("Assessment started on %(date)s (%(status)s)")
            % {"date": long_date(assessment.started_on), "status": assessment.get_status_display()},
            due_on=None,
            url=reverse("casework:assessment-detail", args=[child.pk]),
        )
        for assessment in _drafts(child, worker)
    ]


def reassign_draft_assessments(child: Any, old_worker: Any, new_worker: Any) -> int:
    """Make the new worker the author of the drafts; the versions submitted so far are kept
    as they are, by whoever submitted them."""
    return int(_drafts(child, old_worker).update(author=new_worker, version=F("version") + 1))
