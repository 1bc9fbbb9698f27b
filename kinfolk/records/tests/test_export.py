"""``kinfolk records export``: every record held about a child as one JSON document."""

import json

import pytest
from django.core.management import CommandError, call_command

from kinfolk.access.models import AccessRecord
from kinfolk.records.collect import collect_child_record
from kinfolk.records.tests.scenario import NOTE, load_scenario

pytestmark = pytest.mark.django_db


@pytest.fixture
def maya(social_worker):
    return load_scenario(social_worker)


def export(tmp_path, child_id="C42"):
    out = tmp_path / "record.json"
    call_command("records", "export", "--child", child_id, "--out", str(out))
    return json.loads(out.read_text(encoding="utf-8"))


def test_the_export_holds_records_from_every_part_of_kinfolk(maya, tmp_path):
    records = export(tmp_path)
    types = {record["type"] for record in records}
    assert records[0]["type"] == "people.child"
    assert records[0]["fields"]["la_child_id"] == "C42"
    assert {
        "people.child",
        "people.address",
        "people.relationship",
        "frontdoor.contact",
        "casework.childinneedepisode",
        "casework.assessment",
        "casework.plan",
        "casework.planoutcome",
        "casework.planaction",
        "casework.casenote",
        "protection.strategydiscussion",
        "protection.section47enquiry",
        "chronology.chronologyentry",
    } <= types
    assert not types & {"access.accessrecord", "duties.duty", "people.historicalchild"}
    # Nothing of the sibling's own record, except what links them.
    assert not [r for r in records if r["type"] == "people.child" and r["id"] != maya.pk]


def test_each_record_carries_its_type_id_dates_author_and_fields_in_full(maya, tmp_path):
    records = export(tmp_path)
    note = next(record for record in records if record["type"] == "casework.casenote")
    assert note["fields"]["text"] == NOTE
    assert note["fields"]["kind"] == "home_visit"
    assert note["fields"]["child"] == "C42"
    assert note["date"] == "2025-05-10T16:00"  # local time, British Summer Time
    assert note["dates"]["occurred_at"] == "2025-05-10T16:00"
    assert note["author"] == {"username": "sam_social", "name": "Sam Social"}
    assert isinstance(note["id"], int)
    action = next(record for record in records if record["type"] == "casework.planaction")
    plan = next(record for record in records if record["type"] == "casework.plan")
    assert action["fields"]["plan"] == plan["id"]
    assert action["fields"]["due_on"] == "2025-06-01"
    assert action["fields"]["owner"] == "sam_social"
    contact = next(record for record in records if record["type"] == "frontdoor.contact")
    assert contact["fields"]["source"] == "2A"
    assert contact["documents"] == []


def test_the_export_is_written_to_the_access_log(maya, tmp_path):
    records = export(tmp_path)
    logged = AccessRecord.objects.get(child=maya, action="export")
    assert logged.what == f"Exported the whole record ({len(records)} records)"
    assert logged.source == "kinfolk records export"


def test_an_unknown_child_is_refused_and_nothing_is_written(maya, tmp_path):
    out = tmp_path / "record.json"
    with pytest.raises(CommandError, match=r"^no child with identifier C999$"):
        call_command("records", "export", "--child", "C999", "--out", str(out))
    assert not out.exists()
    assert not AccessRecord.objects.filter(action="export").exists()


def test_records_reached_through_another_record_are_collected_once(maya):
    """The walk reads the installed models: records reached through a record of the child
    (a plan's actions through its plan) are found without being named anywhere, once."""
    keys = [record.key for record in collect_child_record(maya)]
    assert len(keys) == len(set(keys))
    assert any(key.startswith("casework.planaction:") for key in keys)
