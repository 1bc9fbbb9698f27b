"""Loading the ``care_plan`` and ``cla_review`` journey events (docs/journeys.md, "Children in
care") through the care planning services, as imported records."""

import datetime as dt
import json

import pytest

from kinfolk.care.models import CarePlan, LookedAfterReview
from kinfolk.casework.models import Visit
from kinfolk.journeys.loader import load_journeys

pytestmark = pytest.mark.django_db

D = dt.date

JOURNEY = [
    {
        "type": "child",
        "id": "C7",
        "first_name": "Ava",
        "last_name": "Brown",
        "sex": "F",
        "ethnicity": "WBRI",
        "dob": "2016-05-01",
    },
    {
        "type": "care_start",
        "child": "C7",
        "date": "2025-01-10",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement": "U4",
        "provider": "PR1",
        "placement_postcode": "WN2 2BB",
    },
    {"type": "visit", "child": "C7", "date": "2025-01-15", "kind": "cla", "seen": True},
    {"type": "care_plan", "child": "C7", "date": "2025-01-24"},
    {"type": "cla_review", "child": "C7", "date": "2025-02-05", "participation": "PN1"},
    {"type": "cla_review", "child": "C7", "date": "2025-05-01", "participation": "PN6"},
]


def lines(events):
    return [json.dumps(event) for event in events]


def test_care_plans_and_reviews_load_as_imported_records():
    result = load_journeys(lines(JOURNEY))
    assert result.errors == []
    assert dict(result.counts) == {
        "child": 1,
        "care_start": 1,
        "visit": 1,
        "care_plan": 1,
        "cla_review": 2,
    }
    plan = CarePlan.objects.get()
    assert (plan.made_on, plan.is_imported, plan.period.start_on) == (
        D(2025, 1, 24),
        True,
        D(2025, 1, 10),
    )
    assert list(
        LookedAfterReview.objects.order_by("held_on").values_list(
            "held_on", "participation", "is_imported", "minutes_due_on"
        )
    ) == [
        (D(2025, 2, 5), "PN1", True, D(2025, 3, 5)),
        (D(2025, 5, 1), "PN6", True, D(2025, 6, 2)),  # two bank holidays in May
    ]
    assert Visit.objects.get().kind == "cla"


def test_a_bad_participation_code_is_a_precise_line_error():
    events = [*JOURNEY[:4], {**JOURNEY[4], "participation": "PN9"}]
    result = load_journeys(lines(events))
    assert [str(error) for error in result.errors] == [
        "line 5: cla_review for child C7: participation 'PN9' is not a ReviewParticipation code "
        "(PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7)"
    ]
    assert LookedAfterReview.objects.count() == 0
    assert CarePlan.objects.count() == 0


def test_a_review_when_not_looked_after_is_a_line_error():
    events = [
        *JOURNEY[:2],
        {"type": "cla_review", "child": "C7", "date": "2024-12-01", "participation": "PN1"},
    ]
    events = [events[0], events[2], events[1]]
    result = load_journeys(lines(events))
    assert [str(error) for error in result.errors] == [
        "line 2: cla_review for child C7: held_on: Ava Brown was not looked after on "
        "1 December 2024"
    ]


def test_a_second_review_on_one_day_is_a_line_error():
    events = [*JOURNEY[:5], JOURNEY[4]]
    result = load_journeys(lines(events))
    assert [str(error) for error in result.errors] == [
        "line 6: cla_review for child C7: held_on: A review of Ava Brown on 5 February 2025 is "
        "already recorded"
    ]
    assert LookedAfterReview.objects.count() == 0


def test_pn0_for_a_child_of_four_or_more_is_a_line_error():
    events = [*JOURNEY[:4], {**JOURNEY[4], "participation": "PN0"}]
    result = load_journeys(lines(events))
    assert [str(error) for error in result.errors] == [
        "line 5: cla_review for child C7: participation: Ava Brown was 8 at the review: PN0 is "
        "for under 4s"
    ]
