"""Lists 10 and 11 of Annex A: children with an adoption decision, and adopters."""

import datetime as dt
from collections import defaultdict

from django.db.models import Q

from kinfolk.care.models import (
    ADOPTED,
    ADOPTION_PLACEMENTS,
    CareEpisode,
    PeriodOfCare,
)
from kinfolk.permanence.models import AdoptionDecision, AdoptionMatch
from kinfolk.returns.annex_a.casework import Casework, Row, Window
from kinfolk.returns.annex_a.labels import (
    ADOPTERS,
    FOSTERING_FOR_ADOPTION,
    GENDER,
    NO,
    NO_LONGER_PLACED,
    YES,
)


def _adoption_decisions(window: Window) -> list[AdoptionDecision]:
    """The decisions of List 10: open on the date of the lists, reversed in the 12 months, or
    of a child adopted in the 12 months."""
    return list(
        AdoptionDecision.objects.filter(decided_on__lte=window.as_of)
        .filter(
            Q(reversed_on__isnull=True)
            | Q(reversed_on__gte=window.year_start)
            | Q(
                period__reason_ceased__in=ADOPTED,
                period__end_on__gte=window.year_start,
            )
        )
        .exclude(
            reversed_on__isnull=True,
            period__reason_ceased__in=ADOPTED,
            period__end_on__lt=window.year_start,
        )
        .select_related("child", "period", "match")
        .order_by("decided_on", "pk")
    )


def _match(decision: AdoptionDecision) -> AdoptionMatch | None:
    try:
        return decision.match
    except AdoptionMatch.DoesNotExist:
        return None


def _adopted_on(period: PeriodOfCare, window: Window) -> dt.date | None:
    if period.reason_ceased in ADOPTED and window.covers(period.end_on, year=True):
        return period.end_on
    return None


def list_10(work: Casework) -> list[Row]:
    """List 10: children adopted in the 12 months, with a decision that they should be placed
    for adoption not yet adopted, or with that decision reversed in the 12 months."""
    window = work.window
    decisions = _adoption_decisions(window)
    episodes: dict[int, list[CareEpisode]] = defaultdict(list)
    for episode in CareEpisode.objects.filter(
        period_id__in={d.period_id for d in decisions}, start_on__lte=window.as_of
    ).order_by("start_on", "pk"):
        episodes[episode.period_id].append(episode)
    rows = []
    for d in decisions:
        spans = episodes[d.period_id]
        match = _match(d)
        reversed_on = d.reversed_on if d.reversed_on and d.reversed_on <= window.as_of else None
        rows.append(
            [
                d.child.la_child_id,
                f"F{match.pk}" if match and match.matched_on <= window.as_of else "",
                *work.child(d.child)[1:4],
                d.child.age_on(window.as_of),
                work.disability(d.child_id),
                d.period.start_on,
                d.decided_on,
                next((e.start_on for e in spans if e.legal_status == "E1"), None),
                match.matched_on if match and match.matched_on <= window.as_of else None,
                next((e.start_on for e in spans if e.placement_type in ADOPTION_PLACEMENTS), None),
                _adopted_on(d.period, window),
                reversed_on,
                NO_LONGER_PLACED.get(d.reversal_reason, "") if reversed_on else "",
                next(
                    (e.start_on for e in spans if e.placement_type in FOSTERING_FOR_ADOPTION),
                    None,
                ),
            ]
        )
    return rows


def list_11(work: Casework) -> list[Row]:
    """List 11: the adopters matched with a child in the 12 months, or whose child was placed
    with them or adopted in it, one row per adult, a couple sharing their family identifier
    (``F`` and the match). Their recruitment (enquiry, stages, approval) is not recorded in
    the casework and is left blank."""
    window = work.window
    matches = (
        AdoptionMatch.objects.filter(matched_on__lte=window.as_of)
        .filter(
            Q(matched_on__gte=window.year_start)
            | Q(moved_in_on__gte=window.year_start, moved_in_on__lte=window.as_of)
            | Q(
                decision__period__reason_ceased__in=ADOPTED,
                decision__period__end_on__gte=window.year_start,
                decision__period__end_on__lte=window.as_of,
            )
        )
        .select_related("decision__period")
        .order_by("matched_on", "pk")
    )
    rows = []
    for match in matches:
        sexes = ADOPTERS.get(match.adopters_sex, "")
        adopted = _adopted_on(match.decision.period, window)
        placed = (
            match.moved_in_on if match.moved_in_on and match.moved_in_on <= window.as_of else None
        )
        for index in range(match.number_of_adopters):
            sex = sexes[index] if index < len(sexes) else ""
            rows.append(
                [
                    f"F{match.pk}-{index + 1}",
                    f"F{match.pk}",
                    GENDER.get(sex, "c) Not stated/recorded"),
                    "",
                    "",
                    YES if match.is_former_foster_carers else NO,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    None,
                    match.matched_on,
                    placed,
                    1 if placed else 0,
                    adopted,
                    None,
                    "",
                ]
            )
    return rows
