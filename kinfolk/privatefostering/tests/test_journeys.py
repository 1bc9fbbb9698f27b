"""Journey events of private fostering: ``private_fostering_start``, ``private_fostering_end``
and ``visit`` of kind ``private_fostering`` (docs/journeys.md), their refusals reported by line,
and the visit duties as ``kinfolk duties --as-of`` prints them. All data is synthetic."""

import io
import json

import pytest
from django.core.management import call_command

from kinfolk.casework.models import Visit
from kinfolk.journeys.tests.test_loader import GOOD, run, write
from kinfolk.privatefostering.models import Arrangement

pytestmark = pytest.mark.django_db(transaction=True)

CARER = {"type": "adult", "id": "A9", "first_name": "Jo", "last_name": "Example"}
START = {
    "type": "private_fostering_start",
    "child": "C1",
    "date": "2025-12-01",
    "notified_on": "2025-12-22",
    "carer": "A9",
}


def test_an_arrangement_loads_with_its_visits_and_duties(tmp_path):
    events = [
        *GOOD[:3],
        CARER,
        START,
        {
            "type": "visit",
            "child": "C1",
            "date": "2026-01-06",
            "kind": "private_fostering",
            "seen": True,
        },
        {
            "type": "visit",
            "child": "C1",
            "date": "2026-02-10",
            "kind": "private_fostering",
            "seen": True,
            "seen_alone": True,
        },
        {"type": "private_fostering_end", "child": "C1", "date": "2026-03-02"},
    ]
    code, out, err = run(str(write(tmp_path, events)))
    assert (code, err) == (0, "")
    arrangement = Arrangement.objects.get()
    assert (str(arrangement.began_on), str(arrangement.notified_on), str(arrangement.ended_on)) == (
        "2025-12-01",
        "2025-12-22",
        "2026-03-02",
    )
    assert (arrangement.carer.reference, arrangement.carer_name, arrangement.is_imported) == (
        "A9",
        "Jo Example",
        True,
    )
    assert Visit.objects.filter(kind="private_fostering").count() == 2

    out = io.StringIO()
    call_command("duties", "--as-of", "2026-04-01", "--child", "C1", stdout=out)
    duties = [d for d in json.loads(out.getvalue()) if d["rule"].startswith("pf-")]
    assert duties == [
        {
            "child": "C1",
            "rule": "pf-first-visit-7wd",
            "due": "2026-01-05",
            "completed": "2026-01-06",
            "status": "done_late",
        },
        {
            "child": "C1",
            "rule": "pf-visit-6w",
            "due": "2026-02-17",
            "completed": "2026-02-10",
            "status": "done",
        },
        {
            "child": "C1",
            "rule": "pf-visit-6w",
            "due": "2026-03-24",
            "completed": None,
            "status": "cancelled",
        },
    ]


def test_notified_on_defaults_to_the_start_and_the_carer_is_optional(tmp_path):
    start = {"type": "private_fostering_start", "child": "C1", "date": "2025-06-02"}
    code, _out, err = run(str(write(tmp_path, [*GOOD[:3], start])))
    assert (code, err) == (0, "")
    arrangement = Arrangement.objects.get()
    assert (str(arrangement.notified_on), arrangement.carer) == ("2025-06-02", None)


@pytest.mark.parametrize(
    ("event", "message"),
    [
        ({**START, "carer": "A1"}, "no adult A1 is recorded"),
        (
            {"type": "private_fostering_end", "child": "C1", "date": "2025-06-02"},
            "no current private fostering arrangement",
        ),
        (
            {
                "type": "visit",
                "child": "C1",
                "date": "2025-06-02",
                "kind": "private_fostering",
                "seen": True,
            },
            "no current private fostering arrangement",
        ),
        ({**START, "where": "here"}, "where"),
    ],
)
def test_a_bad_line_is_reported_by_its_number(tmp_path, event, message):
    events = [*GOOD[:3], CARER, event]
    code, _out, err = run(str(write(tmp_path, events)))
    assert code == 1
    # Two lines of comment and blank before the events.
    assert f"line {len(events) + 2}:" in err
    assert message in err
    assert not Arrangement.objects.exists()
