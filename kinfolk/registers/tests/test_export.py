"""A child's records export (``kinfolk records export``) holds their register entries."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from kinfolk.registers import services

pytestmark = pytest.mark.django_db


def test_the_export_holds_the_registers(child, tmp_path):
    services.register_young_carer(
        child=child, registered_on=dt.date(2026, 3, 2), cares_for="Mother", need="illness"
    )
    services.report_missing_education(
        child=child, reported_on=dt.date(2026, 2, 1), reported_by="School", reason="Off roll"
    )
    services.start_home_education(
        child=child,
        notice_on=dt.date(2026, 3, 3),
        started_on=dt.date(2026, 3, 4),
        next_review_on=dt.date(2026, 9, 4),
    )
    out = tmp_path / "record.json"
    call_command("records", "export", "--child", child.la_child_id, "--out", str(out))
    records = json.loads(out.read_text(encoding="utf-8"))
    types = {r["type"] for r in records}
    assert {
        "registers.youngcarer",
        "registers.missingeducation",
        "registers.homeeducation",
    } <= types
    carer = next(r for r in records if r["type"] == "registers.youngcarer")
    assert carer["fields"]["cares_for"] == "Mother"
