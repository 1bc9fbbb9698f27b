"""List 8 of Annex A: children in care, with their placement and where it is."""

import datetime as dt
from collections import defaultdict

from django.db.models import Max, Q

from kinfolk.care.history import SHORT_BREAK_LEGAL_STATUSES
from kinfolk.care.models import (
    CareEpisode,
    CarePlan,
    HealthAssessment,
    LookedAfterReview,
    MissingEpisode,
    OutcomeKind,
    OutcomeRecord,
    PeriodOfCare,
    Placement,
    UASCPeriod,
)
from kinfolk.casework.models import Visit
from kinfolk.core.geography import look_up, placement_location
from kinfolk.core.models import Authority, Postcode
from kinfolk.core.working_days import add_months
from kinfolk.returns.annex_a.casework import Casework, Row, latest_dates
from kinfolk.returns.annex_a.labels import (
    LEGAL_STATUS,
    NEED,
    NO,
    PERMANENCE,
    PLACEMENT_TYPE,
    PROVIDER,
    REASON_CEASED,
    YES,
    yes_no,
)


def _is_short_breaks_only(episodes: list[CareEpisode]) -> bool:
    return bool(episodes) and all(e.legal_status in SHORT_BREAK_LEGAL_STATUSES for e in episodes)


#: The LA of Placement of a placement outside England, by the first letter of its ONS code.
COUNTRY_OF_PLACEMENT = {"W": "WAL", "S": "SCO", "N": "NIR"}


def placement_area(
    postcode: str, authority: Authority | None, directory: dict[str, Postcode]
) -> tuple[str, str]:
    """List 8's Placement Location (in or out of the authority's area) and LA of Placement
    (the ONS code of the placement's authority, or its country outside England), from the
    postcode directory; blank when the postcode is not in the directory."""
    location = placement_location(
        home_postcode="",
        placement_postcode=postcode,
        authority_code=authority.la_code if authority else "",
        directory=directory,
    )
    if not location.la_code:
        return "", ""
    where = "" if location.is_in_area is None else ("a) In" if location.is_in_area else "b) Out")
    return where, COUNTRY_OF_PLACEMENT.get(location.la_code[0], location.la_code)


