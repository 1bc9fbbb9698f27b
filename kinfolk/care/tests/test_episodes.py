"""SSDA903 episodes derived from what happened to a child in care, worked by hand.

Each case lists the episodes the return should carry: (DECOM, DEC, RNE, LS, PLACE, REC,
REASON_PLACE_CHANGE).
"""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import make_child
from kinfolk.care.models import CareEpisode, PeriodOfCare
from kinfolk.care.services import change_legal_status, change_placement, end_care, start_care
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.events import casework_changed

pytestmark = pytest.mark.django_db

D = dt.date
CARE_STARTED = D(2025, 1, 10)


def episodes(child) -> list[tuple]:
    return [
        (
            e.start_on,
            e.end_on,
            e.reason_for_new_episode,
            e.legal_status,
            e.placement_type,
            e.reason_ceased,
            e.reason_for_placement_change,
        )
        for e in CareEpisode.objects.filter(child=child).order_by("start_on", "pk")
    ]


def snapshot(child) -> tuple:
    return (
        episodes(child),
        list(PeriodOfCare.objects.filter(child=child).values_list("start_on", "end_on")),
        ChronologyEntry.objects.filter(child=child).count(),
    )


def start(child, on: dt.date = CARE_STARTED, **overrides):
    values = {
        "legal_status": "C1",
        "category_of_need": "N1",
        "placement_type": "U6",
        "provider": "PR1",
        "placement_postcode": "WN2 2BB",
        "home_postcode": "WN1 1AA",
    }
    values.update(overrides)
    return start_care(child=child, start_on=on, **values)


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def test_a_change_of_placement_and_carers(child):
    start(child)
    change_placement(
        child=child,
        on=D(2025, 3, 1),
        placement_type="U4",
        provider="PR4",
        reason="CARPL",
        placement_postcode="wn33df",
    )
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 3, 1), "S", "C1", "U6", "X1", "CARPL"),
        (D(2025, 3, 1), None, "P", "C1", "U4", "", ""),
    ]
    assert CareEpisode.objects.get(end_on__isnull=True).placement_postcode == "WN3 3DF"
    assert CareEpisode.objects.get(end_on__isnull=True).home_postcode == "WN1 1AA"


def test_a_change_of_placement_type_with_the_same_carers(child):
    start(child)
    change_placement(
        child=child,
        on=D(2025, 3, 1),
        placement_type="U4",
        provider="PR1",
        reason="PLACE",
        placement_postcode="WN2 2BB",
    )
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 3, 1), "S", "C1", "U6", "X1", "PLACE"),
        (D(2025, 3, 1), None, "T", "C1", "U4", "", ""),
    ]


def test_changes_of_legal_status(child):
    start(child, legal_status="V2")
    change_legal_status(child=child, on=D(2025, 2, 14), legal_status="C1")
    change_legal_status(child=child, on=D(2025, 6, 20), legal_status="C2")
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 2, 14), "S", "V2", "U6", "X1", ""),
        (D(2025, 2, 14), D(2025, 6, 20), "L", "C1", "U6", "X1", ""),
        (D(2025, 6, 20), None, "L", "C2", "U6", "", ""),
    ]


@pytest.mark.parametrize("placement_first", [True, False])
def test_placement_and_legal_status_on_one_day_make_one_episode_b(child, placement_first):
    start(child)
    move = lambda: change_placement(  # noqa: E731
        child=child,
        on=D(2025, 4, 1),
        placement_type="U6",
        provider="PR4",
        reason="CREQB",
        placement_postcode="WN3 3DF",
    )
    order = lambda: change_legal_status(child=child, on=D(2025, 4, 1), legal_status="C2")  # noqa: E731
    for step in (move, order) if placement_first else (order, move):
        step()
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 4, 1), "S", "C1", "U6", "X1", "CREQB"),
        (D(2025, 4, 1), None, "B", "C2", "U6", "", ""),
    ]


