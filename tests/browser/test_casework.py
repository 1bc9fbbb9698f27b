"""A social worker and a manager record a child in need case through the pages, in a real
browser: referral, assessment, authorisation, a plan with an outcome and an action, a visit."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def lily(social_worker, manager):
    child = make_child(
        la_child_id="C3001",
        first_name="Lily",
        last_name="Smith",
        nhs_number="9434765919",
        postcode="WN1 1AA",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 8, 3))
    return child


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def choose(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question, exact=True).get_by_label(answer, exact=True).check()


def save(page: Page, banner: str) -> None:
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Casework", level=1)).to_be_visible()
    expect(page.get_by_text(banner)).to_be_visible()


def sign_out(page: Page) -> None:
    page.get_by_role("button", name="Sign out").click()


def test_recording_a_child_in_need_case(page: Page, lily):
    from tests.browser.test_assessment import authorise, draft_and_submit

    casework = f"/children/{lily.pk}/casework/"
    next_steps = page.get_by_role("navigation", name="Record next")

    sign_in(page, "sam_social")
    page.goto(casework)
    expect(page.get_by_text("Lily Smith has no open child in need episode.")).to_be_visible()
    next_steps.get_by_role("link", name="Record a referral").click()
    fill_date(page, "Date of the referral", dt.date(2026, 9, 1))
    page.get_by_label("Source of the referral").select_option("2A")
    save(page, "Referral recorded: the child in need episode is open")

    next_steps.get_by_role("link", name="Start an assessment").click()
    fill_date(page, "Date the assessment started", dt.date(2026, 9, 2))
    page.get_by_role("button", name="Save").click()
    draft_and_submit(page)
    sign_out(page)

    sign_in(page, "meg_manager")
    page.goto(casework)
    next_steps.get_by_role(
        "link", name="Authorise or return the assessment started on 2 September 2026"
    ).click()
    screenshot(page, "casework-01-authorise-assessment")
    assert_accessible(page)
    authorise(page)
    sign_out(page)

    sign_in(page, "sam_social")
    page.goto(casework)
    next_steps.get_by_role("link", name="Start a child in need plan").click()
    fill_date(page, "Date the plan starts", timezone.localdate())
    page.get_by_role("button", name="Save").click()
    expect(
        page.locator(".govuk-error-summary").get_by_role(
            "link", name="Enter the contingency: what happens if the plan does not work"
        )
    ).to_be_visible()
    screenshot(page, "casework-02-plan-contingency-error")
    assert_accessible(page)
    page.get_by_label("Contingency").fill(
        "If attendance falls below 90% for four weeks, a strategy discussion is held."
    )
    save(page, "Child in need plan started: add its outcomes and actions")

    page.get_by_role("link", name="Add an outcome to the child in need plan").click()
    page.get_by_label("Outcome for the child").fill("Lily attends school every day, on time")
    save(page, "Outcome added")

    page.get_by_role("link", name="Add an action to the child in need plan").click()
    page.get_by_label("What will be done").fill("Walk Lily to school on Mondays and Tuesdays")
    page.get_by_label("Outcome it works towards").select_option(
        label="Lily attends school every day, on time"
    )
    page.get_by_label("Or someone in another agency").fill(
        "Northmoor Primary School, learning mentor"
    )
    fill_date(page, "Date it must be done by", dt.date(2026, 10, 30))
    screenshot(page, "casework-03-add-action")
    assert_accessible(page)
    save(page, "Action added")

    next_steps.get_by_role("link", name="Record a visit").click()
    fill_date(page, "Date of the visit", dt.date(2026, 10, 21))
    choose(page, "Kind of visit", "Child in need visit")
    choose(page, "Was the child seen?", "Yes")
    choose(page, "Was the child seen alone?", "Yes")
    page.get_by_label("Purpose of the visit").fill("Check on school attendance")
    page.get_by_label("The child's views").fill(
        "Lily said she likes her new teacher, but mornings at home are hard."
    )
    save(page, "Visit recorded")

    expect(
        page.get_by_role("cell", name="Northmoor Primary School, learning mentor")
    ).to_be_visible()
    expect(page.get_by_role("cell", name="Authorised", exact=False).first).to_be_visible()
    expect(page.get_by_text("mornings at home are hard")).to_be_visible()
    screenshot(page, "casework-04-casework-page")
    assert_accessible(page)
