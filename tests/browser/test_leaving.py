"""A social worker records a care leaver's pathway plan and a contact through the pages, and a
manager allocates a personal adviser and audits the plan, in a real browser; every leaving
care page is screenshotted and checked with axe."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import PASSWORD, make_child
from kinfolk.care.services import end_care, start_care
from kinfolk.leaving.services import record_pathway_plan
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import allocate_child, create_worker
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_casework import choose, fill_date
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = dt.date


def look_after(child, start_on: dt.date, end_on: dt.date) -> None:
    start_care(
        child=child,
        start_on=start_on,
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    end_care(child=child, on=end_on, reason="E8")


@pytest.fixture
def jade(social_worker, team):
    """Left foster care on 1 March 2025, aged 16: now a former relevant young person."""
    create_worker(
        username="pat_adviser",
        display_name="Pat Adviser",
        role=Role.PERSONAL_ADVISER,
        team=team,
        password=PASSWORD,
    )
    child = make_child(
        la_child_id="L1001", first_name="Jade", last_name="Okafor", date_of_birth=D(2008, 6, 10)
    )
    look_after(child, D(2024, 1, 10), D(2025, 3, 1))
    allocate_child(child=child, worker=social_worker, start_on=D(2024, 1, 10))
    return child


def leaving_page(page: Page) -> None:
    expect(page.get_by_role("heading", name="Leaving care", level=1)).to_be_visible()


def test_recording_a_pathway_plan_and_a_contact(page: Page, jade, manager):
    sign_in(page, "sam_social")
    page.get_by_role("link", name="Care leavers").click()
    expect(page.get_by_role("heading", name="Care leavers", level=1)).to_be_visible()
    expect(page.get_by_role("link", name="Jade Okafor")).to_be_visible()
    screenshot(page, "leaving-01-care-leavers")
    assert_accessible(page)

    page.get_by_role("link", name="Jade Okafor").click()
    leaving_page(page)
    expect(
        page.get_by_text(
            "Former relevant: left care on 1 March 2025, aged 16, after 59 weeks looked after "
            "since 14th birthday"
        )
    ).to_be_visible()
    screenshot(page, "leaving-02-child-before")
    assert_accessible(page)

    next_steps = page.get_by_role("navigation", name="Record next")
    next_steps.get_by_role("link", name="Record a pathway plan").click()
    screenshot(page, "leaving-03-pathway-plan-form")
    assert_accessible(page)
    fill_date(page, "Date of the pathway plan", D(2026, 10, 1))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_text("Enter the young person's views of their plan").first).to_be_visible()
    screenshot(page, "leaving-04-pathway-plan-errors")
    assert_accessible(page)
    page.get_by_label("Accommodation: needs and goals").fill("Supported lodgings, then a tenancy")
    fill_date(page, "Target date for settled accommodation", D(2027, 3, 31))
    page.get_by_label("Education, training and employment: needs and goals").fill(
        "Level 2 catering at college"
    )
    page.get_by_label("The young person's views").fill("Wants to live near her sister")
    choose(page, "Was the young person given a copy of the plan?", "Yes")
    choose(page, "Is there a version written for the young person?", "Yes")
    page.get_by_role("button", name="Save").click()
    leaving_page(page)
    expect(page.get_by_text("Pathway plan recorded", exact=True)).to_be_visible()
    expect(page.get_by_text("Wants to live near her sister")).to_be_visible()

    page.get_by_role("navigation", name="Record next").get_by_role(
        "link", name="Record a contact"
    ).click()
    fill_date(page, "Date of contact", timezone.localdate() - dt.timedelta(days=20))
    choose(page, "Is the authority in touch with the young person?", "In touch")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Choose the young person's accommodation").first).to_be_visible()
    screenshot(page, "leaving-05-contact-errors")
    assert_accessible(page)
    page.get_by_label("Accommodation").select_option("E1")
    page.get_by_label("Main activity").select_option("F2")
    page.get_by_label("Notes").fill("Settled in her lodgings; enjoying college")
    screenshot(page, "leaving-06-contact-form")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    leaving_page(page)
    expect(page.get_by_text("Contact recorded", exact=True)).to_be_visible()
    expect(page.get_by_role("cell", name="Supported lodgings (suitable)")).to_be_visible()
    screenshot(page, "leaving-07-child-after")
    assert_accessible(page)

    page.get_by_role("link", name="Care leavers").click()
    row = page.get_by_role("row", name="Jade Okafor")
    expect(row).to_contain_text("20 days ago")
    expect(row).to_contain_text("EET")
    screenshot(page, "leaving-08-care-leavers-after")


def test_manager_pages_staying_put_and_support_to_25(page: Page, jade, manager):
    kai = make_child(
        la_child_id="L1002", first_name="Kai", last_name="Moreno", date_of_birth=D(2008, 6, 10)
    )
    look_after(kai, D(2024, 1, 10), D(2026, 6, 10))
    owen = make_child(
        la_child_id="L1003", first_name="Owen", last_name="Price", date_of_birth=D(2004, 3, 1)
    )
    look_after(owen, D(2019, 6, 1), D(2021, 1, 1))

    sign_in(page, "meg_manager")
    page.goto(f"/children/{jade.pk}/leaving/")
    page.get_by_role("navigation", name="Record next").get_by_role(
        "link", name="Allocate a personal adviser"
    ).click()
    screenshot(page, "leaving-09-allocate-adviser")
    assert_accessible(page)
    page.get_by_label("Personal adviser").select_option(label="Pat Adviser, Personal adviser")
    fill_date(page, "Allocated from", D(2025, 3, 1))
    fill_date(page, "Date of the joint visit with the social worker", D(2025, 2, 20))
    page.get_by_role("button", name="Save").click()
    leaving_page(page)
    expect(page.get_by_text("20 February 2025 (before 18)")).to_be_visible()

    page.goto(f"/children/{kai.pk}/leaving/")
    page.get_by_role("navigation", name="Record next").get_by_role(
        "link", name="Record staying put"
    ).click()
    screenshot(page, "leaving-10-staying-put")
    assert_accessible(page)
    fill_date(page, "Staying put from", D(2026, 6, 10))
    page.get_by_label("Former foster carers").fill("Mr and Mrs Hale")
    choose(page, "Is the young person in full-time education?", "No")
    page.get_by_role("button", name="Save").click()
    leaving_page(page)
    expect(page.get_by_text("No: may stay until 21")).to_be_visible()
    page.get_by_role("navigation", name="Record next").get_by_role(
        "link", name="End staying put"
    ).click()
    screenshot(page, "leaving-11-staying-put-end")
    assert_accessible(page)

    page.goto(f"/children/{owen.pk}/leaving/")
    page.get_by_role("navigation", name="Record next").get_by_role(
        "link", name="Record a request for support to 25"
    ).click()
    screenshot(page, "leaving-12-support-to-25")
    assert_accessible(page)
    fill_date(page, "Date the young person asked for support", D(2026, 1, 5))
    page.get_by_role("button", name="Save").click()
    leaving_page(page)
    expect(page.get_by_text("Asked for support on 5 January 2026")).to_be_visible()
    screenshot(page, "leaving-13-support-to-25-child")
    assert_accessible(page)
    page.get_by_role("navigation", name="Record next").get_by_role(
        "link", name="End support to 25"
    ).click()
    screenshot(page, "leaving-14-support-end")
    assert_accessible(page)

    page.goto(f"/children/{jade.pk}/leaving/pathway-plans/audit/")
    expect(page.get_by_text("Jade Okafor has no pathway plan to audit.")).to_be_visible()
    screenshot(page, "leaving-15-audit-unavailable")
    assert_accessible(page)


def test_auditing_a_pathway_plan(page: Page, jade, manager):
    plan = record_pathway_plan(
        child=jade, made_on=D(2025, 4, 1), young_person_views="Wants a flat", is_copy_given=False
    )
    sign_in(page, "meg_manager")
    page.goto(f"/children/{jade.pk}/leaving/")
    page.get_by_role("link", name="Audit the pathway plan of 1 April 2025").click()
    expect(page).to_have_url(f"/children/{jade.pk}/leaving/pathway-plans/audit/?plan={plan.pk}")
    choose(page, "Audit grade", "Requires improvement")
    page.get_by_label("What the audit found").fill("No copy given; goals have no dates")
    screenshot(page, "leaving-16-audit")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    leaving_page(page)
    expect(page.get_by_text("Requires improvement, by Meg Manager")).to_be_visible()


def test_a_child_who_is_not_a_care_leaver(page: Page, child, social_worker):
    sign_in(page, "sam_social")
    page.goto(f"/children/{child.pk}/leaving/")
    expect(page.get_by_text("Not a care leaver: has never been looked after.")).to_be_visible()
    screenshot(page, "leaving-17-not-a-care-leaver")
    assert_accessible(page)
