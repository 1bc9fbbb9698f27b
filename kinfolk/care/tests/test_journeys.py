"""Loading the "Children in care" journey events (docs/journeys.md) through the care services."""

import datetime as dt
import json

import pytest

from kinfolk.care.models import CareEpisode, PeriodOfCare
from kinfolk.care.models.episodes import Placement
from kinfolk.journeys.loader import load_journeys

pytestmark = pytest.mark.django_db

D = dt.date

CHILD = {
    "type": "child",
    "id": "C7",
    "first_name": "Ava",
    "last_name": "Brown",
    "sex": "F",
    "ethnicity": "WBRI",
    "dob": "2016-05-01",
}

JOURNEY = [
    CHILD,
    {
        "type": "care_start",
        "child": "C7",
        "date": "2025-01-10",
        "legal_status": "V2",
        "category_of_need": "N1",
        "placement": "U6",
        "provider": "PR1",
        "placement_postcode": "WN2 2BB",
        "home_postcode": "WN1 1AA",
    },
    {
        "type": "placement_change",
        "child": "C7",
        "date": "2025-03-01",
        "placement": "T4",
        "provider": "",
        "reason": "OTHER",
    },
    {
        "type": "placement_change",
        "child": "C7",
        "date": "2025-03-05",
        "placement": "U4",
        "provider": "PR4",
        "reason": "CARPL",
        "placement_postcode": "WN3 3DF",
    },
    {"type": "legal_status_change", "child": "C7", "date": "2025-03-05", "legal_status": "C1"},
    {"type": "legal_status_change", "child": "C7", "date": "2025-05-20", "legal_status": "C2"},
    {"type": "care_end", "child": "C7", "date": "2025-12-01", "reason": "E41"},
]


def lines(events):
    return [json.dumps(event) for event in events]


def test_a_journey_in_care_loads_into_episodes():
    result = load_journeys(lines(JOURNEY))
    assert result.errors == []
    assert dict(result.counts) == {
        "child": 1,
        "care_start": 1,
        "placement_change": 2,
        "legal_status_change": 2,
        "care_end": 1,
    }
    assert list(
        CareEpisode.objects.order_by("start_on", "pk").values_list(
            "start_on",
            "end_on",
            "reason_for_new_episode",
            "legal_status",
            "placement_type",
            "placement_provider",
            "reason_ceased",
            "reason_for_placement_change",
        )
    ) == [
        (D(2025, 1, 10), D(2025, 3, 1), "S", "V2", "U6", "PR1", "X1", ""),
        (D(2025, 3, 1), D(2025, 3, 5), "P", "V2", "T4", "", "X1", ""),
        (D(2025, 3, 5), D(2025, 5, 20), "B", "C1", "U4", "PR4", "X1", ""),
        (D(2025, 5, 20), D(2025, 12, 1), "L", "C2", "U4", "PR4", "E41", ""),
    ]
    assert list(PeriodOfCare.objects.values_list("start_on", "end_on", "reason_ceased")) == [
        (D(2025, 1, 10), D(2025, 12, 1), "E41")
    ]


def test_care_events_are_checked_and_refusals_roll_back():
    events = [
        CHILD,
        {"type": "care_start", "child": "C7", "date": "2025-01-10"},
        {
            "type": "care_start",
            "child": "C7",
            "date": "2025-01-10",
            "legal_status": "C1",
            "category_of_need": "N1",
            "placement": "T1",
            "provider": "",
        },
        {"type": "care_end", "child": "C7", "date": "2025-02-01", "reason": "X9"},
    ]
    result = load_journeys(lines(events))
    assert [str(error) for error in result.errors] == [
        "line 2: care_start for child C7: legal_status is missing; category_of_need is missing; "
        "placement is missing; provider is missing",
        "line 4: care_end for child C7: reason 'X9' is not a ReasonEpisodeCeased code (X1, E11, "
        "E12, E13, E14, E15, E16, E17, E2, E3, E41, E45, E46, E47, E48, E4A, E4B, E5, E6, E7, "
        "E8, E9)",
    ]
    result = load_journeys(lines(events[:1] + events[2:3]))
    assert [str(error) for error in result.errors] == [
        "line 2: care_start for child C7: placement_type: Care cannot start with a temporary "
        "move (T0 to T4): record the placement the child went to"
    ]
    assert PeriodOfCare.objects.count() == 0


def test_a_journey_records_a_placement_for_each_change_of_carers():
    result = load_journeys(lines(JOURNEY))
    assert result.errors == []
    placements = list(Placement.objects.order_by("start_on", "pk"))
    assert [(p.start_on, p.is_registered, p.needs_approval) for p in placements] == [
        (D(2025, 1, 10), None, False),
        (D(2025, 3, 1), None, False),
        (D(2025, 3, 5), None, False),
    ]
    assert list(
        CareEpisode.objects.order_by("start_on", "pk").values_list("placement_id", flat=True)
    ) == [placements[0].pk, placements[1].pk, placements[2].pk, placements[2].pk]
