"""Child in need casework that waits for a manager: assessments submitted to be authorised
or returned (docs/assessments.md), and workers' requests to close a case (docs/sign-off.md).
Declared into the one sign-off queue from ``registrations``."""

import datetime as dt
from collections.abc import Collection, Iterable
from typing import Any

from django.db.models import Exists, OuterRef, Subquery
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.choices import AssessmentStatus, VersionOutcome
from kinfolk.casework.models import (
    Assessment,
    AssessmentVersion,
    ClosureRequest,
    ClosureState,
    ManagerRequest,
    PlanSignOff,
    PlanSignOffState,
)
from kinfolk.core.registry import SignOffItem, Waiting
from kinfolk.core.working_days import LONDON
from kinfolk.people.models import Child

#: The code of the kind, in the queue's filter and its addresses.
ASSESSMENT = "assessment"


def _submitted_on(version: Any) -> dt.datetime:
    return dt.datetime.combine(version, dt.time(), tzinfo=LONDON)


def _submitted(viewer: Any) -> Any:
    """Assessments submitted to a manager, about children ``viewer`` may see, each with when
    its latest version was submitted (the date-time, or for an older version only the day)."""
    latest = AssessmentVersion.objects.filter(assessment=OuterRef("pk")).order_by("-number")
    return (
        Assessment.objects.filter(
            status=AssessmentStatus.SUBMITTED,
            is_imported=False,
            child__in=Child.objects.visible_to(viewer),
        )
        .annotate(
            submitted_at=Subquery(latest.values("submitted_at")[:1]),
            submitted_day=Subquery(latest.values("submitted_on")[:1]),
        )
        .order_by("started_on", "pk")
    )


def _since(at: dt.datetime | None, day: dt.date | None) -> dt.datetime:
    if at is not None:
        return at
    return _submitted_on(day) if day is not None else timezone.now()


def assessments_waiting(viewer: Any) -> Iterable[Waiting]:
    """Assessments submitted to a manager, each waiting since it was submitted."""
    rows = _submitted(viewer).values_list("pk", "child_id", "submitted_at", "submitted_day")
    for pk, child_id, at, day in rows:
        yield Waiting(ASSESSMENT, pk, child_id, _since(at, day))


def assessments_items(viewer: Any, pks: Collection[int]) -> Iterable[SignOffItem]:
    """The submitted assessments among ``pks``, whole, in one query: the latest version says
    who submitted it, and a version returned before says that the worker has answered a
    return."""
    latest = AssessmentVersion.objects.filter(assessment=OuterRef("pk")).order_by("-number")
    returned = AssessmentVersion.objects.filter(
        assessment=OuterRef("pk"), outcome=VersionOutcome.RETURNED
    ).order_by("-number")
    rows = (
        _submitted(viewer)
        .filter(pk__in=pks)
        .annotate(
            submitted_by_id=Subquery(latest.values("submitted_by")[:1]),
            submitted_by_name=Subquery(latest.values("submitted_by__display_name")[:1]),
            was_returned=Exists(returned),
            returned_reasons=Subquery(returned.values("response")[:1]),
        )
        .select_related("child")
    )
    # The rows carry the annotations above, which the model's type does not know.
    assessment: Any
    for assessment in rows:
        yield SignOffItem(
            kind=ASSESSMENT,
            pk=assessment.pk,
            child=assessment.child,
            what=_("Assessment submitted"),
            submitted_by=assessment.submitted_by_name or "",
            submitted_by_id=assessment.submitted_by_id,
            waiting_since=_since(assessment.submitted_at, assessment.submitted_day),
            url=reverse("casework:assessment-authorise", args=[assessment.child_id]),
            is_answered=assessment.was_returned,
            returned_reasons=assessment.returned_reasons or "",
        )


def assessments_returned(worker: Any) -> Iterable[SignOffItem]:
    """Assessments ``worker`` wrote that a manager returned for changes."""
    returned = AssessmentVersion.objects.filter(
        assessment=OuterRef("pk"), outcome=VersionOutcome.RETURNED
    ).order_by("-number")
    rows = (
        Assessment.objects.filter(
            status=AssessmentStatus.RETURNED,
            author=worker,
            is_imported=False,
            child__in=Child.objects.visible_to(worker),
        )
        .annotate(
            returned_at=Subquery(returned.values("responded_on")[:1]),
            returned_by_name=Subquery(returned.values("responded_by__display_name")[:1]),
            returned_reasons=Subquery(returned.values("response")[:1]),
        )
        .select_related("child")
        .order_by("started_on", "pk")
    )
    # The rows carry the annotations above, which the model's type does not know.
    assessment: Any
    for assessment in rows:
        yield SignOffItem(
            kind=ASSESSMENT,
            pk=assessment.pk,
            child=assessment.child,
            what=_("Assessment returned for changes"),
            submitted_by=assessment.returned_by_name or "",
            submitted_by_id=None,
            waiting_since=(
                _submitted_on(assessment.returned_at) if assessment.returned_at else timezone.now()
            ),
            url=reverse("casework:assessment-draft", args=[assessment.child_id]),
            returned_reasons=assessment.returned_reasons or "",
        )


