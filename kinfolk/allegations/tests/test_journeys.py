"""The journey events ``allegation``, ``allegation_consideration`` and ``allegation_outcome``
(docs/journeys.md): lines that load, several children on one allegation, and bad lines
reported by their number."""

import datetime as dt

import pytest

from kinfolk.allegations.models import Allegation
from kinfolk.journeys.tests.test_loader import GOOD, run, write

pytestmark = pytest.mark.django_db

ALLEGATION = {
    "type": "allegation",
    "id": "AL1",
    "child": "C1",
    "at": "2025-12-01T10:20",
    "person": "Pat Example",
    "employer": "Northmoor Primary School",
    "sector": "education",
    "referrer_sector": "health",
    "category": "harm",
}
CONSIDERATION = {
    "type": "allegation_consideration",
    "id": "AL1",
    "date": "2025-12-02",
    "outcome": "strategy_meeting",
    "rationale": "A meeting is needed.",
    "by": "W1",
}
OUTCOME = {"type": "allegation_outcome", "id": "AL1", "date": "2026-01-10", "outcome": "false"}


def load(tmp_path, *events):
    return run(str(write(tmp_path, [*GOOD, *events])))


def test_an_allegation_with_two_children_its_consideration_and_outcome(tmp_path):
    code, _out, err = load(
        tmp_path, ALLEGATION, {**ALLEGATION, "child": "C2"}, CONSIDERATION, OUTCOME
    )
    assert code == 0, err
    allegation = Allegation.objects.get()
    assert (allegation.journey_id, allegation.person_name, allegation.referrer_sector) == (
        "AL1",
        "Pat Example",
        "health",
    )
    assert allegation.is_imported
    assert sorted(allegation.links.values_list("child__la_child_id", flat=True)) == ["C1", "C2"]
    assert allegation.considered_on == dt.date(2025, 12, 2)
    assert allegation.considered_by.username == "W1"
    assert (allegation.outcome, allegation.outcome_on) == ("false", dt.date(2026, 1, 10))


def test_a_consideration_without_a_rationale_is_reported_by_its_line(tmp_path):
    code, _out, err = load(tmp_path, ALLEGATION, {**CONSIDERATION, "rationale": ""})
    assert code != 0
    # The file begins with a comment and a blank line, then the good events.
    assert f"line {len(GOOD) + 4}" in err
    assert "rationale" in err


def test_a_consideration_of_an_unknown_allegation_is_reported(tmp_path):
    code, _out, err = load(tmp_path, {**CONSIDERATION, "id": "AL9"})
    assert code != 0
    assert "allegation AL9 is not recorded" in err


def test_a_bad_sector_is_reported(tmp_path):
    code, _out, err = load(tmp_path, {**ALLEGATION, "sector": "space"})
    assert code != 0
    assert "sector" in err


def test_kinfolk_duties_prints_the_initial_consideration_of_each_child(tmp_path):
    import io
    import json

    from django.core.management import call_command

    code, _out, err = load(tmp_path, ALLEGATION, {**ALLEGATION, "child": "C2"}, CONSIDERATION)
    assert code == 0, err
    out = io.StringIO()
    call_command("duties", "--as-of", "2025-12-03", stdout=out)
    rows = [d for d in json.loads(out.getvalue()) if d["rule"] == "lado-initial-1wd"]
    assert rows == [
        {
            "child": child,
            "rule": "lado-initial-1wd",
            "due": "2025-12-02",
            "completed": "2025-12-02",
            "status": "done",
        }
        for child in ("C1", "C2")
    ]
    out = io.StringIO()
    call_command("duties", "--as-of", "2025-12-01", "--child", "C1", stdout=out)
    rows = [d for d in json.loads(out.getvalue()) if d["rule"] == "lado-initial-1wd"]
    assert rows == [
        {
            "child": "C1",
            "rule": "lado-initial-1wd",
            "due": "2025-12-02",
            "completed": None,
            "status": "due",
        }
    ]
