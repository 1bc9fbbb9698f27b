import datetime as dt

import pytest

from conftest import make_child, worker_of_role
from kinfolk.access.roles import Role
from kinfolk.allegations.services import record_allegation
from kinfolk.core.working_days import LONDON
from kinfolk.workforce.services import allocate_child

#: Monday 1 December 2025, at twenty past ten.
RECEIVED = dt.datetime(2025, 12, 1, 10, 20, tzinfo=LONDON)


@pytest.fixture
def lado(db):
    return worker_of_role(Role.LADO, username="lado1")


@pytest.fixture
def held_child(child, social_worker):
    """The child, whose case the social worker holds."""
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    return child


@pytest.fixture
def allegation(held_child, lado):
    return record_allegation(
        children=[held_child],
        person_name="Pat Example",
        person_role="Teaching assistant",
        employer="Northmoor Primary School",
        sector="education",
        referrer_name="Head teacher",
        referrer_sector="education",
        received_at=RECEIVED,
        category="harm",
        description="A synthetic allegation for the tests.",
        actor=lado,
    )


@pytest.fixture
def second_child(db):
    return make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