def list_8(work: Casework) -> list[Row]:
    """List 8: children looked after now or who ceased in the six months (not periods made
    only of short breaks, V3 and V4), with their latest episode's legal status and placement,
    reviews, visits, health, and missing episodes in the last 12 months."""
    window = work.window
    periods = list(
        PeriodOfCare.objects.filter(start_on__lte=window.as_of)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.start))
        .select_related("child")
        .order_by("start_on", "pk")
    )
    child_ids = {p.child_id for p in periods}
    episodes: dict[int, list[CareEpisode]] = defaultdict(list)
    for episode in (
        CareEpisode.objects.filter(period__in=periods, start_on__lte=window.as_of)
        .select_related("placement")
        .order_by("start_on", "pk")
    ):
        episodes[episode.period_id].append(episode)
    earlier_ends: dict[int, list[dt.date]] = defaultdict(list)
    for child_id, end_on in PeriodOfCare.objects.filter(
        child_id__in=child_ids, end_on__gte=window.year_start
    ).values_list("child_id", "end_on"):
        # end_on__gte leaves out the periods still open.
        assert end_on is not None
        earlier_ends[child_id].append(end_on)
    uasc = set(
        UASCPeriod.objects.filter(child_id__in=child_ids, start_on__lte=window.as_of)
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.year_start))
        .values_list("child_id", flat=True)
    )
    review_rows = list(
        LookedAfterReview.objects.filter(
            child_id__in=child_ids, held_on__lte=window.as_of
        ).values_list("child_id", "held_on", "iro_contact_on")
    )
    reviews = latest_dates((child_id, held_on) for child_id, held_on, _ in review_rows)
    iro = latest_dates(
        (child_id, contact_on)
        for child_id, _, contact_on in review_rows
        if contact_on and contact_on <= window.as_of
    )
    visits = latest_dates(
        Visit.objects.filter(child_id__in=child_ids, kind="cla", visited_on__lte=window.as_of)
        .values("child_id")
        .annotate(last=Max("visited_on"))
        .values_list("child_id", "last")
    )
    plans: dict[int, str] = {}
    for child_id, plan in (
        CarePlan.objects.filter(child_id__in=child_ids, made_on__lte=window.as_of)
        .order_by("made_on", "pk")
        .values_list("child_id", "permanence_plan")
    ):
        plans[child_id] = plan
    health = latest_dates(
        HealthAssessment.objects.filter(child_id__in=child_ids, assessed_on__lte=window.as_of)
        .values("child_id")
        .annotate(last=Max("assessed_on"))
        .values_list("child_id", "last")
    )
    dental = latest_dates(
        OutcomeRecord.objects.filter(
            child_id__in=child_ids, kind=OutcomeKind.DENTAL, recorded_on__lte=window.as_of
        )
        .values("child_id")
        .annotate(last=Max("recorded_on"))
        .values_list("child_id", "last")
    )
    moves: dict[int, int] = defaultdict(int)
    for child_id in Placement.objects.filter(
        child_id__in=child_ids, start_on__gte=window.year_start, start_on__lte=window.as_of
    ).values_list("child_id", flat=True):
        moves[child_id] += 1
    directory = look_up(e.placement_postcode for spans in episodes.values() for e in spans[-1:])
    authority = Authority.current()
    missing: dict[int, dict[str, int]] = defaultdict(lambda: {"M": 0, "A": 0})
    last_missing: dict[int, MissingEpisode] = {}
    for m in MissingEpisode.objects.filter(child_id__in=child_ids).order_by("started_at", "pk"):
        day = m.started_at.date()
        if window.covers(day, year=True):
            missing[m.child_id][m.kind] += 1
            if m.kind == "M":
                last_missing[m.child_id] = m
    rows = []
    for period in periods:
        spans = episodes[period.pk]
        if not spans or _is_short_breaks_only(spans):
            continue
        latest = spans[-1]
        status_start = latest.start_on
        for episode in reversed(spans[:-1]):
            if episode.legal_status != latest.legal_status:
                break
            status_start = episode.start_on
        ceased = period.end_on if period.end_on and period.end_on <= window.as_of else None
        again = any(
            end < period.start_on and end >= add_months(period.start_on, -12)
            for end in earlier_ends[period.child_id]
        )
        last = last_missing.get(period.child_id)
        offered = accepted = ""
        if last:
            offered = YES if last.return_interview_offered_at else NO
            accepted = yes_no(last.return_interview_accepted, "")
        rows.append(
            [
                *work.child(period.child),
                YES if period.child_id in uasc else NO,
                work.disability(period.child_id),
                period.start_on,
                NEED.get(latest.category_of_need, ""),
                YES if again else NO,
                status_start,
                LEGAL_STATUS.get(latest.legal_status, ""),
                reviews.get(period.child_id),
                visits.get(period.child_id),
                PERMANENCE.get(plans.get(period.child_id, ""), ""),
                iro.get(period.child_id),
                health.get(period.child_id),
                dental.get(period.child_id),
                moves[period.child_id],
                ceased,
                REASON_CEASED.get(period.reason_ceased, "") if ceased else "",
                latest.placement.start_on if latest.placement else latest.start_on,
                PLACEMENT_TYPE.get(latest.placement_type, ""),
                PROVIDER.get(latest.placement_provider, ""),
                latest.placement_postcode,
                latest.urn,
                *placement_area(latest.placement_postcode, authority, directory),
                missing[period.child_id]["M"],
                missing[period.child_id]["A"],
                offered,
                accepted,
                *work.allocated(period.child_id),
            ]
        )
    return rows
