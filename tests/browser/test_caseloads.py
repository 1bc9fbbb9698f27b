"""Caseloads against caps, allocating over the cap and handing a case over, in a real browser
(docs/caseloads.md)."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child, worker_of_role
from kinfolk.casework.models import PlanAction
from kinfolk.casework.services import add_plan_action, open_referral, start_child_in_need_plan
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def full_caseload(settings, social_worker, manager):
    """Sam Social holds two cases, the cap for a social worker here."""
    settings.KINFOLK_CASELOAD_CAPS = {"social_worker": 2, "team_manager": 10}
    for number, name in enumerate(("Ava", "Noah")):
        held = make_child(la_child_id=f"H{number}", first_name=name, last_name="Brown")
        allocate_child(child=held, worker=social_worker, start_on=dt.date(2026, 1, 5))
    return make_child(la_child_id="NEW1", first_name="Zofia", last_name="Nowak")


def test_allocating_over_the_cap_needs_a_reason(page: Page, full_caseload):
    sign_in(page, "meg_manager")
    page.goto("/team/")
    expect(page.get_by_role("cell", name="2 of 2", exact=True)).to_be_visible()
    screenshot(page, "60-team-caseloads")
    assert_accessible(page)

    page.goto(f"/children/{full_caseload.pk}/allocate/")
    page.get_by_label("Worker").select_option(
        label="Sam Social (Assessment North), 2 of 2 cases (at the cap)"
    )
    page.get_by_label("Reason for the change").select_option(label="First contact")
    page.get_by_role("button", name="Save").click()
    expect(page.locator(".govuk-warning-text")).to_contain_text(
        "Sam Social holds 2 cases; the cap for a social worker is 2."
    )
    field_error = page.locator("#id_over_cap_reason-error")
    expect(field_error).to_contain_text("Give the reason for allocating this case over the cap")
    expect(page.get_by_role("alert")).to_contain_text("Give the reason")
    screenshot(page, "61-allocate-over-the-cap")
    assert_accessible(page)

    page.get_by_label("Reason for allocating over the caseload cap").fill(
        "Sam worked with Zofia's brother last year"
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Zofia Nowak's case is allocated to Sam Social")).to_be_visible()
    assert full_caseload.allocations.get().over_cap_reason.startswith("Sam worked with")


@pytest.fixture
def held_case(social_worker, manager, team):
    today = timezone.localdate()
    worker_of_role(Role.SOCIAL_WORKER, team, username="tia_team")
    child = make_child(la_child_id="R1", first_name="Leo", last_name="Kowalski")
    start = today - dt.timedelta(days=60)
    open_referral(child=child, referral_on=start, source="2A")
    allocate_child(child=child, worker=social_worker, start_on=start)
    plan = start_child_in_need_plan(child=child, start_on=start, is_imported=True)
    for description, days in (("Book a school nurse review", 5), ("Visit Leo at home", 12)):
        add_plan_action(
            plan=plan,
            description=description,
            owner=social_worker,
            due_on=today + dt.timedelta(days=days),
        )
    return child


def test_a_reallocation_hands_the_plan_actions_over(page: Page, held_case):
    sign_in(page, "meg_manager")
    page.goto(f"/children/{held_case.pk}/allocate/")
    handover = page.get_by_role("table", name="Plan action (2)")
    expect(handover.get_by_role("row")).to_have_count(3)
    expect(handover).to_contain_text("Book a school nurse review")
    page.get_by_label("Worker").select_option(label="Tia Team (Assessment North), 0 of 18 cases")
    page.get_by_label("Reason for the change").select_option(label="Management decision")
    page.get_by_role("button", name="Save").click()
    expect(page.locator("#id_handover_note-error")).to_contain_text(
        "Write a handover note for Tia Team"
    )
    screenshot(page, "62-reallocate-handover")
    assert_accessible(page)
    page.get_by_label("Handover note").fill(
        "Leo's mum prefers calls after 3pm. The school nurse review is booked for next week."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Leo Kowalski's case is allocated to Tia Team")).to_be_visible()
    assert set(PlanAction.objects.values_list("owner__username", flat=True)) == {"tia_team"}

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "sam_social")
    page.goto("/work/")
    expect(page.get_by_text("Book a school nurse review")).to_have_count(0)

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "tia_team")
    page.goto("/work/")
    expect(page.get_by_text("Book a school nurse review")).to_be_visible()
    screenshot(page, "63-new-worker-work")
