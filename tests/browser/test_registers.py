"""The registers in a real browser (docs/registers.md): a child on a child protection plan
cannot be recorded as educated at home without the council's consent; once a manager grants
it, the child is on the home education register, flagged because of the open plan there and
on their Summary page. Then the young carers waiting list, oldest first."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.casework.choices import PlanKind
from kinfolk.casework.services import open_referral
from kinfolk.casework.tests.factories import PlanFactory
from kinfolk.registers import services
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_casework import fill_date, sign_out
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def look(page: Page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page)


@pytest.fixture
def rosa(social_worker):
    child = make_child(la_child_id="C6101", first_name="Rosa", last_name="Vale")
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    episode = open_referral(child=child, referral_on=dt.date(2025, 1, 6), source="2A")
    PlanFactory(
        child=child,
        episode=episode,
        kind=PlanKind.CHILD_PROTECTION,
        start_on=dt.date(2025, 3, 10),
        latest_category="NEG",
    )
    return child


def test_home_education_of_a_child_on_a_plan_needs_consent_and_is_flagged(
    page: Page, rosa, social_worker, manager
):
    today = timezone.localdate()
    sign_in(page, social_worker.username)
    page.goto(f"/children/{rosa.pk}/registers/home-education/")
    fill_date(page, "Date of the parents' notice", today)
    fill_date(page, "Date home education started", today)
    fill_date(page, "Next review due", today + dt.timedelta(days=90))
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_role("alert").get_by_text("record the council's decision on consent")
    ).to_be_visible()
    look(page, "registers-home-education-refused")
    sign_out(page)

    sign_in(page, manager.username)
    page.goto(f"/children/{rosa.pk}/registers/home-education/consent/")
    look(page, "registers-consent")
    fill_date(page, "Date consent was requested", today)
    fill_date(page, "Date of the decision", today)
    page.get_by_label("Consent granted").check()
    page.get_by_label("Reason").fill("A tutor five days a week and visits by the social worker")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Consent decision recorded")).to_be_visible()
    sign_out(page)

    sign_in(page, social_worker.username)
    page.goto(f"/children/{rosa.pk}/registers/home-education/")
    fill_date(page, "Date of the parents' notice", today)
    fill_date(page, "Date home education started", today)
    fill_date(page, "Next review due", today + dt.timedelta(days=90))
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Not in school with an open case")).to_be_visible()
    look(page, "registers-child")

    page.goto("/registers/home-education/")
    expect(page.get_by_role("cell", name="Rosa Vale")).to_be_visible()
    expect(page.get_by_text("child protection plan")).to_be_visible()
    expect(page.get_by_text("Showing 1 of 1")).to_be_visible()
    look(page, "registers-home-education-list")

    page.goto(f"/children/{rosa.pk}/")
    expect(page.get_by_text("Not in school with an open case")).to_be_visible()
    look(page, "registers-summary")


def test_the_young_carers_waiting_list(page: Page, social_worker):
    today = timezone.localdate()
    for n, (first, days) in enumerate((("Newer", 5), ("Older", 60))):
        services.register_young_carer(
            child=make_child(la_child_id=f"Y{n}", first_name=first, last_name="Carer"),
            registered_on=today - dt.timedelta(days=days),
            cares_for="Mother",
            need="mental_health",
            assessment_requested_on=today - dt.timedelta(days=days),
        )
    sign_in(page, social_worker.username)
    page.goto("/registers/young-carers/waiting/")
    rows = page.locator("tbody tr")
    expect(rows.nth(0)).to_contain_text("Older Carer")
    expect(rows.nth(0)).to_contain_text("60")
    expect(rows.nth(1)).to_contain_text("Newer Carer")
    look(page, "registers-waiting-list")
