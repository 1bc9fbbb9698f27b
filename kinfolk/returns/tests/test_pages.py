"""The returns pages, with the validators replaced by stand-ins that return known failures, so
that these tests do not depend on the rules themselves."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.people.services import update_child
from kinfolk.returns import data_quality, services
from kinfolk.returns.framework import Failure
from kinfolk.returns.models import ReturnKind, Submission
from kinfolk.returns.ssda903.tables import TABLES
from kinfolk.returns.views import CIN_IDENTITY_FIELDS, ReturnBuildView, record_page

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
def test_the_returns_pages_are_for_analysts_and_heads_of_service(
    name, client, worker_client, analyst, manager_client, head_of_service, known_failures
):
    url = reverse(name)
    assert client.get(url).status_code == 302
    assert worker_client.get(url).status_code == 403
    assert manager_client.get(url).status_code == 403
    assert signed_in(analyst).get(url).status_code == 200
    assert signed_in(head_of_service).get(url).status_code == 200


def test_a_social_worker_cannot_build_a_return(worker_client, fake_builders):
    response = worker_client.post(reverse("returns:build"), {"kind": "cin-census"})
    assert response.status_code == 403
    assert not Submission.objects.exists()


def test_the_header_links_to_returns_for_analysts_only(analyst, worker_client):
    assert 'href="/returns/"' in signed_in(analyst).get(reverse("returns:index")).text
    assert 'href="/returns/"' not in worker_client.get(reverse("home")).text


def test_build_download_and_submit(analyst, fake_builders):
    client = signed_in(analyst)
    year = services.default_return_year().label
    response = client.post(reverse("returns:build"), {"kind": "cin-census", "year": year})
    submission = Submission.objects.get()
    assert response.url == reverse("returns:detail", args=[submission.pk])
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
        ("100", "", ""),
        ("8500", "C1", reverse("children:identity", args=[lily.pk])),
        ("8500", "C2", reverse("children:identity", args=[omar.pk])),
        ("103", "C1", reverse("children:identity", args=[lily.pk])),
    ]
    assert rows[1].child_url == reverse("children:detail", args=[lily.pk])
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


def test_a_fixed_failure_disappears_at_once(
    analyst, monkeypatch, children, django_capture_on_commit_callbacks
):
    failures = [Failure("8500", "C1", "UPN", "UPN invalid")]
    monkeypatch.setattr(services, "cin_census_failures", lambda year, ids: list(failures))
    monkeypatch.setattr(services, "ssda903_failures", lambda year, ids: [])
    client = signed_in(analyst)
    assert len(client.get(reverse("returns:data-quality")).context["rows"]) == 1
    failures.clear()
    with django_capture_on_commit_callbacks(execute=True):
        update_child(child=children[0], actor=analyst, upn="P201123456789")
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
        # The session, the user and their second factor; the years offered (two), then the
        # child's own returns, built for them alone; the access record appended to the chain
        # (its head locked, the row, the head moved on) and the unread break-the-glass notices
        # of the menu.
        with django_assert_max_num_queries(18):
            response = worker_client.get(url)
        assert len(response.context["rows"]) == count


def test_data_quality_costs_the_same_however_many_children_fail(analyst, monkeypatch):
    """Read from the store, the page makes the same queries for 1 failure as for 15."""
    client = signed_in(analyst)
    monkeypatch.setattr(services, "ssda903_failures", lambda year, ids: [])
    queries = []
    for count in (1, 15):
        ids = [
            make_child(la_child_id=f"Q{count}x{n}", first_name=f"Q{n}").la_child_id
            for n in range(count)
        ]
        failures = [Failure("8500", la_child_id, "UPN", "UPN invalid") for la_child_id in ids]
        monkeypatch.setattr(services, "cin_census_failures", lambda year, i, f=failures: f)
        data_quality.check_everything(services.current_year())
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("returns:data-quality"))
        assert len(response.context["rows"]) == count
        assert all(row.child is not None for row in response.context["rows"])
        queries.append(len(captured))
    # Session, user and second factor, the years offered, the snapshot, its marks, the
    # failures with their children, the children listed in the access log in one insert (the
    # chain's head locked and moved on), the authority and the unread break-the-glass notices
    # for the layout; savepoints and the session's update.
    assert queries[0] == queries[1] <= 18


def test_the_returns_page_offers_the_years_and_chooses_the_one_just_ended(analyst, child):
    from kinfolk.casework.services.episodes import open_referral

    current = services.current_year()
    open_referral(
        child=child, referral_on=current.start.replace(year=current.start.year - 3), source="1A"
    )
    page = signed_in(analyst).get(reverse("returns:index"))
    form = page.context["year_form"]
    labels = [label for label, _ in form.fields["year"].choices]
    assert labels == [
        current.label,
        current.previous().label,
        current.previous().previous().label,
        current.previous().previous().previous().label,
    ]
    just_ended = current.previous().label
    assert f'value="{just_ended}" checked' in page.text
    assert f"{just_ended}, the year just ended" in page.text
    assert f"{current.label}, the current year (still being recorded)" in page.text


def test_a_return_is_built_for_the_year_chosen(analyst, fake_builders):
    client = signed_in(analyst)
    current = services.current_year().label
    client.post(reverse("returns:build"), {"kind": "ssda903", "year": current})
    assert list(Submission.objects.values_list("kind", "year")) == [("ssda903", current)]


@pytest.mark.parametrize(
    ("year", "message"),
    [
        ("2001-02", "Choose a collection year from the list"),
        ("not a year", "Choose a collection year from the list"),
        ("", "Choose the collection year"),
    ],
)
def test_a_year_not_offered_is_refused_next_to_the_field(analyst, fake_builders, year, message):
    response = signed_in(analyst).post(
        reverse("returns:build"), {"kind": "cin-census", "year": year}
    )
    assert response.status_code == 200
    assert not Submission.objects.exists()
    page = response.text
    assert 'class="govuk-error-summary"' in page
    assert f'<a href="#id_year_0">{message}</a>' in page
    assert "govuk-form-group--error" in page and message in page.split("govuk-error-message")[1]


def test_data_quality_checks_the_current_year_unless_another_is_chosen(analyst, known_failures):
    client = signed_in(analyst)
    current = services.current_year()
    page = client.get(reverse("returns:data-quality"))
    assert page.context["year"] == current
    assert f'<option value="{current.label}" selected>' in page.text
    earlier = client.get(reverse("returns:data-quality"), {"year": current.previous().label})
    assert earlier.context["year"] == current.previous()
    assert ("cin", current.previous().label, None) in known_failures
    unknown = client.get(reverse("returns:data-quality"), {"year": "1999-00"})
    assert unknown.context["year"] == current
    assert "Choose a collection year from the list" in unknown.text


def test_the_childs_page_checks_the_year_asked_for(worker_client, children, known_failures):
    lily, _ = children
    earlier = services.current_year().previous()
    response = worker_client.get(
        reverse("returns:child-returns", args=[lily.pk]), {"year": earlier.label}
    )
    assert response.context["year"] == earlier
    assert ("cin", earlier.label, [lily.pk]) in known_failures


@pytest.mark.parametrize("kind", [ReturnKind.CIN_CENSUS, ReturnKind.SSDA903])
def test_every_item_a_failure_can_name_links_to_a_page_of_the_childs_record(kind):
    """Every column of every SSDA903 table, and the CIN census's items, lead to a page that
    exists: the data quality page has no fallback for a page that is missing."""
    fields = [column for columns in TABLES.values() for column in columns]
    fields += [*sorted(CIN_IDENTITY_FIELDS), "ReferralDate", "NoSuchItem"]
    pages = {record_page(kind, field) for field in fields}
    for name in pages:
        assert reverse(name, args=[1]).startswith("/children/1/")
