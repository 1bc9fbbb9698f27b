"""The returns pages, with the validators replaced by stand-ins that return known failures, so
that these tests do not depend on the rules themselves."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.returns import services
from kinfolk.returns.framework import Failure
from kinfolk.returns.models import Submission
from kinfolk.returns.views import ReturnBuildView

pytestmark = pytest.mark.django_db


@pytest.fixture
def children(db):
    return (
        make_child(la_child_id="C1", first_name="Lily", last_name="Smith"),
        make_child(la_child_id="C2", first_name="Omar", last_name="Khan"),
    )


@pytest.fixture
def known_failures(monkeypatch, children):
    """CIN rule 8500 for C1 and C2, an SSDA903 query for C1; records what was asked for."""
    asked: list = []

    def cin(year, child_ids):
        asked.append(("cin", year.label, child_ids))
        failures = [
            Failure("8500", "C1", "UPN", "UPN invalid"),
            Failure("8500", "C2", "UPN", "UPN invalid"),
            Failure("100", "", "Year", "Year wrong"),
        ]
        return [f for f in failures if child_ids is None or f.child in ("C1", "")]

    def ssda903(year, child_ids):
        asked.append(("903", year.label, child_ids))
        return [Failure("103", "C1", "ETHNIC", "Ethnicity not valid", is_error=False)]

    monkeypatch.setattr(services, "cin_census_failures", cin)
    monkeypatch.setattr(services, "ssda903_failures", ssda903)
    return asked


@pytest.fixture
def fake_builders(monkeypatch):
    monkeypatch.setattr(services, "build_file", lambda kind, *, year, as_of: f"<{kind}/>".encode())
    monkeypatch.setattr(ReturnBuildView, "background", False)


@pytest.mark.parametrize("name", ["returns:index", "returns:data-quality"])
def test_the_returns_pages_are_for_analysts_and_managers(
    name, client, worker_client, analyst, manager_client, known_failures
):
    url = reverse(name)
    assert client.get(url).status_code == 302
    assert worker_client.get(url).status_code == 403
    assert signed_in(analyst).get(url).status_code == 200
    assert manager_client.get(url).status_code == 200


def test_a_social_worker_cannot_build_a_return(worker_client, fake_builders):
    response = worker_client.post(reverse("returns:build"), {"kind": "cin-census"})
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_the_header_links_to_returns_for_analysts_only(analyst, worker_client):
    assert 'href="/returns/"' in signed_in(analyst).get(reverse("returns:index")).text
    assert 'href="/returns/"' not in worker_client.get(reverse("home")).text


def test_build_download_and_submit(analyst, fake_builders):
    client = signed_in(analyst)
    response = client.post(reverse("returns:build"), {"kind": "cin-census"})
    submission = Submission.objects.get()
    assert response.url == reverse("returns:detail", args=[submission.pk])
    year = services.current_year().label
    assert (submission.kind, submission.year, submission.status) == ("cin-census", year, "ready")

    page = client.get(response.url).text
    assert "Download cin-census-" in page and "Mark as submitted" in page
    download = client.get(reverse("returns:download", args=[submission.pk]))
    assert download.content == b"<cin-census/>"
    assert download["Content-Disposition"] == f'attachment; filename="cin-census-{year}.xml"'

    confirm = client.get(reverse("returns:submit", args=[submission.pk]))
    assert "can never be changed" in confirm.text
    client.post(reverse("returns:submit", args=[submission.pk]))
    submission.refresh_from_db()
    assert submission.submitted_by == analyst
    again = client.post(reverse("returns:submit", args=[submission.pk]))
    assert "already marked as submitted" in again.text
    listing = client.get(reverse("returns:index")).text
    assert "Submitted" in listing and "Ann Analyst" in listing


def test_annex_a_needs_a_real_date(analyst, fake_builders):
    client = signed_in(analyst)
    response = client.post(
        reverse("returns:build"),
        {"kind": "annex-a", "as_of_day": "31", "as_of_month": "13", "as_of_year": "2026"},
    )
    assert response.status_code == 200
    assert "Enter a real date" in response.text
    assert not Submission.objects.exists()
    client.post(
        reverse("returns:build"),
        {"kind": "annex-a", "as_of_day": "31", "as_of_month": "3", "as_of_year": "2026"},
    )
    assert Submission.objects.get().as_of == dt.date(2026, 3, 31)


def test_a_return_building_shows_its_progress(analyst):
    submission = services.start_submission(
        kind="cin-census", year=services.current_year(), actor=analyst
    )
    page = signed_in(analyst).get(reverse("returns:detail", args=[submission.pk])).text
    assert "<progress" in page and "Check again" in page
    assert (
        signed_in(analyst).get(reverse("returns:download", args=[submission.pk])).status_code == 404
    )


def test_data_quality_lists_each_failure_with_links_and_counts(analyst, children, known_failures):
    lily, omar = children
    page = signed_in(analyst).get(reverse("returns:data-quality"))
    rows = page.context["rows"]
    assert [(r.failure.rule, r.failure.child, r.fix_url) for r in rows] == [
        ("8500", "C1", reverse("children:identity", args=[lily.pk])),
        ("8500", "C2", reverse("children:identity", args=[omar.pk])),
        ("100", "", ""),
        ("103", "C1", reverse("children:identity", args=[lily.pk])),
    ]
    assert rows[0].child_url == reverse("children:detail", args=[lily.pk])
    assert [(c["rule"], c["count"]) for c in page.context["rule_counts"]] == [
        ("100", 1),
        ("8500", 2),
        ("103", 1),
    ]
    assert known_failures == [
        ("cin", services.current_year().label, None),
        ("903", services.current_year().label, None),
    ]
    assert "UPN invalid" in page.text and "Whole return" in page.text


def test_data_quality_filters_by_return_and_rule(analyst, known_failures):
    client = signed_in(analyst)
    by_return = client.get(reverse("returns:data-quality"), {"kind": "ssda903"})
    assert [r.failure.rule for r in by_return.context["rows"]] == ["103"]
    by_rule = client.get(reverse("returns:data-quality"), {"rule": "8500"})
    assert [r.failure.child for r in by_rule.context["rows"]] == ["C1", "C2"]
    none = client.get(reverse("returns:data-quality"), {"rule": "9999"})
    assert "No failures match these filters." in none.text


def test_a_fixed_failure_disappears_at_once(analyst, monkeypatch, children):
    failures = [Failure("8500", "C1", "UPN", "UPN invalid")]
    monkeypatch.setattr(services, "cin_census_failures", lambda year, ids: list(failures))
    monkeypatch.setattr(services, "ssda903_failures", lambda year, ids: [])
    client = signed_in(analyst)
    assert len(client.get(reverse("returns:data-quality")).context["rows"]) == 1
    failures.clear()
    assert client.get(reverse("returns:data-quality")).context["rows"] == []


def test_returns_not_ready_yet_are_said_to_be_unavailable(analyst, monkeypatch, child):
    def not_ready(year, ids):
        raise ImportError("kinfolk.returns.ssda903.builder")

    monkeypatch.setattr(services, "ssda903_failures", not_ready)
    monkeypatch.setattr(services, "cin_census_failures", lambda year, ids: [])
    page = signed_in(analyst).get(reverse("returns:data-quality"))
    assert page.status_code == 200
    assert "The SSDA903 children looked after return cannot be checked yet" in page.text
    child_page = signed_in(analyst).get(reverse("returns:child-returns", args=[child.pk]))
    assert "cannot be checked yet" in child_page.text


def test_the_childs_page_shows_only_their_failures(
    worker_client, social_worker, children, known_failures
):
    lily, _ = children
    response = worker_client.get(reverse("returns:child-returns", args=[lily.pk]))
    assert response.status_code == 200
    assert [(r.failure.rule, r.failure.child) for r in response.context["rows"]] == [
        ("8500", "C1"),
        ("103", "C1"),
    ]
    assert ("cin", services.current_year().label, [lily.pk]) in known_failures
    assert 'aria-current="page">Data quality' in response.text
    assert AccessRecord.objects.filter(
        child_id=lily.pk, user=social_worker, what="Child record: data quality"
    ).exists()


def test_the_childs_page_costs_the_same_however_many_failures(
    worker_client, monkeypatch, child, django_assert_max_num_queries
):
    monkeypatch.setattr(services, "ssda903_failures", lambda year, ids: [])
    url = reverse("returns:child-returns", args=[child.pk])
    for count in (1, 20):
        failures = [
            Failure(str(8500 + n), child.la_child_id, "UPN", "UPN invalid") for n in range(count)
        ]
        monkeypatch.setattr(services, "cin_census_failures", lambda year, ids, f=failures: f)
        with django_assert_max_num_queries(12):
            response = worker_client.get(url)
        assert len(response.context["rows"]) == count


def test_data_quality_costs_the_same_however_many_children_fail(
    analyst, monkeypatch, django_assert_max_num_queries
):
    client = signed_in(analyst)
    monkeypatch.setattr(services, "ssda903_failures", lambda year, ids: [])
    for count in (1, 15):
        ids = [
            make_child(la_child_id=f"Q{count}x{n}", first_name=f"Q{n}").la_child_id
            for n in range(count)
        ]
        failures = [Failure("8500", la_child_id, "UPN", "UPN invalid") for la_child_id in ids]
        monkeypatch.setattr(services, "cin_census_failures", lambda year, i, f=failures: f)
        with django_assert_max_num_queries(10):
            response = client.get(reverse("returns:data-quality"))
        assert len(response.context["rows"]) == count
        assert all(row.child is not None for row in response.context["rows"])
