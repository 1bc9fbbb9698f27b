"""List 9 of Annex A: care leavers."""

from collections import defaultdict

from django.db.models import Max, Q

from kinfolk.care.history import SHORT_BREAK_LEGAL_STATUSES, Stay, care_leaver_status
from kinfolk.care.models import (
    CareEpisode,
    PeriodOfCare,
    UASCPeriod,
)
from kinfolk.leaving.models import CareLeaverContact, PathwayPlan, PersonalAdviserAllocation
from kinfolk.people.models import Child
from kinfolk.returns.annex_a.casework import Casework, Row, latest_dates
from kinfolk.returns.annex_a.labels import ACCOMMODATION, ACTIVITY, ELIGIBILITY, IN_TOUCH, NO, YES


def list_9(work: Casework) -> list[Row]:
    """List 9: young people entitled to leaving-care services on the date of the lists:
    eligible, relevant and former relevant (``kinfolk.care.history``), with their latest
    contact, pathway plan and personal adviser."""
    window = work.window
    oldest = window.as_of.replace(year=window.as_of.year - 22)
    children = {
        c.pk: c
        for c in Child.objects.filter(
            periods_of_care__isnull=False, date_of_birth__gt=oldest
        ).distinct()
    }
    stays: dict[int, list[Stay]] = defaultdict(list)
    statuses: dict[int, set[str]] = defaultdict(set)
    for period_id, legal_status in CareEpisode.objects.filter(child_id__in=children).values_list(
        "period_id", "legal_status"
    ):
        statuses[period_id].add(legal_status)
    for period in PeriodOfCare.objects.filter(child_id__in=children, start_on__lte=window.as_of):
        if statuses[period.pk] and statuses[period.pk] <= SHORT_BREAK_LEGAL_STATUSES:
            continue
        end = period.end_on if period.end_on and period.end_on <= window.as_of else None
        stays[period.child_id].append(Stay(period.start_on, end))
    leavers = []
    for child_id, child in children.items():
        status = care_leaver_status(child.date_of_birth, stays[child_id], window.as_of)
        if status:
            leavers.append((child, status))
    ids = [child.pk for child, _ in leavers]
    contacts: dict[int, CareLeaverContact] = {}
    for latest in CareLeaverContact.objects.filter(
        child_id__in=ids, contacted_on__lte=window.as_of
    ).order_by("contacted_on", "pk"):
        contacts[latest.child_id] = latest
    pathway = latest_dates(
        PathwayPlan.objects.filter(child_id__in=ids, made_on__lte=window.as_of)
        .values("child_id")
        .annotate(last=Max("made_on"))
        .values_list("child_id", "last")
    )
    advisers = {
        a.child_id: str(a.adviser)
        for a in PersonalAdviserAllocation.objects.filter(
            child_id__in=ids, start_on__lte=window.as_of
        )
        .filter(Q(end_on__isnull=True) | Q(end_on__gte=window.as_of))
        .select_related("adviser")
        .order_by("start_on", "pk")
    }
    uasc = set(UASCPeriod.objects.filter(child_id__in=ids).values_list("child_id", flat=True))
    rows = []
    for child, status in sorted(leavers, key=lambda pair: pair[0].la_child_id):
        contact = contacts.get(child.pk)
        accommodation = contact.accommodation if contact else ""
        suitable = contact.is_accommodation_suitable if contact else None
        rows.append(
            [
                *work.child(child),
                work.disability(child.pk),
                *work.allocated(child.pk),
                ELIGIBILITY[status],
                IN_TOUCH.get(contact.in_touch, "") if contact else "",
                ACCOMMODATION.get(accommodation[:1], "") if accommodation else "",
                {True: "a) Suitable", False: "b) Unsuitable"}.get(suitable, "")
                if suitable is not None
                else "",
                ACTIVITY.get(contact.activity, "") if contact else "",
                YES if child.pk in uasc else NO,
                advisers.get(child.pk, ""),
                pathway.get(child.pk),
                contact.contacted_on if contact else None,
            ]
        )
    return rows
