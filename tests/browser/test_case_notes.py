"""A social worker writes a case note through the pages, in a real browser: a refusal shown
next to the field, then the note on the casework page and in the chronology."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import make_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_casework import fill_date
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_writing_a_case_note(page: Page, social_worker):
    child = make_child(la_child_id="C3101", first_name="Maya", last_name="Okafor")
    sign_in(page, "sam_social")
    page.goto(f"/children/{child.pk}/casework/")
    page.get_by_role("link", name="Add a case note").click()
    expect(page.get_by_role("heading", name="Add a case note", level=1)).to_be_visible()

    page.get_by_label("Phone call").check()
    fill_date(page, "Date", dt.date(2026, 11, 30))
    page.get_by_label("Time").fill("9.70")
    page.get_by_label("What happened").fill("Called Maya's school. She has attended every day.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name="Enter a real time, like 09:15 or 21:30")).to_be_visible()
    screenshot(page, "case-note-01-time-error")
    assert_accessible(page)

    page.get_by_label("Time").fill("09:40")
    page.get_by_label("This is a significant event in the child's life").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Case note added")).to_be_visible()
    notes = page.locator("#case-notes ~ .govuk-summary-card").first
    expect(notes).to_contain_text("Phone call, 30 November 2026 at 09:40")
    expect(notes).to_contain_text("She has attended every day.")
    screenshot(page, "case-note-02-casework")
    assert_accessible(page)

    page.get_by_role("link", name="All case notes in the chronology").click()
    expect(page.get_by_role("heading", name="Case note: Phone call")).to_be_visible()
    expect(page.get_by_text("She has attended every day.")).to_be_visible()
    screenshot(page, "case-note-03-chronology")
    assert_accessible(page)
