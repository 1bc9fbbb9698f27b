"""The one sign-off queue, in a real browser: a manager returns a no further action decision
with reasons; the worker reads them, answers and changes the decision; the manager sees it
answered in the queue and agrees it with a rationale (docs/sign-off.md). Synthetic data."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import PASSWORD, make_child
from kinfolk.frontdoor.models import ScreeningDecision
from kinfolk.frontdoor.services import record_contact, screen_contact
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker
from tests.browser.conftest import assert_accessible, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def decided(team, manager):
    """Lily's contact, screened by Fay at the front door as no further action, "immediately"."""
    fay = create_worker(
        username="fay_frontdoor",
        display_name="Fay Frontdoor",
        role=Role.FRONTDOOR,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )
    lily = make_child(la_child_id="C2001", first_name="Lily", last_name="Smith")
    received = timezone.now() - dt.timedelta(days=3)
    contact = record_contact(
        child=lily,
        received_at=received,
        source="6",
        concern="Police called to the home for the third time this year.",
        is_domestic_abuse=True,
    )
    screen_contact(
        contact=contact,
        decided_at=received + dt.timedelta(hours=2),
        outcome="nfa",
        urgency="immediate",
        rationale="The parents have separated; no further action.",
        decided_by=fay,
    )
    return lily


