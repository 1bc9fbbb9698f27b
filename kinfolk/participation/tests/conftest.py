"""Children in care, held by the social worker's team, for the participation tests."""

import datetime as dt

import pytest

from conftest import make_child
from kinfolk.care.services import start_care
from kinfolk.participation.defaults import THEMES
from kinfolk.participation.models import AdvocacyTheme
from kinfolk.workforce.services import allocate_child

D = dt.date
CARE_STARTED = D(2025, 1, 10)


@pytest.fixture(autouse=True)
def _default_themes(db):
    """The themes the migration gives every Kinfolk, again after a transactional test has
    emptied the tables."""
    for name in THEMES:
        AdvocacyTheme.objects.get_or_create(name=name)


def in_care(la_child_id: str, worker, **overrides):
    values = {"first_name": "Ava", "last_name": "Brown", "date_of_birth": D(2012, 5, 1)}
    values.update(overrides)
    child = make_child(la_child_id=la_child_id, **values)
    allocate_child(child=child, worker=worker, start_on=D(2025, 1, 6))
    start_care(
        child=child,
        start_on=CARE_STARTED,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    return child


@pytest.fixture
def ava(social_worker):
    return in_care("C7", social_worker)
