"""The performance analyst's returns and data quality pages, and a real CIN census failure
introduced and fixed by a social worker through the child's identity page, in a real browser
against the real database and the real DfE rules.

Lily is eleven and was referred this year with further action taken, so CIN census rule 8770Q
expects her UPN or the reason she has none: clearing the reason makes the rule fail, and
recording it again makes the failure go, from her own Data quality page and from the
analyst's, which rechecks only the children whose casework changed.
"""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.returns import services
from tests.browser.conftest import assert_accessible, new_context, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RULE = "8770Q"
MESSAGE = (
    "Please check: a UPN or a reason it is missing is expected for a child who is more than 5 "
    "years old"
)


@pytest.fixture
def lily(social_worker):
    from kinfolk.casework.services.episodes import open_referral
    from kinfolk.workforce.services import allocate_child

    child = make_child(
        la_child_id="C1001",
        first_name="Lily",
        last_name="Smith",
        date_of_birth=dt.date(2015, 4, 3),
        upn_unknown="UN2",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    year = services.current_year()
    open_referral(
        child=child, referral_on=year.start + dt.timedelta(days=40), source="1A", primary_need="N1"
    )
    return child


def test_the_analysts_returns_pages(page: Page, analyst, lily):
    sign_in(page, analyst.username)
    page.get_by_role("link", name="Returns").click()
    expect(page.get_by_role("heading", name="Statutory returns")).to_be_visible()
    year = services.current_year()
    just_ended = page.get_by_label(f"{year.previous().label}, the year just ended")
    expect(just_ended).to_be_checked()
    expect(page.get_by_label(f"{year.label}, the current year")).not_to_be_checked()
    expect(page.get_by_role("button", name="Build the SSDA903 return")).to_be_visible()
    expect(page.get_by_role("button", name="Build Annex A")).to_be_visible()
    screenshot(page, "returns-index")
    assert_accessible(page)

    page.get_by_role("link", name="See today's data quality failures").click()
    expect(page.get_by_role("heading", name="Data quality", exact=True)).to_be_visible()
    expect(page.get_by_text("Checked at")).to_be_visible()
    expect(page.get_by_label("Collection year")).to_have_value(year.label)
    screenshot(page, "returns-data-quality")
    assert_accessible(page)

    page.get_by_label("Collection year").select_option(year.previous().label)
    page.get_by_role("button", name="Filter").click()
    expect(page.get_by_text(f"in the {year.previous().label} CIN census")).to_be_visible()
    page.get_by_role("button", name="Check everything again").click()
    expect(page).to_have_url(f"/returns/data-quality/?year={year.previous().label}")
    expect(page.get_by_label("Collection year")).to_have_value(year.previous().label)
    screenshot(page, "returns-data-quality-earlier-year")
    assert_accessible(page)


def test_a_real_failure_introduced_and_fixed_through_the_identity_page(
    page: Page, browser, live_server, social_worker, analyst, lily
):
    context = new_context(browser, live_server)
    analyst_page = context.new_page()
    sign_in(analyst_page, analyst.username)
    analyst_page.goto(f"/returns/data-quality/?rule={RULE}")
    expect(analyst_page.get_by_text("No failures match these filters.")).to_be_visible()
    screenshot(analyst_page, "returns-data-quality-clean")
    assert_accessible(analyst_page)

    sign_in(page, social_worker.username)
    page.goto(f"/children/{lily.pk}/returns/")
    expect(page.get_by_role("heading", name="Data quality", exact=True)).to_be_visible()
    expect(page.get_by_role("row").filter(has_text=RULE)).to_have_count(0)
    screenshot(page, "returns-child-before")
    assert_accessible(page)

    page.goto(f"/children/{lily.pk}/edit/")
    page.get_by_label("Reason there is no UPN").select_option("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Identity details saved")).to_be_visible()

    page.get_by_role("link", name="Data quality").click()
    row = page.get_by_role("row").filter(has_text=RULE)
    expect(row).to_contain_text(MESSAGE)
    expect(row).to_contain_text("UPNunknown")
    screenshot(page, "returns-child-failure")
    assert_accessible(page)

    analyst_page.reload()
    analyst_row = (
        analyst_page.get_by_role("row").filter(has_text=RULE).filter(has_text="Lily Smith")
    )
    expect(analyst_row).to_contain_text(MESSAGE)
    expect(analyst_page.get_by_role("heading", name="1 failure", exact=True)).to_be_visible()
    screenshot(analyst_page, "returns-data-quality-failure")
    assert_accessible(analyst_page)

    row.get_by_role("link", name="Open the record").click()
    expect(page).to_have_url(f"{live_server.url}/children/{lily.pk}/identity/")
    page.goto(f"/children/{lily.pk}/edit/")
    page.get_by_label("Reason there is no UPN").select_option("UN2")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Identity details saved")).to_be_visible()
    page.get_by_role("link", name="Data quality").click()
    expect(page.get_by_role("row").filter(has_text=RULE)).to_have_count(0)
    screenshot(page, "returns-child-fixed")
    assert_accessible(page)

    analyst_page.reload()
    expect(analyst_page.get_by_text("No failures match these filters.")).to_be_visible()
    screenshot(analyst_page, "returns-data-quality-fixed")
    assert_accessible(analyst_page)
    context.close()
