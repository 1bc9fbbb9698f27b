"""The casework facts the duty rules read: a snapshot of the casework of some children.

The snapshot is loaded for a batch of children with one query per kind of fact, whatever the
number of children, and can be cut at a date so that the rules see only what had happened by
then (``kinfolk duties --as-of``).

Each kind of fact is declared once, as a field of ``ChildCasework`` made by ``facts(...)``: the
query that loads it for a batch of children and what of one fact was known at the end of a day.
Loading and cutting read those declarations, so a fact a new rule needs is one field here and
nothing else.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, fields, replace
from typing import Any

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
from kinfolk.duties.fact_dates import cut_end as _cut_end
from kinfolk.duties.fact_dates import on_or_before as _on_or_before
from kinfolk.duties.side_facts import (
    AllegationFact,
    ComplaintFact,
    PrivateFosteringFact,
    load_allegations,
    load_complaints,
    load_private_fostering,
)
from kinfolk.frontdoor.models import Contact, ScreeningDecision
from kinfolk.leaving.models import CareLeaverContact, PathwayPlan
from kinfolk.oversight.models import CaseSupervision
from kinfolk.people.models import Child
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)

#: The facts of one kind for a batch of children: (child id, fact) in the order the rules
#: read them.
Loader = Callable[[list[int]], Iterable[tuple[int, Any]]]
#: One fact as it was known at the end of a day: None if it had not happened yet; otherwise
#: the fact without what came later (a completion, an ending).
KnownBy = Callable[[Any, dt.date], Any]

_FACT = "kinfolk.duties.fact"


@dataclass(frozen=True)
class FactKind:
    """How one kind of fact is loaded and cut at a date."""

    load: Loader
    known_by: KnownBy


def facts(load: Loader, known_by: KnownBy) -> Any:
    """Declare a field of ``ChildCasework`` as a kind of fact (a tuple, empty by default)."""
    return field(default=(), metadata={_FACT: FactKind(load, known_by)})


def _dated_at(index: int) -> KnownBy:
    """Known once the date at ``index`` of a tuple fact has come."""

    def known_by(value: tuple, as_of: dt.date) -> tuple | None:
        return value if value[index] <= as_of else None

    return known_by


@dataclass(frozen=True)
class ContactFact:
    pk: int
    received_on: dt.date
    screened_on: dt.date | None

    def known_by(self, as_of: dt.date) -> "ContactFact | None":
        if self.received_on > as_of:
            return None
        return replace(self, screened_on=_cut_end(self.screened_on, as_of))


@dataclass(frozen=True)
class EpisodeFact:
    pk: int
    referral_on: dt.date
    closed_on: dt.date | None
    #: A referral with no further action: no casework follows it.
    is_nfa: bool = False

    def known_by(self, as_of: dt.date) -> "EpisodeFact | None":
        if self.referral_on > as_of:
            return None
        return replace(self, closed_on=_cut_end(self.closed_on, as_of))


@dataclass(frozen=True)
class AssessmentFact:
    pk: int
    episode_id: int
    started_on: dt.date
    authorised_on: dt.date | None

    def known_by(self, as_of: dt.date) -> "AssessmentFact | None":
        if self.started_on > as_of:
            return None
        return replace(self, authorised_on=_cut_end(self.authorised_on, as_of))


@dataclass(frozen=True)
class EnquiryFact:
    pk: int
    episode_id: int
    started_on: dt.date
    ended_on: dt.date | None
    is_conference_required: bool | None

    def known_by(self, as_of: dt.date) -> "EnquiryFact | None":
        if self.started_on > as_of:
            return None
        ended = self.ended_on is not None and self.ended_on <= as_of
        return replace(
            self,
            ended_on=_cut_end(self.ended_on, as_of),
            # Whether a conference is needed is decided when the enquiry ends.
            is_conference_required=self.is_conference_required if ended else None,
        )


@dataclass(frozen=True)
class ConferenceFact:
    pk: int
    kind: str
    held_on: dt.date
    enquiry_id: int | None
    plan_id: int | None
    is_plan_needed: bool

    def known_by(self, as_of: dt.date) -> "ConferenceFact | None":
        return self if self.held_on <= as_of else None


@dataclass(frozen=True)
class PlanFact:
    pk: int
    start_on: dt.date
    end_on: dt.date | None

    def known_by(self, as_of: dt.date) -> "PlanFact | None":
        if self.start_on > as_of:
            return None
        return replace(self, end_on=_cut_end(self.end_on, as_of))


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

    def known_by(self, as_of: dt.date) -> "CarePeriodFact | None":
        if self.start_on > as_of:
            return None
        return replace(self, end_on=_cut_end(self.end_on, as_of))


@dataclass(frozen=True)
class PlacementFact:
    """An episode of care that starts a placement: the start of care or a change of placement
    (reason for new episode S, P, T, B or U)."""

    pk: int
    period_id: int
    start_on: dt.date

    def known_by(self, as_of: dt.date) -> "PlacementFact | None":
        return self if self.start_on <= as_of else None


@dataclass(frozen=True)
class MissingFact:
    pk: int
    returned_at: dt.datetime | None
    offered_on: dt.date | None

    @property
    def returned_on(self) -> dt.date | None:
        return timezone.localtime(self.returned_at).date() if self.returned_at else None

    def known_by(self, as_of: dt.date) -> "MissingFact | None":
        if self.returned_on is None or self.returned_on > as_of:
            return None
        return replace(self, offered_on=_cut_end(self.offered_on, as_of))


def _known_by(fact: Any, as_of: dt.date) -> Any:
    """For the facts that say themselves what of them was known on a date."""
    return fact.known_by(as_of)


# The queries, one per kind of fact, each for a batch of children.


def _contacts(ids: list[int]) -> Iterator[tuple[int, ContactFact]]:
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
        yield (
            child_id,
            ContactFact(pk, local(received_at).date(), local(decided).date() if decided else None),
        )


def _episodes(ids: list[int]) -> Iterator[tuple[int, EpisodeFact]]:
    for pk, child_id, referral_on, closed_on, is_nfa in (
        ChildInNeedEpisode.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "referral_on", "closed_on", "is_nfa")
        .order_by("referral_on", "pk")
    ):
        yield child_id, EpisodeFact(pk, referral_on, closed_on, is_nfa)


def _assessments(ids: list[int]) -> Iterator[tuple[int, AssessmentFact]]:
    for pk, child_id, episode_id, started_on, authorised_on in (
        Assessment.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "episode_id", "started_on", "authorised_on")
        .order_by("started_on", "pk")
    ):
        yield child_id, AssessmentFact(pk, episode_id, started_on, authorised_on)


def _strategy_discussions(ids: list[int]) -> Iterable[tuple[int, dt.date]]:
    return (
        StrategyDiscussion.objects.filter(child_id__in=ids)
        .values_list("child_id", "held_on")
        .order_by("held_on")
    )


def _enquiries(ids: list[int]) -> Iterator[tuple[int, EnquiryFact]]:
    for pk, child_id, episode_id, started_on, ended_on, is_conference_required in (
        Section47Enquiry.objects.filter(child_id__in=ids)
        .values_list(
            "pk", "child_id", "episode_id", "started_on", "ended_on", "is_conference_required"
        )
        .order_by("started_on", "pk")
    ):
        yield (
            child_id,
            EnquiryFact(pk, episode_id, started_on, ended_on, is_conference_required),
        )


def _conferences(ids: list[int]) -> Iterator[tuple[int, ConferenceFact]]:
    for pk, child_id, kind, held_on, enquiry_id, plan_id, is_plan_needed in (
        Conference.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "kind", "held_on", "enquiry_id", "plan_id", "is_plan_needed")
        .order_by("held_on", "pk")
    ):
        yield child_id, ConferenceFact(pk, kind, held_on, enquiry_id, plan_id, is_plan_needed)


def _protection_plans(ids: list[int]) -> Iterator[tuple[int, PlanFact]]:
    for pk, child_id, start_on, end_on in (
        Plan.objects.filter(child_id__in=ids, kind=PlanKind.CHILD_PROTECTION)
        .values_list("pk", "child_id", "start_on", "end_on")
        .order_by("start_on", "pk")
    ):
        yield child_id, PlanFact(pk, start_on, end_on)


def _core_groups(ids: list[int]) -> Iterator[tuple[int, tuple[int, dt.date]]]:
    for child_id, plan_id, held_on in (
        CoreGroupMeeting.objects.filter(child_id__in=ids)
        .values_list("child_id", "plan_id", "held_on")
        .order_by("held_on", "pk")
    ):
        yield child_id, (plan_id, held_on)


def _visits_seen(kind: str) -> Loader:
    """The visits of ``kind`` at which the child was seen: (visit id, date)."""

    def load(ids: list[int]) -> Iterator[tuple[int, tuple[int, dt.date]]]:
        for pk, child_id, visited_on in (
            Visit.objects.filter(child_id__in=ids, kind=kind, is_child_seen=True)
            .values_list("pk", "child_id", "visited_on")
            .order_by("visited_on", "pk")
        ):
            yield child_id, (pk, visited_on)

    return load


#: Reasons for a new episode that start a placement: the start of care, and a change of
#: placement with new carers (P, B) or the same carers (T, U). A change of legal status alone
#: (L) does not.
_PLACEMENT_STARTS = frozenset({"S", "P", "T", "B", "U"})
_SHORT_BREAKS = frozenset({"V3", "V4"})


def _care_periods(ids: list[int]) -> Iterator[tuple[int, CarePeriodFact]]:
    first_reason: dict[int, str] = {}
    short_breaks: dict[int, bool] = {}
    for period_id, reason, legal_status in (
        CareEpisode.objects.filter(child_id__in=ids)
        .values_list("period_id", "reason_for_new_episode", "legal_status")
        .order_by("start_on", "pk")
    ):
        first_reason.setdefault(period_id, reason)
        short_breaks[period_id] = short_breaks.get(period_id, True) and (
            legal_status in _SHORT_BREAKS
        )
    for pk, child_id, start_on, end_on in (
        PeriodOfCare.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "start_on", "end_on")
        .order_by("start_on", "pk")
    ):
        yield (
            child_id,
            CarePeriodFact(
                pk,
                start_on,
                end_on,
                starts_care=first_reason.get(pk) == "S",
                is_short_breaks=short_breaks.get(pk, False),
            ),
        )


def _placements(ids: list[int]) -> Iterator[tuple[int, PlacementFact]]:
    for pk, child_id, period_id, start_on in (
        CareEpisode.objects.filter(child_id__in=ids, reason_for_new_episode__in=_PLACEMENT_STARTS)
        .values_list("pk", "child_id", "period_id", "start_on")
        .order_by("start_on", "pk")
    ):
        yield child_id, PlacementFact(pk, period_id, start_on)


def _care_plans(ids: list[int]) -> Iterator[tuple[int, tuple[int, dt.date]]]:
    for child_id, period_id, made_on in (
        CarePlan.objects.filter(child_id__in=ids)
        .values_list("child_id", "period_id", "made_on")
        .order_by("made_on", "pk")
    ):
        yield child_id, (period_id, made_on)


def _cla_reviews(ids: list[int]) -> Iterator[tuple[int, tuple[int, int, dt.date]]]:
    for pk, child_id, period_id, held_on in (
        LookedAfterReview.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "period_id", "held_on")
        .order_by("held_on", "pk")
    ):
        yield child_id, (pk, period_id, held_on)


def _health_assessments(ids: list[int]) -> Iterator[tuple[int, tuple[int, dt.date, str]]]:
    for pk, child_id, assessed_on, kind in (
        HealthAssessment.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "assessed_on", "kind")
        .order_by("assessed_on", "pk")
    ):
        yield child_id, (pk, assessed_on, kind)


def _education_plans(ids: list[int]) -> Iterable[tuple[int, dt.date]]:
    return (
        PersonalEducationPlan.objects.filter(child_id__in=ids)
        .values_list("child_id", "made_on")
        .order_by("made_on", "pk")
    )


def _missing_episodes(ids: list[int]) -> Iterator[tuple[int, MissingFact]]:
    for pk, child_id, ended_at, offered_at, interview_at in (
        MissingEpisode.objects.filter(child_id__in=ids, ended_at__isnull=False)
        .values_list(
            "pk", "child_id", "ended_at", "return_interview_offered_at", "return_interview_at"
        )
        .order_by("ended_at", "pk")
    ):
        offers = [timezone.localtime(at).date() for at in (offered_at, interview_at) if at]
        yield child_id, MissingFact(pk, ended_at, min(offers) if offers else None)


def _pathway_plans(ids: list[int]) -> Iterable[tuple[int, dt.date]]:
    return (
        PathwayPlan.objects.filter(child_id__in=ids)
        .values_list("child_id", "made_on")
        .order_by("made_on", "pk")
    )


def _care_leaver_contacts(ids: list[int]) -> Iterator[tuple[int, tuple[int, dt.date]]]:
    for pk, child_id, contacted_on in (
        CareLeaverContact.objects.filter(child_id__in=ids, in_touch=CareLeaverInTouch.YES)
        .values_list("pk", "child_id", "contacted_on")
        .order_by("contacted_on", "pk")
    ):
        yield child_id, (pk, contacted_on)


def _case_supervisions(ids: list[int]) -> Iterator[tuple[int, tuple[int, dt.date]]]:
    for pk, child_id, held_on in (
        CaseSupervision.objects.filter(child_id__in=ids)
        .values_list("pk", "child_id", "session__held_on")
        .order_by("session__held_on", "pk")
    ):
        yield child_id, (pk, held_on)


@dataclass(frozen=True)
class ChildCasework:
    """Everything the rules need about one child: each field after the child's own dates is a
    kind of fact, declared with its query and what of it a date knows."""

    child_id: int
    date_of_birth: dt.date | None
    date_of_death: dt.date | None
    contacts: tuple[ContactFact, ...] = facts(_contacts, _known_by)
    episodes: tuple[EpisodeFact, ...] = facts(_episodes, _known_by)
    assessments: tuple[AssessmentFact, ...] = facts(_assessments, _known_by)
    strategy_discussions: tuple[dt.date, ...] = facts(_strategy_discussions, _on_or_before)
    enquiries: tuple[EnquiryFact, ...] = facts(_enquiries, _known_by)
    conferences: tuple[ConferenceFact, ...] = facts(_conferences, _known_by)
    protection_plans: tuple[PlanFact, ...] = facts(_protection_plans, _known_by)
    #: (plan id, date held)
    core_groups: tuple[tuple[int, dt.date], ...] = facts(_core_groups, _dated_at(1))
    #: (visit id, date) of child protection visits at which the child was seen
    protection_visits_seen: tuple[tuple[int, dt.date], ...] = facts(
        _visits_seen(VisitKind.CHILD_PROTECTION), _dated_at(1)
    )
    care_periods: tuple[CarePeriodFact, ...] = facts(_care_periods, _known_by)
    placements: tuple[PlacementFact, ...] = facts(_placements, _known_by)
    #: (period id, date made)
    care_plans: tuple[tuple[int, dt.date], ...] = facts(_care_plans, _dated_at(1))
    #: (review id, period id, date held)
    cla_reviews: tuple[tuple[int, int, dt.date], ...] = facts(_cla_reviews, _dated_at(2))
    #: (visit id, date) of visits to a child in care at which the child was seen
    cla_visits_seen: tuple[tuple[int, dt.date], ...] = facts(
        _visits_seen(VisitKind.CHILD_IN_CARE), _dated_at(1)
    )
    #: (assessment id, date, kind: initial or review)
    health_assessments: tuple[tuple[int, dt.date, str], ...] = facts(
        _health_assessments, _dated_at(1)
    )
    education_plans: tuple[dt.date, ...] = facts(_education_plans, _on_or_before)
    missing_episodes: tuple[MissingFact, ...] = facts(_missing_episodes, _known_by)
    pathway_plans: tuple[dt.date, ...] = facts(_pathway_plans, _on_or_before)
    #: (contact id, date) of care leaver contacts with the young person in touch (YES)
    care_leaver_contacts: tuple[tuple[int, dt.date], ...] = facts(
        _care_leaver_contacts, _dated_at(1)
    )
    #: (case supervision id, date) of the supervisions that discussed the child
    case_supervisions: tuple[tuple[int, dt.date], ...] = facts(_case_supervisions, _dated_at(1))
    #: The allegations concerning the child (docs/allegations.md)
    allegations: tuple[AllegationFact, ...] = facts(load_allegations, _known_by)
    #: The complaints about the child (docs/complaints.md)
    complaints: tuple[ComplaintFact, ...] = facts(load_complaints, _known_by)
    #: The private fostering arrangements of the child (docs/private-fostering.md)
    private_fostering: tuple[PrivateFosteringFact, ...] = facts(load_private_fostering, _known_by)
    #: (visit id, date) of private fostering visits at which the child was seen
    private_fostering_visits_seen: tuple[tuple[int, dt.date], ...] = facts(
        _visits_seen(VisitKind.PRIVATE_FOSTERING), _dated_at(1)
    )
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
        known: dict[str, Any] = {}
        for name, kind in fact_kinds():
            cut = (kind.known_by(value, as_of) for value in getattr(self, name))
            known[name] = tuple(value for value in cut if value is not None)
        return replace(
            self, as_of=as_of, date_of_death=_cut_end(self.date_of_death, as_of), **known
        )


def fact_kinds() -> list[tuple[str, FactKind]]:
    """The kinds of fact of ``ChildCasework``, by field name, in the order declared."""
    return [(f.name, f.metadata[_FACT]) for f in fields(ChildCasework) if _FACT in f.metadata]


def load_casework(child_ids: Iterable[int]) -> dict[int, ChildCasework]:
    """Snapshots of the given children, by child id, in a fixed number of queries."""
    ids = list(child_ids)
    parts: dict[int, dict[str, list]] = {pk: defaultdict(list) for pk in ids}
    for name, kind in fact_kinds():
        for child_id, value in kind.load(ids):
            parts[child_id][name].append(value)
    snapshots = {}
    loaded: dict[str, Any]
    for pk, born, died in Child.objects.filter(pk__in=ids).values_list(
        "pk", "date_of_birth", "date_of_death"
    ):
        loaded = {name: tuple(values) for name, values in parts[pk].items()}
        snapshots[pk] = ChildCasework(child_id=pk, date_of_birth=born, date_of_death=died, **loaded)
    return snapshots
