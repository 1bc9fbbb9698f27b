"""factory-boy factories for periods of care and the records kept while a child is looked
after. All data is synthetic.

A record of a period takes the period of its child: pass ``child`` (and ``period`` when it is
one already made); a period passed alone does not set the child.
"""

import datetime as dt

import factory

from kinfolk.care.models import (
    CareEpisode,
    CarePlan,
    HealthAssessment,
    HealthAssessmentKind,
    LookedAfterReview,
    MissingEpisode,
    OutcomeKind,
    OutcomeRecord,
    PeriodOfCare,
    Placement,
    UASCPeriod,
)
from kinfolk.care.models.reviews import minutes_due_on as review_minutes_due_on
from kinfolk.core.codes import (
    CategoryOfNeed,
    LegalStatus,
    MissingKind,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonForNewEpisode,
    ReviewParticipation,
)
from kinfolk.people.tests.factories import ChildFactory


class PeriodOfCareFactory(factory.django.DjangoModelFactory):
    """An open period of care."""

    class Meta:
        model = PeriodOfCare

    child = factory.SubFactory(ChildFactory)
    start_on = dt.date(2025, 1, 6)


class PeriodRecordFactory(factory.django.DjangoModelFactory):
    """A record of a child's period of care: of the child passed, in a period of that child (a
    new one unless one is passed)."""

    class Meta:
        abstract = True

    child = factory.SubFactory(ChildFactory)
    period = factory.SubFactory(PeriodOfCareFactory, child=factory.SelfAttribute("..child"))


class PlacementFactory(PeriodRecordFactory):
    """A placement from the start of the period."""

    class Meta:
        model = Placement

    start_on = factory.SelfAttribute("period.start_on")


class CareEpisodeFactory(PeriodRecordFactory):
    """The episode that starts the period: a full care order, in foster care with the
    authority's own carers, with no placement record. An episode given an end ends with X1 (a
    new episode follows) unless it is given its reason."""

    class Meta:
        model = CareEpisode

    start_on = factory.SelfAttribute("period.start_on")
    reason_for_new_episode = ReasonForNewEpisode.S
    legal_status = LegalStatus.C2
    category_of_need = CategoryOfNeed.N1
    placement_type = PlacementType.U6
    placement_provider = PlacementProvider.PR1
    reason_ceased = factory.Maybe("end_on", ReasonEpisodeCeased.X1, "")


class CarePlanFactory(PeriodRecordFactory):
    """A care plan made on the first day of the period, with no permanence plan yet."""

    class Meta:
        model = CarePlan

    made_on = factory.SelfAttribute("period.start_on")


class LookedAfterReviewFactory(PeriodRecordFactory):
    """A review the child attended and spoke at, its minutes due 20 working days on."""

    class Meta:
        model = LookedAfterReview

    held_on = dt.date(2025, 2, 3)
    participation = ReviewParticipation.PN1
    minutes_due_on = factory.LazyAttribute(lambda review: review_minutes_due_on(review.held_on))


class HealthAssessmentFactory(PeriodRecordFactory):
    """The initial health assessment of the period."""

    class Meta:
        model = HealthAssessment

    assessed_on = dt.date(2025, 1, 27)
    kind = HealthAssessmentKind.INITIAL


class OutcomeRecordFactory(factory.django.DjangoModelFactory):
    """A dental check."""

    class Meta:
        model = OutcomeRecord

    child = factory.SubFactory(ChildFactory)
    kind = OutcomeKind.DENTAL
    recorded_on = dt.date(2025, 3, 3)


class UASCPeriodFactory(factory.django.DjangoModelFactory):
    """An open period as an unaccompanied asylum-seeking child."""

    class Meta:
        model = UASCPeriod

    child = factory.SubFactory(ChildFactory)
    start_on = dt.date(2025, 1, 6)


class MissingEpisodeFactory(factory.django.DjangoModelFactory):
    """An open missing episode, from an evening."""

    class Meta:
        model = MissingEpisode

    child = factory.SubFactory(ChildFactory)
    kind = MissingKind.MISSING
    started_at = dt.datetime(2025, 2, 1, 22, 0, tzinfo=dt.UTC)
