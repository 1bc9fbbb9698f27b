"""The ``case_audit`` journey event (docs/journeys.md, "Oversight"): a completed audit with
its grade on the template in use, moderated when a moderator is named; bad lines refused."""

import pytest

from kinfolk.audits.choices import AuditSource, AuditStatus
from kinfolk.audits.models import CaseAudit
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.journeys.tests.test_loader import GOOD, run, write

pytestmark = pytest.mark.django_db

MANAGERS = [
    {"type": "worker", "id": f"M{n}", "name": name, "role": "team_manager", "team": team}
    for n, (name, team) in enumerate([("Ola Reed", "South"), ("Kit Lowe", "East")], start=1)
]
AUDIT = {
    "type": "case_audit",
    "child": "C1",
    "date": "2025-03-10",
    "auditor": "M1",
    "grade": "good",
}


def load(tmp_path, *events):
    return run(str(write(tmp_path, [*GOOD, *MANAGERS, *events])))


def test_a_case_audit_is_completed_with_its_grade(tmp_path):
    code, _out, err = load(tmp_path, AUDIT)
    assert code == 0, err
    audit = CaseAudit.objects.get()
    assert audit.status == AuditStatus.COMPLETED
    assert audit.grade == "good"
    assert audit.auditor.username == "M1"
    assert audit.worker.username == "W1"
    assert audit.source == AuditSource.IMPORTED
    assert not audit.question_grades.exists()
    assert ChronologyEntry.objects.filter(kind="case_audit", summary="Case file audited: Good")


def test_a_moderated_case_audit_has_the_agreed_grade(tmp_path):
    code, _out, err = load(
        tmp_path, {**AUDIT, "moderator": "M2", "moderated_grade": "requires_improvement"}
    )
    assert code == 0, err
    audit = CaseAudit.objects.get()
    assert audit.status == AuditStatus.MODERATED
    assert audit.agreed_grade == "requires_improvement"
    assert audit.moderator.username == "M2"


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({**AUDIT, "grade": "excellent"}, "grade"),
        ({**AUDIT, "moderator": "M2"}, "Give the agreed grade of the moderation"),
        ({**AUDIT, "moderated_grade": "good"}, "Name who moderated the audit"),
        ({**AUDIT, "moderator": "M1", "moderated_grade": "good"}, "A second auditor moderates"),
        ({**AUDIT, "auditor": "W1"}, "Choose someone who audits case files"),
        ({key: value for key, value in AUDIT.items() if key != "auditor"}, "auditor"),
    ],
)
def test_bad_case_audits_are_refused(tmp_path, event, message):
    code, _out, err = load(tmp_path, event)
    assert code != 0
    assert message in err
    assert not CaseAudit.objects.exists()
