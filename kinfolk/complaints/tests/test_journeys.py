"""Journey events of complaints (docs/journeys.md, "Allegations, private fostering,
complaints"): a complaint through extension, response, escalation and withdrawal, the duties
``kinfolk duties --as-of`` prints for it, and bad lines reported by their number. All data is
synthetic."""

import io
import json

import pytest
from django.core.management import call_command

from kinfolk.chronology.models import ChronologyEntry
from kinfolk.complaints.models import Complaint, ComplaintResponse
from kinfolk.journeys.tests.test_loader import GOOD, run, write

pytestmark = pytest.mark.django_db

RECEIVED = {
    "type": "complaint",
    "id": "K1",
    "child": "C1",
    "date": "2025-12-19",
    "complainant": "parent",
    "theme": "delay",
}


def test_a_complaint_through_its_stages(tmp_path):
    events = [
        *GOOD,
        RECEIVED,
        {"type": "complaint_extension", "id": "K1", "date": "2026-01-05", "stage": 1},
        {
            "type": "complaint_response",
            "id": "K1",
            "date": "2026-01-20",
            "stage": 1,
            "outcome": "not_upheld",
        },
        {"type": "complaint_escalated", "id": "K1", "date": "2026-02-02", "stage": 2},
        {
            "type": "complaint",
            "id": "K2",
            "child": "C1",
            "date": "2026-02-10",
            "complainant": "child",
            "theme": "Bus passes",
        },
        {
            "type": "complaint_response",
            "id": "K2",
            "date": "2026-02-25",
            "stage": 1,
            "outcome": "upheld",
        },
        {"type": "complaint_withdrawn", "id": "K1", "date": "2026-03-12"},
    ]
    code, out, err = run(str(write(tmp_path, events)))
    assert (code, err) == (0, "")
    assert "complaint 2, complaint_escalated 1, complaint_extension 1" in out
    first, second = Complaint.objects.order_by("received_on")
    assert (first.reference, first.theme.name, first.stage, first.status) == (
        "K1",
        "Delay",
        2,
        "withdrawn",
    )
    # The team that held the child's case on the day: the worker's.
    assert first.team.name == "North"
    assert first.is_imported and first.handled_by is None
    assert (second.theme, second.theme_detail, second.complainant) == (None, "Bus passes", "child")
    assert ComplaintResponse.objects.count() == 2
    assert ChronologyEntry.objects.filter(kind="complaint_withdrawn").count() == 1

    out = io.StringIO()
    call_command("duties", "--as-of", "2026-04-01", "--child", "C1", stdout=out)
    complaints = [d for d in json.loads(out.getvalue()) if d["rule"].startswith("complaint-")]
    # K1: received Friday 19 December 2025, extended, so 20 working days past Christmas, Boxing
    # Day and New Year's Day; stage 2 asked for on Monday 2 February 2026, 25 working days on,
    # withdrawn after that without a response. K2: 10 working days, answered a day late.
    assert complaints == [
        {
            "child": "C1",
            "rule": "complaint-stage1-10wd",
            "due": "2026-01-21",
            "completed": "2026-01-20",
            "status": "done",
        },
        {
            "child": "C1",
            "rule": "complaint-stage1-10wd",
            "due": "2026-02-24",
            "completed": "2026-02-25",
            "status": "done_late",
        },
        {
            "child": "C1",
            "rule": "complaint-stage2-25wd",
            "due": "2026-03-09",
            "completed": None,
            "status": "missed",
        },
    ]


@pytest.mark.parametrize(
    ("event", "message"),
    [
        (
            {
                "type": "complaint_response",
                "id": "K9",
                "date": "2026-01-05",
                "stage": 1,
                "outcome": "upheld",
            },
            "complaint K9 is not recorded (no complaint event before this)",
        ),
        (
            {"type": "complaint_extension", "id": "K1", "date": "2026-01-05", "stage": 3},
            "stage",
        ),
        (
            {
                "type": "complaint_response",
                "id": "K1",
                "date": "2026-01-05",
                "stage": 2,
                "outcome": "upheld",
            },
            "The complaint is at stage 1, not stage 2",
        ),
        (
            {"type": "complaint_escalated", "id": "K1", "date": "2025-12-01", "stage": 2},
            "The request cannot be before 19 December 2025",
        ),
        (
            {**RECEIVED, "id": "K3", "complainant": "neighbour"},
            "complainant",
        ),
    ],
)
def test_bad_complaint_events_are_reported_by_their_line(tmp_path, event, message):
    code, _out, err = run(str(write(tmp_path, [*GOOD, RECEIVED, event])))
    assert code == 1
    assert f"line {len(GOOD) + 4}:" in err
    assert message in err
