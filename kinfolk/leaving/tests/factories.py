"""factory-boy factory for a contact with a care leaver. All data is synthetic."""

import datetime as dt

import factory

from kinfolk.core.codes import CareLeaverInTouch
from kinfolk.leaving.models import CareLeaverContact
from kinfolk.people.tests.factories import ChildFactory


class CareLeaverContactFactory(factory.django.DjangoModelFactory):
    """A contact at which the authority was in touch, with no accommodation or activity
    recorded (as a contact loaded from a journey may be)."""

    class Meta:
        model = CareLeaverContact

    child = factory.SubFactory(ChildFactory)
    contacted_on = dt.date(2025, 6, 2)
    in_touch = CareLeaverInTouch.YES
