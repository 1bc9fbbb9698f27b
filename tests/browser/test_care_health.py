"""A social worker records the health, education and a missing episode of a child in care
through the pages, in a real browser; every health, education and missing page is
screenshotted and checked with axe."""

import datetime as dt

import pytest
from django.urls import NoReverseMatch, reverse
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.care.models import HealthAssessment, MissingEpisode, PersonalEducationPlan
from kinfolk.care.services import start_care
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

D = dt.date


@pytest.fixture
def ava(social_worker):
    child = make_child(
        la_child_id="C4001",
        first_name="Ava",
        last_name="Brown",
        date_of_birth=D(2016, 5, 1),
        nhs_number="9434765919",
    )
    allocate_child(child=child, worker=social_worker, start_on=D(2026, 8, 3))
    start_care(
        child=child,
        start_on=D(2026, 9, 1),
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
        placement_postcode="WN2 2BB",
    )
    return child


def fill_date(page: Page, legend: str, day: dt.date) -> None:
    group = page.get_by_role("group", name=legend, exact=True)
    group.get_by_label("Day").fill(str(day.day))
    group.get_by_label("Month").fill(str(day.month))
    group.get_by_label("Year").fill(str(day.year))


def choose(page: Page, question: str, answer: str) -> None:
    page.get_by_role("group", name=question, exact=True).get_by_label(answer, exact=True).check()


def save(page: Page, heading: str, banner: str) -> None:
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name=heading, level=1)).to_be_visible()
    expect(page.get_by_text(banner)).to_be_visible()


def look(page: Page, name: str) -> None:
    screenshot(page, name)
    assert_accessible(page)


PAGES = [
    ("health", "care/health/"),
    ("health-assessment", "care/health/assessments/create/"),
    ("health-action", "care/health/actions/create/"),
    ("health-action-done", "care/health/actions/done/"),
    ("dental-check", "care/health/dental-checks/create/"),
    ("development-check", "care/health/development-checks/create/"),
    ("immunisations", "care/health/immunisations/create/"),
    ("sdq", "care/health/sdq/create/"),
    ("conviction", "care/health/convictions/create/"),
    ("substance-misuse", "care/health/substance-misuse/create/"),
    ("education", "care/education/"),
    ("pep", "care/education/peps/create/"),
    ("pep-rate", "care/education/peps/rate/"),
    ("missing", "care/missing/"),
    ("missing-start", "care/missing/start/"),
    ("missing-end", "care/missing/end/"),
    ("return-interview-offer", "care/missing/return-interview-offer/"),
    ("return-interview", "care/missing/return-interview/"),
    ("exploitation-screening", "care/exploitation/screenings/create/"),
    ("uasc-start", "care/uasc/start/"),
    ("uasc-end", "care/uasc/end/"),
]


def test_every_health_page_before_anything_is_recorded(page: Page, ava):
    sign_in(page, "sam_social")
    for name, path in PAGES:
        page.goto(f"/children/{ava.pk}/{path}")
        expect(page.get_by_text("Ava Brown").first).to_be_visible()
        look(page, f"care-health-empty-{name}")


