"""Case file audits in a real browser (docs/audits.md): an auditor from another team grades
the file question by question and completes the audit, adds an action; the head of service
moderates it to another grade; the worker reads the audit, responds, and records the action
done. Then the head of service's pages: choosing audits, grades over time, the template."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child, worker_of_role
from kinfolk.access.roles import Role
from kinfolk.audits.models import CaseAudit
from kinfolk.audits.services import add_action, assign_audit, record_case_audit
from kinfolk.casework.services import open_referral
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_casework import choose, fill_date, sign_out
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ivy(social_worker, head_of_service):
    child = make_child(
        la_child_id="C5101",
        first_name="Ivy",
        last_name="Marsh",
        nhs_number="9434765919",
        postcode="WN1 1AA",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 6, 1))
    open_referral(child=child, referral_on=dt.date(2026, 6, 1), source="2A")
    return child


@pytest.fixture
def audit(ivy, other_team):
    auditor = worker_of_role(Role.TEAM_MANAGER, other_team, username="aud_auditor")
    return assign_audit(child=ivy, auditor=auditor, on=dt.date(2026, 9, 1))


def look(page: Page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page)


def test_an_audit_graded_moderated_answered_and_its_action_closed(page: Page, audit):
    today = timezone.localdate()
    sign_in(page, "aud_auditor")
    page.goto("/audits/")
    look(page, "audits-list-auditor")
    page.get_by_role("link", name="Ivy Marsh").first.click()
    expect(page.get_by_role("heading", name="Case file audit", level=1)).to_be_visible()
    page.get_by_role("link", name="Grade the audit").click()
    look(page, "audits-grade")
    # Save part of the work, then come back to it.
    first = page.get_by_role("radio", name="Good", exact=True).first
    first.check()
    page.get_by_role("button", name="Save and come back later").click()
    expect(page.get_by_text("Audit saved: you can come back to it")).to_be_visible()
    page.get_by_role("link", name="Grade the audit").click()
    expect(page.get_by_role("radio", name="Good", exact=True).first).to_be_checked()
    for radio in page.get_by_role("radio", name="Good", exact=True).all():
        radio.check()
    page.get_by_label("Comment").first.fill("Seen alone at every visit; her words are recorded.")
    page.get_by_label("Summary of what the audit found").fill(
        "Good direct work with Ivy; the plan has no contingency."
    )
    fill_date(page, "Date of the audit", today)
    page.get_by_label("Contingency planning").check()
    page.get_by_role("button", name="Complete the audit").click()
    expect(page.get_by_text("Audit completed")).to_be_visible()
    look(page, "audits-completed")
    page.get_by_role("link", name="Add an action").click()
    page.get_by_label("Action").fill("Write a contingency plan with the family")
    page.get_by_label("Owner").select_option(label="Sam Social")
    fill_date(page, "Due date", today + dt.timedelta(days=14))
    look(page, "audits-action-add")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Action added")).to_be_visible()
    sign_out(page)

    sign_in(page, "hal_head")
    page.goto("/audits/")
    look(page, "audits-list-moderator")
    page.get_by_role("table", name="Audits waiting for moderation").get_by_role(
        "link", name="Ivy Marsh"
    ).click()
    page.get_by_role("link", name="Moderate the audit").click()
    choose(page, "Agreed grade", "Requires improvement")
    page.get_by_label("Why this grade").fill(
        "Without a contingency the plan cannot be judged good."
    )
    look(page, "audits-moderate")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Audit moderated")).to_be_visible()
    sign_out(page)

    sign_in(page, "sam_social")
    page.goto("/audits/yours/")
    look(page, "audits-yours")
    page.get_by_role("link", name="Ivy Marsh").click()
    expect(
        page.get_by_text("Without a contingency the plan cannot be judged good.")
    ).to_be_visible()
    look(page, "audits-worker-reads")
    page.get_by_role("link", name="Respond to the audit").click()
    page.get_by_label("Your response").fill("Agreed: I will write it with Ivy's nan this week.")
    look(page, "audits-respond")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Response saved")).to_be_visible()
    page.get_by_role("link", name="Record as done").click()
    page.get_by_label("What was done").fill("Contingency written and shared with the family")
    look(page, "audits-action-done")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Action recorded as done")).to_be_visible()
    look(page, "audits-closed")

    audit = CaseAudit.objects.get(pk=audit.pk)
    assert audit.agreed_grade == "requires_improvement"
    assert audit.grade == "good"
    assert audit.worker_response.startswith("Agreed")
    assert audit.actions.get().done_on == today


def test_the_head_of_service_pages(page: Page, ivy, head_of_service, other_team):
    auditor = worker_of_role(Role.TEAM_MANAGER, other_team, username="aud_auditor")
    done = record_case_audit(
        child=ivy,
        date=dt.date(2026, 10, 5),
        auditor=auditor,
        grade="good",
        moderator=head_of_service,
        moderated_grade="requires_improvement",
    )
    add_action(
        audit=done,
        text="Review the plan",
        owner=ivy.allocations.get().worker,
        due_on=dt.date(2026, 10, 20),
    )
    sign_in(page, "hal_head")
    page.goto("/audits/choose/")
    look(page, "audits-choose")
    choose(page, "How to choose the case files", "At random from open cases")
    page.get_by_label("How many case files").fill("1")
    page.get_by_label("Hal Head").check()
    page.get_by_role("button", name="Choose and assign").click()
    expect(page.get_by_text("1 case files assigned for audit")).to_be_visible()
    page.goto("/audits/grades/")
    expect(page.get_by_role("cell", name="Review the plan")).to_be_visible()
    look(page, "audits-grades")
    page.goto("/audits/template/")
    look(page, "audits-template")
    page.get_by_role("link", name="Add a question to Assessment").click()
    page.get_by_label("Question", exact=True).fill(
        "Is the assessment's analysis shared with the family?"
    )
    look(page, "audits-question-add")
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_text("Question added")).to_be_visible()
