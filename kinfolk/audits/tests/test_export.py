"""A child's records export (``kinfolk records export``) holds their case file audits, with
the grades, the worker's response and the actions (docs/audits.md)."""

import json

import pytest
from django.core.management import call_command

from kinfolk.audits.choices import Grade
from kinfolk.audits.services import add_action, moderate_audit, respond_to_audit
from kinfolk.audits.tests.test_services import AUDITED, completed

pytestmark = pytest.mark.django_db


def test_the_export_of_an_audited_child_holds_the_audit_and_its_grade(
    audit, auditor, moderator, social_worker, tmp_path
):
    done = completed(audit, auditor)
    done = moderate_audit(
        audit=done,
        moderator=moderator,
        moderated_grade=Grade.REQUIRES_IMPROVEMENT,
        rationale="No contingency",
        moderated_on=AUDITED,
    )
    respond_to_audit(audit=done, response="Contingency to follow", actor=social_worker)
    add_action(audit=done, text="Write the contingency", owner=social_worker, due_on=AUDITED)
    out = tmp_path / "record.json"
    call_command("records", "export", "--child", audit.child.la_child_id, "--out", str(out))
    records = json.loads(out.read_text(encoding="utf-8"))
    exported = next(r for r in records if r["type"] == "audits.caseaudit")
    assert exported["fields"]["grade"] == "good"
    assert exported["fields"]["moderated_grade"] == "requires_improvement"
    assert exported["fields"]["worker_response"] == "Contingency to follow"
    types = {r["type"] for r in records}
    assert {"audits.questiongrade", "audits.auditaction"} <= types
