"""Loading journey files: all or nothing, with every failing line reported."""

import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from kinfolk.access.models import AccessRecord
from kinfolk.care.models import CareEpisode
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.models import Authority
from kinfolk.people.models import Adult, Child, Relationship
from kinfolk.workforce.models import Allocation, User

pytestmark = pytest.mark.django_db

GOOD = [
    {
        "type": "authority",
        "name": "Northmoor",
        "la_number": "359",
        "la_code": "E08000010",
        "postcode_prefixes": ["wn"],
    },
    {
        "type": "worker",
        "id": "W1",
        "name": "Ada Okafor",
        "role": "social_worker",
        "team": "North",
        "qualified": True,
    },
    {
        "type": "child",
        "id": "C1",
        "first_name": "Lily",
        "last_name": "Smith",
        "sex": "F",
        "ethnicity": "WBRI",
        "dob": "2015-04-03",
        "nhs_number": "9434765919",
        "postcode": "WN1 1AA",
        "disabilities": ["NONE"],
    },
    {
        "type": "child",
        "id": "C2",
        "first_name": "Sam",
        "last_name": "Smith",
        "sex": "U",
        "ethnicity": "WBRI",
        "expected_dob": "2026-12-20",
    },
    {"type": "relationship", "child": "C2", "other": "C1", "kind": "sibling"},
    {"type": "relationship", "child": "C1", "other": "A1", "kind": "mother", "lives_with": True},
    {"type": "allocation", "child": "C1", "date": "2025-01-06", "worker": "W1"},
    {"type": "motherhood", "child": "C1", "first_child_dob": "2031-01-01"},
]


def write(tmp_path, events, extra_lines=()):
    path = tmp_path / "journey.jsonl"
    lines = ["# a comment", ""] + [json.dumps(e) for e in events] + list(extra_lines)
    path.write_text("\n".join(lines) + "\n")
    return path


def run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("load-journeys", *args, stdout=out, stderr=err)
    except SystemExit as exit_:
        return exit_.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def snapshot():
    return (
        Child.objects.count(),
        Adult.objects.count(),
        User.objects.count(),
        Allocation.objects.count(),
        ChronologyEntry.objects.count(),
        Relationship.objects.count(),
        AccessRecord.objects.count(),
    )


def test_a_valid_file_loads_through_the_services(tmp_path):
    events = GOOD[:-1]
    code, out, err = run(str(write(tmp_path, events)))
    assert (code, err) == (0, "")
    assert out.strip() == (
        "Loaded 7 events: allocation 1, authority 1, child 2, relationship 2, worker 1"
    )
    lily = Child.objects.get(la_child_id="C1")
    assert lily.allocations.get().worker.username == "W1"
    assert Authority.current().postcode_prefixes == ["WN"]
    assert Adult.objects.get().reference == "A1"
    assert Relationship.objects.filter(child=lily, kind="sibling").exists()
    assert Child.objects.get(la_child_id="C2").expected_date_of_birth == dt.date(2026, 12, 20)
    assert set(AccessRecord.objects.values_list("child__la_child_id", "action")) == {
        ("C1", "change"),
        ("C2", "change"),
    }


def test_a_malformed_file_is_rejected_with_line_numbers_and_changes_nothing(tmp_path):
    run(str(write(tmp_path, GOOD[:2])))
    before = snapshot()
    bad = [
        *GOOD[2:4],
        {
            "type": "child",
            "id": "C3",
            "first_name": "Noah",
            "last_name": "Jones",
            "sex": "X",
            "ethnicity": "WBRI",
            "dob": "2016-02-30",
            "colour": "blue",
        },
        {"type": "allocation", "child": "C1", "date": "2025-01-06", "worker": "W99"},
        {"type": "cla_review", "child": "C1", "date": "2025-02-01", "participation": "PN9"},
        {"type": "teleport", "child": "C1"},
    ]
    code, out, err = run(str(write(tmp_path, bad, extra_lines=["{not json"])))
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "line 5: child C3: unknown field 'colour'; sex 'X' is not a Sex code (M, F, U); "
        "dob 2016-02-30 is not a real date",
        "line 7: cla_review for child C1: participation 'PN9' is not a ReviewParticipation "
        "code (PN0, PN1, PN2, PN3, PN4, PN5, PN6, PN7)",
        "line 8: unknown event type 'teleport'",
        "line 9: not valid JSON (Expecting property name enclosed in double quotes, column 2)",
        "4 line(s) failed; nothing was loaded",
    ]
    assert snapshot() == before


