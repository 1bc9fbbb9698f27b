"""A child with records in several parts of Kinfolk, recorded through the services (a journey
file and the casework services), and a sibling."""

import datetime as dt
import json

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.services import record_case_note
from kinfolk.casework.services.plans import add_plan_action, add_plan_outcome, open_plan
from kinfolk.journeys.loader import load_journeys
from kinfolk.people.models import Child

NOTE = (
    "Home visit. Maya showed me her room and talked about school; her uncle Dev Patel was "
    "there and said he looks after her on Fridays.\nShe asked when I would come again."
)

JOURNEY = [
    {
        "type": "child",
        "id": "C42",
        "first_name": "Maya",
        "last_name": "Okafor",
        "sex": "F",
        "ethnicity": "BAFR",
        "dob": "2014-02-11",
        "postcode": "WN1 1AA",
    },
    {
        "type": "child",
        "id": "C43",
        "first_name": "Tayo",
        "last_name": "Okafor",
        "sex": "M",
        "ethnicity": "BAFR",
        "dob": "2011-07-30",
    },
    {"type": "relationship", "child": "C42", "other": "C43", "kind": "sibling"},
    {
        "type": "contact",
        "child": "C42",
        "at": "2025-04-01T09:30",
        "source": "2A",
        "concern": "School reports bruising on Maya's arm.",
    },
    {
        "type": "referral",
        "child": "C42",
        "date": "2025-04-02",
        "source": "2A",
        "primary_need": "N1",
    },
    {"type": "assessment_start", "child": "C42", "date": "2025-04-03"},
    {"type": "strategy_discussion", "child": "C42", "date": "2025-04-04", "outcome": "s47"},
    {"type": "s47_start", "child": "C42", "date": "2025-04-04"},
    {"type": "assessment_authorised", "child": "C42", "date": "2025-05-01", "factors": ["3B"]},
    {"type": "cin_plan_start", "child": "C42", "date": "2025-05-02"},
]


def load_scenario(worker) -> Child:
    """Maya (C42) with a contact, a referral, an assessment, a strategy discussion, a
    section 47 enquiry, a plan with an outcome and an action, and a case note."""
    result = load_journeys(json.dumps(line) for line in JOURNEY)
    assert not result.errors, result.errors
    maya = Child.objects.get(la_child_id="C42")
    plan = open_plan(maya, PlanKind.CHILD_IN_NEED)
    assert plan is not None
    outcome = add_plan_outcome(plan=plan, description="Maya feels safe at home", actor=worker)
    add_plan_action(
        plan=plan,
        description="Family support worker visits weekly",
        due_on=dt.date(2025, 6, 1),
        owner=worker,
        outcome=outcome,
        actor=worker,
    )
    record_case_note(
        child=maya,
        occurred_at=dt.datetime(2025, 5, 10, 15, 0, tzinfo=dt.UTC),
        kind="home_visit",
        text=NOTE,
        is_significant=False,
        actor=worker,
    )
    return maya
