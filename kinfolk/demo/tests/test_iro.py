"""The demo's IROs, allocated to its children in care after the journey is loaded."""

import datetime as dt

import pytest

from conftest import make_child
from kinfolk.care.models import IROAllocation
from kinfolk.care.services import end_care, start_care
from kinfolk.demo.iro import allocate_demo_iros
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker

pytestmark = pytest.mark.django_db

D = dt.date
AS_OF = D(2026, 11, 2)


def looked_after(la_child_id: str, start_on: dt.date, end_on: dt.date | None = None):
    child = make_child(la_child_id=la_child_id, first_name=f"Child {la_child_id}")
    start_care(
        child=child,
        start_on=start_on,
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    if end_on is not None:
        end_care(child=child, on=end_on, reason="E8")
    return child


def history(child) -> list[tuple[str, dt.date, dt.date | None, str]]:
    return [
        (a.iro.username, a.start_on, a.end_on, a.reason)
        for a in IROAllocation.objects.filter(child=child).order_by("start_on", "pk")
    ]


def test_each_period_of_care_has_an_iro_in_turn_with_some_changes(db):
    for username in ("W002", "W001"):
        create_worker(username=username, display_name=username, role=Role.IRO)
    long_stay = looked_after("C1", D(2024, 3, 4))
    left = looked_after("C2", D(2025, 6, 2), D(2025, 9, 1))
    again = looked_after("C3", D(2024, 1, 8), D(2024, 6, 3))
    start_care(
        child=again,
        start_on=D(2026, 2, 2),
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    short = looked_after("C4", D(2026, 9, 7))
    assert allocate_demo_iros(AS_OF) == 6
    assert history(long_stay) == [
        ("W001", D(2024, 3, 4), D(2025, 3, 4), "first"),
        ("W002", D(2025, 3, 4), None, "iro_left"),
    ]
    assert history(left) == [("W002", D(2025, 6, 2), D(2025, 9, 1), "first")]
    assert history(again) == [
        ("W001", D(2024, 1, 8), D(2024, 6, 3), "first"),
        ("W002", D(2026, 2, 2), None, "return_to_care"),
    ]
    assert history(short) == [("W001", D(2026, 9, 7), None, "first")]
    # Loading again allocates nothing twice.
    assert allocate_demo_iros(AS_OF) == 0


def test_no_iros_no_allocations(db):
    looked_after("C1", D(2025, 3, 3))
    assert allocate_demo_iros(AS_OF) == 0
