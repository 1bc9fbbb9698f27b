"""Allegations in a real browser (docs/allegations.md): the LADO records an allegation about
a child, is refused the initial consideration without a rationale, records it with one, and
sees the allegation in their workspace; then the analytics page. The child's social worker
cannot open the allegation."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child, worker_of_role
from kinfolk.access.roles import Role
from kinfolk.allegations.models import Allegation
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.browser.test_casework import choose, fill_date, sign_out

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ivy(social_worker):
    child = make_child(
        la_child_id="C5201",
        first_name="Ivy",
        last_name="Marsh",
        nhs_number="9434765919",
        postcode="WN1 1AA",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 6, 1))
    return child


@pytest.fixture
def lado(db):
    return worker_of_role(Role.LADO, username="lado_one")


def look(page: Page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page)


def test_the_lado_records_an_allegation_and_its_initial_consideration(page: Page, ivy, lado):
    # An hour ago, whatever the time of day the test runs: a received time is never future.
    received = timezone.localtime() - dt.timedelta(hours=1)
    sign_in(page, "lado_one")
    look(page, "allegations-workspace-empty")
    page.get_by_role("link", name="Record an allegation").first.click()
    page.get_by_label("Find a child by name or Child ID").fill("Ivy")
    page.get_by_role("button", name="Find").click()
    expect(page.get_by_role("cell", name="C5201")).to_be_visible()
    look(page, "allegations-record")
    page.get_by_label("Child ID of each child the allegation concerns").fill("C5201")
    page.get_by_label("Name of the adult").fill("Pat Example")
    page.get_by_label("Their role").fill("Swimming coach")
    page.get_by_label("Employer").fill("Northmoor Swimming Club")
    page.get_by_label("Sector the adult works in").select_option("sport")
    page.get_by_label("Referrer's sector").select_option("education")
    fill_date(page, "Date received", received.date())
    page.get_by_label("Time received").fill(received.strftime("%H:%M"))
    page.get_by_label("Behaved in a way that has harmed a child, or may have").check()
    page.get_by_label("What is alleged").fill("A synthetic allegation for the browser test.")
    page.get_by_role("button", name="Record the allegation").click()
    expect(page.get_by_text("Allegation recorded")).to_be_visible()
    look(page, "allegations-detail-new")

    page.get_by_role("link", name="Record the initial consideration").click()
    choose(page, "Outcome", "No further action by the LADO")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name="Give the rationale for the decision")).to_be_visible()
    look(page, "allegations-consideration-refused")
    assert Allegation.objects.get().considered_on is None
    page.get_by_label("Rationale").fill("Below the threshold: the club manages it with advice.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Initial consideration recorded")).to_be_visible()
    look(page, "allegations-detail-considered")

    page.goto("/")
    expect(page.get_by_role("link", name="Pat Example")).to_be_visible()
    look(page, "allegations-workspace")
    page.get_by_role("link", name="All allegations, open and closed").click()
    expect(page.get_by_text("Showing 1 of 1")).to_be_visible()
    look(page, "allegations-list")
    page.goto(f"/allegations/{Allegation.objects.get().pk}/meetings/add/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    look(page, "allegations-meeting-form")
    page.goto("/")
    page.get_by_role("link", name="Analytics for the annual report").first.click()
    expect(
        page.get_by_role("heading", name="Allegations: analytics for the annual report")
    ).to_be_visible()
    look(page, "allegations-analytics")
    sign_out(page)

    sign_in(page, "sam_social")
    response = page.goto(f"/allegations/{Allegation.objects.get().pk}/")
    assert response is not None and response.status == 404
