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


@pytest.fixture
def noah(social_worker):
    child = make_child(
        la_child_id="C4102",
        first_name="Noah",
        last_name="Jones",
        nhs_number="9434765919",
        postcode="WN3 4AB",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=D(2026, 8, 3))
    open_referral(child=child, referral_on=D(2026, 9, 1), source="6")
    return child


def fill_row(page: Page, legend: str, **values: str) -> None:
    row = page.get_by_role("group", name=legend, exact=True)
    for label, value in values.items():
        field = row.get_by_label(label.replace("_", " "), exact=True)
        if field.evaluate("e => e.tagName") == "SELECT":
            field.select_option(label=value)
        else:
            field.fill(value)


def saved(page: Page, banner: str) -> None:
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(banner, exact=True)).to_be_visible()


def test_strategy_enquiry_core_group_and_review_pages(page: Page, noah, cp_chair, manager):
    casework = f"/children/{noah.pk}/casework/"
    next_steps = page.get_by_role("navigation", name="Record next")

    sign_in(page, "sam_social")
    page.goto(casework)
    next_steps.get_by_role("link", name="Record a strategy discussion").click()
    fill_date(page, "Date of the trigger", D(2026, 9, 2))
    page.get_by_label("Time of the trigger").fill("09:15")
    fill_date(page, "Date of the strategy discussion", D(2026, 9, 7))
    page.get_by_label("Time it was held").fill("14:00")
    page.get_by_label("Information shared").fill("Police hold two DA notices for the address.")
    fill_row(
        page, "Attendee 1", Name="Sam Social", Agency="Children's social care", Role="Social worker"
    )
    fill_row(page, "Attendee 2", Name="PC Ana Reyes", Agency="Police", Role="Investigator")
    choose(page, "Decision", "Section 47 enquiry")
    page.get_by_label("Rationale for the decision").fill("Injury seen at school; DA history.")
    fill_row(
        page,
        "Action 1",
        What_will_be_done="Send the DA notices",
        Who_will_do_it="PC Ana Reyes",
        Agency="Police",
    )
    fill_date(page.get_by_role("group", name="Action 1", exact=True), "By when", D(2026, 9, 8))
    page.get_by_role("button", name="Save").click()
    # Three working days after the trigger: the delay needs its reason.
    expect(page.locator(".govuk-error-summary")).to_contain_text("enter the reason for the delay")
    screenshot(page, "protection-strategy-discussion-refused")
    assert_accessible(page)
    page.get_by_label("Reason for any delay").fill("The police could not join until Monday.")
    saved(page, "Strategy discussion recorded")
    page.get_by_role("link", name="Send the DA notices").click()
    fill_date(page, "Date it was done", D(2026, 9, 8))
    saved(page, "Action marked done")
    expect(page.get_by_text("Done 8 Sep 2026")).to_be_visible()
    next_steps.get_by_role("link", name="Start a section 47 enquiry").click()
    fill_date(page, "Date the enquiry started", D(2026, 9, 7))
    saved(page, "Section 47 enquiry started")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "meg_manager")
    page.goto(casework)
    next_steps.get_by_role("link", name="Record the outcome of the section 47 enquiry").click()
    fill_date(page, "Date the enquiry ended", D(2026, 9, 15))
    choose(page, "Was the child seen?", "Yes")
    choose(page, "Was the child seen alone?", "Yes")
    fill_row(page, "Agency check 1", Agency="GP", Result="Missed two health visits.")
    fill_date(
        page.get_by_role("group", name="Agency check 1", exact=True), "Date checked", D(2026, 9, 9)
    )
    choose(page, "Was there a medical examination?", "No")
    page.get_by_label("Outcome of the enquiry").fill("Concerns of physical harm substantiated.")
    choose(page, "Is an initial child protection conference needed?", "Yes")
    page.get_by_label("Manager's rationale").fill("The evidence needs a conference.")
    screenshot(page, "protection-section-47-outcome")
    assert_accessible(page)
    saved(page, "Outcome of the section 47 enquiry recorded")
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "cal_chair")
    page.goto(casework)
    next_steps.get_by_role("link", name="Record the initial child protection conference").click()
    fill_date(page, "Date of the conference", D(2026, 9, 21))
    invite(page, 1, "Dr Priya Shah", "GP", D(2026, 9, 7), "Present")
    choose(page, "How did the child take part?", "Attended")
    choose(page, "Your rating of the assessment's quality", "Good")
    choose(page, "Is a child protection plan needed?", "Yes")
    choose(page, "Category of abuse", "Physical abuse")
    page.get_by_label("Reasons for the decision").fill("Harm is likely without a plan.")
    page.get_by_label("Outcome for the child").fill("Noah is safe at home")
    page.get_by_label("First action: what will be done").fill("Weekly visits to see Noah alone")
    page.get_by_label("Who will do it").fill("Sam Social")
    fill_date(page, "By when", D(2026, 10, 30))
    page.get_by_label("Contingency").fill("Legal planning meeting if harm recurs.")
    saved(page, "Initial child protection conference recorded")
    expect(page.locator(".govuk-warning-text")).to_have_count(0)
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "sam_social")
    page.goto(casework)
    next_steps.get_by_role("link", name="Record a core group meeting").click()
    fill_date(page, "Date of the core group meeting", D(2026, 9, 30))
    fill_row(
        page, "Member 1", Name="Sam Social", Agency="Children's social care", Attendance="Present"
    )
    choose(page, "Progress on: Weekly visits to see Noah alone", "Amber: some progress")
    fill_date(page, "Minutes due by", D(2026, 10, 7))
    screenshot(page, "protection-core-group")
    assert_accessible(page)
    saved(page, "Core group meeting recorded")
    page.get_by_role(
        "link", name="Review the minutes of the core group on 30 September 2026"
    ).click()
    page.get_by_label("Minutes", exact=True).fill("Visits weekly; Noah seen alone twice.")
    page.get_by_label("Your comment on the minutes").fill("Progress and consequences are clear.")
    saved(page, "Minutes reviewed")
    expect(page.get_by_text("minutes reviewed on")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, "cal_chair")
    page.goto(casework)
    next_steps.get_by_role("link", name="Record a review child protection conference").click()
    fill_date(page, "Date of the conference", D(2026, 11, 16))
    invite(page, 1, "Dr Priya Shah", "GP", D(2026, 11, 2), "Apologies")
    choose(
        page, "How did the child take part?", "Views shared in writing, drawing or by someone else"
    )
    choose(page, "Progress on: Noah is safe at home", "Green: on track or done")
    page.get_by_label("Evidence").fill("No new injuries; school reports Noah is settled.")
    choose(page, "Does the child protection plan continue?", "Yes")
    page.get_by_label("Reasons for the decision").fill("Progress to be sustained.")
    screenshot(page, "protection-review-conference-form")
    assert_accessible(page)
    saved(page, "Review child protection conference recorded")
    expect(page.get_by_role("heading", name="Progress on the plan's outcomes")).to_be_visible()
    expect(page.get_by_text("No new injuries; school reports Noah is settled.")).to_be_visible()
    screenshot(page, "protection-review-conference")
    assert_accessible(page)
