"""Break-the-glass in a real browser: a front door worker finds a restricted record by its Child
ID, states why they need it and opens it; the team manager reads the notice; the head of
service reviews the use."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD, make_child
from kinfolk.access.roles import Role
from kinfolk.people.restrictions import restrict_record
from kinfolk.people.services import relate
from kinfolk.workforce.services import allocate_child, create_worker
from tests.browser.conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REASON = (
    "The police have the boy at the station tonight and need to know who his carers are "
    "before they can take him home."
)


@pytest.fixture
def restricted(social_worker, manager, head_of_service, other_team):
    named = create_worker(
        username="nia_named",
        display_name="Nia Named",
        role=Role.SOCIAL_WORKER,
        team=other_team,
        is_qualified=True,
        password=PASSWORD,
    )
    create_worker(
        username="fay_frontdoor",
        display_name="Fay Frontdoor",
        role=Role.FRONTDOOR,
        team=None,
        is_qualified=True,
        password=PASSWORD,
    )
    lily = make_child(la_child_id="C1001", first_name="Lily", last_name="Smith")
    noah = make_child(
        la_child_id="C1002",
        first_name="Noah",
        last_name="Jones",
        date_of_birth=dt.date(2012, 9, 1),
    )
    relate(child=lily, other_child=noah, kind="sibling", actor=social_worker)
    allocate_child(child=noah, worker=social_worker, start_on=dt.date(2025, 1, 6))
    restrict_record(child=noah, users=[named], actor=named, reason="A relative of staff")
    return noah


def test_break_the_glass_from_search_to_review(page: Page, restricted):
    sign_in(page, "fay_frontdoor")
    page.goto("/children/search/")
    page.get_by_label("Child ID").fill("C1002")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="There is a restricted record")).to_be_visible()
    expect(page.get_by_role("heading", name="0 children found")).to_be_visible()
    expect(page.get_by_text("Noah")).to_have_count(0)
    screenshot(page, "break-glass-01-search")
    assert_accessible(page)

    page.get_by_role("link", name="Break the glass on this record").click()
    expect(
        page.get_by_role("heading", name="Break the glass on a restricted record")
    ).to_be_visible()
    page.get_by_role("button", name="Break the glass and open the record").click()
    expect(page.locator(".govuk-error-summary")).to_be_visible()
    expect(
        page.locator(".govuk-error-summary").get_by_role(
            "link", name="Say why you need to open this record"
        )
    ).to_be_visible()
    screenshot(page, "break-glass-02-reason-missing")
    assert_accessible(page)

    page.get_by_label("Why do you need to open this record now?").fill(REASON)
    screenshot(page, "break-glass-03-reason")
    page.get_by_role("button", name="Break the glass and open the record").click()
    expect(page.get_by_role("heading", name="Noah Jones", level=1)).to_be_visible()
    expect(page.get_by_text("You have broken the glass.")).to_be_visible()
    expect(
        page.get_by_text("You opened this restricted record with break-the-glass")
    ).to_be_visible()
    screenshot(page, "break-glass-04-record-open")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "meg_manager")
    page.get_by_role("link", name="1 break-the-glass notice").click()
    expect(page.get_by_role("heading", name="Break-the-glass notices")).to_be_visible()
    expect(page.get_by_role("cell", name="Fay Frontdoor")).to_be_visible()
    expect(page.get_by_role("cell", name="C1002")).to_be_visible()
    screenshot(page, "break-glass-05-notices")
    assert_accessible(page)
    page.goto("/children/search/")
    page.get_by_label("Name").fill("Lily Smith")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Lily Smith").click()
    page.get_by_role("navigation", name="Child record").get_by_role(
        "link", name="Chronology"
    ).click()
    expect(page.get_by_role("heading", name="A restricted record")).to_be_visible()
    expect(page.get_by_text("Noah")).to_have_count(0)
    screenshot(page, "break-glass-06-sibling-chronology")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "hal_head")
    page.get_by_role("link", name="Break-the-glass").click()
    expect(page.get_by_text("1 use is waiting for review.")).to_be_visible()
    screenshot(page, "break-glass-07-review-queue")
    assert_accessible(page)
    page.get_by_role("link", name="Review the use by Fay Frontdoor").click()
    expect(page.get_by_role("heading", name="Review a use of break-the-glass")).to_be_visible()
    expect(page.get_by_role("cell", name="Child record: summary", exact=False)).to_be_visible()
    screenshot(page, "break-glass-08-review")
    assert_accessible(page)
    page.get_by_label("What did the review find?").fill(
        "A real emergency: the police needed the carers. No follow-up."
    )
    page.get_by_role("button", name="Mark as reviewed").click()
    expect(page.get_by_text("Review recorded")).to_be_visible()
    expect(page.get_by_text("No use is waiting for review.")).to_be_visible()


def test_restricted_and_sealed_records_as_others_meet_them(page: Page, restricted, team):
    create_worker(
        username="ada_adoption",
        display_name="Ada Adoption",
        role=Role.ADOPTION,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )
    sign_in(page, "fay_frontdoor")
    page.goto(f"/children/{restricted.pk}/")
    expect(page.get_by_role("heading", name="This record is restricted")).to_be_visible()
    expect(page.get_by_text("Noah")).to_have_count(0)
    screenshot(page, "break-glass-09-restricted-record")
    assert_accessible(page)

    page.goto("/children/create/")
    page.get_by_label("Child ID").fill("C3001")
    page.get_by_label("First name").fill("Noah")
    page.get_by_label("Last name").fill("Jones")
    birth = page.get_by_role("group", name="Date of birth", exact=True)
    birth.get_by_label("Day").fill("1")
    birth.get_by_label("Month").fill("9")
    birth.get_by_label("Year").fill("2012")
    page.get_by_label("Male", exact=True).check()
    page.get_by_label("Ethnicity").select_option("WBRI")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("This child may already be recorded in a record you cannot see")
    ).to_be_visible()
    expect(page.get_by_role("link", name="Noah Jones")).to_have_count(0)
    screenshot(page, "break-glass-10-hidden-duplicate")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "ada_adoption")
    lily = "/children/search/?la_child_id=C1001"
    page.goto(lily)
    page.get_by_role("link", name="Lily Smith").click()
    page.get_by_role("link", name="Seal the adoption record").click()
    expect(page.get_by_role("heading", name="Seal the adoption record", level=1)).to_be_visible()
    page.get_by_label("Why is the adoption record sealed?").fill(
        "The adoption order was made on 3 March 2026"
    )
    screenshot(page, "break-glass-11-seal")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The adoption record is sealed")).to_be_visible()
    expect(page.locator(".moj-identity-bar").get_by_text("Sealed record")).to_be_visible()
    screenshot(page, "break-glass-12-sealed")
    assert_accessible(page)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "fay_frontdoor")
    page.goto(lily)
    expect(page.get_by_role("heading", name="0 children found")).to_be_visible()
    expect(page.get_by_role("heading", name="There is a restricted record")).to_have_count(0)