@pytest.mark.parametrize("placement_first", [True, False])
def test_placement_and_legal_status_on_one_day_with_the_same_carers_make_u(child, placement_first):
    start(child)
    move = lambda: change_placement(  # noqa: E731
        child=child,
        on=D(2025, 4, 1),
        placement_type="U4",
        provider="PR1",
        reason="PLACE",
        placement_postcode="WN2 2BB",
    )
    order = lambda: change_legal_status(child=child, on=D(2025, 4, 1), legal_status="C2")  # noqa: E731
    for step in (move, order) if placement_first else (order, move):
        step()
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 4, 1), "S", "C1", "U6", "X1", "PLACE"),
        (D(2025, 4, 1), None, "U", "C2", "U4", "", ""),
    ]


def test_a_temporary_move_and_return(child):
    start(child, legal_status="C2")
    change_placement(
        child=child, on=D(2025, 5, 1), placement_type="T1", provider="", reason="OTHER"
    )
    change_placement(
        child=child,
        on=D(2025, 5, 8),
        placement_type="U6",
        provider="PR1",
        reason="OTHER",
        placement_postcode="WN2 2BB",
    )
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 5, 1), "S", "C2", "U6", "X1", ""),
        (D(2025, 5, 1), D(2025, 5, 8), "P", "C2", "T1", "X1", ""),
        (D(2025, 5, 8), None, "P", "C2", "U6", "", ""),
    ]
    assert CareEpisode.objects.get(placement_type="T1").placement_provider == ""


def test_a_return_home_and_re_entry_start_a_new_period(child):
    start(child, legal_status="V2")
    end_care(child=child, on=D(2025, 3, 31), reason="E4A")
    start(child, on=D(2025, 9, 1), legal_status="C1", category_of_need="N4")
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 3, 31), "S", "V2", "U6", "E4A", ""),
        (D(2025, 9, 1), None, "S", "C1", "U6", "", ""),
    ]
    assert list(
        PeriodOfCare.objects.order_by("start_on").values_list("start_on", "end_on", "reason_ceased")
    ) == [(D(2025, 1, 10), D(2025, 3, 31), "E4A"), (D(2025, 9, 1), None, "")]


def test_an_adoption(child):
    start(child, legal_status="C2", placement_type="U4")
    change_legal_status(child=child, on=D(2025, 6, 1), legal_status="E1")
    change_placement(
        child=child,
        on=D(2025, 9, 1),
        placement_type="A6",
        provider="PR1",
        reason="CARPL",
        placement_postcode="WN5 5EE",
        urn="XXXXXXX",
    )
    end_care(child=child, on=D(2026, 3, 15), reason="E11")
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 6, 1), "S", "C2", "U4", "X1", ""),
        (D(2025, 6, 1), D(2025, 9, 1), "L", "E1", "U4", "X1", "CARPL"),
        (D(2025, 9, 1), D(2026, 3, 15), "P", "E1", "A6", "E11", ""),
    ]
    period = PeriodOfCare.objects.get()
    assert (period.end_on, period.reason_ceased) == (D(2026, 3, 15), "E11")


def test_an_adoption_by_the_foster_carers_is_the_same_carers(child):
    start(child, legal_status="E1", placement_type="U4")
    change_placement(
        child=child,
        on=D(2025, 9, 1),
        placement_type="A5",
        provider="PR1",
        reason="CARPL",
        placement_postcode="WN2 2BB",
    )
    end_care(child=child, on=D(2026, 3, 15), reason="E12")
    assert episodes(child) == [
        (D(2025, 1, 10), D(2025, 9, 1), "S", "E1", "U4", "X1", "CARPL"),
        (D(2025, 9, 1), D(2026, 3, 15), "T", "E1", "A5", "E12", ""),
    ]


