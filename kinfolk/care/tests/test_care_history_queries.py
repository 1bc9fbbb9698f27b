"""The pages of a child in care ask the database the same number of questions whether the
care history is short or long: every kind of care record grows together here."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import signed_in
from kinfolk.journeys.loader import load_journeys
from kinfolk.people.models import Child

pytestmark = pytest.mark.django_db

START = dt.date(2022, 9, 5)
PLACEMENTS = [("U6", "PR1"), ("U4", "PR4"), ("K2", "PR4")]


def journey(child_id: str, cycles: int) -> list[str]:
    """A young person looked after since 2022 with ``cycles`` of each kind of record."""
    events: list[dict] = [
        {
            "type": "child",
            "id": child_id,
            "first_name": "Robin",
            "last_name": "Testcase",
            "sex": "M",
            "ethnicity": "WBRI",
            "dob": "2009-03-01",
        },
        {
            "type": "care_start",
            "child": child_id,
            "date": START.isoformat(),
            "legal_status": "C1",
            "category_of_need": "N1",
            "placement": "U6",
            "provider": "PR1",
            "placement_postcode": "WN2 2BB",
            "home_postcode": "WN1 1AA",
        },
    ]
    for cycle in range(cycles):
        day = START + dt.timedelta(days=40 * cycle + 10)
        on = {"child": child_id, "date": day.isoformat()}
        at = f"{(day + dt.timedelta(days=2)).isoformat()}T"
        placement, provider = PLACEMENTS[(cycle + 1) % len(PLACEMENTS)]
        events += [
            {"type": "visit", **on, "kind": "cla", "seen": True, "seen_alone": True},
            {"type": "cla_review", **on, "participation": "PN1"},
            {"type": "care_plan", **on},
            {"type": "health_assessment", **on, "kind": "initial" if cycle == 0 else "review"},
            {"type": "pep", **on},
            {"type": "dental_check", **on},
            {"type": "sdq", **on, "score": 12},
            {"type": "missing_start", "child": child_id, "at": at + "18:00", "kind": "missing"},
            {"type": "missing_end", "child": child_id, "at": at + "22:00"},
            {"type": "return_interview_offered", "child": child_id, "at": at + "23:00"},
            {
                "type": "placement_change",
                "child": child_id,
                "date": (day + dt.timedelta(days=5)).isoformat(),
                "placement": placement,
                "provider": provider,
                "reason": "CARPL",
                "placement_postcode": f"WN{cycle % 8 + 1} 3DF",
            },
        ]
    events.append({"type": "pathway_plan", "child": child_id, "date": "2025-05-01"})
    return [json.dumps(event) for event in events]


def queries(client, name: str, child: Child) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse(name, args=[child.pk]))
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize(
    "name", ["care:child-care", "children:detail", "leaving:child-leaving", "children:chronology"]
)
def test_the_pages_do_not_grow_with_the_care_history(manager, name):
    result = load_journeys(journey("R2", 2) + journey("R12", 12), source="test")
    assert result.ok, result.errors
    client = signed_in(manager)
    short, long = Child.objects.get(la_child_id="R2"), Child.objects.get(la_child_id="R12")
    assert long.care_episodes.count() > short.care_episodes.count() + 9
    assert queries(client, name, long) == queries(client, name, short)
