"""A social worker drafts an assessment as a document, in a real browser: the draft saves as
she types and is still there when her session times out; she submits it; the manager returns
it with a reason; she amends it; the manager authorises it with the checklist; both versions
can be read (docs/assessments.md)."""

import datetime as dt
import re

import pytest
from django.contrib.sessions.models import Session
from django.utils import timezone
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.casework.choices import AssessmentStatus
from kinfolk.casework.models import Assessment
from kinfolk.casework.services import open_referral
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_casework import choose, fill_date, sign_out
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STARTED_ON = dt.date(2026, 9, 2)


@pytest.fixture
def ruby(social_worker, manager):
    child = make_child(
        la_child_id="C3101",
        first_name="Ruby",
        last_name="Hartley",
        nhs_number="9434765919",
        postcode="WN1 1AA",
        disabilities=["NONE"],
    )
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 8, 3))
    open_referral(child=child, referral_on=dt.date(2026, 9, 1), source="2A", actor=social_worker)
    return child


def fill_item(page: Page, legend: str, text: str, source: str, verified: str) -> None:
    row = page.get_by_role("group", name=legend, exact=True)
    row.get_by_label("What it is").fill(text)
    row.get_by_label("Source").fill(source)
    row.get_by_label("Verified?").select_option(label=verified)


def draft_the_rest(page: Page) -> None:
    """Every section a submission needs, after the reason and the lived experience."""
    page.get_by_label("The child's views, wishes and feelings").fill(
        "Ruby says she feels safe at her nan's and wants to stay at her school."
    )
    fill_date(page, "Date the child's views were gained", dt.date(2026, 9, 9))
    page.get_by_label("How the child's views were gained").fill(
        "Seen alone at school with the three houses tool"
    )
    choose(page, "Was the child seen during the assessment?", "Yes")
    choose(page, "Was the child seen alone?", "Yes")
    page.get_by_label("Relevant history").fill(
        "Two contacts from school in 2025 about lateness, closed with advice."
    )
    page.get_by_label("Parenting capacity").fill(
        "Her father is warm and attentive; shift work leaves mornings unsupervised."
    )
    fill_item(
        page, "Risk 1", "Ruby is left alone before school", "School", "Verified with the source"
    )
    fill_item(
        page, "Protective factor 1", "Her grandmother lives next door", "Father", "Self-report"
    )
    page.get_by_label("Identity needs").fill("Ruby is learning Polish from her grandmother.")
    page.get_by_label("Recommendation").fill("A child in need plan with family group conference.")
    page.get_by_role("group", name="Factors identified (DfE)").get_by_label(
        "Abuse or neglect: neglect", exact=True
    ).check()


def draft_and_submit(page: Page) -> None:
    """On the draft page: write every section and submit it to a manager."""
    page.get_by_label("Reason for the assessment").fill("Referral from school about mornings.")
    page.get_by_label("The child's lived experience").fill("Mornings are chaotic at home.")
    page.get_by_label("Analysis").fill("Needs are met with support from the grandmother.")
    draft_the_rest(page)
    page.get_by_role("button", name="Submit to a manager").click()
    submitted(page)


def submitted(page: Page) -> None:
    """The success banner of the page the submission leads to: the words alone are also in the
    chronology beside the draft, which shows each earlier submission."""
    expect(page.get_by_role("alert")).to_contain_text("Assessment submitted to a manager")


def authorise(page: Page) -> None:
    """On the manager's page: authorise the assessment, the checklist confirmed."""
    decide(page, "Authorise the assessment")
    for box in (
        page.get_by_role("group", name="Authorisation checklist").get_by_role("checkbox").all()
    ):
        box.check()
    page.get_by_label("Rationale for authorising").fill("The analysis follows from the history.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Assessment authorised")


def wait_until_saved(page: Page) -> None:
    page.get_by_label("Reason for the assessment").focus()
    expect(page.get_by_role("status")).to_contain_text("Draft saved at", timeout=15000)


def decide(page: Page, decision: str) -> None:
    page.get_by_role("group", name="Do you authorise the assessment?", exact=True).get_by_label(
        decision, exact=True
    ).check()
    fill_date(page, "Date of your decision", timezone.localdate())