def test_services_write_the_chronology_and_publish_the_change(
    child, django_capture_on_commit_callbacks
):
    sent = []

    def receiver(sender, child_ids, **kwargs):
        sent.append(child_ids)

    casework_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            start(child)
            change_placement(
                child=child,
                on=D(2025, 3, 1),
                placement_type="U4",
                provider="PR4",
                reason="CARPL",
                placement_postcode="WN3 3DF",
            )
            change_legal_status(child=child, on=D(2025, 4, 1), legal_status="C2")
            end_care(child=child, on=D(2025, 8, 1), reason="E41")
    finally:
        casework_changed.disconnect(receiver)
    assert any(child.pk in child_ids for child_ids in sent)
    assert list(
        ChronologyEntry.objects.filter(child=child, kind__in=["care", "placement", "legal_status"])
        .order_by("occurred_on", "pk")
        .values_list("occurred_on", "kind", "summary", "detail", "is_significant")
    ) == [
        (
            D(2025, 1, 10),
            "care",
            "Started to be looked after: Interim care order",
            "Foster placement with other foster carer: other",
            True,
        ),
        (
            D(2025, 3, 1),
            "placement",
            "Placement: Foster placement with other foster carer: long-term fostering",
            "Change to or implementation of the care plan",
            True,
        ),
        (D(2025, 4, 1), "legal_status", "Legal status: Full care order", "", True),
        (
            D(2025, 8, 1),
            "care",
            "Ceased to be looked after: Child arrangements order granted",
            "",
            True,
        ),
    ]


# Refusals: exact messages, and nothing changed.


def test_starting_care_twice_is_refused(child):
    start(child)
    before = snapshot(child)
    assert refusal(lambda: start(child, on=D(2025, 2, 1))) == {
        "start_on": ["Lily Smith is already looked after, since 10 January 2025"]
    }
    assert snapshot(child) == before


def test_care_cannot_start_on_a_temporary_placement_rule_380(child):
    before = snapshot(child)
    assert refusal(lambda: start(child, placement_type="T4", provider="")) == {
        "placement_type": [
            "Care cannot start with a temporary move (T0 to T4): record the placement the "
            "child went to"
        ]
    }
    assert snapshot(child) == before


def test_a_change_before_the_episode_started_is_refused(child):
    start(child)
    before = snapshot(child)
    message = {
        "on": ["This is before the current episode of care, which started on 10 January 2025"]
    }
    assert (
        refusal(
            lambda: change_placement(
                child=child,
                on=D(2025, 1, 9),
                placement_type="U4",
                provider="PR4",
                reason="CARPL",
            )
        )
        == message
    )
    assert (
        refusal(lambda: change_legal_status(child=child, on=D(2025, 1, 9), legal_status="C2"))
        == message
    )
    assert refusal(lambda: end_care(child=child, on=D(2025, 1, 9), reason="E4A")) == message
    assert snapshot(child) == before


def test_a_date_in_the_future_is_refused(child):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    nothing = snapshot(child)
    assert refusal(lambda: start(child, on=tomorrow)) == {
        "start_on": ["The date the child started to be looked after must be today or in the past"]
    }
    assert snapshot(child) == nothing
    start(child)
    before = snapshot(child)
    assert refusal(
        lambda: change_placement(
            child=child, on=tomorrow, placement_type="U4", provider="PR4", reason="CARPL"
        )
    ) == {"on": ["The date of the change of placement must be today or in the past"]}
    assert refusal(lambda: end_care(child=child, on=tomorrow, reason="E4A")) == {
        "on": ["The date the child ceased to be looked after must be today or in the past"]
    }
    assert snapshot(child) == before


def test_a_change_when_not_looked_after_is_refused(child):
    assert refusal(
        lambda: change_legal_status(child=child, on=D(2025, 1, 9), legal_status="C2")
    ) == {"on": ["Lily Smith is not looked after: record the start of care first"]}
    start(child)
    end_care(child=child, on=D(2025, 3, 31), reason="E4A")
    before = snapshot(child)
    assert refusal(
        lambda: change_legal_status(child=child, on=D(2025, 4, 9), legal_status="C2")
    ) == {"on": ["Lily Smith ceased to be looked after on 31 March 2025"]}
    assert snapshot(child) == before