#: The codes of closures and of plans asked to be agreed, in the queue's filter.
CLOSURE = "closure"
PLAN = "plan"


def _requests(model: Any, viewer: Any) -> Any:
    return model._default_manager.filter(child__in=Child.objects.visible_to(viewer)).order_by(
        "waiting_since", "pk"
    )


def _waiting_requests(model: Any, viewer: Any) -> Any:
    # The filter matches each table's partial index of the requests that wait.
    return _requests(model, viewer).filter(state__in=ManagerRequest.WAITING_STATES)


def _whole(requests: Any, *related: str) -> Any:
    return requests.select_related("child", "requested_by", *related).prefetch_related("returns")


def _request_item(kind: str, request: Any, url: str, what: str) -> SignOffItem:
    returns = list(request.returns.all())
    latest = returns[-1] if returns else None
    return SignOffItem(
        kind=kind,
        pk=request.pk,
        child=request.child,
        what=what,
        submitted_by=request.requested_by.display_name if request.requested_by else "",
        submitted_by_id=request.requested_by_id,
        waiting_since=request.waiting_since,
        url=url,
        is_answered=request.state == "answered",
        returned_reasons=latest.reasons if latest else "",
        answer=latest.response if latest else "",
    )


def _request_rows(kind: str, model: Any, viewer: Any) -> Iterable[Waiting]:
    rows = _waiting_requests(model, viewer).values_list("pk", "child_id", "waiting_since")
    for pk, child_id, since in rows:
        yield Waiting(kind, pk, child_id, since)


def closures_waiting(viewer: Any) -> Iterable[Waiting]:
    """Workers' requests to close a case, waiting for a manager."""
    return _request_rows(CLOSURE, ClosureRequest, viewer)


def closures_items(viewer: Any, pks: Collection[int]) -> Iterable[SignOffItem]:
    """The waiting closure requests among ``pks``, whole."""
    for request in _whole(_waiting_requests(ClosureRequest, viewer).filter(pk__in=pks)):
        yield _request_item(
            CLOSURE,
            request,
            reverse("casework:closure-decide", args=[request.child_id]),
            _("Closure of the case: %(reason)s") % {"reason": request.get_reason_display()},
        )


def closures_returned(worker: Any) -> Iterable[SignOffItem]:
    """``worker``'s closure requests that a manager returned."""
    returned = _requests(ClosureRequest, worker).filter(
        state=ClosureState.RETURNED, requested_by=worker
    )
    for request in _whole(returned):
        yield _request_item(
            CLOSURE,
            request,
            reverse("casework:closure-answer", args=[request.child_id]),
            _("Closure of the case returned"),
        )


def plans_waiting(viewer: Any) -> Iterable[Waiting]:
    """Plans their workers asked a manager to agree."""
    return _request_rows(PLAN, PlanSignOff, viewer)


def plans_items(viewer: Any, pks: Collection[int]) -> Iterable[SignOffItem]:
    """The plans waiting to be agreed among ``pks``, whole."""
    for request in _whole(_waiting_requests(PlanSignOff, viewer).filter(pk__in=pks), "plan"):
        yield _request_item(
            PLAN,
            request,
            reverse("casework:plan-decide", args=[request.child_id, request.pk]),
            _("%(plan)s to agree") % {"plan": request.plan.get_kind_display()},
        )


def plans_returned(worker: Any) -> Iterable[SignOffItem]:
    """Plans ``worker`` asked to be agreed that a manager returned."""
    returned = _requests(PlanSignOff, worker).filter(
        state=PlanSignOffState.RETURNED, requested_by=worker
    )
    for request in _whole(returned, "plan"):
        yield _request_item(
            PLAN,
            request,
            reverse("casework:plan-answer", args=[request.child_id, request.pk]),
            _("%(plan)s returned") % {"plan": request.plan.get_kind_display()},
        )
