"""The demo's private fostering (kinfolk/demo/private_fostering.py): a handful of notifications
at the small size and 15 to 30 at the medium, loaded through the journey, with the checks and
assessments recorded after; at the medium size every status of the three visit duties
appears."""

import datetime as dt
import json
from collections import Counter

import pytest

from kinfolk.demo.private_fostering import foster_privately, record_checks
from kinfolk.duties.models import Duty
from kinfolk.duties.rules import status_on
from kinfolk.journeys.loader import load_journeys
from kinfolk.privatefostering.models import Arrangement, SuitabilityAssessment

pytestmark = pytest.mark.django_db(transaction=True)

AS_OF = dt.date(2026, 11, 30)
AUTHORITY = {
    "type": "authority",
    "name": "Demo Borough",
    "la_number": "310",
    "la_code": "E08000010",
}
WORKER = {"id": "W1", "name": "Ada Example", "role": "social_worker", "team": "North"}


def events(children):
    workers = {"social_worker": [WORKER]}
    head = [AUTHORITY, {"type": "worker", **WORKER}]
    return list(foster_privately(head, seed="t:1", as_of=AS_OF, children=children, workers=workers))


def test_the_counts_scale_with_the_authority():
    small = [e for e in events(700) if e["type"] == "private_fostering_start"]
    medium = [e for e in events(7000) if e["type"] == "private_fostering_start"]
    assert len(small) == 6
    assert 15 <= len(medium) <= 30


def test_every_status_of_the_visit_duties_appears_at_the_medium_size():
    result = load_journeys(json.dumps(event) for event in events(7000))
    assert result.errors == []
    assert record_checks(AS_OF) > 0
    assert SuitabilityAssessment.objects.exists()
    assert Arrangement.objects.filter(ended_on__isnull=False).exists()
    statuses = Counter(
        (
            duty.rule,
            status_on(
                AS_OF,
                due_on=duty.due_on,
                completed_on=duty.completed_on,
                context_ended_on=duty.context_ended_on,
            ),
        )
        for duty in Duty.objects.filter(rule__startswith="pf-")
    )
    for rule in ("pf-first-visit-7wd", "pf-visit-6w"):
        assert {s for r, s in statuses if r == rule} >= {"done", "done_late", "overdue"}, statuses
    assert {s for r, s in statuses if r == "pf-visit-6w"} >= {"due", "cancelled", "missed"}
    assert {s for r, s in statuses if r == "pf-first-visit-7wd"} >= {"cancelled"}
    assert {s for r, s in statuses if r == "pf-visit-12w"} >= {"done", "done_late", "overdue"}
