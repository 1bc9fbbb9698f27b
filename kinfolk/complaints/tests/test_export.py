"""A child's records export (``kinfolk records export``) holds their complaints, with each
stage's response and the learning actions (docs/complaints.md)."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from kinfolk.complaints import services

pytestmark = pytest.mark.django_db


def test_the_export_of_a_child_holds_their_complaints(complaint, social_worker, tmp_path):
    services.record_response(
        complaint=complaint,
        stage=1,
        responded_on=dt.date(2026, 11, 13),
        outcome="partly_upheld",
        response="We are sorry.",
    )
    services.add_learning_action(
        complaint=complaint,
        text="Tell families when a review moves",
        owner=social_worker,
        due_on=dt.date(2026, 12, 1),
    )
    out = tmp_path / "record.json"
    call_command("records", "export", "--child", complaint.child.la_child_id, "--out", str(out))
    records = json.loads(out.read_text(encoding="utf-8"))
    exported = next(r for r in records if r["type"] == "complaints.complaint")
    assert exported["fields"]["summary"] == "Nobody told me the review had moved."
    assert exported["fields"]["complainant"] == "parent"
    response = next(r for r in records if r["type"] == "complaints.complaintresponse")
    assert (response["fields"]["outcome"], response["fields"]["response"]) == (
        "partly_upheld",
        "We are sorry.",
    )
    action = next(r for r in records if r["type"] == "complaints.learningaction")
    assert action["fields"]["text"] == "Tell families when a review moves"
