"""A return written by ``kinfolk returns`` is logged as a download is: one ``export`` access
record for each child the file names, the command as its source."""

import datetime as dt

import pytest
from django.core.management import call_command

from conftest import make_child
from kinfolk.access.models import AccessRecord
from kinfolk.casework.services import open_referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def referred(child):
    open_referral(child=child, referral_on=dt.date(2025, 9, 1), source="2A")
    return child


def exported() -> list[tuple[int | None, str, str]]:
    return list(
        AccessRecord.objects.filter(action="export")
        .order_by("child_id")
        .values_list("child_id", "source", "what")
    )


def test_the_cin_census_command_logs_each_child_it_writes(referred, tmp_path):
    make_child(la_child_id="C2", first_name="Noah", last_name="Jones")  # not in the return
    call_command("returns", "cin-census", "--year", "2025-26", "--out", str(tmp_path / "c.xml"))
    assert exported() == [(referred.pk, "kinfolk returns", "Wrote the CIN census 2025-26")]


def test_the_annex_a_command_logs_each_child_it_writes(referred, tmp_path):
    call_command("returns", "annex-a", "--as-of", "2026-03-31", "--out", str(tmp_path / "a.xlsx"))
    assert [row[0] for row in exported()] == [referred.pk]
