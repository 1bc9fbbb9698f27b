"""Lists 1 to 5 of Annex A: contacts, early help, referrals, assessments and section 47
enquiries."""

import datetime as dt
from collections import defaultdict

from django.db.models import Q

from kinfolk.casework.models import Assessment, ChildInNeedEpisode
from kinfolk.core.working_days import add_months
from kinfolk.frontdoor.models import Contact, EarlyHelpEpisode
from kinfolk.protection.models import Conference, Section47Enquiry, StrategyDiscussion
from kinfolk.returns.annex_a.casework import Casework, Row
from kinfolk.returns.annex_a.labels import (
    NO,
    SOURCE,
    UNKNOWN,
    YES,
    yes_no,
)


def list_1(work: Casework) -> list[Row]:
    """List 1: every contact received in the six months, one row per child."""
    window = work.window
    contacts = Contact.objects.filter(
        received_at__date__gte=window.start, received_at__date__lte=window.as_of
    ).select_related("child")
    return [
        [*work.child(c.child), c.received_at.date(), SOURCE.get(c.source, "")]
        for c in contacts.order_by("received_at", "pk")
    ]


def list_2(work: Casework) -> list[Row]:
    """List 2: early help started in the six months, and early help open on the date."""
    window = work.window
    episodes = EarlyHelpEpisode.objects.filter(start_on__lte=window.as_of).filter(
        Q(start_on__gte=window.start) | Q(end_on__isnull=True) | Q(end_on__gt=window.as_of)
    )
    return [
        [
            *work.child(e.child),
            e.start_on,
            e.end_on if e.end_on and e.end_on <= window.as_of else None,
            "",
        ]
        for e in episodes.select_related("child").order_by("start_on", "pk")
    ]


def list_3(work: Casework) -> list[Row]:
    """List 3: every referral in the six months, with the child's other referrals in the 12
    months before it."""
    window = work.window
    referrals = list(
        ChildInNeedEpisode.objects.filter(
            referral_on__gte=window.start, referral_on__lte=window.as_of
        )
        .select_related("child")
        .order_by("referral_on", "pk")
    )
    earlier: dict[int, list[dt.date]] = defaultdict(list)
    for child_id, referral_on in ChildInNeedEpisode.objects.filter(
        child_id__in={r.child_id for r in referrals},
        referral_on__gte=add_months(window.start, -12),
        referral_on__lte=window.as_of,
    ).values_list("child_id", "referral_on"):
        earlier[child_id].append(referral_on)
    rows = []
    for referral in referrals:
        since = add_months(referral.referral_on, -12)
        others = sum(since <= day < referral.referral_on for day in earlier[referral.child_id])
        rows.append(
            [
                *work.child(referral.child),
                referral.referral_on,
                SOURCE.get(referral.referral_source, ""),
                yes_no(referral.is_nfa),
                others,
                *work.allocated(referral.child_id),
            ]
        )
    return rows


def list_4(work: Casework) -> list[Row]:
    """List 4: assessments started or authorised in the six months. An authorised assessment
    that closed the case (RC8, RC9) found no need for social care support."""
    window = work.window
    assessments = Assessment.objects.filter(
        Q(started_on__gte=window.start, started_on__lte=window.as_of)
        | Q(authorised_on__gte=window.start, authorised_on__lte=window.as_of)
    ).select_related("child", "episode")
    rows = []
    for a in assessments.order_by("started_on", "pk"):
        authorised = (
            a.authorised_on if a.authorised_on and a.authorised_on <= window.as_of else None
        )
        needs_support = ""
        if authorised:
            closed_by_it = a.episode.closure_reason in ("RC8", "RC9")
            needs_support = NO if closed_by_it else YES
        rows.append(
            [
                *work.child(a.child),
                work.disability(a.child_id),
                a.started_on,
                yes_no(a.is_child_seen, UNKNOWN),
                authorised,
                needs_support,
                *work.allocated(a.child_id),
            ]
        )
    return rows


def list_5(work: Casework) -> list[Row]:
    """List 5: section 47 enquiries open at any time in the six months, with the strategy
    discussion that started each (the latest held on or before its start) and its initial
    conference."""
    window = work.window
    enquiries = list(
        Section47Enquiry.objects.filter(started_on__lte=window.as_of)
        .filter(Q(ended_on__isnull=True) | Q(ended_on__gte=window.start))
        .select_related("child")
        .order_by("started_on", "pk")
    )
    child_ids = {e.child_id for e in enquiries}
    discussions: dict[int, list[dt.date]] = defaultdict(list)
    for child_id, held_on in StrategyDiscussion.objects.filter(
        child_id__in=child_ids, held_on__lte=window.as_of
    ).values_list("child_id", "held_on"):
        discussions[child_id].append(held_on)
    started: dict[int, list[dt.date]] = defaultdict(list)
    for child_id, started_on in Section47Enquiry.objects.filter(
        child_id__in=child_ids, started_on__gte=window.year_start, started_on__lte=window.as_of
    ).values_list("child_id", "started_on"):
        started[child_id].append(started_on)
    initial: dict[int, Conference] = {}
    icpcs: dict[int, int] = defaultdict(int)
    for icpc in Conference.objects.filter(
        child_id__in=child_ids, kind="initial", held_on__lte=window.as_of
    ).order_by("held_on", "pk"):
        if icpc.enquiry_id:
            initial.setdefault(icpc.enquiry_id, icpc)
        if icpc.held_on >= window.year_start:
            icpcs[icpc.child_id] += 1
    rows = []
    for e in enquiries:
        held = [day for day in discussions[e.child_id] if day <= e.started_on]
        conference = initial.get(e.pk)
        not_required = None if e.is_conference_required is None else not e.is_conference_required
        rows.append(
            [
                *work.child(e.child),
                work.disability(e.child_id),
                max(held) if held else e.started_on,
                yes_no(not_required),
                conference.held_on if conference else None,
                yes_no(conference.is_plan_needed) if conference else "",
                len(started[e.child_id]),
                icpcs[e.child_id],
                *work.allocated(e.child_id),
            ]
        )
    return rows