def test_recording_health_a_pep_and_a_missing_episode(page: Page, ava):
    child = f"/children/{ava.pk}/"
    sign_in(page, "sam_social")

    page.goto(child + "care/health/")
    page.get_by_role("link", name="Record a health assessment").click()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_text("Enter the date of the assessment").first).to_be_visible()
    look(page, "care-health-assessment-errors")

    fill_date(page, "Date of the assessment", D(2026, 8, 20))
    choose(page, "Kind of assessment", "Initial health assessment")
    page.get_by_label("Who carried out the assessment").fill("Dr Priya Rao, LAC nurse")
    choose(page, "Who consented", "The local authority (care order)")
    page.get_by_role("button", name="Save").click()
    expect(
        page.get_by_text("Ava Brown was not looked after on 20 August 2026").first
    ).to_be_visible()
    look(page, "care-health-assessment-refused")

    fill_date(page, "Date of the assessment", D(2026, 9, 22))
    plan = page.get_by_role("group", name="Health plan action 1")
    plan.get_by_label("What needs to happen").fill("Register with a dentist near the placement")
    plan.get_by_label("Who").fill("Foster carer")
    fill_date(plan, "By when", D(2026, 10, 31))
    save(page, "Health", "Health assessment recorded")
    expect(
        page.get_by_role("cell", name="Register with a dentist near the placement", exact=True)
    ).to_be_visible()
    look(page, "care-health-history")

    page.get_by_role("link", name="Strengths and difficulties questionnaire").click()
    fill_date(page, "Date", D(2026, 10, 1))
    page.get_by_label("SDQ score").fill("14")
    save(page, "Health", "Strengths and difficulties questionnaire recorded")

    page.goto(child + "care/education/")
    page.get_by_role("link", name="Record a PEP").click()
    fill_date(page, "Date of the PEP meeting", D(2026, 10, 8))
    page.get_by_label("School or setting").fill("St Mary's Primary, Wigan")
    choose(page, "Special educational needs", "SEN support")
    page.get_by_label("The child's views").fill("I like maths and want to join the choir.")
    page.get_by_label("Attendance this term (%)").fill("94.5")
    page.get_by_label("Pupil premium plus this term (£)").fill("800")
    page.get_by_label("How the pupil premium is spent").fill("Weekly maths tutoring")
    choose(page, "Progress", "Below expected")
    page.get_by_label("The child's aspirations").fill("To be a vet")
    target = page.get_by_role("group", name="SMART target 1")
    target.get_by_label("What the target is").fill("Know the 2 to 10 times tables")
    target.get_by_label("Who").fill("Class teacher and tutor")
    fill_date(target, "By when", D(2026, 12, 18))
    save(page, "Education", "Personal education plan recorded")
    expect(
        page.get_by_role("cell", name="Know the 2 to 10 times tables", exact=True)
    ).to_be_visible()
    look(page, "care-education")

    page.goto(child + "care/missing/")
    page.get_by_role("link", name="Record a missing episode").click()
    choose(page, "Missing or away?", "Missing")
    fill_date(page, "Date the child went missing", D(2026, 11, 14))
    page.get_by_label("Time the child went missing").fill("21:40")
    choose(page, "Were the police informed?", "Yes")
    page.get_by_label("Police reference").fill("GMP-2611-0042")
    save(page, "Missing episodes, exploitation and UASC", "Missing episode recorded")
    expect(page.get_by_text("Still missing")).to_be_visible()
    look(page, "care-missing-open")

    page.get_by_role("link", name="Record the return").click()
    fill_date(page, "Date the child returned or was found", D(2026, 11, 15))
    page.get_by_label("Time the child returned or was found").fill("10:15")
    page.get_by_label("Where the child was found").fill("At a friend's flat in Leigh")
    save(page, "Missing episodes, exploitation and UASC", "Return recorded")

    page.get_by_role("link", name="Record the interview").click()
    choose(page, "Did the child accept the return interview?", "Yes")
    fill_date(page, "Date of the interview", D(2026, 11, 17))
    page.get_by_label("Time of the interview").fill("16:00")
    page.get_by_label("Who held the interview").fill("Jo Hart, return home service")
    choose(page, "Level of risk", "Medium")
    page.get_by_label("Push factors").fill("Arguments with another child in the placement")
    save(page, "Missing episodes, exploitation and UASC", "Return interview recorded")
    expect(page.get_by_text("Held 17 Nov 2026, 16:00")).to_be_visible()
    look(page, "care-missing-history")

    assert HealthAssessment.objects.get().assessed_on == D(2026, 9, 22)
    assert PersonalEducationPlan.objects.get().targets.count() == 1
    episode = MissingEpisode.objects.get()
    assert (episode.return_interview_accepted, episode.interview_offer_timeliness()) == (
        True,
        "yes",
    )

    try:
        care_page = reverse("care:child-care", args=[ava.pk])
    except NoReverseMatch:
        care_page = None
    if care_page:
        page.goto(care_page)
        expect(page.get_by_role("heading", name="Health and education")).to_be_visible()
        look(page, "care-health-summary")
