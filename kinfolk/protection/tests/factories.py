"""factory-boy factories for strategy discussions, section 47 enquiries and conferences. All
data is synthetic.

A record of an episode takes the episode of its child: pass ``child`` (and ``episode`` when it
is one already made); an episode passed alone does not set the child.
"""

import datetime as dt

import factory

from kinfolk.casework.tests.factories import EpisodeRecordFactory
from kinfolk.people.tests.factories import ChildFactory
from kinfolk.protection.choices import ConferenceKind, StrategyOutcome
from kinfolk.protection.models import Conference, Section47Enquiry, StrategyDiscussion


class StrategyDiscussionFactory(factory.django.DjangoModelFactory):
    """A strategy discussion that decided on a section 47 enquiry, outside any episode."""

    class Meta:
        model = StrategyDiscussion

    child = factory.SubFactory(ChildFactory)
    held_on = dt.date(2025, 1, 7)
    outcome = StrategyOutcome.SECTION_47


class Section47EnquiryFactory(EpisodeRecordFactory):
    """An open enquiry from the day of the referral."""

    class Meta:
        model = Section47Enquiry

    started_on = factory.SelfAttribute("episode.referral_on")


class ConferenceFactory(EpisodeRecordFactory):
    """An initial conference, of no enquiry, that made no plan."""

    class Meta:
        model = Conference

    kind = ConferenceKind.INITIAL
    held_on = factory.SelfAttribute("episode.referral_on")
    is_plan_needed = False
