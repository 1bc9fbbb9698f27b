"""At the front door, in a real browser: a hub worker records a police notice of domestic
abuse, reads the household's history and screens it; a manager signs the decision off.
All data is synthetic."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import PASSWORD, make_child
from kinfolk.casework.services import open_referral
from kinfolk.frontdoor.models import ScreeningDecision
from kinfolk.frontdoor.services import record_contact, screen_contact
from kinfolk.people.services import relate
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker
from tests.browser.conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def household(team, manager):
    """Lily, who lives with her brother Sam; the police sent a notice about Sam last month."""
    create_worker(
        username="fay_frontdoor",
        display_name="Fay Frontdoor",
        role=Role.FRONTDOOR,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )
    lily = make_child(la_child_id="C1001", first_name="Lily", last_name="Smith")
    sam = make_child(
        la_child_id="C1002", first_name="Sam", last_name="Smith", date_of_birth=dt.date(2018, 2, 14)
    )
    relate(child=lily, other_child=sam, kind="sibling", lives_with=True)
    earlier = record_contact(
        child=sam,
        received_at=timezone.now() - dt.timedelta(days=30),
        source="6",
        concern="Police called to an argument between the adults.",
        is_domestic_abuse=True,
    )
    screen_contact(
        contact=earlier,
        decided_at=timezone.now() - dt.timedelta(days=29),
        outcome="advice",
        urgency="standard",
        rationale="Advice to the mother about support services.",
        signed_off_by=manager,
    )
    open_referral(child=sam, referral_on=dt.date(2024, 9, 2), source="2A")
    other = make_child(la_child_id="C1003", first_name="Noah", last_name="Jones")
    record_contact(
        child=other,
        received_at=timezone.now() - dt.timedelta(hours=30),
        source="2A",
        concern="Noah came to school hungry again.",
    )
    return lily


def test_record_screen_and_sign_off_a_contact(page: Page, household):
    sign_in(page, "fay_frontdoor")
    page.goto("/front-door/")
    expect(page.get_by_role("heading", name="1 contact waiting")).to_be_visible()

    page.get_by_role("link", name="Record a contact").click()
    page.get_by_label("Name").fill("Lily Smith")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("heading", name="1 child found")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Record a contact about Lily Smith").click()
    expect(page.get_by_role("heading", name="Record a contact", level=1)).to_be_visible()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    date = page.get_by_role("group", name="Date received")
    date.get_by_label("Day").fill(str(yesterday.day))
    date.get_by_label("Month").fill(str(yesterday.month))
    date.get_by_label("Year").fill(str(yesterday.year))
    page.get_by_label("Time received").fill("23:40")
    page.get_by_label("Source").select_option(label="Police")
    page.get_by_label("Who made the contact").fill("PC Ali Khan, police")
    page.get_by_label("Concern").fill("Police called to the home again; Lily was present.")
    page.get_by_label("This is a notice of domestic abuse").check()
    screenshot(page, "front-door-00-record-a-contact")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Contact recorded for Lily Smith.")).to_be_visible()
    expect(page.get_by_role("heading", name="2 contacts waiting")).to_be_visible()
    lily_row = page.get_by_role("row").filter(has_text="Lily Smith")
    expect(lily_row.get_by_text("Domestic abuse notice", exact=True)).to_be_visible()
    expect(lily_row.get_by_text("1 domestic abuse notice")).to_be_visible()
    screenshot(page, "front-door-01-hub-queue")
    assert_accessible(page)

    page.get_by_role("link", name="Screen the contact about Lily Smith").click()
    expect(page.get_by_role("heading", name="Screen a contact", level=1)).to_be_visible()
    expect(page.get_by_role("cell", name="Advice and information")).to_be_visible()
    page.get_by_label("No further action").check()
    page.get_by_label("Within the usual timescale").check()
    page.get_by_role("button", name="Record the decision").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the rationale for the decision")).to_be_visible()
    assert ScreeningDecision.objects.filter(contact__child=household).count() == 0
    screenshot(page, "front-door-02-screening-error")
    assert_accessible(page)

    page.get_by_label("Rationale").fill(
        "Second domestic abuse notice for the household in a month; the mother has accepted "
        "support from the domestic abuse service."
    )
    screenshot(page, "front-door-03-screening")
    page.get_by_role("button", name="Record the decision").click()
    expect(page.get_by_text("It is waiting for a manager's sign-off.", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="1 contact waiting")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "meg_manager")
    page.goto("/front-door/sign-off/")
    expect(page.get_by_role("heading", name="1 item waiting")).to_be_visible()
    screenshot(page, "front-door-04-sign-off-queue")
    assert_accessible(page)

    page.get_by_role(
        "link", name="Agree or return Screening decision: No further action about Lily Smith"
    ).click()
    expect(page.get_by_role("heading", name="Agree or return a screening decision")).to_be_visible()
    page.get_by_label("Yes, I agree it").check()
    page.get_by_label("Your rationale, or your reasons for returning it").fill(
        "Agreed: support is in place and accepted."
    )
    screenshot(page, "front-door-05-sign-off")
    assert_accessible(page)
    page.get_by_role("button", name="Save your sign-off").click()
    expect(page.get_by_text("Screening decision for Lily Smith signed off")).to_be_visible()
    expect(page.get_by_role("heading", name="0 items waiting")).to_be_visible()
    decision = ScreeningDecision.objects.get(contact__child=household)
    assert (decision.outcome, decision.signed_off_by.username, decision.sign_off_rationale) == (
        "nfa",
        "meg_manager",
        "Agreed: support is in place and accepted.",
    )
