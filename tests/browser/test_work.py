"""My work and the team's work, in a real browser."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.casework.services import (
    add_plan_action,
    open_referral,
    start_assessment,
    start_child_in_need_plan,
    submit_assessment,
)
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def casework(social_worker, manager):
    today = timezone.localdate()
    for number, days_ago in enumerate((80, 60, 20)):
        child = make_child(
            la_child_id=f"C{number}",
            first_name=["Ava", "Noah", "Zofia"][number],
            last_name=["Brown", "Jones", "Nowak"][number],
        )
        start = today - dt.timedelta(days=days_ago)
        allocate_child(child=child, worker=social_worker, start_on=start)
        open_referral(child=child, referral_on=start, source="2A")
        # Submitted, so that it waits for the manager.
        submit_assessment(
            assessment=start_assessment(child=child, started_on=start),
            content={},
            submitted_on=start,
            is_imported=True,
        )
    plan = start_child_in_need_plan(child=child, start_on=today, is_imported=True)
    add_plan_action(
        plan=plan,
        description="Book a school nurse review",
        owner=social_worker,
        due_on=today - dt.timedelta(days=2),
    )


def test_my_work_and_the_teams_work(page: Page, casework):
    sign_in(page, "sam_social")
    page.get_by_role("link", name="My work").click()
    expect(page.get_by_role("heading", name="My work")).to_be_visible()
    overdue = page.get_by_role("table", name="Overdue")
    expect(overdue.get_by_role("link", name="Authorise the assessment")).to_have_count(1)
    expect(page.get_by_text("Book a school nurse review")).to_be_visible()
    screenshot(page, "20-my-work")
    assert_accessible(page)
    overdue.get_by_role("link", name="Authorise the assessment").click()
    expect(page.get_by_role("heading", name="Casework", level=1)).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "meg_manager")
    page.get_by_role("link", name="Team's work").click()
    expect(
        page.get_by_role("table", name="Assessments not yet authorised").get_by_role("row")
    ).to_have_count(4)
    screenshot(page, "21-team-work")
    assert_accessible(page)
