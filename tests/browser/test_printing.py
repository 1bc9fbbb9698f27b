"""Printing, in a real browser: a social worker writes the family version of a child protection
plan, opens it to print, downloads the PDF and its text is read back; a conference invitation
is previewed, produced and downloaded; the child's Summary page shows the plan. Each page is
screenshotted, printed as the browser prints it, and checked with axe."""

import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from conftest import make_child
from kinfolk.access.choices import AccessAction
from kinfolk.access.models import AccessRecord
from kinfolk.casework.choices import PlanKind
from kinfolk.casework.services import add_plan_action, add_plan_outcome
from kinfolk.casework.tests.factories import PlanFactory
from kinfolk.letters.models import Letter
from kinfolk.people.services import relate_new_adult
from kinfolk.protection.choices import ConferenceKind
from kinfolk.protection.tests.factories import ConferenceFactory
from kinfolk.workforce.models import Allocation
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FAMILY_TEXT = (
    "We are worried that Maya has often been left without food at home.\n\n"
    "Everyone has agreed to make sure that Maya has breakfast and tea every day."
)


def pdf_text(content: bytes) -> str:
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(content)).pages)
    return " ".join(text.split())


@pytest.fixture
def maya(social_worker):
    child = make_child(la_child_id="C4101", first_name="Maya", last_name="Okafor")
    Allocation.objects.create(
        child=child, worker=social_worker, team=social_worker.team, start_on=dt.date(2026, 1, 5)
    )
    plan = PlanFactory(
        child=child,
        kind=PlanKind.CHILD_PROTECTION,
        start_on=dt.date(2026, 3, 9),
        latest_category="NEG",
        contingency="A legal planning meeting",
    )
    outcome = add_plan_outcome(plan=plan, description="Maya has two meals a day")
    add_plan_action(
        plan=plan,
        description="Check that there is food in the house",
        owner=social_worker,
        due_on=dt.date(2026, 4, 6),
        outcome=outcome,
    )
    relate_new_adult(
        child=child, kind="mother", first_name="Grace", last_name="Okafor", lives_with=True
    )
    return child


def test_the_family_version_of_a_cp_plan_is_written_printed_and_downloaded(
    page: Page, social_worker, maya
):
    sign_in(page, "sam_social")
    page.goto(f"/children/{maya.pk}/casework/")
    page.get_by_role(
        "link", name="Read and print the family version of the child protection plan"
    ).click()
    expect(page.get_by_text("The family version has not been written yet.")).to_be_visible()
    page.get_by_role("link", name="Write the family version").click()
    expect(page.get_by_role("heading", name="Family version of the plan", level=1)).to_be_visible()
    page.get_by_label("Family version").fill(FAMILY_TEXT)
    screenshot(page, "printing-01-family-version-form")
    assert_accessible(page)
    page.get_by_role("button", name="Save").click()

    expect(page.get_by_text("Family version saved")).to_be_visible()
    expect(
        page.get_by_role("heading", name="Your family's child protection plan", level=1)
    ).to_be_visible()
    expect(page.get_by_text("Maya has often been left without food at home.")).to_be_visible()
    expect(
        page.get_by_text("Sam Social: Check that there is food in the house, by 6 April 2026.")
    ).to_be_visible()
    screenshot(page, "printing-02-family-version")
    assert_accessible(page)

    # The browser's print leaves out the site around the document.
    page.emulate_media(media="print")
    expect(page.locator(".kinfolk-header")).to_be_hidden()
    expect(page.locator(".govuk-service-navigation")).to_be_hidden()
    expect(page.get_by_role("link", name="Download as a PDF")).to_be_hidden()
    expect(page.get_by_text("Maya has two meals a day")).to_be_visible()
    screenshot(page, "printing-03-family-version-as-printed")
    page.emulate_media(media="screen")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download as a PDF").click()
    download = download_info.value
    assert download.suggested_filename == "family-version-cp-plan-c4101.pdf"
    content = Path(download.path()).read_bytes()
    assert content.startswith(b"%PDF")
    text = pdf_text(content)
    assert "Your family's child protection plan" in text
    assert "Everyone has agreed to make sure that Maya has breakfast and tea every day." in text
    assert "Maya has two meals a day" in text
    assert "Your social worker is Sam Social." in text
    assert AccessRecord.objects.filter(
        child=maya, action=AccessAction.EXPORT, user=social_worker
    ).exists()

    page.goto(f"/children/{maya.pk}/")
    plans = page.locator(".govuk-summary-card", has_text="Open plans")
    expect(plans).to_contain_text("Since 9 March 2026, neglect")
    expect(page.locator(".govuk-summary-card", has_text="Who holds the case")).to_contain_text(
        "Sam Social, Assessment North"
    )
    screenshot(page, "printing-04-summary")
    assert_accessible(page)


def test_a_conference_invitation_is_previewed_produced_and_downloaded(
    page: Page, social_worker, maya
):
    ConferenceFactory(
        child=maya,
        episode=maya.plans.get().episode,
        kind=ConferenceKind.REVIEW,
        held_on=dt.date(2026, 6, 1),
    )
    sign_in(page, "sam_social")
    page.goto(f"/children/{maya.pk}/")
    page.get_by_role("link", name="Letters to the family").click()
    page.get_by_role(
        "link", name="Invitation to the review child protection conference on 1 June 2026"
    ).click()
    expect(
        page.get_by_role("heading", name="Invitation to a child protection conference", level=1)
    ).to_be_visible()
    page.get_by_label("Grace Okafor (mother)").check()
    page.get_by_label("Address").fill("4 Rowan Close\nWigan\nWN1 1AA")
    page.get_by_label("Time").fill("10am")
    page.get_by_role("button", name="Preview the letter").click()
    expect(page.get_by_role("link", name="Enter where the conference is held")).to_be_visible()
    screenshot(page, "printing-05-letter-error")
    assert_accessible(page)

    page.get_by_label("Where the conference is held").fill("Room 4, Civic Centre")
    page.get_by_role("button", name="Preview the letter").click()
    expect(page.get_by_text("Dear Grace Okafor,")).to_be_visible()
    expect(
        page.get_by_text("It will be held on 1 June 2026 at 10am, at Room 4, Civic Centre.")
    ).to_be_visible()
    screenshot(page, "printing-06-letter-preview")
    assert_accessible(page)
    page.get_by_role("button", name="Produce the letter").click()

    expect(page.get_by_text("Letter produced: download the PDF to send it")).to_be_visible()
    letter = Letter.objects.get(child=maya)
    expect(page.get_by_text(letter.pdf_sha256)).to_be_visible()
    screenshot(page, "printing-07-letter")
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download the PDF").click()
    content = Path(download_info.value.path()).read_bytes()
    assert content == bytes(letter.pdf)
    assert "Dear Grace Okafor," in pdf_text(content)
