"""A social worker takes a child into care through the pages, moves the placement, changes the
legal status and records pre-proceedings and care proceedings; a manager approves the
unregistered setting. Every care page is screenshotted and checked with axe-core."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.core.geography import record_postcodes
from kinfolk.core.tests.factories import AuthorityFactory
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_casework import choose, fill_date, sign_out
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ava(social_worker, manager):
    AuthorityFactory(name="Wigan", la_code="E08000010")
    record_postcodes(
        [
            ("WN1 1AA", "E08000010", 53.5450, -2.6325),
            ("WN2 2BB", "E08000010", 53.5000, -2.6000),
            ("LA9 4AA", "E07000031", 54.3280, -2.7460),
        ]
    )
    child = make_child(
        la_child_id="C4001",
        first_name="Ava",
        last_name="Brown",
        date_of_birth=dt.date(2013, 6, 14),
        nhs_number="9434765919",
        postcode="WN1 1AA",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 8, 3))
    return child


def check(page: Page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page)


def save(page: Page, banner: str) -> None:
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Care", level=1)).to_be_visible()
    expect(page.get_by_text(banner)).to_be_visible()


def record_next(page: Page, link: str) -> None:
    page.get_by_role("navigation", name="Record next").get_by_role("link", name=link).click()


def test_taking_a_child_into_care_and_moving_the_placement(page: Page, ava):
    care = f"/children/{ava.pk}/care/"
    sign_in(page, "sam_social")
    page.goto(care)
    expect(page.get_by_text("Ava Brown has never been looked after.")).to_be_visible()
    check(page, "care-01-never-looked-after")

    page.get_by_role("button", name="Record the start of care").click()
    expect(page.get_by_label("Postcode of the child's home")).to_have_value("WN1 1AA")
    check(page, "care-02-start-of-care")
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Choose the legal status")).to_be_visible()
    expect(summary.get_by_role("link", name="Choose who provides the placement")).to_be_visible()
    check(page, "care-03-start-of-care-errors")

    fill_date(page, "Date the child started to be looked after", dt.date(2026, 9, 1))
    page.get_by_label("Legal status").select_option("V2")
    choose(page, "Category of need", "Family in acute stress (N4)")
    page.get_by_label("Why the child came into care").fill(
        "Ava's father was arrested and her mother is in hospital; no relative could take her."
    )
    choose(page, "Who agreed the child should come into care?", "Legal gateway meeting")
    choose(
        page,
        "Were family or friends assessed to care for the child?",
        "Assessed, not approved",
    )
    page.get_by_label("Type of placement").select_option("K2")
    choose(page, "Who provides the placement", "Private provision (PR4)")
    page.get_by_label("Name of the carers or setting").fill("Fellside House")
    page.get_by_label("Postcode of the placement").fill("LA9 4AA")
    page.get_by_label("Ofsted unique reference number (URN)").fill("SC123456")
    choose(
        page,
        "Is the setting registered with Ofsted?",
        "No: an unregistered setting, which a senior manager must approve",
    )
    page.get_by_label("Weekly cost in pounds").fill("5200.00")
    save(page, "The start of care is recorded")
    expect(page.get_by_text("Unregistered: approval needed")).to_be_visible()
    expect(page.get_by_text("More than 20 miles from home")).to_be_visible()
    expect(page.get_by_text("Out of area")).to_be_visible()
    check(page, "care-04-looked-after")
    sign_out(page)

    sign_in(page, "meg_manager")
    page.goto(care)
    record_next(page, "Approve the unregistered placement")
    page.get_by_label("Why this setting is right for the child for now").fill(
        "No registered home within 50 miles could take Ava tonight. Staff checked daily; "
        "the team will find a registered placement within 4 weeks."
    )
    check(page, "care-16-approve-unregistered")
    fill_date(page, "Date of the approval", dt.date(2026, 9, 2))
    save(page, "The approval is recorded")
    expect(
        page.get_by_text("Unregistered: approved by Meg Manager on 2 September 2026")
    ).to_be_visible()
    sign_out(page)

    sign_in(page, "sam_social")
    page.goto(care)

    record_next(page, "Record a move of placement")
    check(page, "care-05-move-placement")
    fill_date(page, "Date of the move", dt.date(2026, 10, 1))
    page.get_by_label("Type of placement").select_option("U6")
    choose(page, "Who provides the placement", "Own local authority provision (PR1)")
    page.get_by_label("Name of the carers or setting").fill("Mr and Mrs Patel")
    page.get_by_label("Postcode of the placement").fill("WN2 2BB")
    choose(
        page,
        "Is the setting registered with Ofsted?",
        "Does not apply: with parents, in hospital or a temporary move",
    )
    page.get_by_label("Reason for the move").select_option("STAND")
    choose(page, "Was the move planned?", "No")
    page.get_by_label("Why the placement ended").fill(
        "Staff changed every week and Ava stopped going to school."
    )
    choose(page, "Has a disruption meeting been held?", "Yes")
    fill_date(page, "Date of the disruption meeting", dt.date(2026, 10, 8))
    page.get_by_label("What was learnt").fill("Place Ava near her school with a stable family.")
    save(page, "The move of placement is recorded")

    record_next(page, "Record a change of legal status")
    check(page, "care-06-change-legal-status")
    fill_date(page, "Date the legal status changed", dt.date(2026, 10, 15))
    page.get_by_label("New legal status").select_option("C1")
    save(page, "The change of legal status is recorded")
    expect(
        page.get_by_text("Staff changed every week and Ava stopped going to school.")
    ).to_be_visible()
    check(page, "care-07-after-the-changes")

    record_next(page, "Record the end of care")
    check(page, "care-08-end-of-care")
    page.goto(care)

    record_next(page, "Record a legal gateway meeting")
    check(page, "care-09-legal-gateway")
    fill_date(page, "Date of the legal gateway meeting", dt.date(2026, 8, 10))
    choose(page, "Decision", "Start pre-proceedings (PLO)")
    page.get_by_label("Reasons for the decision").fill("Neglect continued under the CP plan.")
    save(page, "The legal gateway meeting is recorded")

    record_next(page, "Record the letter before proceedings")
    fill_date(page, "Date the letter was sent", dt.date(2026, 8, 17))
    page.get_by_label("The concerns").fill("Ava was often left alone overnight.")
    page.get_by_label("What the parents must do").fill("An adult at home every night.")
    fill_date(page, "By when", dt.date(2026, 10, 17))
    page.get_by_label("The support offered").fill("A family support worker twice a week.")
    check(page, "care-10-letter-before-proceedings")
    page.get_by_role("button", name="Save").click()
    expect(
        page.locator(".govuk-error-summary").get_by_role(
            "link", name="Enter what happens if things do not change"
        )
    ).to_be_visible()
    page.get_by_label("What happens if things do not change").fill(
        "The council will apply to the court for a care order."
    )
    save(page, "The letter before proceedings is recorded")

    record_next(page, "Record a pre-proceedings meeting")
    check(page, "care-11-pre-proceedings-meeting")
    fill_date(page, "Date of the meeting", dt.date(2026, 8, 24))
    page.get_by_label("What was agreed").fill("A written agreement; review in four weeks.")
    save(page, "The pre-proceedings meeting is recorded")

    record_next(page, "Record the end of pre-proceedings")
    check(page, "care-12-end-of-pre-proceedings")
    page.goto(care)

    record_next(page, "Record that care proceedings were issued")
    check(page, "care-13-issue-proceedings")
    fill_date(page, "Date proceedings were issued", dt.date(2026, 9, 7))
    save(page, "The issue of care proceedings is recorded")

    record_next(page, "Record a hearing")
    check(page, "care-14-hearing")
    fill_date(page, "Date of the hearing", dt.date(2026, 9, 21))
    choose(page, "Kind of hearing", "Case management hearing")
    save(page, "The hearing is recorded")

    record_next(page, "Record the final order")
    check(page, "care-15-final-order")
    page.goto(care)
    page.goto(care)
    check(page, "care-17-care-page-after-proceedings")
