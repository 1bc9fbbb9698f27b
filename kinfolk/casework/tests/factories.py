"""factory-boy factories for child in need episodes, assessments, plans and visits. All data
is synthetic.

A record of an episode takes the episode of its child: pass ``child`` (and ``episode`` when it
is one already made); an episode passed alone does not set the child.
"""

import datetime as dt

import factory

from kinfolk.casework.choices import PlanKind, VisitKind
from kinfolk.casework.models import Assessment, ChildInNeedEpisode, Plan, Visit
from kinfolk.core.codes import ReferralSource
from kinfolk.people.tests.factories import ChildFactory


class ChildInNeedEpisodeFactory(factory.django.DjangoModelFactory):
    """An open episode from a referral."""

    class Meta:
        model = ChildInNeedEpisode

    child = factory.SubFactory(ChildFactory)
    referral_on = dt.date(2025, 1, 6)
    referral_source = ReferralSource.INDIVIDUAL_FAMILY


class EpisodeRecordFactory(factory.django.DjangoModelFactory):
    """A record of a child's child in need episode: of the child passed, in an episode of that
    child (a new one unless one is passed)."""

    class Meta:
        abstract = True

    child = factory.SubFactory(ChildFactory)
    episode = factory.SubFactory(ChildInNeedEpisodeFactory, child=factory.SelfAttribute("..child"))


class AssessmentFactory(EpisodeRecordFactory):
    """An assessment started on the day of the referral, not yet authorised."""

    class Meta:
        model = Assessment

    started_on = factory.SelfAttribute("episode.referral_on")


class PlanFactory(EpisodeRecordFactory):
    """An open child in need plan from the day of the referral."""

    class Meta:
        model = Plan

    kind = PlanKind.CHILD_IN_NEED
    start_on = factory.SelfAttribute("episode.referral_on")


class VisitFactory(factory.django.DjangoModelFactory):
    """A child in need visit at which the child was seen, outside any episode."""

    class Meta:
        model = Visit

    child = factory.SubFactory(ChildFactory)
    visited_on = dt.date(2025, 1, 13)
    kind = VisitKind.CHILD_IN_NEED
    is_child_seen = True
