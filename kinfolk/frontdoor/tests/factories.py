"""factory-boy factories for contacts and early help. All data is synthetic."""

import datetime as dt

import factory

from kinfolk.core.codes import ReferralSource
from kinfolk.frontdoor.models import Contact, EarlyHelpEpisode
from kinfolk.people.tests.factories import ChildFactory


class ContactFactory(factory.django.DjangoModelFactory):
    """A contact received in office hours, recorded by no one."""

    class Meta:
        model = Contact

    child = factory.SubFactory(ChildFactory)
    received_at = dt.datetime(2025, 1, 6, 10, 30, tzinfo=dt.UTC)
    source = ReferralSource.INDIVIDUAL_FAMILY


class EarlyHelpEpisodeFactory(factory.django.DjangoModelFactory):
    """An open period of early help."""

    class Meta:
        model = EarlyHelpEpisode

    child = factory.SubFactory(ChildFactory)
    start_on = dt.date(2025, 1, 6)
