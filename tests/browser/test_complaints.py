"""The complaints manager records a parent's complaint from their workspace, answers it at
stage 1, escalates it to stage 2 with an investigator and an independent person, extends stage
2 and reads the trends (docs/complaints.md). Every page is photographed and checked with axe."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import worker_of_role
from kinfolk.access.roles import Role
from kinfolk.complaints.models import Complaint
from kinfolk.workforce.services import allocate_child, create_team
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.browser.test_casework import choose, fill_date

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

RECEIVED = dt.date(2026, 11, 2)


def test_a_complaint_escalated_to_stage_2_with_an_extension(page: Page, child, social_worker):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 1, 5))
    manager = worker_of_role(
        Role.COMPLAINTS_MANAGER, create_team(name="Complaints"), username="cara_complaints"
    )
    sign_in(page, manager.username)
    expect(page.get_by_role("heading", name="Open complaints by stage")).to_be_visible()
    screenshot(page, "complaints-workspace-empty")
    assert_accessible(page)

    page.get_by_role("link", name="Record a complaint").click()
    page.get_by_label("Name").fill("Lily")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 child found")).to_be_visible()
    screenshot(page, "complaints-find-child")
    assert_accessible(page)

    page.get_by_role("link", name="Record a complaint about Lily Smith").click()
    expect(page.get_by_role("heading", name="Record a complaint", level=1)).to_be_visible()
    fill_date(page, "Date the complaint was received", RECEIVED)
    choose(page, "Who made the complaint?", "A parent")
    page.get_by_label("Their name").fill("Dana Smith")
    page.get_by_label("Theme", exact=True).select_option(label="Communication")
    page.get_by_label("The complaint").fill("Nobody told me the review had moved.")
    screenshot(page, "complaints-record")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Complaint recorded")).to_be_visible()
    expect(page.get_by_role("heading", name="Complaints", level=1)).to_be_visible()
    screenshot(page, "complaints-child")
    assert_accessible(page)
    page.get_by_role("link", name="2 November 2026").click()
    expect(page.get_by_text("16 November 2026")).to_be_visible()
    screenshot(page, "complaints-complaint-stage-1")
    assert_accessible(page)

    page.get_by_role("link", name="Record the stage 1 response").click()
    fill_date(page, "Date of the response", dt.date(2026, 11, 13))
    choose(page, "Outcome", "Not upheld")
    page.get_by_label("The response given to the complainant").fill(
        "The review moved because the IRO was ill; we wrote to you on 3 November."
    )
    screenshot(page, "complaints-respond")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Response recorded")).to_be_visible()

    page.get_by_role("link", name="Escalate to stage 2").click()
    fill_date(page, "Date the complainant asked for the next stage", dt.date(2026, 11, 16))
    page.get_by_label("Investigating officer").fill("Ivy Investigator")
    page.get_by_label("Independent person").fill("Ian Independent")
    screenshot(page, "complaints-escalate")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Escalation recorded")).to_be_visible()
    # 25 working days after Monday 16 November 2026.
    expect(page.get_by_text("21 December 2026")).to_be_visible()

    page.get_by_role("link", name="Extend stage 2").click()
    fill_date(page, "Date the extension was agreed", dt.date(2026, 11, 20))
    page.get_by_label("Why more time is needed").fill("Health records are awaited.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Extension recorded")).to_be_visible()
    # 65 working days after 16 November 2026, past Christmas Day, Boxing Day (a Saturday,
    # observed on Monday 28 December) and New Year's Day: Thursday 18 February 2027.
    expect(page.get_by_text("18 February 2027")).to_be_visible()
    expect(page.get_by_text("Ivy Investigator")).to_be_visible()
    screenshot(page, "complaints-complaint-stage-2-extended")
    assert_accessible(page)
    complaint = Complaint.objects.get()
    assert (complaint.stage, complaint.stage2_extended_on) == (2, dt.date(2026, 11, 20))

    page.get_by_role("link", name="Home").first.click()
    expect(page.get_by_text("Showing 1 of 1.")).to_be_visible()
    screenshot(page, "complaints-workspace")
    assert_accessible(page)

    page.goto("/complaints/trends/")
    expect(page.get_by_role("heading", name="Complaints: trends")).to_be_visible()
    screenshot(page, "complaints-trends")
    assert_accessible(page)