def test_service_refusals_are_reported_and_roll_everything_back(tmp_path):
    events = [
        *GOOD[:3],
        {"type": "allocation", "child": "C1", "date": "2025-01-06", "worker": "W99"},
        {
            "type": "child",
            "id": "C4",
            "first_name": "Ava",
            "last_name": "Brown",
            "sex": "F",
            "ethnicity": "BAFR",
            "dob": "2017-01-01",
            "nhs_number": "9434765919",
        },
        {"type": "motherhood", "child": "C1", "first_child_dob": "2014-01-01"},
    ]
    code, _out, err = run(str(write(tmp_path, events)))
    assert code == 1
    assert err.splitlines() == [
        "line 6: allocation: worker W99 is not recorded (no worker event before this)",
        "line 7: child C4: nhs_number: This NHS number is already recorded for another child",
        "line 8: motherhood for child C1: first_child_born_on: Her first child's date of "
        "birth must be after her own",
        "3 line(s) failed; nothing was loaded",
    ]
    assert snapshot() == (0, 0, 0, 0, 0, 0, 0)


def test_a_childs_events_must_be_in_date_order(tmp_path):
    events = [
        *GOOD[:3],
        {"type": "allocation", "child": "C1", "date": "2025-03-01", "worker": "W1"},
        {"type": "death", "child": "C1", "date": "2025-02-01"},
    ]
    code, _out, err = run(str(write(tmp_path, events)))
    assert code == 1
    assert err.splitlines()[0] == (
        "line 7: death for child C1 on 2025-02-01 comes after an event on 2025-03-01 "
        "(line 6): a child's events must be in date order"
    )


def test_loading_twice_is_refused_unless_replacing(tmp_path):
    path = str(write(tmp_path, GOOD[:3]))
    assert run(path)[0] == 0
    code, _out, err = run(path)
    assert code == 1
    assert (
        "line 5: child: child C1 is already recorded (load with --replace to load it again)" in err
    )
    old_pk = Child.objects.get().pk
    assert run(path, "--replace")[0] == 0
    assert Child.objects.get().pk != old_pk
    assert AccessRecord.objects.filter(child_id=old_pk).count() == 1


def test_a_child_in_care_is_replaced_with_their_placements(tmp_path):
    """A care episode protects its placement, so a plain deletion of the child is refused;
    loading the child again in place of the one loaded must remove both."""
    events = [
        *GOOD[:3],
        {
            "type": "care_start",
            "child": "C1",
            "date": "2025-06-02",
            "legal_status": "V2",
            "category_of_need": "N1",
            "placement": "U3",
            "provider": "PR1",
            "placement_postcode": "WN1 2XR",
            "urn": "SC059311",
        },
    ]
    path = str(write(tmp_path, events))
    assert run(path)[0] == 0
    assert CareEpisode.objects.filter(child__la_child_id="C1", placement__isnull=False).exists()
    old_pk = Child.objects.get().pk

    code, _out, err = run(path, "--replace")

    assert (code, err) == (0, "")
    child = Child.objects.get()
    assert child.pk != old_pk
    assert CareEpisode.objects.filter(child=child).count() == 1
    assert not CareEpisode.objects.filter(child_id=old_pk).exists()


def test_per_child_keeps_the_children_that_load(tmp_path):
    events = [
        *GOOD[:4],
        {"type": "death", "child": "C1", "date": "2014-01-01"},
        {"type": "relationship", "child": "C2", "other": "C1", "kind": "sibling"},
    ]
    code, out, err = run(str(write(tmp_path, events)), "--per-child")
    assert code == 1
    assert err.splitlines() == [
        "line 7: death for child C1 on 2014-01-01 comes after an event on 2015-04-03 (line 5): "
        "a child's events must be in date order",
        "line 8: relationship: child C1 must be recorded before a relationship to them",
        "2 line(s) failed; 1 children loaded",
    ]
    assert list(Child.objects.values_list("la_child_id", flat=True)) == ["C2"]
    assert Adult.objects.count() == 0
    assert "child 1" in out


def test_standard_input(monkeypatch):
    monkeypatch.setattr("sys.stdin", io.StringIO("\n".join(json.dumps(e) for e in GOOD[:3])))
    code, out, _err = run("-")
    assert code == 0
    assert "child 1" in out


def test_a_missing_file_is_a_precise_error(tmp_path):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match=r"no-such\.jsonl: no such file"):
        call_command("load-journeys", str(tmp_path / "no-such.jsonl"))
