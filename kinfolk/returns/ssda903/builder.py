"""Build the SSDA903 return (children looked after) of a collection year from the casework.

Who is in it follows docs/reference/ssda903.md section 2: every child looked after at any time in
the year (Header, Episodes and the tables that hang off them) plus the care leavers whose 17th
to 21st birthday falls in the year (Header and OC3). Nothing is typed for the return: episodes
come from ``CareEpisode``, reviews from ``LookedAfterReview``, OC2 from the health and outcome
records, OC3 from the care leaver contacts chosen as the leaving-care pages choose them
(``kinfolk.leaving.standing.next_oc3_birthday``), adoption from the permanence decisions and
matches, and social-worker episodes from the allocation history while the child was looked
after.

The return shows the casework as it stood on 31 March: an episode, missing period, UASC period,
adoption decision or allocation that ended after the year is shown still open. The whole
return is read in a fixed number of queries, whatever the number of children.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, overload

from django.db.models import Prefetch, Q

from kinfolk.care.history import (
    SHORT_BREAK_LEGAL_STATUSES,
    EpisodeSpan,
    birthday,
    continuously_looked_after_12_months,
)
from kinfolk.care.models import (
    ADOPTED,
    CareEpisode,
    HealthAssessment,
    LookedAfterReview,
    MissingEpisode,
    OutcomeKind,
    OutcomeRecord,
    PeriodOfCare,
    UASCPeriod,
)
from kinfolk.core.codes import ReasonForNewEpisode
from kinfolk.core.working_days import LONDON, age_on
from kinfolk.leaving.models import CareLeaverContact
from kinfolk.leaving.standing import OC3_BIRTHDAYS, next_oc3_birthday, stays_from_periods
from kinfolk.people.models import Child
from kinfolk.permanence.models import AdoptionDecision, PreviousPermanence
from kinfolk.returns.framework import CollectionYear
from kinfolk.returns.ssda903.tables import Tables, empty_tables
from kinfolk.workforce.models import Allocation


def ssda903_date(day: dt.date | None) -> str:
    """A date as the return writes it, ``dd/mm/yyyy``; blank for none."""
    return day.strftime("%d/%m/%Y") if day else ""


def _flag(value: bool | None) -> str:
    return "" if value is None else ("1" if value else "0")


@overload
def _local_date(moment: dt.datetime) -> dt.date: ...
@overload
def _local_date(moment: dt.datetime | None) -> dt.date | None: ...
def _local_date(moment: dt.datetime | None) -> dt.date | None:
    return moment.astimezone(LONDON).date() if moment else None


def _overlaps(start: dt.date, end: dt.date | None, year: CollectionYear) -> bool:
    """Whether something from ``start`` to ``end`` (the day it ceased) was open in the year:
    ending on 1 April is ending in the year, so last year's open episode comes first (rule
    502)."""
    return start <= year.end and (end is None or end >= year.start)


def _in_year(day: dt.date | None, year: CollectionYear) -> bool:
    return day is not None and year.start <= day <= year.end


def _until_year_end(day: dt.date | None, year: CollectionYear) -> dt.date | None:
    """An end date as the return shows it: blank when it came after 31 March."""
    return day if day is not None and day <= year.end else None


def _oc3_birthday(date_of_birth: dt.date, year: CollectionYear) -> dt.date | None:
    """The 17th to 21st birthday that falls in the year, if any."""
    for years in OC3_BIRTHDAYS:
        day = birthday(date_of_birth, years)
        if _in_year(day, year):
            return day
    return None


def build_ssda903(year: CollectionYear, *, child_ids: Iterable[int] | None = None) -> Tables:
    """The SSDA903 return of ``year``, every table, for every child (or only ``child_ids``,
    for one child's own data-quality page)."""
    limit = None if child_ids is None else list(child_ids)
    candidates = Child.objects.filter(date_of_birth__isnull=False)
    if limit is not None:
        candidates = candidates.filter(pk__in=limit)
    # Looked after at any time in the year, or old enough to be in OC3 this year.
    looked_after = CareEpisode.objects.filter(start_on__lte=year.end).filter(
        Q(end_on__isnull=True) | Q(end_on__gte=year.start)
    )
    oldest = birthday(year.start, -max(OC3_BIRTHDAYS))
    youngest = birthday(year.end, -min(OC3_BIRTHDAYS))
    children = list(
        candidates.filter(
            Q(pk__in=looked_after.values("child_id"))
            | Q(
                date_of_birth__range=(oldest, youngest),
                pk__in=PeriodOfCare.objects.values("child_id"),
            )
        )
        .prefetch_related(
            Prefetch(
                "periods_of_care",
                queryset=PeriodOfCare.objects.order_by("start_on", "pk").prefetch_related(
                    Prefetch("episodes", queryset=CareEpisode.objects.order_by("start_on", "pk"))
                ),
            )
        )
        .order_by("la_child_id", "pk")
    )
    ids = [child.pk for child in children]
    by_child: dict[str, dict[int, list[Any]]] = defaultdict(lambda: defaultdict(list))
    related: list[tuple[str, Any]] = [
        (
            "contacts",
            CareLeaverContact.objects.filter(child_id__in=ids).order_by("-contacted_on", "-pk"),
        ),
        (
            "reviews",
            LookedAfterReview.objects.filter(
                child_id__in=ids, held_on__range=(year.start, year.end)
            ).order_by("held_on", "pk"),
        ),
        ("uasc", UASCPeriod.objects.filter(child_id__in=ids).order_by("start_on", "pk")),
        (
            "outcomes",
            OutcomeRecord.objects.filter(child_id__in=ids, recorded_on__lte=year.end).order_by(
                "recorded_on", "pk"
            ),
        ),
        (
            "health",
            HealthAssessment.objects.filter(
                child_id__in=ids, assessed_on__range=(year.start, year.end)
            ),
        ),
        (
            "decisions",
            AdoptionDecision.objects.filter(child_id__in=ids)
            .select_related("match")
            .order_by("decided_on", "pk"),
        ),
        ("previous", PreviousPermanence.objects.filter(child_id__in=ids)),
        ("missing", MissingEpisode.objects.filter(child_id__in=ids).order_by("started_at", "pk")),
        (
            "allocations",
            Allocation.objects.filter(child_id__in=ids)
            .select_related("worker")
            .order_by("start_on", "pk"),
        ),
    ]
    for name, queryset in related:
        for record in queryset:
            by_child[name][record.child_id].append(record)
    tables = empty_tables()
    for child in children:
        _add_child(tables, child, {name: by_child[name][child.pk] for name, _ in related}, year)
    return tables


def _add_child(
    tables: Tables, child: Child, records: dict[str, list[Any]], year: CollectionYear
) -> None:
    """Add one child's rows to every table they belong in."""
    periods = list(child.periods_of_care.all())
    episodes = [episode for period in periods for episode in period.episodes.all()]
    in_year = [e for e in episodes if _overlaps(e.start_on, e.end_on, year)]
    oc3 = _oc3_row(child, periods, records["contacts"], year)
    if not in_year and oc3 is None:
        return
    dob = ssda903_date(child.date_of_birth)
    key = {"CHILD": child.la_child_id, "DOB": dob}
    only_short_breaks = bool(in_year) and all(
        e.legal_status in SHORT_BREAK_LEGAL_STATUSES for e in in_year
    )
    last = max(in_year, key=lambda e: (e.start_on, e.pk), default=None)
    ends = {period.pk: period.end_on for period in periods}
    tables["header"].append(
        _header_row(
            child,
            year,
            is_mother_asked=bool(in_year),
            left_care_on=ends[last.period_id] if last is not None else None,
        )
    )
    if only_short_breaks:
        tables["header"][-1].update(MOTHER="", MC_DOB="")
    if oc3 is not None:
        tables["oc3"].append({**key, **oc3})
    if not in_year:
        return  # a care leaver with no episode this year: Header and OC3 only (rule 1012)
    for episode in in_year:
        tables["episodes"].append(_episode_row(child, episode, year))
    for review in records["reviews"]:
        tables["reviews"].append(
            {**key, "REVIEW": ssda903_date(review.held_on), "REVIEW_CODE": review.participation}
        )
    uasc = [p for p in records["uasc"] if _overlaps(p.start_on, p.end_on, year)]
    if uasc:
        tables["uasc"].append(
            {
                "CHILD": child.la_child_id,
                "SEX": child.sex,
                "DOB": dob,
                "DUC": ssda903_date(_until_year_end(uasc[-1].end_on, year)),
            }
        )
    spans = [
        EpisodeSpan(e.start_on, e.end_on, e.reason_for_new_episode, e.reason_ceased, e.legal_status)
        for e in episodes
    ]
    if continuously_looked_after_12_months(spans, year.end):
        tables["oc2"].append({**key, **_oc2_items(child, records, year)})
    adopted = [p for p in periods if p.reason_ceased in ADOPTED and _in_year(p.end_on, year)]
    decisions = [d for d in records["decisions"] if d.decided_on <= year.end]
    if adopted:
        adopted_on = adopted[-1].end_on
        assert adopted_on is not None  # _in_year holds only for a date
        tables["ad1"].append({**key, **_ad1_items(decisions, adopted_on)})
    for decision in decisions:
        if decision.reversed_on is not None and decision.reversed_on < year.start:
            continue
        reversed_on = _until_year_end(decision.reversed_on, year)
        tables["placed_adoption"].append(
            {
                **key,
                "DATE_PLACED": ssda903_date(decision.decided_on),
                "DATE_PLACED_CEASED": ssda903_date(reversed_on),
                "REASON_PLACED_CEASED": decision.reversal_reason if reversed_on else "",
            }
        )
    if any(
        e.reason_for_new_episode == ReasonForNewEpisode.S and _in_year(e.start_on, year)
        for e in in_year
    ):
        previous = records["previous"][0] if records["previous"] else None
        tables["prev_perm"].append(
            {
                **key,
                "PREV_PERM": previous.code if previous else "",
                "LA_PERM": previous.local_authority if previous else "",
                "DATE_PERM": ssda903_date(previous.order_on) if previous else "",
            }
        )
    missing_episodes: list[MissingEpisode] = records["missing"]
    for missing in missing_episodes:
        started = _local_date(missing.started_at)
        ended = _local_date(missing.ended_at)
        if started > year.end or (ended is not None and ended < year.start):
            continue
        if not any(
            p.start_on <= started and (p.end_on is None or started <= p.end_on) for p in periods
        ):
            continue  # missing from home before care: not in the return (rule 581)
        tables["missing"].append(
            {
                **key,
                "MISSING": missing.kind,
                "MIS_START": ssda903_date(started),
                "MIS_END": ssda903_date(_until_year_end(ended, year)),
            }
        )
    for allocation, start, end in _social_worker_episodes(records["allocations"], periods, year):
        tables["sw_episodes"].append(
            {
                **key,
                "SW_ID": allocation.worker.username,
                "SW_DECOM": ssda903_date(start),
                "SW_DEC": ssda903_date(_until_year_end(end, year)),
                "SW_REASON": allocation.reason,
            }
        )


#: The shortest social worker episode the return shows: the sector's validator reads
#: SW09STG2 as "at least three days", which also covers the DfE's 24 hours.
SHORTEST_SW_EPISODE = dt.timedelta(days=3)


def _social_worker_episodes(
    allocations: Iterable[Allocation], periods: list[PeriodOfCare], year: CollectionYear
) -> list[tuple[Allocation, dt.date, dt.date | None]]:
    """The social worker episodes of the year: each allocation that overlaps one of the
    child's periods of care, shown from the start of that period if it began before it, so
    that none starts before the child came into care or after care ended (SW12STG2 as both
    validators check it). A social worker still allocated when care ended (up to that day)
    is shown with no end: the episode was open when the child stopped being looked after, and
    a child's last episode has no end date (SW17STG2 in 2025-26). One lasting under ``SHORTEST_SW_EPISODE`` in
    care (a worker who held the case for a day or two while it moved to its team) is left
    out: SW09STG2, and SW19STG2 for two allocations made on one day."""
    episodes = []
    for allocation in sorted(allocations, key=lambda a: (a.start_on, a.pk)):
        overlapping = [
            period
            for period in periods
            if allocation.start_on <= (period.end_on or dt.date.max)
            and period.start_on <= (allocation.end_on or dt.date.max)
        ]
        if not overlapping:
            continue
        start = max(allocation.start_on, min(period.start_on for period in overlapping))
        care_ended = max(overlapping, key=lambda period: period.start_on).end_on
        end = allocation.end_on
        if care_ended is not None and (end is None or end >= care_ended):
            end = None  # still allocated when care ended
        ends = [day for day in (allocation.end_on, care_ended) if day is not None]
        in_care_to = min(ends) if ends else None
        if in_care_to is not None and in_care_to - start < SHORTEST_SW_EPISODE:
            continue
        if _overlaps(start, in_care_to, year):
            episodes.append((allocation, start, end))
    return sorted(episodes, key=lambda episode: episode[1])


def _header_row(
    child: Child,
    year: CollectionYear,
    *,
    is_mother_asked: bool,
    left_care_on: dt.date | None = None,
) -> dict[str, str]:
    """Header: MOTHER is asked of girls looked after in the year (rule 393) and left blank for
    boys and for care leavers with no episode this year (628). A first child born after the
    girl left care, or after the year, is not hers to report as a child looked after (625)."""
    mother = ""
    first_child = child.first_child_born_on
    latest = min(year.end, left_care_on) if left_care_on is not None else year.end
    if is_mother_asked and first_child is not None and first_child <= latest:
        mother = "1"
    elif is_mother_asked and child.sex == "F":
        mother = "0"
    return {
        "CHILD": child.la_child_id,
        "SEX": child.sex,
        "DOB": ssda903_date(child.date_of_birth),
        "ETHNIC": child.ethnicity,
        "UPN": child.upn or child.upn_unknown,
        "MOTHER": mother,
        "MC_DOB": ssda903_date(first_child) if mother == "1" else "",
    }


def _episode_row(child: Child, episode: CareEpisode, year: CollectionYear) -> dict[str, str]:
    """Episodes: an episode that ended after 31 March is shown open, with no reason ceased
    nor reason for placement change (rule 233)."""
    ended = _until_year_end(episode.end_on, year)
    return {
        "CHILD": child.la_child_id,
        "DECOM": ssda903_date(episode.start_on),
        "RNE": episode.reason_for_new_episode,
        "LS": episode.legal_status,
        "CIN": episode.category_of_need,
        "PLACE": episode.placement_type,
        "PLACE_PROVIDER": episode.placement_provider,
        "DEC": ssda903_date(ended),
        "REC": episode.reason_ceased if ended else "",
        "REASON_PLACE_CHANGE": episode.reason_for_placement_change if ended else "",
        "HOME_POST": episode.home_postcode,
        "PL_POST": episode.placement_postcode,
        "URN": episode.urn,
    }


def _oc2_items(child: Child, records: dict[str, list[Any]], year: CollectionYear) -> dict:
    """OC2 for a child looked after continuously for 12 months at 31 March: what happened in
    the year, with ages taken on 31 March (conviction from 10, rules 542-543; development
    check under 5, 545-546). Immunisations are as last recorded by 31 March."""
    # build_ssda903 takes only the children with a date of birth.
    assert child.date_of_birth is not None
    age = age_on(child.date_of_birth, year.end)
    outcomes: dict[str, list[OutcomeRecord]] = defaultdict(list)
    for record in records["outcomes"]:
        outcomes[record.kind].append(record)

    def in_year(kind: str) -> list[OutcomeRecord]:
        return [r for r in outcomes[kind] if _in_year(r.recorded_on, year)]

    sdq = in_year(OutcomeKind.SDQ)
    immunisations = outcomes[OutcomeKind.IMMUNISATIONS]
    misuse = in_year(OutcomeKind.SUBSTANCE_MISUSE)
    latest_sdq = sdq[-1] if sdq else None
    latest_misuse = misuse[-1] if misuse else None
    received = latest_misuse.is_intervention_received if latest_misuse else None
    return {
        "SDQ_SCORE": ""
        if latest_sdq is None or latest_sdq.sdq_score is None
        else str(latest_sdq.sdq_score),
        "SDQ_REASON": latest_sdq.sdq_reason if latest_sdq else "",
        "CONVICTED": _flag(bool(in_year(OutcomeKind.CONVICTION))) if age >= 10 else "",
        "HEALTH_CHECK": _flag(bool(in_year(OutcomeKind.DEVELOPMENT))) if age < 5 else "",
        "IMMUNISATIONS": _flag(bool(immunisations) and bool(immunisations[-1].is_up_to_date)),
        "TEETH_CHECK": _flag(bool(in_year(OutcomeKind.DENTAL))),
        "HEALTH_ASSESSMENT": _flag(bool(records["health"])),
        "SUBSTANCE_MISUSE": _flag(latest_misuse is not None),
        "INTERVENTION_RECEIVED": _flag(received),
        "INTERVENTION_OFFERED": (
            _flag(latest_misuse.is_intervention_offered) if latest_misuse and not received else ""
        ),
    }


def _ad1_items(decisions: list[AdoptionDecision], adopted_on: dt.date) -> dict[str, str]:
    """AD1 for a child adopted in the year: the decision that stood when they were adopted
    and its match with the adopters (rule 151: all items or none)."""
    standing = [d for d in decisions if d.decided_on <= adopted_on and (d.reversed_on is None)]
    decision = standing[-1] if standing else None
    match = getattr(decision, "match", None) if decision else None
    if match is None:
        return {
            "DATE_INT": ssda903_date(decision.decided_on) if decision else "",
            "DATE_MATCH": "",
            "FOSTER_CARE": "",
            "NB_ADOPTR": "",
            "SEX_ADOPTR": "",
            "LS_ADOPTR": "",
        }
    assert decision is not None  # a match comes only with a decision
    return {
        "DATE_INT": ssda903_date(decision.decided_on),
        "DATE_MATCH": ssda903_date(match.matched_on),
        "FOSTER_CARE": _flag(match.is_former_foster_carers),
        "NB_ADOPTR": str(match.number_of_adopters),
        "SEX_ADOPTR": match.adopters_sex,
        "LS_ADOPTR": match.adopters_legal_status,
    }


def _oc3_row(
    child: Child,
    periods: list[PeriodOfCare],
    contacts: list[CareLeaverContact],
    year: CollectionYear,
) -> dict[str, str] | None:
    """OC3 for a care leaver whose 17th to 21st birthday falls in the year, when the leaving-care rules put them in that birthday's cohort (relevant or former
    relevant, not looked after on a 17th or 18th birthday, rule 1007), with the contact
    nearest the birthday in its window, as the leaving-care page shows it."""
    if child.date_of_birth is None:
        return None
    day = _oc3_birthday(child.date_of_birth, year)
    if day is None:
        return None
    oc3 = next_oc3_birthday(child.date_of_birth, stays_from_periods(periods), contacts, day)
    if oc3 is None or oc3.birthday != day or not oc3.is_in_cohort:
        return None
    contact = oc3.contact
    return {
        "IN_TOUCH": contact.in_touch if contact else "",
        "ACTIV": contact.activity if contact else "",
        "ACCOM": contact.accommodation if contact else "",
    }
