"""The adoption scorecard measures A1 and A2, with numbers worked by hand."""

import datetime as dt

import pytest

from kinfolk.care.models import PeriodOfCare
from kinfolk.care.services import change_placement, end_care
from kinfolk.permanence import services
from kinfolk.permanence.models import AdoptionDecision
from kinfolk.permanence.tests.care_history import (
    DECIDED,
    MATCHED,
    adopted,
    baby,
    in_care,
    placed_for_adoption,
    with_orders,
)
from kinfolk.permanence.timeliness import adoption_timeliness

pytestmark = pytest.mark.django_db

D = dt.date


def timeliness_of(child):
    decision = AdoptionDecision.objects.select_related("match", "period").get(child=child)
    period = decision.period
    return adoption_timeliness(
        period, list(period.episodes.all()), getattr(decision, "match", None)
    )


def match(child, **overrides):
    values = {
        "matched_on": MATCHED,
        "panel_on": D(2025, 9, 4),
        "number_of_adopters": 1,
        "adopters_sex": "F1",
        "adopters_legal_status": "L0",
        "is_former_foster_carers": False,
    }
    values.update(overrides)
    return services.record_adoption_match(child=child, **values)


def test_a1_and_a2_for_a_child_placed_with_adopters_they_did_not_know():
    # Into care 10 Jan 2025; placement order (E1) 2 Jun; matched 15 Sep; placed A6 1 Oct.
    # A1: 10 Jan -> 1 Oct = 21 (rest of Jan) + 28 + 31 + 30 + 31 + 30 + 31 + 31 + 30 + 1 = 264.
    # A2: 2 Jun -> 15 Sep = 28 (rest of Jun) + 31 + 31 + 15 = 105.
    child = with_orders(in_care(baby()))
    services.record_adoption_decision(child=child, decided_on=DECIDED)
    match(child)
    placed_for_adoption(child)
    adopted(child)
    measures = timeliness_of(child)
    assert (
        measures.entered_care_on,
        measures.placement_order_on,
        measures.matched_on,
        measures.moved_in_on,
    ) == (D(2025, 1, 10), D(2025, 6, 2), D(2025, 9, 15), D(2025, 10, 1))
    assert measures.days_to_moving_in == 264
    assert measures.days_from_placement_order_to_match == 105


def test_a1_counts_from_moving_in_with_foster_to_adopt_carers():
    # In care 10 Jan 2025 with other carers; moved 24 Jan to carers who are approved adopters
    # (U5, foster to adopt); they adopt, placed A5 on 1 Oct. A1 counts to 24 Jan: 24 - 10 = 14.
    # A2 as before: 105.
    child = in_care(baby())
    change_placement(
        child=child, on=D(2025, 1, 24), placement_type="U5", provider="PR1", reason="CARPL"
    )
    with_orders(child)
    services.record_adoption_decision(child=child, decided_on=DECIDED)
    match(child, is_former_foster_carers=True, moved_in_on=D(2025, 1, 24))
    change_placement(
        child=child, on=D(2025, 10, 1), placement_type="A5", provider="PR1", reason="CARPL"
    )
    measures = timeliness_of(child)
    assert measures.moved_in_on == D(2025, 1, 24)
    assert measures.days_to_moving_in == 14
    assert measures.days_from_placement_order_to_match == 105


def test_the_first_placement_for_adoption_counts_when_there_were_two():
    # Placed A6 on 1 Oct 2025, then moved to another A6 on 1 Dec: A1 still counts to 1 Oct.
    child = with_orders(in_care(baby()))
    services.record_adoption_decision(child=child, decided_on=DECIDED)
    match(child)
    placed_for_adoption(child)
    change_placement(
        child=child,
        on=D(2025, 12, 1),
        placement_type="A6",
        provider="PR2",
        reason="CARPL",
    )
    assert timeliness_of(child).days_to_moving_in == 264


def test_the_measures_wait_for_their_dates():
    # No placement order and no match yet: neither measure can be given; days in care so
    # far on 1 Feb 2025 is 22 (10 Jan -> 1 Feb).
    child = in_care(baby())
    services.record_adoption_decision(child=child, decided_on=D(2025, 1, 20))
    measures = timeliness_of(child)
    assert (measures.days_to_moving_in, measures.days_from_placement_order_to_match) == (
        None,
        None,
    )
    assert measures.days_in_care_on(D(2025, 2, 1)) == 22


def test_only_the_decisions_period_of_care_counts():
    # A first period (1 Dec 2024 - 1 Jul 2025) with a placement order on 2 Jun; the child
    # returns home, comes back into care on 1 Aug 2025, and the measures count from there,
    # with no placement order in that period yet.
    child = with_orders(in_care(baby(), start_on=D(2024, 12, 1)))
    end_care(child=child, on=D(2025, 7, 1), reason="E13")
    in_care(child, start_on=D(2025, 8, 1))
    services.record_adoption_decision(child=child, decided_on=D(2025, 8, 20))
    measures = timeliness_of(child)
    assert measures.entered_care_on == D(2025, 8, 1)
    assert measures.placement_order_on is None
    assert PeriodOfCare.objects.filter(child=child).count() == 2
