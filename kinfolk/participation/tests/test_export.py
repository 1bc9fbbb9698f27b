"""A child's export (``kinfolk records export``) holds their voice and participation records,
the consultations they took part in by name included (docs/records.md)."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from kinfolk.care.services import start_uasc
from kinfolk.participation import services
from kinfolk.participation.models import AdvocacyTheme

pytestmark = pytest.mark.django_db

D = dt.date


def test_the_export_holds_the_participation_records(ava, tmp_path):
    offer = services.offer_independent_visitor(
        child=ava, offered_on=D(2025, 2, 3), offered_by="Sam Example", answer="accepted"
    )
    services.match_independent_visitor(
        offer=offer, visitor_name="Jo Volunteer", matched_on=D(2025, 3, 3)
    )
    referral = services.refer_to_advocacy(
        child=ava, referred_on=D(2025, 4, 2), reason="review", service="Speak Up Advocacy"
    )
    services.record_advocacy(
        referral=referral,
        started_on=D(2025, 4, 9),
        themes=[AdvocacyTheme.objects.get(name="Education")],
        themes_text="Wants a tutor",
    )
    services.record_told_how_to_complain(
        child=ava, told_on=D(2025, 2, 1), told_by="Sam Example", how="leaflet"
    )
    services.record_consultation(
        held_on=D(2025, 6, 1), topic="Pocket money", children_said="Not enough", participants=[ava]
    )
    start_uasc(child=ava, start_on=D(2025, 1, 10))
    services.record_age_assessment(
        child=ava, assessed_on=D(2025, 2, 1), assessed_by="Two social workers", outcome="accepted"
    )
    services.record_immigration_status(
        child=ava, status="claim_lodged", status_on=D(2025, 2, 1), next_step="Interview"
    )
    out = tmp_path / "C7.json"
    call_command("records", "export", "--child", "C7", "--out", str(out))
    exported = json.loads(out.read_text(encoding="utf-8"))
    types = {record["type"] for record in exported}
    assert {
        "participation.independentvisitoroffer",
        "participation.advocacyreferral",
        "participation.toldhowtocomplain",
        "participation.consultationparticipant",
        "participation.ageassessment",
        "participation.immigrationstatusrecord",
    } <= types
    offer_record = next(r for r in exported if r["type"] == "participation.independentvisitoroffer")
    assert offer_record["fields"]["visitor_name"] == "Jo Volunteer"
    assert offer_record["fields"]["matched_on"] == "2025-03-03"
    advocacy = next(r for r in exported if r["type"] == "participation.advocacyreferral")
    assert advocacy["fields"]["themes_text"] == "Wants a tutor"
