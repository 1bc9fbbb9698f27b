"""A worker holding three children with open referrals, for the oversight tests."""

import datetime as dt

import pytest

from conftest import make_child
from kinfolk.casework.services import open_referral
from kinfolk.workforce.services import allocate_child

REFERRED = dt.date(2025, 1, 6)


@pytest.fixture
def caseload(social_worker):
    """Three children whose cases the social worker holds, each with an open episode."""
    children = []
    for n, (first, last) in enumerate((("Ava", "Brook"), ("Ben", "Cole"), ("Cara", "Dale"))):
        child = make_child(la_child_id=f"K{n + 1}", first_name=first, last_name=last)
        allocate_child(child=child, worker=social_worker, start_on=REFERRED)
        open_referral(child=child, referral_on=REFERRED, source="2A")
        children.append(child)
    return children
