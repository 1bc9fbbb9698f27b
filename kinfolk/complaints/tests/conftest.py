"""A complaints manager, and a complaint from a parent about a child whose case the social
worker's team holds, for the complaints tests."""

import datetime as dt

import pytest

from conftest import worker_of_role
from kinfolk.access.roles import Role
from kinfolk.complaints import services
from kinfolk.complaints.defaults import THEMES
from kinfolk.complaints.models import ComplaintTheme
from kinfolk.workforce.services import allocate_child, create_team

#: Monday 2 November 2026: stage 1 is due on Monday 16 November, 20 working days on is
#: Monday 30 November.
RECEIVED = dt.date(2026, 11, 2)


@pytest.fixture(autouse=True)
def _default_themes(db):
    """The themes the migration gives every Kinfolk, again after a transactional test has
    emptied the tables."""
    for name in THEMES:
        ComplaintTheme.objects.get_or_create(name=name)


@pytest.fixture
def complaints_manager(db):
    return worker_of_role(
        Role.COMPLAINTS_MANAGER, create_team(name="Complaints"), username="cara_complaints"
    )


@pytest.fixture
def theme(db):
    return ComplaintTheme.objects.get(name="Communication")


@pytest.fixture
def held_child(child, social_worker):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 1, 5))
    return child


@pytest.fixture
def complaint(held_child, complaints_manager, theme, team):
    return services.record_complaint(
        child=held_child,
        received_on=RECEIVED,
        complainant="parent",
        complainant_name="Dana Smith",
        complainant_contact="01234 567890",
        team=team,
        theme=theme,
        summary="Nobody told me the review had moved.",
        actor=complaints_manager,
    )
