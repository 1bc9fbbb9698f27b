"""The engine: duties recomputed when casework commits, the sweep, the check and the
``kinfolk duties`` command."""

import io
import json

import pytest
from django.core.management import CommandError, call_command

from kinfolk.duties.engine import sweep, verify
from kinfolk.duties.models import Duty
from kinfolk.frontdoor.models import Contact
from kinfolk.journeys.loader import load_journeys
from kinfolk.protection.models import Section47Enquiry

pytestmark = pytest.mark.django_db(transaction=True)

JOURNEY = [
    {"type": "worker", "id": "W1", "name": "Ada Okafor", "role": "social_worker"},
    {
        "type": "child",
        "id": "C1",
        "first_name": "Lily",
        "last_name": "Smith",
        "sex": "F",
        "ethnicity": "WBRI",
        "dob": "2015-04-03",
    },
    {"type": "contact", "child": "C1", "at": "2025-03-03T10:15", "source": "2A"},
    {
        "type": "screening",
        "child": "C1",
        "at": "2025-03-04T09:00",
        "outcome": "referral",
        "rationale": "Bruising seen at school",
    },
    {"type": "referral", "child": "C1", "date": "2025-03-04", "source": "2A", "primary_need": "N1"},
    {"type": "assessment_start", "child": "C1", "date": "2025-03-04"},
    {"type": "strategy_discussion", "child": "C1", "date": "2025-03-05", "outcome": "s47"},
    {"type": "s47_start", "child": "C1", "date": "2025-03-05"},
    {"type": "icpc", "child": "C1", "date": "2025-03-27", "plan": True, "category": "PHY"},
    {"type": "core_group", "child": "C1", "date": "2025-04-03"},
]


def load(events):
    result = load_journeys([json.dumps(e) for e in events])
    assert result.ok, result.errors


def stored():
    return sorted(Duty.objects.values_list("rule", "due_on", "completed_on", "context_ended_on"))


def test_duties_are_recomputed_when_casework_commits():
    load(JOURNEY)
    rules = [row[0] for row in stored()]
    assert rules == [
        "assessment-45wd",
        "case-supervision-1m",
        "core-group-10wd",
        "cp-review-first-3m",
        "cp-visit-10wd",
        "icpc-15wd",
        "screening-1wd",
    ]
    load(
        [{"type": "assessment_authorised", "child": "C1", "date": "2025-04-25", "factors": ["18C"]}]
    )
    assessment = Duty.objects.get(rule="assessment-45wd")
    assert str(assessment.completed_on) == "2025-04-25"
    assert verify() == []


def test_a_failed_load_leaves_duties_untouched():
    load(JOURNEY)
    before = stored()
    result = load_journeys(
        [json.dumps({"type": "core_group", "child": "C1", "date": "2025-02-01"})]
    )
    assert not result.ok
    assert stored() == before


def test_verify_reports_a_difference_and_the_sweep_mends_it():
    load(JOURNEY)
    Duty.objects.filter(rule="icpc-15wd").update(due_on="2025-04-30")
    Duty.objects.filter(rule="screening-1wd").delete()
    enquiry = Section47Enquiry.objects.get().pk
    contact = Contact.objects.get().pk
    differences = [str(d) for d in verify()]
    assert differences == [
        f"child C1 icpc-15wd enquiry:{enquiry}: stored trigger_on=2025-03-05 due_on=2025-04-30 "
        "completed_on=2025-03-27 context_ended_on=None, full computation trigger_on=2025-03-05 "
        "due_on=2025-03-26 completed_on=2025-03-27 context_ended_on=None",
        f"child C1 screening-1wd contact:{contact}: stored nothing, full computation "
        "trigger_on=2025-03-03 due_on=2025-03-04 completed_on=2025-03-04 "
        "context_ended_on=None",
    ]
    out, err = io.StringIO(), io.StringIO()
    with pytest.raises(SystemExit) as exit_:
        call_command("duties", "--verify", stdout=out, stderr=err)
    assert exit_.value.code == 1
    assert err.getvalue().strip() == "2 differences between incremental and full computation"
    assert sweep() == 2
    assert verify() == []
    out = io.StringIO()
    call_command("duties", "--verify", stdout=out)
    assert out.getvalue().strip() == (
        "No differences: the stored duties of 1 children match a full computation"
    )


def test_the_as_of_command_prints_the_contract_json():
    load(JOURNEY)
    out = io.StringIO()
    call_command("duties", "--as-of", "2025-03-20", "--child", "C1", stdout=out)
    assert json.loads(out.getvalue()) == [
        {
            "child": "C1",
            "rule": "screening-1wd",
            "due": "2025-03-04",
            "completed": "2025-03-04",
            "status": "done",
        },
        {
            "child": "C1",
            "rule": "icpc-15wd",
            "due": "2025-03-26",
            "completed": None,
            "status": "due",
        },
        {
            "child": "C1",
            "rule": "case-supervision-1m",
            "due": "2025-04-04",
            "completed": None,
            "status": "due",
        },
        {
            "child": "C1",
            "rule": "assessment-45wd",
            "due": "2025-05-09",
            "completed": None,
            "status": "due",
        },
    ]
    out = io.StringIO()
    call_command("duties", "--as-of", "2025-04-10", "--format", "table", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].split() == ["child", "rule", "due", "completed", "status"]
    assert lines[2].split() == ["C1", "icpc-15wd", "2025-03-26", "2025-03-27", "done_late"]


def test_the_command_refuses_bad_input():
    with pytest.raises(CommandError, match="--as-of must be a date written YYYY-MM-DD"):
        call_command("duties", "--as-of", "20-03-2025")
    with pytest.raises(CommandError, match="No child has the ID C404"):
        call_command("duties", "--as-of", "2025-03-20", "--child", "C404")
