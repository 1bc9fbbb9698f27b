"""A social worker records a care plan, a statutory visit and a looked-after review for a child
already in care, through the pages, in a real browser; an independent reviewing officer
records a challenge. Every page is screenshotted and checked with axe."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import PASSWORD, make_child
from kinfolk.care.services import start_care
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import allocate_child, create_worker
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def ava(social_worker):
    child = make_child(
        la_child_id="C4001",
        first_name="Ava",
        last_name="Brown",
        date_of_birth=dt.date(2014, 9, 12),
        nhs_number="9434765919",
        postcode="WN1 1AA",
        disabilities=["NONE"],
        religion="Roman Catholic",
        language="English and Polish",
    )
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2026, 8, 3))
    start_care(
        child=child,
        start_on=dt.date(2026, 9, 1),
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
        placement_postcode="WN2 2BB",
        home_postcode="WN1 1AA",
    )
    return child


@pytest.fixture
def iro(db):
    return create_worker(
        username="ira_iro",
        display_name="Ira Reid",
        role=Role.IRO,
        team=None,
        is_qualified=True,
        password=PASSWORD,
    )


def fill_date(page: Page, legend: str, day: dt.date, scope=None) -> None:
    group = (scope or page).get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def choose(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question, exact=True).get_by_label(answer, exact=True).check()


def check_page(page: Page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page)


def save(page: Page, banner: str) -> None:
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text(banner)).to_be_visible()


def test_recording_care_planning_for_a_child_in_care(page: Page, ava, iro):
    care = f"/children/{ava.pk}/care/"
    sign_in(page, "sam_social")
    page.goto(care)
    expect(page.get_by_role("heading", name="Care plan, reviews and visits")).to_be_visible()
    check_page(page, "care-reviews-01-care-page-before")

    # A care plan: first saved empty, to see the errors.
    page.get_by_role("link", name="Record a care plan").first.click()
    page.get_by_role("button", name="Save").click()
    summary = page.locator(".govuk-error-summary")
    expect(summary.get_by_role("link", name="Enter the date of the plan")).to_be_visible()
    expect(
        summary.get_by_role("link", name="Add at least one objective for the child")
    ).to_be_visible()
    check_page(page, "care-reviews-02-care-plan-errors")

    fill_date(page, "Date of the plan", dt.date(2026, 9, 10))
    page.get_by_label("The child's needs from the assessment").fill(
        "Ava needs help to settle at school and to understand why she cannot live at home."
    )
    first = page.get_by_role("group", name="Objective 1", exact=True)
    first.get_by_label("Objective", exact=True).fill(
        "Ava goes to school every day and feels settled"
    )
    first.get_by_label("Who will make it happen").fill("Foster carer and designated teacher")
    fill_date(page, "By when", dt.date(2026, 12, 18), scope=first)
    second = page.get_by_role("group", name="Objective 2", exact=True)
    second.get_by_label("Objective", exact=True).fill(
        "Ava goes to Mass and Polish club with her aunt"
    )
    second.get_by_label("Who will make it happen").fill("Social worker, with Ava's aunt")
    fill_date(page, "By when", dt.date(2026, 10, 31), scope=second)
    second.get_by_label("This objective meets an identity need").check()
    choose(page, "Permanence plan", "Special guardianship")
    page.get_by_label("Identity needs").fill(
        "Ava is Catholic and speaks Polish with her mother's family; she wants to keep both."
    )
    page.get_by_label("The child's views", exact=True).fill(
        "I want to live with my auntie. I like my school."
    )
    fill_date(page, "Date the child's views were gathered", dt.date(2026, 9, 8))
    choose(page, "How the child's views were gathered", "Talked with the child on their own")
    page.get_by_label("Family time", exact=True).fill("Mum on Saturdays, supervised.")
    check_page(page, "care-reviews-03-care-plan-form")
    save(page, "Care plan recorded")
    expect(page.get_by_role("heading", name="Care plans", level=1)).to_be_visible()
    check_page(page, "care-reviews-04-care-plan-history")

    page.get_by_role("link", name="Version for the child and family").click()
    expect(page.get_by_role("heading", name="Ava's care plan")).to_be_visible()
    check_page(page, "care-reviews-05-care-plan-for-the-child")

    # A statutory visit.
    page.goto(care)
    page.get_by_role("link", name="Record a statutory visit").first.click()
    fill_date(page, "Date of the visit", dt.date(2026, 9, 7))
    choose(page, "Was the child seen?", "Yes")
    choose(page, "Was the child seen alone?", "Yes")
    page.get_by_label("Purpose of the visit").fill("First visit in the new placement")
    page.get_by_label("The child's views").fill("My bedroom is pink. I miss my cat.")
    check_page(page, "care-reviews-06-visit-form")
    save(page, "Statutory visit recorded")
    expect(page.get_by_text("7 September 2026: seen alone")).to_be_visible()

    # The social worker may not record the looked-after review: its reviewing officer does.
    expect(page.get_by_role("link", name="Record a review", exact=True)).to_have_count(0)
    page.get_by_role("button", name="Sign out").click()

    # A looked-after review, with a decision.
    sign_in(page, "ira_iro")
    page.goto(care)
    page.get_by_role("link", name="Record a review").first.click()
    fill_date(page, "Date of the review", dt.date(2026, 9, 28))
    choose(page, "How the child took part", "PN1: Attends and speaks for themself")
    page.get_by_label("Independent reviewing officer").select_option(label="Ira Reid")
    fill_date(
        page,
        "Date the reviewing officer saw or spoke to the child before the review",
        dt.date(2026, 9, 21),
    )
    choose(page, "How the child wanted to take part", "Come to part of the meeting")
    page.get_by_label("The child's preferred time").fill("After school")
    page.get_by_label("Venue").fill("Her aunt's house")
    choose(page, "Did the child choose the venue?", "Yes")
    page.get_by_label("The child's views").fill("I want to see my brother more.")
    choose(page, "Did the review consider the permanence options?", "Yes")
    decision = page.get_by_role("group", name="Decision 1", exact=True)
    decision.get_by_label("Decision").fill("Arrange sibling family time every fortnight")
    decision.get_by_label("Who will do it").fill("Sam Social, social worker")
    fill_date(page, "By when", dt.date(2026, 10, 12), scope=decision)
    check_page(page, "care-reviews-07-review-form")
    save(page, "Review recorded")
    expect(page.get_by_role("heading", name="28 September 2026")).to_be_visible()
    check_page(page, "care-reviews-08-review-detail")

    page.get_by_role("link", name="Record the minutes").click()
    fill_date(page, "Date the minutes were completed", dt.date(2026, 10, 20))
    check_page(page, "care-reviews-10-minutes")
    save(page, "Minutes recorded")
    page.get_by_role("button", name="Sign out").click()

    # The social worker carries out the review's decision.
    sign_in(page, "sam_social")
    page.goto(f"{care}reviews/")
    page.get_by_role(
        "link", name="Mark as done Arrange sibling family time every fortnight"
    ).click()
    fill_date(page, "Date it was carried out", dt.date(2026, 10, 9))
    check_page(page, "care-reviews-09-decision-done")
    save(page, "Decision recorded as done")

    # Family time and life-story work.
    page.goto(care)
    page.get_by_role("link", name="Family time", exact=True).click()
    page.get_by_role("link", name="Record family time").click()
    fill_date(page, "Date agreed", dt.date(2026, 9, 10))
    page.get_by_label("Who with").fill("Marta Brown")
    page.get_by_label("Relationship to the child").select_option(label="Mother")
    page.get_by_label("How often").fill("Every Saturday, 2 hours")
    choose(page, "Is the family time supervised?", "No")
    fill_date(page, "Date of the risk assessment", dt.date(2026, 8, 1))
    page.get_by_label("The child's views").fill("I like seeing mum.")
    check_page(page, "care-reviews-11-family-time-form")
    save(page, "Family time recorded")
    expect(page.get_by_text("Review due")).to_be_visible()
    check_page(page, "care-reviews-12-family-time")
    page.get_by_role("link", name="Record a review of the risk assessment for family time").click()
    fill_date(page, "Date of the risk assessment", dt.date(2026, 11, 2))
    check_page(page, "care-reviews-13-family-time-risk")
    save(page, "Risk assessment review recorded")

    page.goto(f"{care}life-story/")
    page.get_by_role("link", name="Update life-story work").click()
    fill_date(page, "Date of this update", dt.date(2026, 10, 1))
    choose(page, "Status", "In progress")
    page.get_by_label("Worker doing the life-story work").select_option(label="Sam Social")
    check_page(page, "care-reviews-14-life-story-form")
    save(page, "Life-story work updated")
    page.get_by_role("link", name="Add a decision").click()
    fill_date(page, "Date of the decision", dt.date(2026, 9, 1))
    page.get_by_label("Decision", exact=True).fill("Ava came to live with foster carers")
    page.get_by_label("Why, in words for the child").fill(
        "Your mum was very poorly and could not look after you safely, so the court agreed "
        "you would live with Jan and Pete while the grown-ups worked things out."
    )
    check_page(page, "care-reviews-15-life-story-decision")
    save(page, "Decision added to the life story")
    check_page(page, "care-reviews-16-life-story")

    page.goto(care)
    expect(page.get_by_text("Special guardianship").first).to_be_visible()
    check_page(page, "care-reviews-17-care-page-after")
    page.get_by_role("button", name="Sign out").click()

    # The IRO challenges drift, then records its resolution.
    sign_in(page, "ira_iro")
    page.goto(f"{care}reviews/")
    page.get_by_role("link", name="Record an IRO challenge").click()
    fill_date(page, "Date raised", dt.date(2026, 11, 2))
    choose(page, "What is the challenge about?", "Drift or delay in the plan")
    page.get_by_label("Details of the challenge").fill(
        "The special guardianship assessment of Ava's aunt has not started."
    )
    page.get_by_label("Stage").select_option(label="Informal, with the social worker")
    fill_date(page, "Response due by", dt.date(2026, 11, 16))
    check_page(page, "care-reviews-18-iro-challenge")
    save(page, "IRO challenge recorded")
    page.get_by_role("link", name="Record resolution Drift or delay in the plan").click()
    fill_date(page, "Date resolved", dt.date(2026, 11, 12))
    page.get_by_label("Outcome").fill("Assessment allocated; starts 16 November.")
    check_page(page, "care-reviews-19-iro-resolution")
    save(page, "IRO challenge resolved")
    check_page(page, "care-reviews-20-reviews-with-challenge")

    # The Summary shows the child's care at a glance: legal status, placement, IRO, next review.
    page.get_by_role("link", name="Summary").first.click()
    expect(page.get_by_role("heading", name="Ava Brown", level=1)).to_be_visible()
    check_page(page, "care-reviews-21-summary-in-care")