def test_re_entry_on_the_day_care_ended_is_refused_rule_431(child):
    start(child)
    end_care(child=child, on=D(2025, 3, 31), reason="E4A")
    before = snapshot(child)
    assert refusal(lambda: start(child, on=D(2025, 3, 31))) == {
        "start_on": ["Care must start after the last period of care ended, on 31 March 2025"]
    }
    assert snapshot(child) == before


def test_care_cannot_end_with_x1_or_in_a_temporary_move_rule_381(child):
    start(child)
    change_placement(child=child, on=D(2025, 2, 1), placement_type="T2", provider="", reason="")
    before = snapshot(child)
    assert refusal(lambda: end_care(child=child, on=D(2025, 2, 5), reason="X1")) == {
        "reason": ["Choose why the child ceased to be looked after"]
    }
    assert refusal(lambda: end_care(child=child, on=D(2025, 2, 5), reason="E4A")) == {
        "on": [
            "Care cannot end during a temporary move (T0 to T4): record the return to the "
            "placement first"
        ]
    }
    assert snapshot(child) == before


def test_adoption_only_from_a_placement_for_adoption_rule_390(child):
    start(child, legal_status="E1")
    before = snapshot(child)
    assert refusal(lambda: end_care(child=child, on=D(2025, 9, 1), reason="E11")) == {
        "reason": ["A child can be adopted only from a placement for adoption (A3 to A6)"]
    }
    assert snapshot(child) == before


def test_provider_rules_213_and_550(child):
    before = snapshot(child)
    assert refusal(lambda: start(child, placement_type="Z11", provider="PR1")) == {
        "provider": ["A Z11 placement has no provider: leave it blank"]
    }
    assert refusal(lambda: start(child, placement_type="U6", provider="PR0")) == {
        "provider": ["Parents or others with parental responsibility cannot provide a U6 placement"]
    }
    assert refusal(lambda: start(child, provider="")) == {
        "provider": ["Choose who provides the placement"]
    }
    assert snapshot(child) == before


def test_a_placement_change_needs_a_reason_rule_225(child):
    start(child)
    before = snapshot(child)
    assert refusal(
        lambda: change_placement(
            child=child, on=D(2025, 3, 1), placement_type="U4", provider="PR4", reason=""
        )
    ) == {"reason": ["Choose the reason for the change of placement"]}
    assert snapshot(child) == before


def test_a_second_child_is_unaffected(child):
    other = make_child(la_child_id="C2", first_name="Noah")
    start(child)
    start(other, legal_status="V2")
    change_legal_status(child=child, on=D(2025, 2, 1), legal_status="C2")
    assert episodes(other) == [(D(2025, 1, 10), None, "S", "V2", "U6", "", "")]


def test_a_change_on_the_day_care_started_amends_the_first_episode(child):
    start(child, legal_status="L1")
    change_legal_status(child=child, on=CARE_STARTED, legal_status="V2")
    before = snapshot(child)
    assert refusal(
        lambda: change_placement(
            child=child, on=CARE_STARTED, placement_type="T1", provider="", reason=""
        )
    ) == {
        "placement_type": [
            "Care cannot start with a temporary move (T0 to T4): record the placement the "
            "child went to"
        ]
    }
    assert snapshot(child) == before
    assert episodes(child) == [(CARE_STARTED, None, "S", "V2", "U6", "", "")]


def test_undoing_a_change_on_the_same_day_is_refused(child):
    start(child)
    change_legal_status(child=child, on=D(2025, 2, 1), legal_status="C2")
    before = snapshot(child)
    assert refusal(
        lambda: change_legal_status(child=child, on=D(2025, 2, 1), legal_status="C1")
    ) == {
        "legal_status": [
            "This undoes the change recorded earlier on the same day: correct that change instead"
        ]
    }
    assert snapshot(child) == before
