"""A social worker signs in, finds a child and reads the record, in a real browser."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.people.services import raise_alert, record_adult, relate
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def casework(social_worker, manager):
    lily = make_child(
        la_child_id="C1001",
        first_name="Lily",
        last_name="Smith",
        nhs_number="9434765919",
        postcode="WN1 1AA",
        disabilities=["NONE"],
    )
    sam = make_child(
        la_child_id="C1002", first_name="Sam", last_name="Smith", date_of_birth=dt.date(2018, 2, 14)
    )
    relate(child=lily, other_child=sam, kind="sibling", lives_with=True)
    relate(
        child=lily,
        other_adult=record_adult(reference="A1", first_name="Jo", last_name="Smith"),
        kind="mother",
        lives_with=True,
    )
    allocate_child(child=lily, worker=social_worker, start_on=dt.date(2025, 1, 6))
    raise_alert(
        child=lily, kind="risk_to_staff", description="Visit in pairs", start_on=dt.date(2025, 1, 6)
    )
    return lily


def test_sign_in_search_and_open_a_child(page: Page, casework):
    page.goto("/sign-in/")
    screenshot(page, "01-sign-in")
    assert_accessible(page)

    sign_in(page, "sam_social")
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
    expect(page.get_by_role("link", name="Lily Smith")).to_be_visible()
    screenshot(page, "02-my-caseload")
    assert_accessible(page)

    page.get_by_role("link", name="Find a child").click()
    page.get_by_label("Name").fill("lilly smyth")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 child found")).to_be_visible()
    screenshot(page, "03-search-results")
    assert_accessible(page)

    page.get_by_role("link", name="Lily Smith").click()
    expect(page.get_by_role("heading", name="Lily Smith", level=1)).to_be_visible()
    expect(page.get_by_text("Visit in pairs").first).to_be_visible()
    screenshot(page, "04-child-summary")
    assert_accessible(page)

    for link, heading, name in [
        ("Identity", "Identity", "05-child-identity"),
        ("Household and relationships", "Household and relationships", "06-child-household"),
        ("Allocations", "Allocation history", "07-child-allocations"),
        ("Chronology", "Chronology", "08-child-chronology"),
    ]:
        page.get_by_role("navigation", name="Child record").get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        screenshot(page, name)
        assert_accessible(page)
    expect(page.get_by_role("heading", name="Allocated to Sam Social")).to_be_visible()


def test_form_errors_are_accessible(page: Page, casework):
    sign_in(page, "sam_social")
    page.goto("/children/create/")
    page.get_by_label("Child ID").fill("C2001")
    page.get_by_label("First name").fill("Ava")
    page.get_by_role("group", name="Date of birth", exact=True).get_by_label("Day").fill("31")
    page.get_by_role("group", name="Date of birth", exact=True).get_by_label("Month").fill("2")
    page.get_by_role("group", name="Date of birth", exact=True).get_by_label("Year").fill("2018")
    page.get_by_label("NHS number").fill("9434765919")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_be_visible()
    expect(
        summary.get_by_role("link", name="Enter a real date, for example 27 3 2024")
    ).to_be_visible()
    screenshot(page, "09-create-child-errors")
    assert_accessible(page)


def test_a_manager_reads_who_has_looked(page: Page, casework):
    sign_in(page, "sam_social")
    page.goto(f"/children/{casework.pk}/")
    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "meg_manager")
    page.goto(f"/children/{casework.pk}/access-log/")
    expect(page.get_by_role("cell", name="Sam Social").first).to_be_visible()
    screenshot(page, "10-access-log")
    assert_accessible(page)
    page.goto(f"/children/{casework.pk}/restrict/")
    page.get_by_label("Sam Social").check()
    page.get_by_label("Why is the record restricted?").fill("A relative of a member of staff")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The record is restricted to the staff named")).to_be_visible()
    page.get_by_role("link", name="Who may see this record, and lifting the restriction").click()
    expect(
        page.get_by_role("listitem").filter(has_text="Sam Social (Social worker)")
    ).to_be_visible()
    screenshot(page, "12-lift-restriction")
    assert_accessible(page)
    page.goto("/team/")
    expect(page.get_by_role("cell", name="Sam Social")).to_be_visible()
    screenshot(page, "11-team")
    assert_accessible(page)
