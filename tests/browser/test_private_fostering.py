"""A social worker records a private fostering notification from the child's record, then the
first visit, and finds the arrangement on the register with its next visit due
(docs/private-fostering.md). Every page is photographed and checked with axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.casework.models import Visit
from kinfolk.core.dates import long_date
from kinfolk.core.timescales import PRIVATE_FOSTERING_VISIT
from kinfolk.privatefostering.models import Arrangement
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.browser.test_casework import choose, fill_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_notification_and_its_first_visit_reach_the_register(page: Page, social_worker):
    today = timezone.localdate()
    child = make_child(la_child_id="PF1", first_name="Mia", last_name="Example")
    allocate_child(child=child, worker=social_worker, start_on=today - dt.timedelta(days=7))
    sign_in(page, social_worker.username)

    page.goto(f"/children/{child.pk}/")
    record = page.get_by_role("navigation", name="Child record")
    record.get_by_role("link", name="Private fostering", exact=True).click()
    expect(page.get_by_role("heading", name="Private fostering", level=1)).to_be_visible()
    screenshot(page, "private-fostering-none")
    assert_accessible(page)

    page.get_by_role("link", name="Record a private fostering notification").click()
    expect(
        page.get_by_role("heading", name="Record a private fostering notification")
    ).to_be_visible()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Choose who told the authority").first).to_be_visible()
    screenshot(page, "private-fostering-notification-errors")
    assert_accessible(page)
    choose(page, "Who told the authority?", "School")
    page.get_by_label("Their name").fill("Ms Example, head of year")
    fill_date(page, "Date the authority was told", today - dt.timedelta(days=2))
    fill_date(page, "Date the arrangement began", today - dt.timedelta(days=5))
    page.get_by_label("Name of the private foster carer").fill("Jo Example")
    page.get_by_label("Carer's address").fill("1 Example Street, Northmoor")
    page.get_by_label("Carer's relationship to the child").fill("Family friend")
    screenshot(page, "private-fostering-notification")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Private fostering notification recorded")).to_be_visible()
    assert Arrangement.objects.get().carer_name == "Jo Example"
    expect(page.get_by_text("Late: after the arrangement began")).to_be_visible()
    screenshot(page, "private-fostering-arrangement")
    assert_accessible(page)

    page.get_by_role("link", name="Record a private fostering visit").first.click()
    fill_date(page, "Date of the visit", today)
    choose(page, "Was the child seen?", "Yes")
    choose(page, "Was the child seen alone?", "Yes")
    page.get_by_label("The child's views").fill("Mia likes her room and walks to school.")
    screenshot(page, "private-fostering-visit")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Private fostering visit recorded")).to_be_visible()
    assert Visit.objects.get().kind == "private_fostering"
    due = long_date(PRIVATE_FOSTERING_VISIT.due_after(today))
    expect(page.get_by_text(f"Next visit due by {due}")).to_be_visible()
    screenshot(page, "private-fostering-visited")
    assert_accessible(page)

    page.get_by_role("navigation", name="Menu").get_by_role(
        "link", name="Private fostering", exact=True
    ).click()
    expect(page.get_by_role("heading", name="Private fostering register")).to_be_visible()
    expect(page.get_by_text("Showing 1 of 1")).to_be_visible()
    row = page.get_by_role("row", name="Mia Example")
    expect(row).to_contain_text("Jo Example")
    expect(row).to_contain_text(due)
    screenshot(page, "private-fostering-register")
    assert_accessible(page)
