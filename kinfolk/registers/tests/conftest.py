"""A child on a child protection plan, for the register tests."""

import datetime as dt

import pytest

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.services import open_referral
from kinfolk.casework.tests.factories import PlanFactory
from kinfolk.workforce.services import allocate_child

REFERRED = dt.date(2025, 1, 6)


@pytest.fixture
def cp_plan(child, social_worker):
    """The child's case held by the social worker, on a child protection plan."""
    allocate_child(child=child, worker=social_worker, start_on=REFERRED)
    episode = open_referral(child=child, referral_on=REFERRED, source="2A")
    return PlanFactory(
        child=child,
        episode=episode,
        kind=PlanKind.CHILD_PROTECTION,
        start_on=dt.date(2025, 3, 10),
        latest_category="NEG",
    )
