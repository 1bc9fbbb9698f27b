"""A child's export holds their private fostering: the arrangement with its notification and
carer, the household, the checks, the assessment of suitability and the private fostering
visits (docs/records.md, docs/private-fostering.md). All data is synthetic."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from conftest import make_child
from kinfolk.privatefostering import services
from kinfolk.records.tests.test_export_of_a_journey import texts_of

pytestmark = pytest.mark.django_db

REASON = "Jo Example's home is settled and the child's school is a short walk away."
DECISION = "Agreed: the arrangement is suitable; visit every six weeks."
FOUND = "A caution in 2009 for a minor offence, not relevant to the care of children."
VIEWS = "Likes having her own room at Jo's."


def test_the_export_holds_the_private_fostering_records(tmp_path):
    child = make_child(la_child_id="C9", disabilities=["NONE"])
    services.record_notification(
        child=child,
        began_on=dt.date(2025, 3, 3),
        notified_on=dt.date(2025, 3, 10),
        notified_by="school",
        notifier_name="Ms Example, head of year",
        carer_name="Jo Example",
        carer_address="1 Example Street",
        carer_relationship="Family friend",
    )
    member = services.add_household_member(child=child, name="Sam Example", relationship="Son")
    services.record_check(
        child=child,
        kind="dbs_household",
        member=member,
        checked_on=dt.date(2025, 3, 20),
        result="concerns",
        detail=FOUND,
    )
    services.record_assessment(
        child=child,
        assessed_on=dt.date(2025, 4, 1),
        outcome="suitable",
        reason=REASON,
        manager_decision=DECISION,
    )
    services.record_private_fostering_visit(
        child=child, visited_on=dt.date(2025, 3, 14), is_child_seen=True, child_views=VIEWS
    )
    services.end_arrangement(child=child, ended_on=dt.date(2025, 6, 1), reason="returned_home")

    out = tmp_path / "C9.json"
    call_command("records", "export", "--child", "C9", "--out", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))
    types = {record["type"] for record in exported}
    assert {
        "privatefostering.arrangement",
        "privatefostering.householdmember",
        "privatefostering.suitabilitycheck",
        "privatefostering.suitabilityassessment",
    } <= types
    held = set(texts_of([record["fields"] for record in exported]))
    assert {
        "Ms Example, head of year",
        "Jo Example",
        "1 Example Street",
        "Sam Example",
        FOUND,
        REASON,
        DECISION,
        VIEWS,
        "returned_home",
        "private_fostering",
    } <= held
