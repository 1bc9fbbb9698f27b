"""A child's export holds the oversight of their case: the decisions of case supervision with
its actions, management decisions, and case file audits with the auditor's and the agreed
grade (docs/records.md, docs/oversight.md, docs/audits.md)."""

import json

import pytest
from django.core.management import call_command

from kinfolk.journeys.loader import load_journeys
from kinfolk.records.tests.test_export_of_a_journey import journey, texts_of

pytestmark = pytest.mark.django_db

SUPERVISED = "Keep the plan; ask the school for a weekly note on breakfast club attendance."
ACTION = "Ask the school for the weekly attendance note"
DECIDED = "Hold a family network meeting before the plan review."
RATIONALE = "The aunt's support is the strongest protective factor and is not yet in the plan."
SOUGHT = "Theo has breakfast every school day."


def oversight() -> list[dict]:
    return [
        {"type": "worker", "id": "W3", "name": "Cal Example", "role": "team_manager"},
        {
            "type": "supervision",
            "child": "C7",
            "date": "2025-10-01",
            "supervisor": "W2",
            "decision": SUPERVISED,
            "actions": [{"text": ACTION, "owner": "W1", "due": "2025-10-15"}],
        },
        {
            "type": "management_decision",
            "child": "C7",
            "date": "2025-10-02",
            "by": "W2",
            "decision": DECIDED,
            "rationale": RATIONALE,
            "outcome_sought": SOUGHT,
            "owner": "W1",
            "due": "2025-11-01",
        },
        {
            "type": "case_audit",
            "child": "C7",
            "date": "2025-10-10",
            "auditor": "W3",
            "grade": "good",
            "moderator": "W2",
            "moderated_grade": "requires_improvement",
        },
    ]


def test_the_export_holds_supervision_decisions_and_audit_grades(tmp_path):
    events = journey()
    events[3:3] = oversight()[:1]
    events += oversight()[1:]
    result = load_journeys(json.dumps(event) for event in events)
    assert result.errors == []
    assert (result.counts["supervision"], result.counts["case_audit"]) == (1, 1)

    out = tmp_path / "C7.json"
    call_command("records", "export", "--child", "C7", "--out", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))
    held = set(texts_of([record["fields"] for record in exported]))
    assert {SUPERVISED, ACTION, DECIDED, RATIONALE, SOUGHT} <= held
    audits = [record for record in exported if record["type"] == "audits.caseaudit"]
    assert len(audits) == 1
    assert {"good", "requires_improvement"} <= set(texts_of(audits[0]["fields"]))
    types = {record["type"] for record in exported}
    assert {
        "oversight.casesupervision",
        "oversight.supervisionaction",
        "oversight.managementdecision",
    } <= types