def test_a_decision_returned_answered_and_agreed(page: Page, decided):
    sign_in(page, "meg_manager")
    page.get_by_role("link", name="1 item waits for your sign-off").click()
    expect(page.get_by_role("heading", name="Waiting for your sign-off")).to_be_visible()
    expect(page.get_by_role("heading", name="1 item waiting")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Lily Smith")
    expect(row.get_by_text("Fay Frontdoor")).to_be_visible()
    screenshot(page, "sign-off-01-queue")
    assert_accessible(page)

    row.get_by_role("link", name="Agree or return").click()
    expect(page.get_by_role("heading", name="Agree or return a screening decision")).to_be_visible()
    page.get_by_label("No, return it to the worker").check()
    page.get_by_role("button", name="Save your sign-off").click()
    summary = page.locator(".govuk-error-summary")
    expect(
        summary.get_by_role("link", name="Enter your rationale, or your reasons for returning")
    ).to_be_visible()
    page.get_by_label("Your rationale, or your reasons for returning it").fill(
        "Third police call-out this year: urgency says immediately but the decision is no "
        "further action. Consider early help at least, and speak to the school."
    )
    screenshot(page, "sign-off-02-return")
    assert_accessible(page)
    page.get_by_role("button", name="Save your sign-off").click()
    expect(page.get_by_text("returned to the worker with your reasons")).to_be_visible()
    expect(page.get_by_role("heading", name="0 items waiting")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "fay_frontdoor")
    decision = ScreeningDecision.objects.get(contact__child=decided)
    page.goto(f"/front-door/children/{decided.pk}/contacts/{decision.contact_id}/screen/")
    expect(page.get_by_text("Consider early help at least")).to_be_visible()
    page.get_by_role("link", name="Answer the manager's reasons").click()
    expect(page.get_by_role("heading", name="Answer a returned screening decision")).to_be_visible()
    page.get_by_label("Your answer").fill(
        "Agreed. The school confirms Lily is withdrawn; early help offered and accepted."
    )
    page.get_by_label("Early help").check()
    page.get_by_label("The same day").check()
    screenshot(page, "sign-off-03-answer")
    assert_accessible(page)
    page.get_by_role("button", name="Send your answer").click()
    expect(page.get_by_text("The decision is back with the managers.")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "meg_manager")
    page.goto("/sign-off/")
    row = page.get_by_role("row").filter(has_text="Lily Smith")
    expect(row.get_by_text("Answered", exact=True)).to_be_visible()
    expect(
        row.get_by_role("cell", name="Screening decisions Screening decision: Early help")
    ).to_be_visible()
    screenshot(page, "sign-off-04-answered")
    assert_accessible(page)
    row.get_by_role("link", name="Agree or return").click()
    page.get_by_label("Yes, I agree it").check()
    page.get_by_label("Your rationale, or your reasons for returning it").fill(
        "Early help is right, with the school involved."
    )
    page.get_by_role("button", name="Save your sign-off").click()
    expect(page.get_by_text("Screening decision for Lily Smith signed off")).to_be_visible()
    decision.refresh_from_db()
    assert (decision.outcome, decision.urgency, decision.signed_off_by.username) == (
        "early_help",
        "same_day",
        "meg_manager",
    )


@pytest.fixture
def planned(team, manager, social_worker):
    """Ava's child in need plan, with an outcome and an action, held by Sam's team."""
    from conftest import assessed
    from kinfolk.casework.services import (
        add_plan_action,
        add_plan_outcome,
        open_referral,
        start_child_in_need_plan,
    )
    from kinfolk.workforce.services import allocate_child

    ava = make_child(la_child_id="C2002", first_name="Ava", last_name="Brown")
    allocate_child(child=ava, worker=social_worker, start_on=dt.date(2026, 9, 1))
    open_referral(child=ava, referral_on=dt.date(2026, 9, 1), source="2A", actor=social_worker)
    assessed(ava, dt.date(2026, 9, 10))
    plan = start_child_in_need_plan(
        child=ava, start_on=dt.date(2026, 9, 20), contingency="A strategy discussion."
    )
    outcome = add_plan_outcome(plan=plan, description="Ava attends school every day")
    add_plan_action(
        plan=plan,
        description="Walk Ava to school with her mother for two weeks",
        due_on=dt.date(2026, 12, 18),
        owner=social_worker,
        outcome=outcome,
    )
    return ava


def test_a_plan_sent_returned_answered_and_agreed(page: Page, planned):
    sign_in(page, "sam_social")
    page.goto(f"/children/{planned.pk}/casework/")
    page.get_by_role("link", name="Send to a manager to agree").click()
    expect(page.get_by_role("heading", name="Send the plan to a manager to agree")).to_be_visible()
    page.get_by_label("What are you asking the manager to agree?").fill(
        "The first child in need plan, agreed with Ava's mother at the planning meeting."
    )
    screenshot(page, "sign-off-05-send-plan")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("it waits for a manager to agree it")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "meg_manager")
    page.goto("/sign-off/?kind=plan")
    row = page.get_by_role("row").filter(has_text="Ava Brown")
    expect(row.get_by_role("cell", name="Plans Child in need plan to agree")).to_be_visible()
    row.get_by_role("link", name="Agree or return").click()
    expect(page.get_by_role("heading", name="Agree or return the plan")).to_be_visible()
    expect(page.get_by_text("Walk Ava to school with her mother")).to_be_visible()
    page.get_by_label("No, return it to the worker").check()
    page.get_by_label("Your rationale, or your reasons for returning it").fill(
        "Who walks Ava on the days her mother works early?"
    )
    screenshot(page, "sign-off-06-return-plan")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The plan is returned to the worker")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "sam_social")
    page.goto(f"/children/{planned.pk}/casework/")
    expect(
        page.get_by_text("The manager returned it with reasons for you to answer")
    ).to_be_visible()
    page.get_by_role("link", name="Answer the manager's return").click()
    expect(page.get_by_text("Who walks Ava on the days her mother works early?")).to_be_visible()
    page.get_by_label("Your answer").fill("Her aunt on those days: added as an action.")
    screenshot(page, "sign-off-07-answer-plan")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The plan is back with the managers")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in(page, "meg_manager")
    page.goto("/sign-off/?kind=plan")
    row = page.get_by_role("row").filter(has_text="Ava Brown")
    expect(row.get_by_text("Answered", exact=True)).to_be_visible()
    row.get_by_role("link", name="Agree or return").click()
    page.get_by_label("Yes, agree the plan").check()
    page.get_by_label("Your rationale, or your reasons for returning it").fill(
        "Outcomes are specific and every action has an owner and a date."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The plan is agreed")).to_be_visible()
    page.goto(f"/children/{planned.pk}/casework/")
    expect(page.get_by_text("Agreed by Meg Manager")).to_be_visible()
    screenshot(page, "sign-off-08-plan-agreed")
    assert_accessible(page)
