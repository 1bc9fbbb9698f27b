"""factory-boy factories for teams, workers and allocations. All data is synthetic."""

import datetime as dt

import factory

from kinfolk.people.tests.factories import ChildFactory
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Allocation, Team, User


class TeamFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Team

    name = factory.Sequence(lambda n: f"Team {n + 1}")


class WorkerFactory(factory.django.DjangoModelFactory):
    """A social worker in no team, who cannot sign in (as ``create_worker`` without a
    password)."""

    class Meta:
        model = User

    username = factory.Sequence(lambda n: f"worker_{n + 1}")
    display_name = factory.Sequence(lambda n: f"Worker {n + 1}")
    role = Role.SOCIAL_WORKER
    password = factory.django.Password(None)


class AllocationFactory(factory.django.DjangoModelFactory):
    """An open allocation of a child to a worker."""

    class Meta:
        model = Allocation

    child = factory.SubFactory(ChildFactory)
    worker = factory.SubFactory(WorkerFactory)
    start_on = dt.date(2025, 1, 6)
