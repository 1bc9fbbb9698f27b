"""What the duty rules read: a snapshot of the casework of some children.

The snapshot is loaded for a batch of children with one query per kind of record, whatever
the number of children, and can be cut at a date so that the rules see only what had
happened by then (``kinfolk duties --as-of``).
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from django.utils import timezone

from kinfolk.care.models import (
    CareEpisode,
    CarePlan,
    HealthAssessment,
    LookedAfterReview,
    MissingEpisode,
    PeriodOfCare,
    PersonalEducationPlan,
)
from kinfolk.casework.choices import PlanKind, VisitKind
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan, Visit
from kinfolk.core.codes import CareLeaverInTouch
from kinfolk.frontdoor.models import Contact, ScreeningDecision
from kinfolk.leaving.models import CareLeaverContact, PathwayPlan
from kinfolk.people.models import Child
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)


def _cut_end(day: dt.date | None, as_of: dt.date) -> dt.date | None:
    return day if day is not None and day <= as_of else None


@dataclass(frozen=True)
class ContactFact:
    pk: int
    received_on: dt.date
    screened_on: dt.date | None


@dataclass(frozen=True)
class EpisodeFact:
    pk: int
    referral_on: dt.date
    closed_on: dt.date | None


@dataclass(frozen=True)
class AssessmentFact:
    pk: int
    episode_id: int
    started_on: dt.date
    authorised_on: dt.date | None


@dataclass(frozen=True)
class EnquiryFact:
    pk: int
    episode_id: int
    started_on: dt.date
    ended_on: dt.date | None
    is_conference_required: bool | None


@dataclass(frozen=True)
class ConferenceFact:
    pk: int
    kind: str
    held_on: dt.date
    enquiry_id: int | None
    plan_id: int | None
    is_plan_needed: bool


@dataclass(frozen=True)
class PlanFact:
    pk: int
    start_on: dt.date
    end_on: dt.date | None


@dataclass(frozen=True)
class CarePeriodFact:
    pk: int
    start_on: dt.date
    end_on: dt.date | None
    #: Whether the period starts a period of care here (its first episode has reason for new
    #: episode ``S``), rather than continuing one begun in an earlier system.
    starts_care: bool = True
    #: Whether every episode is a short break (legal status V3 or V4).
    is_short_breaks: bool = False


@dataclass(frozen=True)
class PlacementFact:
    """An episode of care that starts a placement: the start of care or a change of placement
    (reason for new episode S, P, T, B or U)."""

    pk: int
    period_id: int
    start_on: dt.date


@dataclass(frozen=True)
class MissingFact:
    pk: int
    returned_at: dt.datetime | None
    offered_on: dt.date | None

    @property
    def returned_on(self) -> dt.date | None:
        return timezone.localtime(self.returned_at).date() if self.returned_at else None


@dataclass(frozen=True)
class ChildCasework:
    """Everything the rules need about one child."""

    child_id: int
    date_of_birth: dt.date | None
    date_of_death: dt.date | None
    contacts: tuple[ContactFact, ...] = ()
    episodes: tuple[EpisodeFact, ...] = ()
    assessments: tuple[AssessmentFact, ...] = ()
    strategy_discussions: tuple[dt.date, ...] = ()
    enquiries: tuple[EnquiryFact, ...] = ()
    conferences: tuple[ConferenceFact, ...] = ()
    protection_plans: tuple[PlanFact, ...] = ()
    core_groups: tuple[tuple[int, dt.date], ...] = ()
    protection_visits_seen: tuple[tuple[int, dt.date], ...] = ()
    care_periods: tuple[CarePeriodFact, ...] = ()
    placements: tuple[PlacementFact, ...] = ()
    #: (period id, date made)
    care_plans: tuple[tuple[int, dt.date], ...] = ()
    #: (review id, period id, date held)
    cla_reviews: tuple[tuple[int, int, dt.date], ...] = ()
    #: (visit id, date) of visits to a child in care at which the child was seen
    cla_visits_seen: tuple[tuple[int, dt.date], ...] = ()
    #: (assessment id, date, kind: initial or review)
    health_assessments: tuple[tuple[int, dt.date, str], ...] = ()
    education_plans: tuple[dt.date, ...] = ()
    missing_episodes: tuple[MissingFact, ...] = ()
    pathway_plans: tuple[dt.date, ...] = ()
    #: (contact id, date) of care leaver contacts with the young person in touch (YES)
    care_leaver_contacts: tuple[tuple[int, dt.date], ...] = ()
    #: The date the casework was cut at: what had happened by the end of that day.
    as_of: dt.date | None = None

    def episode(self, pk: int) -> EpisodeFact:
        return next(e for e in self.episodes if e.pk == pk)

    def care_period_on(self, day: dt.date) -> CarePeriodFact | None:
        """The period of care during which the child was looked after on ``day``."""
        return next(
            (
                p
                for p in self.care_periods
                if p.start_on <= day and (p.end_on is None or day <= p.end_on)
            ),
            None,
        )

    def cut(self, as_of: dt.date) -> "ChildCasework":
        """The casework as it stood at the end of ``as_of``: later records are left out and
        later completions and endings are not yet known."""
        return replace(
            self,
            as_of=as_of,
            date_of_death=_cut_end(self.date_of_death, as_of),
            contacts=tuple(
                replace(c, screened_on=_cut_end(c.screened_on, as_of))
                for c in self.contacts
                if c.received_on <= as_of
            ),
            episodes=tuple(
                replace(e, closed_on=_cut_end(e.closed_on, as_of))
                for e in self.episodes
                if e.referral_on <= as_of
            ),
            assessments=tuple(
                replace(a, authorised_on=_cut_end(a.authorised_on, as_of))
                for a in self.assessments
                if a.started_on <= as_of
            ),
            strategy_discussions=tuple(d for d in self.strategy_discussions if d <= as_of),
            enquiries=tuple(
                replace(
                    e,
                    ended_on=_cut_end(e.ended_on, as_of),
                    is_conference_required=e.is_conference_required
                    if e.ended_on and e.ended_on <= as_of
                    else None,
                )
                for e in self.enquiries
                if e.started_on <= as_of
            ),
            conferences=tuple(c for c in self.conferences if c.held_on <= as_of),
            protection_plans=tuple(
                replace(p, end_on=_cut_end(p.end_on, as_of))
                for p in self.protection_plans
                if p.start_on <= as_of
            ),
            core_groups=tuple(g for g in self.core_groups if g[1] <= as_of),
            protection_visits_seen=tuple(v for v in self.protection_visits_seen if v[1] <= as_of),
            care_periods=tuple(
                replace(p, end_on=_cut_end(p.end_on, as_of))
                for p in self.care_periods
                if p.start_on <= as_of
            ),
            placements=tuple(p for p in self.placements if p.start_on <= as_of),
            care_plans=tuple(p for p in self.care_plans if p[1] <= as_of),
            cla_reviews=tuple(r for r in self.cla_reviews if r[2] <= as_of),
            cla_visits_seen=tuple(v for v in self.cla_visits_seen if v[1] <= as_of),
            health_assessments=tuple(h for h in self.health_assessments if h[1] <= as_of),
            education_plans=tuple(d for d in self.education_plans if d <= as_of),
            missing_episodes=tuple(
                replace(m, offered_on=_cut_end(m.offered_on, as_of))
                for m in self.missing_episodes
                if m.returned_on is not None and m.returned_on <= as_of
            ),
            pathway_plans=tuple(d for d in self.pathway_plans if d <= as_of),
            care_leaver_contacts=tuple(c for c in self.care_leaver_contacts if c[1] <= as_of),
        )


def load_casework(child_ids: Iterable[int]) -> dict[int, ChildCasework]:
    """Snapshots of the given children, by child id, in a fixed number of queries."""
    ids = list(child_ids)
    parts: dict[int, dict[str, list]] = {pk: defaultdict(list) for pk in ids}
    local = timezone.localtime
    screened = dict(
        ScreeningDecision.objects.filter(contact__child_id__in=ids).values_list(
            "contact_id", "decided_at"
        )
    )
    for pk, child_id, received_at in (
        Contact.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "received_at")
        .order_by("received_at", "pk")
    ):
        decided = screened.get(pk)
        parts[child_id]["contacts"].append(
            ContactFact(pk, local(received_at).date(), local(decided).date() if decided else None)
        )
    for row in (
        ChildInNeedEpisode.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "referral_on", "closed_on")
        .order_by("referral_on", "pk")
    ):
        parts[row[1]]["episodes"].append(EpisodeFact(row[0], row[2], row[3]))
    for row in (
        Assessment.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "episode_id", "started_on", "authorised_on")
        .order_by("started_on", "pk")
    ):
        parts[row[1]]["assessments"].append(AssessmentFact(row[0], row[2], row[3], row[4]))
    for child_id, held_on in (
        StrategyDiscussion.objects.filter(child_id__in=ids)
        .values_list("child_id", "held_on")
        .order_by("held_on")
    ):
        parts[child_id]["strategy_discussions"].append(held_on)
    for row in (
        Section47Enquiry.objects.filter(child_id__in=ids)
        .values_list(
            "pk", "child_id", "episode_id", "started_on", "ended_on", "is_conference_required"
        )
        .order_by("started_on", "pk")
    ):
        parts[row[1]]["enquiries"].append(EnquiryFact(row[0], row[2], row[3], row[4], row[5]))
    for row in (
        Conference.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "kind", "held_on", "enquiry_id", "plan_id", "is_plan_needed")
        .order_by("held_on", "pk")
    ):
        parts[row[1]]["conferences"].append(
            ConferenceFact(row[0], row[2], row[3], row[4], row[5], row[6])
        )
    for row in (
        Plan.objects.filter(child_id__in=ids, kind=PlanKind.CHILD_PROTECTION)
        .values_list("pk", "child_id", "start_on", "end_on")
        .order_by("start_on", "pk")
    ):
        parts[row[1]]["protection_plans"].append(PlanFact(row[0], row[2], row[3]))
    for row in (
        CoreGroupMeeting.objects.filter(child_id__in=ids)
        .values_list("child_id", "plan_id", "held_on")
        .order_by("held_on", "pk")
    ):
        parts[row[0]]["core_groups"].append((row[1], row[2]))
    for row in (
        Visit.objects.filter(child_id__in=ids, kind=VisitKind.CHILD_PROTECTION, is_child_seen=True)
        .values_list("pk", "child_id", "visited_on")
        .order_by("visited_on", "pk")
    ):
        parts[row[1]]["protection_visits_seen"].append((row[0], row[2]))
    _load_care(ids, parts)
    snapshots = {}
    for pk, born, died in Child.objects.filter(pk__in=ids).values_list(
        "pk", "date_of_birth", "date_of_death"
    ):
        snapshots[pk] = ChildCasework(
            child_id=pk,
            date_of_birth=born,
            date_of_death=died,
            **{name: tuple(values) for name, values in parts[pk].items()},
        )
    return snapshots


#: Reasons for a new episode that start a placement: the start of care, and a change of
#: placement with new carers (P, B) or the same carers (T, U). A change of legal status alone
#: (L) does not.
_PLACEMENT_STARTS = frozenset({"S", "P", "T", "B", "U"})
_SHORT_BREAKS = frozenset({"V3", "V4"})


def _load_care(ids: list[int], parts: dict[int, dict[str, list]]) -> None:
    """The children-in-care and care-leaver facts, one query per kind of record."""
    first_reason: dict[int, str] = {}
    short_breaks: dict[int, bool] = {}
    for pk, child_id, period_id, start_on, reason, legal_status in (
        CareEpisode.objects.filter(child_id__in=ids)
        .values_list(
            "pk", "child_id", "period_id", "start_on", "reason_for_new_episode", "legal_status"
        )
        .order_by("start_on", "pk")
    ):
        first_reason.setdefault(period_id, reason)
        short_breaks[period_id] = short_breaks.get(period_id, True) and (
            legal_status in _SHORT_BREAKS
        )
        if reason in _PLACEMENT_STARTS:
            parts[child_id]["placements"].append(PlacementFact(pk, period_id, start_on))
    for pk, child_id, start_on, end_on in (
        PeriodOfCare.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "start_on", "end_on")
        .order_by("start_on", "pk")
    ):
        parts[child_id]["care_periods"].append(
            CarePeriodFact(
                pk,
                start_on,
                end_on,
                starts_care=first_reason.get(pk) == "S",
                is_short_breaks=short_breaks.get(pk, False),
            )
        )
    for child_id, period_id, made_on in (
        CarePlan.objects.filter(child_id__in=ids)
        .values_list("child_id", "period_id", "made_on")
        .order_by("made_on", "pk")
    ):
        parts[child_id]["care_plans"].append((period_id, made_on))
    for pk, child_id, period_id, held_on in (
        LookedAfterReview.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "period_id", "held_on")
        .order_by("held_on", "pk")
    ):
        parts[child_id]["cla_reviews"].append((pk, period_id, held_on))
    for pk, child_id, visited_on in (
        Visit.objects.filter(child_id__in=ids, kind=VisitKind.CHILD_IN_CARE, is_child_seen=True)
        .values_list("pk", "child_id", "visited_on")
        .order_by("visited_on", "pk")
    ):
        parts[child_id]["cla_visits_seen"].append((pk, visited_on))
    for pk, child_id, assessed_on, kind in (
        HealthAssessment.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "assessed_on", "kind")
        .order_by("assessed_on", "pk")
    ):
        parts[child_id]["health_assessments"].append((pk, assessed_on, kind))
    for child_id, made_on in (
        PersonalEducationPlan.objects.filter(child_id__in=ids)
        .values_list("child_id", "made_on")
        .order_by("made_on", "pk")
    ):
        parts[child_id]["education_plans"].append(made_on)
    for pk, child_id, ended_at, offered_at, interview_at in (
        MissingEpisode.objects.filter(child_id__in=ids, ended_at__isnull=False)
        .values_list(
            "pk", "child_id", "ended_at", "return_interview_offered_at", "return_interview_at"
        )
        .order_by("ended_at", "pk")
    ):
        offers = [timezone.localtime(at).date() for at in (offered_at, interview_at) if at]
        parts[child_id]["missing_episodes"].append(
            MissingFact(pk, ended_at, min(offers) if offers else None)
        )
    for child_id, made_on in (
        PathwayPlan.objects.filter(child_id__in=ids)
        .values_list("child_id", "made_on")
        .order_by("made_on", "pk")
    ):
        parts[child_id]["pathway_plans"].append(made_on)
    for pk, child_id, contacted_on in (
        CareLeaverContact.objects.filter(child_id__in=ids, in_touch=CareLeaverInTouch.YES)
        .values_list("pk", "child_id", "contacted_on")
        .order_by("contacted_on", "pk")
    ):
        parts[child_id]["care_leaver_contacts"].append((pk, contacted_on))
