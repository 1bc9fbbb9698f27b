"""Journey events of oversight: ``supervision`` and ``management_decision`` (docs/journeys.md,
"Oversight"), their refusals, and the case supervision duty they complete as
``kinfolk duties --as-of`` prints it. All data is synthetic."""

import io
import json

import pytest
from django.core.management import call_command

from kinfolk.chronology.models import ChronologyEntry
from kinfolk.journeys.tests.test_loader import GOOD, run, write
from kinfolk.oversight.models import (
    CaseSupervision,
    ManagementDecision,
    SupervisionAction,
    SupervisionSession,
)

pytestmark = pytest.mark.django_db

MANAGER = {
    "type": "worker",
    "id": "M1",
    "name": "Mo Manager",
    "role": "team_manager",
    "team": "North",
}
CASE = [
    *GOOD[:4],
    MANAGER,
    {"type": "allocation", "child": "C1", "date": "2025-01-06", "worker": "W1"},
    {"type": "referral", "child": "C1", "date": "2025-01-31", "source": "2A"},
]


def test_supervision_rows_of_one_sitting_join_one_session(tmp_path):
    events = [
        *CASE,
        {
            "type": "child",
            "id": "C3",
            "first_name": "Ivy",
            "last_name": "Brook",
            "sex": "F",
            "ethnicity": "WBRI",
            "dob": "2016-05-01",
        },
        {"type": "allocation", "child": "C3", "date": "2025-01-06", "worker": "W1"},
        {
            "type": "supervision",
            "child": "C1",
            "date": "2025-02-27",
            "supervisor": "M1",
            "decision": "Continue the plan; see Lily alone.",
            "actions": [{"text": "See Lily alone at school", "owner": "W1", "due": "2025-03-07"}],
        },
        {
            "type": "supervision",
            "child": "C3",
            "date": "2025-02-27",
            "supervisor": "M1",
            "worker": "W1",
            "decision": "Close after the review.",
        },
        {
            "type": "management_decision",
            "child": "C1",
            "date": "2025-03-03",
            "by": "M1",
            "decision": "Hold a family meeting",
            "rationale": "The family asked to plan together",
            "outcome_sought": "Lily gets to school every day",
            "owner": "W1",
            "due": "2025-03-31",
        },
    ]
    code, out, err = run(str(write(tmp_path, events)))
    assert (code, err) == (0, "")
    assert "management_decision 1, referral 1, supervision 2" in out
    session = SupervisionSession.objects.get()
    assert (session.supervisor.username, session.worker.username) == ("M1", "W1")
    assert sorted(CaseSupervision.objects.values_list("child__la_child_id", flat=True)) == [
        "C1",
        "C3",
    ]
    action = SupervisionAction.objects.get()
    assert (action.owner.username, str(action.due_on)) == ("W1", "2025-03-07")
    decision = ManagementDecision.objects.get()
    assert (decision.outcome_sought, decision.owner.username) == (
        "Lily gets to school every day",
        "W1",
    )
    assert (
        ChronologyEntry.objects.filter(
            kind__in=["case_supervision", "management_decision"], is_significant=True
        ).count()
        == 3
    )

    out = io.StringIO()
    call_command("duties", "--as-of", "2025-04-01", "--child", "C1", stdout=out)
    supervision = [d for d in json.loads(out.getvalue()) if d["rule"] == "case-supervision-1m"]
    assert supervision == [
        {
            "child": "C1",
            "rule": "case-supervision-1m",
            "due": "2025-02-28",
            "completed": "2025-02-27",
            "status": "done",
        },
        {
            "child": "C1",
            "rule": "case-supervision-1m",
            "due": "2025-03-27",
            "completed": None,
            "status": "overdue",
        },
    ]


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            {
                "type": "supervision",
                "child": "C1",
                "date": "2025-02-27",
                "supervisor": "W1",
                "decision": "Continue",
            },
            "A supervisor cannot supervise their own cases",
        ),
        (
            {
                "type": "supervision",
                "child": "C1",
                "date": "2025-02-27",
                "supervisor": "M1",
                "decision": "Continue",
                "actions": [{"text": "Visit", "owner": "W1"}],
            },
            "entry 1: missing fields: due",
        ),
        (
            {
                "type": "supervision",
                "child": "C1",
                "date": "2025-02-27",
                "supervisor": "M1",
                "decision": "Continue",
                "actions": [{"text": "Visit", "owner": "W1", "due": "2025-02-01"}],
            },
            "Action 1 must be due on or after the supervision, 27 February 2025",
        ),
        (
            {
                "type": "supervision",
                "child": "C2",
                "date": "2025-02-27",
                "supervisor": "M1",
                "decision": "Continue",
            },
            "no worker is allocated that day",
        ),
        (
            {
                "type": "management_decision",
                "child": "C1",
                "date": "2025-03-03",
                "by": "M1",
                "decision": "Meet",
                "rationale": "Why",
                "due": "2025-03-01",
            },
            "The date it happens by must be on or after the decision, 3 March 2025",
        ),
        (
            {
                "type": "management_decision",
                "child": "C1",
                "date": "2025-03-03",
                "by": "M1",
                "decision": "Meet",
            },
            "rationale",
        ),
    ],
)
def test_bad_oversight_events_are_refused_in_casework_words(tmp_path, event, message):
    code, _out, err = run(str(write(tmp_path, [*CASE, event])))
    assert code == 1
    assert f"line {len(CASE) + 3}:" in err
    assert message in err
