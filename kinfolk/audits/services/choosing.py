"""Choosing the case files to audit (docs/audits.md): at random from open cases, from the
children in one service, or from a sample of the work managers approved in a period
(docs/domain.md finding 42: a sample of approved work is audited). The choice is random, but
with the generator the caller passes, so that a test or the demo chooses the same files."""

import datetime as dt
import random
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from kinfolk.audits.choices import ApprovedWork, AuditService, AuditStatus
from kinfolk.audits.models import CaseAudit
from kinfolk.audits.services.audits import assign_audit
from kinfolk.care.models import PeriodOfCare, Placement
from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan
from kinfolk.core.actors import Actor
from kinfolk.core.dates import long_date
from kinfolk.frontdoor.models import ScreeningDecision
from kinfolk.people.models import Child
from kinfolk.workforce.models import Allocation, Team


@dataclass(frozen=True)
class Candidate:
    """A child who may be audited, with the approved work they were found by and the manager
    who approved it (who does not audit it)."""

    child: Child
    sampled_work: str = ""
    approved_by_id: int | None = None


def open_cases(*, viewer: Actor, team: Team | None = None) -> QuerySet[Child]:
    """The children the viewer may see whose case is open (an open child in need episode),
    held by ``team`` when one is given."""
    children = Child.objects.visible_to(viewer).filter(
        Exists(ChildInNeedEpisode.objects.filter(child=OuterRef("pk"), closed_on__isnull=True))
    )
    if team is not None:
        children = children.filter(
            Exists(Allocation.objects.filter(child=OuterRef("pk"), end_on__isnull=True, team=team))
        )
    return children.order_by("pk")


def children_in_service(
    *, viewer: Actor, service: str, team: Team | None = None
) -> QuerySet[Child]:
    """The children with an open case in one service: on a child in need plan, on a child
    protection plan, or in care."""
    children = open_cases(viewer=viewer, team=team)
    if service == AuditService.IN_CARE:
        return children.filter(
            Exists(PeriodOfCare.objects.filter(child=OuterRef("pk"), end_on__isnull=True))
        )
    if service in (AuditService.CHILD_IN_NEED, AuditService.CHILD_PROTECTION):
        kind = (
            PlanKind.CHILD_IN_NEED
            if service == AuditService.CHILD_IN_NEED
            else PlanKind.CHILD_PROTECTION
        )
        return children.filter(
            Exists(Plan.objects.filter(child=OuterRef("pk"), kind=kind, end_on__isnull=True))
        )
    raise ValidationError({"service": _("Choose a service")})


def approved_work(*, viewer: Actor, kind: str, start: dt.date, end: dt.date) -> list[Candidate]:
    """The work of one kind that a manager approved between ``start`` and ``end``: screening
    decisions signed off, assessments authorised (by a manager on Kinfolk, not loaded from
    another system), unregistered placements approved. One candidate a record, oldest first."""
    if end < start:
        raise ValidationError({"end": _("The end of the period must be after its start")})
    approval = _APPROVALS.get(kind)
    if approval is None:
        raise ValidationError({"kind": _("Choose the kind of approved work")})
    model, child, day, by, message = approval
    records = (
        model.objects.filter(
            **{f"{day}__gte": start, f"{day}__lte": end, f"{by}__isnull": False},
            **{f"{child}__in": Child.objects.visible_to(viewer)},
        )
        .select_related(child, by)
        .order_by(day.removesuffix("__date"), "pk")
    )
    found = []
    for record in records:
        approved = getattr(record, day.removesuffix("__date"))
        approved_on = approved.date() if isinstance(approved, dt.datetime) else approved
        found.append(
            Candidate(
                attrgetter(child.replace("__", "."))(record),
                _(message) % {"date": long_date(approved_on), "name": getattr(record, by)},
                getattr(record, f"{by}_id"),
            )
        )
    return found


#: Each kind of approved work: its model, the path to its child, the date and the manager of
#: the approval, and how a candidate says what was approved.
_APPROVALS: dict[str, tuple[Any, str, str, str, str]] = {
    ApprovedWork.SCREENING: (
        ScreeningDecision,
        "contact__child",
        "signed_off_at__date",
        "signed_off_by",
        gettext_noop("Screening decision signed off on %(date)s by %(name)s"),
    ),
    ApprovedWork.ASSESSMENT: (
        Assessment,
        "child",
        "authorised_on",
        "authorised_by",
        gettext_noop("Assessment authorised on %(date)s by %(name)s"),
    ),
    ApprovedWork.PLACEMENT: (
        Placement,
        "child",
        "approved_on",
        "approved_by",
        gettext_noop("Placement approved on %(date)s by %(name)s"),
    ),
}


@transaction.atomic
def assign_sample(
    *,
    candidates: list[Candidate],
    count: int,
    auditors: list[Actor],
    source: str,
    rng: random.Random,
    on: dt.date,
    actor: Actor | None = None,
) -> list[CaseAudit]:
    """Choose ``count`` of the candidates at random (each child once, and none whose file is
    already waiting for an audit) and give them to the auditors in turn. An auditor is passed over for a file they hold or work they approved."""
    if count < 1:
        raise ValidationError({"count": _("Enter how many case files to audit, 1 or more")})
    if not auditors:
        raise ValidationError({"auditors": _("Choose at least one auditor")})
    unique: dict[int, Candidate] = {}
    for candidate in candidates:
        unique.setdefault(candidate.child.pk, candidate)
    # A file already waiting for its audit is not chosen again.
    waiting = CaseAudit.objects.filter(
        child_id__in=list(unique), status__in=[AuditStatus.ASSIGNED, AuditStatus.IN_PROGRESS]
    ).values_list("child_id", flat=True)
    for child_id in set(waiting):
        del unique[child_id]
    if not unique:
        raise ValidationError({"count": _("No case file matches what you chose")})
    chosen = rng.sample(list(unique.values()), min(count, len(unique)))
    holders = dict(
        Allocation.objects.filter(
            child_id__in=[c.child.pk for c in chosen], end_on__isnull=True
        ).values_list("child_id", "worker_id")
    )
    audits = []
    turn = 0
    for candidate in chosen:
        for offset in range(len(auditors)):
            auditor = auditors[(turn + offset) % len(auditors)]
            if auditor.pk not in (holders.get(candidate.child.pk), candidate.approved_by_id):
                break
        else:
            continue  # every auditor holds the file or approved the work
        turn += 1
        audits.append(
            assign_audit(
                child=candidate.child,
                auditor=auditor,
                on=on,
                source=source,
                sampled_work=candidate.sampled_work,
                actor=actor,
            )
        )
    return audits


__all__ = ["Candidate"]
