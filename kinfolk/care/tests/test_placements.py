"""Placements: the setting's registration and a senior manager's approval of an unregistered
one (docs/domain.md finding 24), disruption records (83), a manager's reason to move without a
strategy discussion (5), placement stability (20), and the postcode geography behind
distances and out-of-area placements."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from kinfolk.care.models import CareEpisode, PeriodOfCare
from kinfolk.care.models.episodes import Placement, PlacementDisruption, placements_with_new_carers
from kinfolk.care.services import (
    approve_unregistered_placement,
    change_legal_status,
    change_placement,
    start_care,
)
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.geography import (
    distance_miles,
    look_up,
    placement_location,
    record_postcodes,
)
from kinfolk.core.models import Postcode

pytestmark = pytest.mark.django_db

D = dt.date
STARTED = D(2025, 1, 10)
MOVED = D(2025, 3, 1)


def start(child, on=STARTED, **overrides):
    values = {
        "legal_status": "C1",
        "category_of_need": "N1",
        "placement_type": "K2",
        "provider": "PR4",
        "placement_postcode": "M1 1AE",
        "home_postcode": "WN1 1AA",
        "urn": "SC123456",
        "setting_name": "Oakfield House",
        "is_registered": False,
    }
    values.update(overrides)
    return start_care(child=child, start_on=on, **values)


def move(child, on=MOVED, **overrides):
    values = {
        "placement_type": "U6",
        "provider": "PR1",
        "reason": "CARPL",
        "placement_postcode": "WN2 2BB",
    }
    values.update(overrides)
    return change_placement(child=child, on=on, **values)


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def snapshot(child) -> tuple:
    return (
        list(
            CareEpisode.objects.filter(child=child)
            .order_by("pk")
            .values_list("start_on", "end_on", "placement_type", "placement_id")
        ),
        list(
            Placement.objects.filter(child=child)
            .order_by("pk")
            .values_list(
                "start_on",
                "setting_name",
                "is_registered",
                "approved_on",
                "approved_by",
                "no_strategy_discussion_reason",
            )
        ),
        PlacementDisruption.objects.filter(child=child).count(),
        ChronologyEntry.objects.filter(child=child).count(),
    )


# The placement record.


def test_starting_care_records_the_setting(child):
    start(
        child,
        registered_on=None,
        ofsted_grade="good",
        weekly_cost=Decimal("4250.00"),
    )
    placement = Placement.objects.get(child=child)
    assert (
        placement.start_on,
        placement.setting_name,
        placement.is_registered,
        placement.ofsted_grade,
        placement.weekly_cost,
        placement.needs_approval,
    ) == (STARTED, "Oakfield House", False, "good", Decimal("4250.00"), True)
    assert CareEpisode.objects.get(child=child).placement == placement


def test_a_change_of_legal_status_keeps_the_placement(child):
    start(child)
    change_legal_status(child=child, on=D(2025, 2, 1), legal_status="C2")
    first, second = CareEpisode.objects.filter(child=child).order_by("start_on")
    assert first.placement_id == second.placement_id
    assert Placement.objects.filter(child=child).count() == 1


def test_a_move_to_new_carers_is_a_new_placement_and_same_carers_keep_it(child):
    start(child)
    move(child, setting_name="Mr and Mrs Jones", is_registered=None)
    move(child, on=D(2025, 6, 1), placement_type="U4", reason="PLACE")
    placements = list(Placement.objects.filter(child=child).order_by("pk"))
    assert [(p.start_on, p.setting_name) for p in placements] == [
        (STARTED, "Oakfield House"),
        (D(2025, 3, 1), "Mr and Mrs Jones"),
    ]
    assert list(
        CareEpisode.objects.filter(child=child)
        .order_by("start_on")
        .values_list("reason_for_new_episode", "placement_id")
    ) == [("S", placements[0].pk), ("P", placements[1].pk), ("T", placements[1].pk)]


def test_a_return_from_a_temporary_move_returns_to_the_same_placement(child):
    start(child, placement_type="U6", provider="PR1", placement_postcode="WN2 2BB", urn="")
    move(child, on=D(2025, 5, 1), placement_type="T1", provider="", reason="")
    move(child, on=D(2025, 5, 8), reason="")
    first, temporary, back = CareEpisode.objects.filter(child=child).order_by("start_on")
    assert back.placement_id == first.placement_id
    assert temporary.placement_id != first.placement_id


def test_a_same_day_correction_replaces_the_placement_recorded_that_day(child):
    start(child)
    move(child, setting_name="Mr and Mrs Jones")
    move(
        child,
        placement_type="U6",
        provider="PR4",
        placement_postcode="WN3 3DF",
        setting_name="Mr and Mrs Khan",
    )
    assert list(
        Placement.objects.filter(child=child).order_by("pk").values_list("setting_name", flat=True)
    ) == [
        "Oakfield House",
        "Mr and Mrs Khan",
    ]


def test_registration_details_are_checked(child):
    before = snapshot(child)
    assert refusal(lambda: start(child, registered_on=D(2024, 1, 1))) == {
        "registered_on": ["Leave the date blank: the setting is not registered"]
    }
    assert refusal(lambda: start(child, ofsted_grade="brilliant")) == {
        "ofsted_grade": ["Choose the latest Ofsted grade"]
    }
    assert refusal(lambda: start(child, weekly_cost=Decimal("-1"))) == {
        "weekly_cost": ["The weekly cost cannot be less than 0"]
    }
    assert refusal(lambda: start(child, entry_panel="vote")) == {
        "entry_panel": ["Choose who agreed the child should come into care"]
    }
    assert snapshot(child) == before


# Approval of an unregistered setting (finding 24).


def test_a_manager_approves_an_unregistered_placement(child, manager):
    start(child)
    placement = Placement.objects.get(child=child)
    approve_unregistered_placement(
        child=child,
        placement=placement,
        approved_on=D(2025, 1, 11),
        rationale="No registered home could take Lily; daily checks by the team.",
        actor=manager,
    )
    placement.refresh_from_db()
    assert (
        placement.approved_by,
        placement.approved_on,
        placement.approval_rationale,
        placement.needs_approval,
    ) == (
        manager,
        D(2025, 1, 11),
        "No registered home could take Lily; daily checks by the team.",
        False,
    )
    assert ChronologyEntry.objects.filter(
        child=child, summary="Unregistered placement approved by Meg Manager"
    ).exists()


def test_only_a_manager_may_approve_an_unregistered_placement(child, social_worker):
    start(child)
    before = snapshot(child)
    assert refusal(
        lambda: approve_unregistered_placement(
            child=child,
            placement=Placement.objects.get(child=child),
            approved_on=D(2025, 1, 11),
            rationale="Needed",
            actor=social_worker,
        )
    ) == {"approved_on": ["Only a manager can approve an unregistered placement"]}
    assert snapshot(child) == before


def test_approval_refusals(child, manager):
    start(child)
    placement = Placement.objects.get(child=child)
    before = snapshot(child)

    def approve(**overrides):
        values = {"approved_on": D(2025, 1, 11), "rationale": "Checked daily"}
        values.update(overrides)
        return lambda: approve_unregistered_placement(
            child=child, placement=placement, actor=manager, **values
        )

    assert refusal(approve(approved_on=D(2025, 1, 9))) == {
        "approved_on": ["The approval cannot be before the placement started, on 10 January 2025"]
    }
    assert refusal(approve(rationale=" ")) == {
        "rationale": ["Enter why this unregistered setting is right for the child for now"]
    }
    assert snapshot(child) == before
    approve()()
    assert refusal(approve()) == {"placement": ["This placement was approved on 11 January 2025"]}


def test_a_registered_placement_needs_no_approval(child, manager):
    start(child, is_registered=True, registered_on=D(2019, 4, 1))
    assert refusal(
        lambda: approve_unregistered_placement(
            child=child,
            placement=Placement.objects.get(child=child),
            approved_on=D(2025, 1, 11),
            rationale="x",
            actor=manager,
        )
    ) == {"placement": ["This placement is not recorded as unregistered: no approval needed"]}


# Disruption (finding 83).


def test_an_unplanned_move_records_the_disruption(child):
    start(child)
    move(
        child,
        reason="CREQB",
        is_planned=False,
        disruption_reasons="Staff could not manage Lily's night-time distress.",
        is_disruption_meeting_held=True,
        disruption_meeting_on=D(2025, 3, 14),
        disruption_learning="Match with carers trained in trauma-informed care.",
    )
    disruption = PlacementDisruption.objects.get(child=child)
    assert (
        disruption.placement.setting_name,
        disruption.ended_on,
        disruption.reasons,
        disruption.is_meeting_held,
        disruption.meeting_on,
        disruption.learning,
    ) == (
        "Oakfield House",
        D(2025, 3, 1),
        "Staff could not manage Lily's night-time distress.",
        True,
        D(2025, 3, 14),
        "Match with carers trained in trauma-informed care.",
    )


@pytest.mark.parametrize(
    ("details", "expected"),
    [
        ({}, {"disruption_reasons": ["Enter why the placement ended"]}),
        (
            {"disruption_reasons": "Carers gave notice"},
            {"is_disruption_meeting_held": ["Select whether a disruption meeting was held"]},
        ),
        (
            {"disruption_reasons": "Carers gave notice", "is_disruption_meeting_held": True},
            {"disruption_meeting_on": ["Enter the date of the disruption meeting"]},
        ),
        (
            {
                "disruption_reasons": "Carers gave notice",
                "is_disruption_meeting_held": False,
                "disruption_meeting_on": D(2025, 3, 2),
            },
            {"disruption_meeting_on": ["Leave the date blank: no meeting was held"]},
        ),
    ],
)
def test_an_unplanned_move_needs_the_disruption_record(child, details, expected):
    start(child)
    before = snapshot(child)
    assert refusal(lambda: move(child, is_planned=False, **details)) == expected
    assert snapshot(child) == before


def test_a_temporary_move_is_not_a_disruption(child):
    start(child)
    before = snapshot(child)
    assert refusal(
        lambda: move(
            child,
            placement_type="T4",
            provider="",
            reason="",
            placement_postcode="",
            is_planned=False,
            disruption_reasons="x",
            is_disruption_meeting_held=False,
        )
    ) == {
        "is_planned": [
            "A temporary move, or the return from one, does not end the placement: record it "
            "as planned"
        ]
    }
    assert snapshot(child) == before


# Strategy discussion before a move (finding 5).


def test_a_move_that_needs_a_strategy_discussion_needs_a_managers_reason(
    child, social_worker, manager
):
    start(child)
    before = snapshot(child)
    warning = "Lily was missing on 20 February 2025 and no strategy discussion has been held"
    assert refusal(
        lambda: move(child, strategy_discussion_warning=warning, actor=social_worker)
    ) == {
        "no_strategy_discussion_reason": [
            "A strategy discussion has not been held: a manager must record why the move "
            "cannot wait for one"
        ]
    }
    assert refusal(
        lambda: move(
            child,
            strategy_discussion_warning=warning,
            no_strategy_discussion_reason="Carers gave notice",
            actor=social_worker,
        )
    ) == {
        "no_strategy_discussion_reason": [
            "Only a manager can record why the move goes ahead without a strategy discussion"
        ]
    }
    assert snapshot(child) == before
    move(
        child,
        strategy_discussion_warning=warning,
        no_strategy_discussion_reason="The home closed that day; a discussion is booked.",
        actor=manager,
    )
    placement = CareEpisode.objects.get(child=child, end_on=None).placement
    assert (
        placement.strategy_discussion_warning,
        placement.no_strategy_discussion_reason,
        placement.no_strategy_discussion_reason_by,
    ) == (warning, "The home closed that day; a discussion is booked.", manager)


# Stability (finding 20).


def test_placements_with_new_carers_leave_out_temporary_moves_and_returns(child):
    start(child, placement_type="U6", provider="PR1", placement_postcode="WN2 2BB", urn="")
    move(child, on=D(2025, 2, 1), placement_type="T4", provider="", reason="")
    move(child, on=D(2025, 2, 5), reason="")  # back to the same carers
    change_legal_status(child=child, on=D(2025, 3, 1), legal_status="C2")
    move(child, on=D(2025, 4, 1), provider="PR4", placement_postcode="WN3 3DF")
    move(
        child,
        on=D(2025, 5, 1),
        placement_type="U4",
        provider="PR4",
        placement_postcode="WN3 3DF",
        reason="PLACE",
    )
    episodes = list(CareEpisode.objects.filter(child=child).order_by("start_on", "pk"))
    assert [e.start_on for e in placements_with_new_carers(episodes)] == [
        STARTED,
        D(2025, 4, 1),
    ]


# Geography.


def test_distance_along_a_meridian_is_one_degree_of_arc():
    # 1 degree of latitude = 3958.76 miles x pi / 180 = 69.09 miles, by hand.
    assert distance_miles((53.0, -2.0), (54.0, -2.0)) == pytest.approx(69.09, abs=0.01)


def test_distance_along_a_parallel_at_60_degrees():
    # 2 x 3958.76 x asin(cos 60 x sin 0.5 degrees) = 7917.52 x 0.0043632 = 34.55 miles.
    assert distance_miles((60.0, 0.0), (60.0, 1.0)) == pytest.approx(34.55, abs=0.01)
    assert distance_miles((60.0, 1.0), (60.0, 1.0)) == 0


def test_placement_location_from_the_directory():
    record_postcodes(
        [
            ("WN1 1AA", "E08000010", 53.0, -2.0),
            ("wn22bb", "E08000010", 53.0, -2.0),
            ("M1 1AE", "E08000003", 54.0, -2.0),
            ("CH1 1AA", "E06000050", None, None),
        ]
    )
    directory = look_up(["wn1 1aa", "M1 1AE", "CH1 1AA", "ZZ9 9ZZ", ""])
    assert sorted(directory) == ["CH1 1AA", "M1 1AE", "WN1 1AA"]
    far = placement_location(
        home_postcode="WN1 1AA",
        placement_postcode="M1 1AE",
        authority_code="E08000010",
        directory=directory,
    )
    assert (far.distance_miles, far.la_code, far.is_in_area) == (69.1, "E08000003", False)
    unknown = placement_location(
        home_postcode="WN1 1AA",
        placement_postcode="ZZ9 9ZZ",
        authority_code="E08000010",
        directory=directory,
    )
    assert (unknown.distance_miles, unknown.la_code, unknown.is_in_area) == (None, "", None)
    no_grid = placement_location(
        home_postcode="WN1 1AA",
        placement_postcode="CH1 1AA",
        authority_code="E08000010",
        directory=directory,
    )
    assert (no_grid.distance_miles, no_grid.is_in_area) == (None, False)


def test_record_postcodes_is_idempotent():
    rows = [("WN1 1AA", "E08000010", 53.5, -2.6)]
    assert record_postcodes(rows) == 1
    assert record_postcodes([("wn1 1aa", "E08000011", 53.6, -2.7)]) == 1
    assert list(Postcode.objects.values_list("postcode", "la_code", "latitude", "longitude")) == [
        ("WN1 1AA", "E08000011", 53.6, -2.7)
    ]


def load(path) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = 0
    try:
        call_command("load-postcodes", str(path), stdout=out, stderr=err)
    except SystemExit as exit:
        code = exit.code
    return code, out.getvalue(), err.getvalue()


def test_the_load_command_reads_the_postcode_directory(tmp_path):
    csv = tmp_path / "ONSPD.csv"
    csv.write_text(
        "pcd,pcds,dointr,oslaua,osward,lat,long\n"
        "WN1 1AA,WN1 1AA,198001,E08000010,E05000841,53.545064,-2.632507\n"
        "M1  1AE,M1 1AE,198001,E08000003,E05011368,53.480759,-2.242631\n"
        "CH991AA,CH99 1AA,198001,E06000050,E05012345,99.999999,0.000000\n",
        encoding="utf-8",
    )
    assert load(csv) == (0, "Recorded 3 postcodes\n", "")
    assert load(csv) == (0, "Recorded 3 postcodes\n", "")
    assert list(
        Postcode.objects.order_by("postcode").values_list(
            "postcode", "la_code", "latitude", "longitude"
        )
    ) == [
        ("CH99 1AA", "E06000050", None, None),
        ("M1 1AE", "E08000003", 53.480759, -2.242631),
        ("WN1 1AA", "E08000010", 53.545064, -2.632507),
    ]


def test_the_load_command_reports_bad_rows_by_line(tmp_path):
    csv = tmp_path / "bad.csv"
    csv.write_text(
        "pcds,oslaua,lat,long\n"
        "WN1 1AA,E08000010,53.545064,-2.632507\n"
        "NOT A POSTCODE,E08000010,53.5,-2.6\n"
        "WN2 2BB,,53.5,-2.6\n"
        "WN3 3DF,E08000010,north,-2.6\n"
        "WN4 4EE,E08000010,53.5,-200\n",
        encoding="utf-8",
    )
    code, out, err = load(csv)
    assert (code, out) == (1, "Recorded 1 postcodes\n")
    assert err.splitlines() == [
        "bad.csv line 3: pcds 'NOT A POSTCODE' is not a postcode",
        "bad.csv line 4: oslaua '' is not an ONS local authority code",
        "bad.csv line 5: lat 'north' is not a number",
        "bad.csv line 6: long '-200' is out of range",
        "4 row(s) skipped",
    ]
    assert list(Postcode.objects.values_list("postcode", flat=True)) == ["WN1 1AA"]


def test_the_load_command_refuses_a_file_without_the_columns(tmp_path):
    from django.core.management.base import CommandError

    csv = tmp_path / "other.csv"
    csv.write_text("postcode,lat\nWN1 1AA,53.5\n", encoding="utf-8")
    with pytest.raises(CommandError) as raised:
        call_command("load-postcodes", str(csv))
    assert str(raised.value) == (
        f"{csv}: not an ONS Postcode Directory file: missing column(s) pcds, oslaua, long"
    )
    assert Postcode.objects.count() == 0
    assert PeriodOfCare.objects.count() == 0
