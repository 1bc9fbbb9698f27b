"""Subject access in a real browser: the information governance officer registers a request
about a child, prepares the disclosure by withholding a third party's words from a case note,
and sees it marked in the whole record."""

import pytest
from playwright.sync_api import Page, expect

from conftest import worker_of_role
from kinfolk.access.roles import Role
from kinfolk.records.tests.scenario import load_scenario
from tests.browser.conftest import SCREENSHOTS, assert_accessible, screenshot, sign_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.urls("kinfolk.records.tests.urls"),
]


@pytest.fixture
def maya(social_worker):
    worker_of_role(Role.INFORMATION_GOVERNANCE, username="ida_governance")
    return load_scenario(social_worker)


def test_preparing_a_disclosure(page: Page, maya):
    sign_in(page, "ida_governance")
    page.goto("/subject-access/")
    page.get_by_role("link", name="Register a request").click()
    page.get_by_label("Child ID or name").fill("C42")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name="Maya Okafor, C42").click()
    page.get_by_label("A parent or someone with parental responsibility").check()
    page.get_by_label("Name of the person who asked").fill("Grace Okafor")
    page.get_by_label("Day").fill("31")
    page.get_by_label("Month").fill("1")
    page.get_by_label("Year").fill("2026")
    page.get_by_role("group", name="Has their identity been verified?").get_by_label("Yes").check()
    page.get_by_label("How was their identity verified?").fill("Passport seen at the office")
    assert_accessible(page)
    page.get_by_role("button", name="Register the request").click()
    expect(page.get_by_text("2 March 2026 (one month from receipt)")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "subject-access-request")

    page.get_by_role("link", name="Prepare the disclosure").click()
    expect(page.get_by_role("heading", name="Prepare the disclosure")).to_be_visible()
    page.get_by_role("link", name="Redact or add a note (case note").click()
    page.get_by_label("What to withhold").select_option(label="Note")
    page.get_by_label("Third-party information (DPA 2018 Sch. 2 para. 16)").check()
    assert_accessible(page)
    page.get_by_role("button", name="Mark for redaction").click()
    expect(
        page.get_by_text("[Redacted: Third-party information (DPA 2018 Sch. 2 para. 16)]")
    ).to_be_visible()
    expect(page.get_by_text("1 fields withheld")).to_be_visible()
    assert_accessible(page)
    screenshot(page, "subject-access-prepare")
    page.locator('[id^="record-casework.casenote-"]').screenshot(
        path=str(SCREENSHOTS / "subject-access-prepare-case-note.png")
    )

    page.goto("/subject-access/")
    assert_accessible(page)
    screenshot(page, "subject-access-list")
