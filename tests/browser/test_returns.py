"""The performance analyst's returns and data quality pages, and a failure introduced and
fixed by a social worker through the child's identity page, in a real browser.

The CIN census check is replaced by a stand-in for rule 8770Q (a child with no UPN and no
reason there is none) that reads the child's record afresh, so that this test follows the
page and not the rules, which are tested on their own.
"""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.people.models import Child
from kinfolk.returns import services
from kinfolk.returns.framework import Failure
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MESSAGE = "The child has no UPN and no reason there is none"


@pytest.fixture
def stand_in_rules(monkeypatch):
    def cin_census(year, child_ids):
        children = (
            Child.objects.all() if child_ids is None else Child.objects.filter(pk__in=child_ids)
        )
        return [
            Failure("8770Q", child.la_child_id, "UPN", MESSAGE, is_error=False)
            for child in children
            if not child.upn and not child.upn_unknown
        ]

    monkeypatch.setattr(services, "cin_census_failures", cin_census)
    monkeypatch.setattr(services, "ssda903_failures", lambda year, child_ids: [])


@pytest.fixture
def lily(social_worker):
    from kinfolk.workforce.services import allocate_child

    child = make_child(
        la_child_id="C1001",
        first_name="Lily",
        last_name="Smith",
        upn_unknown="UN2",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    return child


def test_the_analysts_returns_pages(page: Page, analyst, stand_in_rules, lily):
    sign_in(page, analyst.username)
    page.get_by_role("link", name="Returns").click()
    expect(page.get_by_role("heading", name="Statutory returns")).to_be_visible()
    expect(page.get_by_role("button", name="Build Annex A")).to_be_visible()
    screenshot(page, "returns-index")
    assert_accessible(page)

    page.get_by_role("link", name="See today's data quality failures").click()
    expect(page.get_by_role("heading", name="Data quality", exact=True)).to_be_visible()
    expect(page.get_by_role("heading", name="0 failures")).to_be_visible()
    screenshot(page, "returns-data-quality-clean")
    assert_accessible(page)


def test_a_failure_introduced_and_fixed_through_the_identity_page(
    page: Page, browser, live_server, social_worker, analyst, stand_in_rules, lily
):
    sign_in(page, social_worker.username)
    page.goto(f"/children/{lily.pk}/returns/")
    expect(page.get_by_text("No failures found.")).to_be_visible()

    page.goto(f"/children/{lily.pk}/edit/")
    page.get_by_label("Reason there is no UPN").select_option("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Identity details saved")).to_be_visible()

    page.get_by_role("link", name="Data quality").click()
    expect(page.get_by_role("heading", name="1 failure")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="8770Q")
    expect(row).to_contain_text(MESSAGE)
    screenshot(page, "returns-child-failure")
    assert_accessible(page)

    context = browser.new_context(
        base_url=live_server.url, bypass_csp=True, viewport={"width": 1280, "height": 900}
    )
    analyst_page = context.new_page()
    sign_in(analyst_page, analyst.username)
    analyst_page.goto("/returns/data-quality/?rule=8770Q")
    analyst_row = (
        analyst_page.get_by_role("row").filter(has_text="8770Q").filter(has_text="Lily Smith")
    )
    expect(analyst_row).to_contain_text(MESSAGE)
    screenshot(analyst_page, "returns-data-quality-failure")
    assert_accessible(analyst_page)

    row.get_by_role("link", name="Open the record").click()
    expect(page).to_have_url(f"{live_server.url}/children/{lily.pk}/identity/")
    page.goto(f"/children/{lily.pk}/edit/")
    page.get_by_label("Reason there is no UPN").select_option("UN2")
    page.get_by_role("button", name="Save").click()
    page.goto(f"/children/{lily.pk}/returns/")
    expect(page.get_by_text("No failures found.")).to_be_visible()
    screenshot(page, "returns-child-fixed")

    analyst_page.reload()
    expect(analyst_page.get_by_text("No failures match these filters.")).to_be_visible()
    context.close()
