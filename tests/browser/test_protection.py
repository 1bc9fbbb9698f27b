"""A child protection chair records an initial conference in a real browser: who was
invited and when, how each took part, their reports and when the parents had them, the
child's participation, the chair's view of the assessment and the plan. The conference page
warns of the short notice and the late report (docs/child-protection-meetings.md)."""

import datetime as dt

import pytest
from playwright.sync_api import Locator, Page, expect

from conftest import make_child
from kinfolk.casework.services import open_referral
from kinfolk.protection.services import end_section_47_enquiry, start_section_47_enquiry
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = dt.date


@pytest.fixture
def ava(social_worker):
    child = make_child(
        la_child_id="C4101",
        first_name="Ava",
        last_name="Brown",
        nhs_number="9434765870",
        postcode="WN2 2BB",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=D(2026, 8, 3))
    open_referral(child=child, referral_on=D(2026, 9, 1), source="6")
    start_section_47_enquiry(child=child, started_on=D(2026, 9, 3))
    end_section_47_enquiry(
        child=child, ended_on=D(2026, 9, 15), is_conference_required=True, is_imported=True
    )
    return child


def fill_date(scope: Page | Locator, legend: str, day: dt.date) -> None:
    group = scope.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def choose(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question, exact=True).get_by_label(answer, exact=True).check()


def invite(
    page: Page,
    number: int,
    name: str,
    agency: str,
    invited_on: dt.date,
    attendance: str,
    report: tuple[dt.date, dt.date] | None = None,
) -> None:
    row = page.get_by_role("group", name=f"Invitee {number}", exact=True)
    row.get_by_label("Name", exact=True).fill(name)
    row.get_by_label("Agency", exact=True).select_option(label=agency)
    fill_date(row, "Invitation sent on", invited_on)
    row.get_by_label("Attendance", exact=True).select_option(label=attendance)
    if report:
        fill_date(row, "Report received on", report[0])
        fill_date(row, "Report shared with the parents on", report[1])


def test_a_conference_with_invitations_reports_and_attendance(page: Page, ava, cp_chair):
    sign_in(page, "cal_chair")
    page.goto(f"/children/{ava.pk}/casework/")
    page.get_by_role("navigation", name="Record next").get_by_role(
        "link", name="Record the initial child protection conference"
    ).click()
    expect(
        page.get_by_role("heading", name="Record the initial child protection conference")
    ).to_be_visible()
    assert_accessible(page)

    fill_date(page, "Date of the conference", D(2026, 9, 21))
    invite(
        page,
        1,
        "Dr Priya Shah",
        "GP",
        D(2026, 9, 17),
        "Report only",
        (D(2026, 9, 17), D(2026, 9, 17)),
    )
    invite(
        page,
        2,
        "Mrs Jo Hill",
        "School or education",
        D(2026, 9, 10),
        "Present",
        (D(2026, 9, 18), D(2026, 9, 21)),
    )
    invite(page, 3, "PC Ana Reyes", "Police", D(2026, 9, 10), "Apologies")
    choose(page, "How did the child take part?", "Represented by an advocate")
    page.get_by_label("Name of the child's advocate").fill("Rae Lin")
    choose(page, "Your rating of the assessment's quality", "Adequate")
    page.get_by_label("Comment on the assessment").fill("The analysis says little of the father.")
    choose(page, "Is a child protection plan needed?", "Yes")
    choose(page, "Category of abuse", "Neglect")
    page.get_by_label("Reasons for the decision").fill("Neglect will continue without a plan.")

    # Without a contingency, the plan is refused, next to the field.
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary).to_contain_text("Enter the contingency: what happens if the plan does not work")
    screenshot(page, "protection-conference-refused")
    assert_accessible(page)

    page.get_by_label("Outcome for the child").fill("Ava goes to school every day, fed and clean")
    page.get_by_label("First action: what will be done").fill("Weekly visits to see Ava alone")
    page.get_by_label("Who will do it").fill("Sam Carter")
    fill_date(page, "By when", D(2026, 10, 30))
    page.get_by_label("Contingency").fill(
        "A legal planning meeting if nothing changes by the review."
    )
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Initial child protection conference recorded")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Initial child protection conference, 21 September 2026")
    ).to_be_visible()
    warnings = page.locator(".govuk-warning-text")
    expect(warnings).to_have_count(2)
    expect(warnings.nth(0)).to_contain_text(
        "Short notice: Dr Priya Shah (GP) was invited on 17 September 2026: 2 working days' notice"
    )
    expect(warnings.nth(1)).to_contain_text(
        "Late report: The report of Mrs Jo Hill (School or education) was shared with the "
        "parents on 21 September 2026"
    )
    table = page.get_by_role("table", name="Invitations, attendance and reports")
    expect(table.get_by_role("row")).to_have_count(4)
    expect(table).to_contain_text("Apologies")
    expect(table).to_contain_text("Report only")
    expect(page.get_by_text("Represented by an advocate")).to_be_visible()
    expect(
        page.get_by_text("A legal planning meeting if nothing changes by the review.")
    ).to_be_visible()
    screenshot(page, "protection-conference")
    assert_accessible(page)

    page.get_by_role("link", name="Back to casework").click()
    expect(page.get_by_text("Contingency: Not recorded")).to_have_count(0)
    screenshot(page, "protection-casework")
