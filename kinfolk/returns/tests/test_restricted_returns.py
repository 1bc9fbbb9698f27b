"""The returns and restricted records: the data quality page leaves out the children its reader
may not see, and logs the children it shows; the returns themselves hold every child (they are
statutory), and each download is logged against each child in the file."""

import datetime as dt
import io
import json
import re

import pytest
from django.urls import reverse
from openpyxl import Workbook

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.journeys.loader import load_journeys
from kinfolk.people.models import Child
from kinfolk.people.restrictions import restrict_record
from kinfolk.returns import services
from kinfolk.returns.contents import child_ids_in_file
from kinfolk.returns.framework import CollectionYear, Failure
from kinfolk.returns.models import ReturnKind
from kinfolk.returns.ssda903.tables import TABLES, empty_tables

pytestmark = pytest.mark.django_db

YEAR = CollectionYear.parse("2025-26")


@pytest.fixture
def children(db):
    return (
        make_child(la_child_id="C1", first_name="Lily", last_name="Smith"),
        make_child(la_child_id="C2", first_name="Omar", last_name="Khan"),
    )


@pytest.fixture
def failing(monkeypatch, children):
    """CIN rule 8500 fails for C1 and C2, rule 100 for the whole return."""

    def cin(year, child_ids):
        failures = [
            Failure("8500", "C1", "UPN", "UPN invalid"),
            Failure("8500", "C2", "UPN", "UPN invalid"),
            Failure("100", "", "Year", "Year wrong"),
        ]
        return [f for f in failures if child_ids is None or f.child in ("",)]

    monkeypatch.setattr(services, "cin_census_failures", cin)
    monkeypatch.setattr(services, "ssda903_failures", lambda year, child_ids: [])


def test_data_quality_leaves_out_a_restricted_child_and_its_counts(
    children, failing, analyst, manager
):
    lily, omar = children
    restrict_record(child=omar, users=[manager], actor=manager, reason="Staff relative")
    page = signed_in(analyst).get(reverse("returns:data-quality"))
    # Without the form tokens, whose random letters could spell anything.
    content = re.sub(r'(nonce|value)="[^"]*"', "", page.content.decode())
    assert [row.failure.child for row in page.context["rows"]] == ["", "C1"]
    assert {item["rule"]: item["count"] for item in page.context["rule_counts"]} == {
        "100": 1,
        "8500": 1,
    }
    assert "Omar" not in content and "C2" not in content
    assert f"/children/{omar.pk}/" not in content
    listed = AccessRecord.objects.filter(user=analyst, action="list")
    year = services.current_year().label
    assert [(r.child_id, r.what) for r in listed] == [(lily.pk, f"Data quality {year}")]


def test_the_named_see_the_restricted_child_on_data_quality(
    children, failing, analyst, head_of_service
):
    _, omar = children
    restrict_record(child=omar, users=[head_of_service], actor=head_of_service, reason="Relative")
    page = signed_in(head_of_service).get(reverse("returns:data-quality"))
    assert [row.failure.child for row in page.context["rows"]] == ["", "C1", "C2"]


def _census_journey(child_id: str) -> list[dict]:
    return [
        {
            "type": "child",
            "id": child_id,
            "first_name": "Robin",
            "last_name": f"Ashdown{child_id}",
            "sex": "F",
            "ethnicity": "WBRI",
            "dob": "2015-03-04",
        },
        {
            "type": "referral",
            "child": child_id,
            "date": "2025-05-01",
            "source": "2A",
            "primary_need": "N1",
        },
    ]


def _load(*child_ids: str) -> None:
    events = [
        {"type": "authority", "name": "Northmoor", "la_number": "931", "la_code": "E06000099"}
    ]
    for child_id in child_ids:
        events.extend(_census_journey(child_id))
    result = load_journeys([json.dumps(event) for event in events], source="test")
    assert result.ok, [str(error) for error in result.errors]


def test_a_download_holds_the_restricted_child_and_logs_every_child_in_the_file(analyst, manager):
    _load("R1", "R2", "R3")
    hidden = Child.objects.get(la_child_id="R2")
    restrict_record(child=hidden, users=[manager], actor=manager, reason="Staff relative")
    submission = services.generate_submission(kind=ReturnKind.CIN_CENSUS, actor=analyst, year=YEAR)
    url = reverse("returns:download", args=[submission.pk])
    download = signed_in(analyst).get(url, REMOTE_ADDR="10.4.4.4")
    assert download.status_code == 200
    assert child_ids_in_file(submission.kind, download.content) == {"R1", "R2", "R3"}
    exports = AccessRecord.objects.filter(action="export").order_by("child__la_child_id")
    assert [(r.child.la_child_id, r.user, r.path, r.source) for r in exports] == [
        ("R1", analyst, url, "10.4.4.4"),
        ("R2", analyst, url, "10.4.4.4"),
        ("R3", analyst, url, "10.4.4.4"),
    ]
    assert (
        exports[0].what == f"Downloaded the CIN census {YEAR.label} (cin-census-{YEAR.label}.xml)"
    )


def test_a_download_refused_to_a_social_worker_logs_nothing(analyst, social_worker):
    _load("R1")
    submission = services.generate_submission(kind=ReturnKind.CIN_CENSUS, actor=analyst, year=YEAR)
    response = signed_in(social_worker).get(reverse("returns:download", args=[submission.pk]))
    assert response.status_code == 403
    assert not AccessRecord.objects.filter(action="export").exists()


def test_annex_a_names_its_children_in_the_first_column():
    _load("R1", "R2")
    content = services.build_file(ReturnKind.ANNEX_A, year=None, as_of=dt.date(2025, 9, 30))
    assert child_ids_in_file(ReturnKind.ANNEX_A, content) == {"R1", "R2"}


def test_every_ssda903_table_names_its_children():
    tables = empty_tables()
    tables["header"].append({**dict.fromkeys(TABLES["header"], ""), "CHILD": "S1"})
    tables["oc3"].append({**dict.fromkeys(TABLES["oc3"], ""), "CHILD": "S2"})
    content = services.zip_tables(tables)
    assert child_ids_in_file(ReturnKind.SSDA903, content) == {"S1", "S2"}


def test_an_empty_annex_a_names_no_one():
    book = Workbook()
    book.active.append(["Child Unique ID"])
    out = io.BytesIO()
    book.save(out)
    assert child_ids_in_file(ReturnKind.ANNEX_A, out.getvalue()) == set()
