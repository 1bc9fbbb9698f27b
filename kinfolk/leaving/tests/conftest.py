"""Young people with care histories that make them care leavers (or not), recorded through
the care services. Today is taken from the clock; the histories are far enough in the past
for every test. All data is synthetic."""

import datetime as dt

import pytest

from conftest import PASSWORD, make_child
from kinfolk.care.services import end_care, start_care
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.leaving.models import (
    CareLeaverContact,
    PathwayPlan,
    PersonalAdviserAllocation,
    StayingPut,
    SupportTo25,
)
from kinfolk.people.models import Child
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import User
from kinfolk.workforce.services import create_worker

D = dt.date


def look_after(child: Child, start_on: dt.date, end_on: dt.date | None = None, **extra) -> None:
    """A period of care in foster care (U4), ending on ``end_on`` if given."""
    values = {
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement_type": "U4",
        "provider": "PR1",
    }
    values.update(extra)
    start_care(child=child, start_on=start_on, **values)
    if end_on is not None:
        end_care(child=child, on=end_on, reason="E8")


def leaving_counts(child: Child) -> dict[str, int]:
    """Every leaving-care record of the child and its chronology: what a refusal must leave
    unchanged."""
    return {
        "advisers": PersonalAdviserAllocation.objects.filter(child=child).count(),
        "open_advisers": PersonalAdviserAllocation.objects.filter(
            child=child, end_on__isnull=True
        ).count(),
        "plans": PathwayPlan.objects.filter(child=child).count(),
        "contacts": CareLeaverContact.objects.filter(child=child).count(),
        "staying_put": StayingPut.objects.filter(child=child).count(),
        "support": SupportTo25.objects.filter(child=child).count(),
        "chronology": ChronologyEntry.objects.filter(child=child).count(),
    }


@pytest.fixture
def adviser(team) -> User:
    return create_worker(
        username="pat_adviser",
        display_name="Pat Adviser",
        role=Role.PERSONAL_ADVISER,
        team=team,
        password=PASSWORD,
    )


@pytest.fixture
def other_adviser(team) -> User:
    return create_worker(
        username="pip_adviser",
        display_name="Pip Adviser",
        role=Role.PERSONAL_ADVISER,
        team=team,
        password=PASSWORD,
    )


@pytest.fixture
def care_leaver(db) -> Child:
    """Born 10 June 2008; in foster care from 10 January 2024 to 1 March 2025 (aged 16):
    relevant from 1 March 2025, former relevant from 10 June 2026."""
    young_person = make_child(
        la_child_id="L1", first_name="Jade", last_name="Okafor", date_of_birth=D(2008, 6, 10)
    )
    look_after(young_person, D(2024, 1, 10), D(2025, 3, 1))
    return young_person


@pytest.fixture
def looked_after_at_18(db) -> Child:
    """Born 10 June 2008; in foster care from 10 January 2024 until the 18th birthday."""
    young_person = make_child(
        la_child_id="L2", first_name="Kai", last_name="Moreno", date_of_birth=D(2008, 6, 10)
    )
    look_after(young_person, D(2024, 1, 10), D(2026, 6, 10))
    return young_person


@pytest.fixture
def eligible(db) -> Child:
    """Born 15 January 2010; looked after since 1 September 2025: eligible at 16."""
    young_person = make_child(
        la_child_id="L3", first_name="Ellie", last_name="Fenwick", date_of_birth=D(2010, 1, 15)
    )
    look_after(young_person, D(2025, 9, 1))
    return young_person


@pytest.fixture
def aged_22(db) -> Child:
    """Born 1 March 2004; looked after from 1 June 2019 to 1 January 2021 (aged 16): former
    relevant until 1 March 2025, now 22."""
    young_person = make_child(
        la_child_id="L4", first_name="Owen", last_name="Price", date_of_birth=D(2004, 3, 1)
    )
    look_after(young_person, D(2019, 6, 1), D(2021, 1, 1))
    return young_person
