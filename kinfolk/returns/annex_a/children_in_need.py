"""Lists 6 and 7 of Annex A: children in need and children on a child protection plan."""

import datetime as dt

from django.db.models import Max, Q

from kinfolk.care.models import (
    CareEpisode,
    PeriodOfCare,
)
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan, Visit
from kinfolk.protection.models import Conference
from kinfolk.returns.annex_a.casework import Casework, Row, latest_dates
from kinfolk.returns.annex_a.labels import (
    ABUSE,
    CLOSURE,
    NEED,
    UNKNOWN,
    yes_no,
)


def _looked_after_on(day: dt.date) -> set[int]:
    return set(
        PeriodOfCare.objects.filter(start_on__lte=day)
        .filter(Q(end_on__isnull=True) | Q(end_on__gt=day))
        .values_list("child_id", flat=True)
    )


def list_6(work: Casework) -> list[Row]:
    """List 6: children in need now or in the six months (not referrals that ended in no
    further action), with their case status in Ofsted's order of priority."""
    window = work.window
    episodes = list(
        ChildInNeedEpisode.objects.filter(referral_on__lte=window.as_of, is_nfa=False)
        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=window.start))
        .select_related("child")
        .order_by("referral_on", "pk")
    )
    child_ids = {e.child_id for e in episodes}
    looked_after = _looked_after_on(window.as_of)
    open_plans = set(
        Plan.objects.filter(child_id__in=child_ids, start_on__lte=window.as_of)
        .filter(Q(end_on__isnull=True) | Q(end_on__gt=window.as_of))
        .values_list("child_id", "kind")
    )
    assessing = set(
        Assessment.objects.filter(child_id__in=child_ids, started_on__lte=window.as_of)
        .filter(Q(authorised_on__isnull=True) | Q(authorised_on__gt=window.as_of))
        .values_list("child_id", flat=True)
    )
    seen = latest_dates(
        Visit.objects.filter(
            child_id__in=child_ids, is_child_seen=True, visited_on__lte=window.as_of
        )
        .values("child_id")
        .annotate(last=Max("visited_on"))
        .values_list("child_id", "last")
    )
    rows = []
    for e in episodes:
        closed = e.closed_on if e.closed_on and e.closed_on <= window.as_of else None
        if closed:
            status = "e) Closed episode"
        elif e.child_id in looked_after:
            status = "a) Looked after child"
        elif (e.child_id, "cp") in open_plans:
            status = "b) Child Protection plan"
        elif (e.child_id, "cin") in open_plans:
            status = "c) Child in need plan"
        elif e.child_id in assessing:
            status = "d) Open assessment"
        else:
            status = ""
        rows.append(
            [
                *work.child(e.child),
                work.disability(e.child_id),
                e.referral_on,
                NEED.get(e.primary_need, ""),
                seen.get(e.child_id),
                closed,
                CLOSURE.get(e.closure_reason, "") if closed else "",
                status,
                *work.allocated(e.child_id),
            ]
        )
    return rows


def list_7(work: Casework) -> list[Row]:
    """List 7: child protection plans open now or ended in the six months."""
    window = work.window
    plans = list(
        Plan.objects.filter(kind="cp", start_on__lte=window.as_of)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.start))
        .select_related("child")
        .order_by("start_on", "pk")
    )
    child_ids = {p.child_id for p in plans}
    visits: dict[int, Visit] = {}
    for latest in Visit.objects.filter(
        child_id__in=child_ids, kind="cp", visited_on__lte=window.as_of
    ).order_by("visited_on", "pk"):
        visits[latest.child_id] = latest
    reviews = latest_dates(
        Conference.objects.filter(
            plan_id__in={p.pk for p in plans}, kind="review", held_on__lte=window.as_of
        ).values_list("plan_id", "held_on")
    )
    emergency = set(
        CareEpisode.objects.filter(
            child_id__in=child_ids, legal_status__in=("L1", "L2"), start_on__lte=window.as_of
        )
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.start))
        .values_list("child_id", flat=True)
    )
    rows = []
    for p in plans:
        visit = visits.get(p.child_id)
        ended = p.end_on if p.end_on and p.end_on <= window.as_of else None
        rows.append(
            [
                *work.child(p.child),
                work.disability(p.child_id),
                p.start_on,
                ABUSE.get(p.initial_category, ""),
                ABUSE.get(p.latest_category or p.initial_category, ""),
                visit.visited_on if visit else None,
                yes_no(visit.is_seen_alone, UNKNOWN) if visit else "",
                reviews.get(p.pk),
                ended,
                "a) Yes" if p.child_id in emergency else "b) No",
                p.previous_plans,
                *work.allocated(p.child_id),
            ]
        )
    return rows
