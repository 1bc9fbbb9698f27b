"""Loading the care leaver journey events (docs/journeys.md, "Permanence and care leavers")
through the leaving-care services."""

import datetime as dt
import json

import pytest

from kinfolk.journeys.loader import load_journeys
from kinfolk.leaving.models import CareLeaverContact, PathwayPlan, PersonalAdviserAllocation

pytestmark = pytest.mark.django_db

D = dt.date

START = [
    {"type": "worker", "id": "PA1", "name": "Pat Adviser", "role": "personal_adviser"},
    {"type": "worker", "id": "PA2", "name": "Pip Adviser", "role": "personal_adviser"},
    {
        "type": "child",
        "id": "C9",
        "first_name": "Jade",
        "last_name": "Okafor",
        "sex": "F",
        "ethnicity": "WBRI",
        "dob": "2008-06-10",
    },
    {
        "type": "care_start",
        "child": "C9",
        "date": "2024-01-10",
        "legal_status": "C2",
        "category_of_need": "N1",
        "placement": "U4",
        "provider": "PR1",
    },
]

JOURNEY = [
    *START,
    {"type": "pathway_plan", "child": "C9", "date": "2024-09-01"},
    {"type": "care_end", "child": "C9", "date": "2025-03-01", "reason": "E8"},
    {"type": "personal_adviser", "child": "C9", "date": "2025-03-01", "worker": "PA1"},
    {"type": "care_leaver_contact", "child": "C9", "date": "2025-04-01", "in_touch": "YES"},
    {
        "type": "care_leaver_contact",
        "child": "C9",
        "date": "2025-06-01",
        "in_touch": "YES",
        "accommodation": "E1",
        "activity": "F2",
    },
    {"type": "personal_adviser", "child": "C9", "date": "2025-09-01", "worker": "PA2"},
    {"type": "pathway_plan", "child": "C9", "date": "2025-09-01"},
    {"type": "care_leaver_contact", "child": "C9", "date": "2025-10-01", "in_touch": "REFU"},
]


def lines(events):
    return [json.dumps(event) for event in events]


def test_the_care_leaver_events_load_through_the_services():
    result = load_journeys(lines(JOURNEY))
    assert result.errors == []
    assert dict(result.counts) == {
        "worker": 2,
        "child": 1,
        "care_start": 1,
        "care_end": 1,
        "pathway_plan": 2,
        "personal_adviser": 2,
        "care_leaver_contact": 3,
    }
    assert list(
        PersonalAdviserAllocation.objects.order_by("start_on").values_list(
            "adviser__username", "start_on", "end_on", "is_imported"
        )
    ) == [("PA1", D(2025, 3, 1), D(2025, 9, 1), True), ("PA2", D(2025, 9, 1), None, True)]
    assert list(PathwayPlan.objects.order_by("made_on").values_list("made_on", "is_imported")) == [
        (D(2024, 9, 1), True),
        (D(2025, 9, 1), True),
    ]
    assert list(
        CareLeaverContact.objects.order_by("contacted_on").values_list(
            "contacted_on", "in_touch", "accommodation", "activity", "adviser__username"
        )
    ) == [
        (D(2025, 4, 1), "YES", "", "", "PA1"),
        (D(2025, 6, 1), "YES", "E1", "F2", "PA1"),
        (D(2025, 10, 1), "REFU", "", "", "PA2"),
    ]


def test_bad_values_give_precise_line_errors():
    events = [
        *START,
        {"type": "personal_adviser", "child": "C9", "date": "2024-09-01"},
        {
            "type": "care_leaver_contact",
            "child": "C9",
            "date": "2024-09-01",
            "in_touch": "SOMETIMES",
        },
        {
            "type": "care_leaver_contact",
            "child": "C9",
            "date": "2024-09-01",
            "in_touch": "YES",
            "accommodation": "Q9",
            "mood": "good",
        },
        {"type": "pathway_plan", "child": "C9", "date": "2024-13-01"},
    ]
    result = load_journeys(lines(events))
    assert [str(error) for error in result.errors] == [
        "line 5: personal_adviser for child C9: worker is missing",
        "line 6: care_leaver_contact for child C9: in_touch 'SOMETIMES' is not a "
        "CareLeaverInTouch code (YES, NO, DIED, REFU, NREQ, RHOM)",
        "line 7: care_leaver_contact for child C9: unknown field 'mood'; accommodation 'Q9' is "
        "not a CareLeaverAccommodation code (B1, B2, C1, C2, D1, D2, E1, E2, G1, G2, H1, H2, "
        "K1, K2, R1, R2, S2, T1, T2, U1, U2, V1, V2, W1, W2, X2, Y1, Y2, Z1, Z2, 0)",
        "line 8: pathway_plan for child C9: date 2024-13-01 is not a real date",
    ]


def test_refusals_name_the_line_and_roll_back():
    events = [
        *START,
        {"type": "care_end", "child": "C9", "date": "2024-03-01", "reason": "E8"},
        {"type": "personal_adviser", "child": "C9", "date": "2024-09-01", "worker": "PA1"},
        {"type": "personal_adviser", "child": "C9", "date": "2024-09-01", "worker": "NOBODY"},
        {
            "type": "care_leaver_contact",
            "child": "C9",
            "date": "2024-09-01",
            "in_touch": "DIED",
            "activity": "F2",
        },
    ]
    result = load_journeys(lines(events))
    assert [str(error) for error in result.errors] == [
        "line 6: personal_adviser for child C9: start_on: A personal adviser is only for a care "
        "leaver, and on 1 September 2024 Jade Okafor was not one. Not a care leaver: looked "
        "after 7 weeks since 14th birthday; 13 weeks are needed, including time after 16th "
        "birthday.",
        "line 7: personal_adviser: worker NOBODY is not recorded (no worker event before this)",
        "line 8: care_leaver_contact for child C9: contacted_on: A care leaver contact is only "
        "for a care leaver, and on 1 September 2024 Jade Okafor was not one. Not a care "
        "leaver: looked after 7 weeks since 14th birthday; 13 weeks are needed, including time "
        "after 16th birthday.",
    ]
    assert PersonalAdviserAllocation.objects.count() == 0
    assert CareLeaverContact.objects.count() == 0
