"""A social worker records an adoption decision and a match for a child in care, and looks at
the fostering households; a manager approves a household. In a real browser, with every
page screenshot and checked against WCAG 2.2 AA."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.care.services import change_legal_status, start_care
from kinfolk.permanence import services
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = dt.date


@pytest.fixture
def noah(social_worker, manager):
    child = make_child(
        la_child_id="C3001",
        first_name="Noah",
        last_name="Price",
        sex="M",
        date_of_birth=D(2024, 11, 20),
    )
    start_care(
        child=child,
        start_on=D(2025, 1, 10),
        legal_status="V2",
        category_of_need="N1",
        placement_type="U6",
        provider="PR1",
    )
    change_legal_status(child=child, on=D(2025, 2, 1), legal_status="C1")
    change_legal_status(child=child, on=D(2025, 6, 2), legal_status="E1")
    return child


@pytest.fixture
def okafors(db):
    household = services.add_household(
        name="The Okafor household",
        postcode="WN2 2BB",
        kind="connected_person",
        carers=[("Ruth", "Okafor"), ("Daniel", "Okafor")],
    )
    services.grant_temporary_approval(household=household, approved_on=D(2026, 8, 3))
    services.add_development_goal(
        household=household,
        goal="Complete the Training, Support and Development Standards",
        due_on=D(2027, 3, 1),
    )
    services.add_training_record(
        household=household,
        course="Safer caring",
        completed_on=D(2026, 10, 1),
        carer=household.carers.first(),
        hours=6,
    )
    services.add_household(
        name="The Bell household", postcode="WN1 1AA", kind="mainstream", carers=[("Amy", "Bell")]
    )
    return household


def fill_date(page: Page, group: str, day: dt.date) -> None:
    fields = page.get_by_role("group", name=group, exact=True)
    fields.get_by_label("Day").fill(str(day.day))
    fields.get_by_label("Month").fill(str(day.month))
    fields.get_by_label("Year").fill(str(day.year))


def check(page: Page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page)


def test_a_social_worker_records_an_adoption_decision_and_a_match(page: Page, noah, okafors):
    sign_in(page, "sam_social")
    page.goto(f"/children/{noah.pk}/")
    page.get_by_role("navigation", name="Child record").get_by_role(
        "link", name="Permanence"
    ).click()
    expect(page.get_by_role("heading", name="Permanence", level=1)).to_be_visible()
    check(page, "permanence-01-child-empty")

    page.get_by_role(
        "link", name="Record a decision that the child should be placed for adoption"
    ).click()
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the date of the decision")).to_be_visible()
    check(page, "permanence-02-decision-errors")
    fill_date(page, "Date of the decision", D(2025, 3, 3))
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("Decision that the child should be placed for adoption recorded")
    ).to_be_visible()

    page.get_by_role("link", name="Record the match with adopters").click()
    fill_date(page, "Date of the matching panel", D(2025, 9, 4))
    fill_date(page, "Date of the decision to match", D(2025, 9, 15))
    page.get_by_label("Two adopters").check()
    page.get_by_label("Couple, male and female").check()
    page.get_by_label("Married couple, different sex").check()
    page.get_by_role("group", name="Were the adopters the child's foster carers?").get_by_label(
        "No"
    ).check()
    page.get_by_label("Adopters' names").fill("Sara and Ben Holt")
    check(page, "permanence-03-match-form")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Match with adopters recorded")).to_be_visible()
    expect(page.get_by_role("heading", name="Matched with adopters")).to_be_visible()
    expect(page.get_by_text("105 days")).to_be_visible()
    check(page, "permanence-04-child-matched")

    for link, heading, name in [
        (
            "Record that the child should no longer be placed for adoption",
            "Record that the child should no longer be placed for adoption",
            "permanence-05-reversal-form",
        ),
        ("Record previous permanence", "Record previous permanence", "permanence-06-previous"),
        (
            "Record a special guardianship or long-term fostering match",
            "Record a special guardianship or long-term fostering match",
            "permanence-07-sgo-ltf-form",
        ),
    ]:
        page.goto(f"/children/{noah.pk}/permanence/")
        page.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
        check(page, name)

    page.goto(f"/children/{noah.pk}/permanence/")
    page.get_by_role("link", name="All children with an adoption plan").click()
    expect(page.get_by_role("link", name="Noah Price")).to_be_visible()
    expect(page.get_by_role("cell", name="Matched")).to_be_visible()
    check(page, "permanence-08-adoption-plans")

    page.goto("/fostering/")
    expect(page.get_by_role("heading", name="Fostering households", level=1)).to_be_visible()
    check(page, "permanence-09-households")
    page.get_by_role("link", name="The Okafor household").click()
    expect(page.get_by_role("heading", name="Approval history")).to_be_visible()
    expect(page.get_by_role("cell", name="Safer caring")).to_be_visible()
    check(page, "permanence-10-household")
    expect(page.get_by_role("link", name="Record the panel and approval")).to_have_count(0)

    for link, name in [
        ("Add to the development plan", "permanence-11-goal-form"),
        ("Add to the training log", "permanence-12-training-form"),
    ]:
        page.get_by_role("link", name=link).click()
        expect(page.get_by_role("heading", name=link, level=1)).to_be_visible()
        check(page, name)
        page.get_by_role("link", name="Cancel").click()

    page.goto("/fostering/")
    page.get_by_role("link", name="Add a fostering household").click()
    check(page, "permanence-13-household-form")


def test_a_manager_extends_and_approves_a_household(page: Page, okafors, manager):
    sign_in(page, "meg_manager")
    page.goto(f"/fostering/{okafors.pk}/")
    page.get_by_role("link", name="Extend the temporary approval").click()
    check(page, "permanence-14-extension-form")
    fill_date(page, "Date of the extension", D(2026, 11, 16))
    page.get_by_label("Why the assessment is not complete").fill("Medical report awaited")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Temporary approval extended", exact=True)).to_be_visible()

    page.get_by_role("link", name="Record the panel and approval").click()
    check(page, "permanence-15-approval-form")
    fill_date(page, "Date of the fostering panel", D(2026, 11, 18))
    fill_date(page, "Date of approval", D(2026, 11, 20))
    page.get_by_label("Terms of approval").fill("One named child, aged 0 to 2")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Approval recorded", exact=True)).to_be_visible()
    check(page, "permanence-16-household-approved")

    connected = services.add_household(
        name="The Ahmed household",
        postcode="WN3 3DF",
        kind="connected_person",
        carers=[("Aisha", "Ahmed")],
    )
    page.goto(f"/fostering/{connected.pk}/")
    page.get_by_role("link", name="Record a temporary approval").click()
    check(page, "permanence-17-temporary-approval-form")
