"""Loading the permanence journey events (docs/journeys.md, "Permanence and care leavers") through
the permanence services."""

import datetime as dt
import json

import pytest

from kinfolk.journeys.loader import load_journeys
from kinfolk.permanence.models import AdoptionDecision, AdoptionMatch, PreviousPermanence

pytestmark = pytest.mark.django_db

D = dt.date

CHILD = {
    "type": "child",
    "id": "C9",
    "first_name": "Ella",
    "last_name": "Grant",
    "sex": "F",
    "ethnicity": "WBRI",
    "dob": "2024-06-01",
}
CARE_START = {
    "type": "care_start",
    "child": "C9",
    "date": "2025-01-10",
    "legal_status": "C1",
    "category_of_need": "N1",
    "placement": "U5",
    "provider": "PR1",
}


def lines(events):
    return [json.dumps(event) for event in events]


def test_an_adoption_journey_loads():
    journey = [
        CHILD,
        {"type": "previous_permanence", "child": "C9", "code": "Z1"},
        CARE_START,
        {"type": "adoption_decision", "child": "C9", "date": "2025-02-03"},
        {"type": "legal_status_change", "child": "C9", "date": "2025-05-01", "legal_status": "E1"},
        {
            "type": "adoption_match",
            "child": "C9",
            "date": "2025-08-11",
            "adopters": 2,
            "adopters_sex": "FF",
            "adopters_legal_status": "L2",
            "former_foster_carers": True,
        },
        {
            "type": "placement_change",
            "child": "C9",
            "date": "2025-09-01",
            "placement": "A5",
            "provider": "PR1",
            "reason": "CARPL",
        },
        {"type": "care_end", "child": "C9", "date": "2026-02-02", "reason": "E11"},
    ]
    result = load_journeys(lines(journey))
    assert result.errors == []
    assert result.counts["adoption_decision"] == 1
    assert result.counts["adoption_match"] == 1
    decision = AdoptionDecision.objects.get()
    assert (decision.decided_on, decision.reversed_on, decision.is_imported) == (
        D(2025, 2, 3),
        None,
        True,
    )
    match = AdoptionMatch.objects.get()
    assert (
        match.decision,
        match.matched_on,
        match.number_of_adopters,
        match.adopters_sex,
        match.adopters_legal_status,
        match.is_former_foster_carers,
        match.panel_on,
        match.is_imported,
    ) == (decision, D(2025, 8, 11), 2, "FF", "L2", True, None, True)
    assert PreviousPermanence.objects.get().code == "Z1"


def test_a_reversal_and_previous_permanence_with_an_earlier_order_load():
    # The previous permanence's date is of an order long before care: it may follow later
    # events without breaking the date order of the child's events.
    journey = [
        CHILD,
        CARE_START,
        {"type": "adoption_decision", "child": "C9", "date": "2025-02-03"},
        {
            "type": "adoption_decision_reversed",
            "child": "C9",
            "date": "2025-04-01",
            "reason": "RD2",
        },
        {
            "type": "previous_permanence",
            "child": "C9",
            "code": "P3",
            "date": "2024-09-01",
            "la": "310",
        },
    ]
    result = load_journeys(lines(journey))
    assert result.errors == []
    decision = AdoptionDecision.objects.get()
    assert (decision.reversed_on, decision.reversal_reason) == (D(2025, 4, 1), "RD2")
    record = PreviousPermanence.objects.get()
    assert (record.code, record.order_on, record.local_authority) == ("P3", D(2024, 9, 1), "310")


def test_bad_values_are_reported_precisely():
    journey = [
        CHILD,
        CARE_START,
        {"type": "adoption_decision", "child": "C9", "date": "2025-02-30"},
        {
            "type": "adoption_decision_reversed",
            "child": "C9",
            "date": "2025-04-01",
            "reason": "RD9",
        },
        {
            "type": "adoption_match",
            "child": "C9",
            "date": "2025-08-11",
            "adopters": 3,
            "adopters_sex": "XX",
            "adopters_legal_status": "L1",
            "former_foster_carers": "yes",
        },
        {"type": "previous_permanence", "child": "C9", "code": "P5", "la": "Wigan"},
    ]
    result = load_journeys(lines(journey))
    assert [str(error) for error in result.errors] == [
        "line 3: adoption_decision for child C9: date 2025-02-30 is not a real date",
        "line 4: adoption_decision_reversed for child C9: reason 'RD9' is not a "
        "ReasonNoLongerPlacedForAdoption code (RD1, RD2, RD3, RD4)",
        "line 5: adoption_match for child C9: adopters must be from 1 to 2; adopters_sex 'XX' "
        "is not a AdoptersSex code (M1, F1, MM, FF, MF); adopters_legal_status 'L1' is not a "
        "AdoptersLegalStatus code (L0, L11, L12, L2, L3, L4); former_foster_carers must be "
        "true or false",
        "line 6: previous_permanence for child C9: code 'P5' is not a PreviousPermanence code "
        "(P1, P2, P3, P4, Z1); la must be at most 3 characters",
    ]


def test_refusals_of_the_services_are_reported_and_nothing_is_kept():
    journey = [
        CHILD,
        CARE_START,
        {
            "type": "adoption_decision_reversed",
            "child": "C9",
            "date": "2025-01-20",
            "reason": "RD1",
        },
        {"type": "adoption_decision", "child": "C9", "date": "2025-02-03"},
        {
            "type": "adoption_match",
            "child": "C9",
            "date": "2025-08-11",
            "adopters": 1,
            "adopters_sex": "MF",
            "adopters_legal_status": "L0",
            "former_foster_carers": False,
        },
        {"type": "adoption_decision", "child": "C9", "date": "2025-09-01"},
        {"type": "previous_permanence", "child": "C9", "code": "Z1", "la": "310"},
    ]
    result = load_journeys(lines(journey))
    assert [str(error) for error in result.errors] == [
        "line 3: adoption_decision_reversed for child C9: reversed_on: Ella Grant has no open "
        "decision to be placed for adoption: there is nothing to reverse",
        "line 5: adoption_match for child C9: adopters_sex: One adopter is a single adopter: "
        "choose single male (M1) or single female (F1)",
        "line 6: adoption_decision for child C9: decided_on: The decision of 3 February 2025 "
        "that Ella Grant should be placed for adoption is still open: record its reversal "
        "before a new decision",
        "line 7: previous_permanence for child C9: local_authority: With no previous "
        "permanence option there is no order: leave the authority blank",
    ]
    assert AdoptionDecision.objects.count() == 0
    assert PreviousPermanence.objects.count() == 0