def test_drafting_returning_and_authorising_an_assessment(page: Page, ruby):
    casework = f"/children/{ruby.pk}/casework/"
    next_steps = page.get_by_role("navigation", name="Record next")

    sign_in(page, "sam_social")
    page.goto(casework)
    next_steps.get_by_role("link", name="Start an assessment").click()
    fill_date(page, "Date the assessment started", STARTED_ON)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="Child and family assessment", level=1)).to_be_visible()
    draft_url = page.url

    # Typed, then saved in the background when the worker stops typing or leaves a field.
    page.get_by_label("Reason for the assessment").fill(
        "Referral from school: Ruby arrives early, alone and hungry."
    )
    page.get_by_label("The child's lived experience").fill(
        "Ruby wakes herself and makes her own breakfast when her father is on nights."
    )
    page.get_by_label("Analysis").fill("Ruby's needs are met in the day but not in the morning.")
    wait_until_saved(page)
    screenshot(page, "assessment-01-draft-saved")
    assert_accessible(page)

    # The session ends (timed out on the server); the worker signs in again.
    Session.objects.all().delete()
    page.reload()
    expect(page).to_have_url(re.compile(r"/sign-in/\?next="))
    sign_in(page, "sam_social")
    page.goto(draft_url)
    expect(page.get_by_label("Reason for the assessment")).to_have_value(
        "Referral from school: Ruby arrives early, alone and hungry."
    )
    expect(page.get_by_label("Analysis")).to_have_value(
        "Ruby's needs are met in the day but not in the morning."
    )

    # Submitting with sections missing says what each lacks; nothing is submitted.
    page.get_by_role("button", name="Submit to a manager").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the relevant history")).to_be_visible()
    screenshot(page, "assessment-02-submit-errors")
    assert_accessible(page)
    assert Assessment.objects.get().status == AssessmentStatus.DRAFT

    draft_the_rest(page)
    page.get_by_role("button", name="Submit to a manager").click()
    submitted(page)
    expect(page.get_by_role("link", name="Version 1")).to_be_visible()
    assert_accessible(page)
    sign_out(page)

    # The manager reads the whole assessment and returns it with a reason.
    sign_in(page, "meg_manager")
    page.goto(casework)
    next_steps.get_by_role(
        "link", name="Authorise or return the assessment started on 2 September 2026"
    ).click()
    expect(page.get_by_text("Ruby is left alone before school")).to_be_visible()
    expect(page.get_by_text("Seen alone at school with the three houses tool")).to_be_visible()
    screenshot(page, "assessment-03-manager-reads")
    assert_accessible(page)
    decide(page, "Return it to the worker for changes")
    page.get_by_label("Reasons for returning it").fill(
        "Say what the morning routine means for Ruby's safety, and what father said about it."
    )
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Assessment returned to the worker")
    sign_out(page)

    # The worker sees the reason and amends the analysis.
    sign_in(page, "sam_social")
    page.goto(draft_url.replace("draft/", ""))
    expect(page.get_by_text("what father said about it")).to_be_visible()
    screenshot(page, "assessment-04-returned")
    assert_accessible(page)
    page.get_by_role("link", name="Amend the assessment").click()
    page.get_by_label("Analysis").fill(
        "Ruby is unsupervised before school three mornings a week; her father agrees and "
        "her grandmother can cover the mornings. The risk is reduced by that plan."
    )
    page.get_by_role("button", name="Submit to a manager").click()
    submitted(page)
    sign_out(page)

    # The manager authorises: the checklist is required.
    sign_in(page, "meg_manager")
    page.goto(casework)
    next_steps.get_by_role(
        "link", name="Authorise or return the assessment started on 2 September 2026"
    ).click()
    decide(page, "Authorise the assessment")
    page.get_by_label("Rationale for authorising").fill(
        "The analysis follows from the history and the child's views."
    )
    page.get_by_role("button", name="Save").click()
    expect(
        page.locator(".govuk-error-summary").get_by_role(
            "link", name="Confirm each check before authorising the assessment"
        )
    ).to_be_visible()
    checklist = page.get_by_role("group", name="Authorisation checklist")
    for check in (
        "The child's views, wishes and feelings are recorded",
        "The child was seen, and seen alone",
        "The history was considered",
        "The risks are analysed",
        "The sources were checked",
        "The recommendation follows from the analysis",
    ):
        checklist.get_by_label(check).check()
    screenshot(page, "assessment-05-authorise")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("alert")).to_contain_text("Assessment authorised")

    # Both versions can be read, each as it was submitted, with the manager's response.
    page.get_by_role("link", name="Version 1").click()
    expect(
        page.get_by_text("Ruby's needs are met in the day but not in the morning.")
    ).to_be_visible()
    expect(page.get_by_text("what father said about it")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Back to the assessment").click()
    page.get_by_role("link", name="Version 2").click()
    expect(page.get_by_text("her grandmother can cover the mornings")).to_be_visible()
    expect(page.get_by_text("The recommendation follows from the analysis")).to_be_visible()
    screenshot(page, "assessment-06-version-2")
    assert_accessible(page)
    assessment = Assessment.objects.get()
    assert assessment.status == AssessmentStatus.AUTHORISED
    assert [v.outcome for v in assessment.versions.all()] == ["returned", "authorised"]


def test_the_timeout_warning_keeps_the_session(page: Page, ruby, social_worker, settings):
    from kinfolk.casework.services import start_assessment

    assessment = start_assessment(child=ruby, started_on=STARTED_ON, actor=social_worker)
    sign_in(page, "sam_social")
    page.clock.install()
    page.goto(f"/children/{ruby.pk}/casework/assessments/draft/?assessment={assessment.pk}")
    dialog = page.get_by_role("dialog", name="You will be signed out soon")
    expect(dialog).to_be_hidden()
    page.clock.run_for((settings.SESSION_COOKIE_AGE - 110) * 1000)
    expect(dialog).to_be_visible()
    screenshot(page, "assessment-07-timeout-warning")
    assert_accessible(page)
    with page.expect_response(lambda r: "keep-alive" in r.url) as answer:
        dialog.get_by_role("button", name="Stay signed in").click()
    assert answer.value.ok
    expect(dialog).to_be_hidden()
