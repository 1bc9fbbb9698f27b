"""A social worker writes a full case note (the family and a professional there, the child's
views), finds it again by a word from its text, adds an addendum, and uploads a PDF and a PNG
to it, while an EICAR test file is refused; a manager finds the note across the team's
children. Every page is screenshotted and checked with axe."""

import datetime as dt

import pytest
from playwright.sync_api import Page, expect

from conftest import make_child
from kinfolk.casework.services import record_case_note
from kinfolk.core.working_days import LONDON
from kinfolk.documents.tests.files import PDF, eicar_bytes, png_bytes
from kinfolk.people.models import Adult, Relationship
from kinfolk.workforce.services import allocate_child
from tests.browser.conftest import assert_accessible, screenshot
from tests.browser.test_casework import fill_date
from tests.browser.test_find_a_child import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def test_a_full_case_note_found_by_a_word_with_documents(page: Page, social_worker, tmp_path):
    child = make_child(la_child_id="C3201", first_name="Maya", last_name="Okafor")
    mother = Adult.objects.create(reference="A3201", first_name="Ruth", last_name="Okafor")
    Relationship.objects.create(child=child, other_adult=mother, kind="mother", lives_with=True)
    for day in range(1, 4):
        record_case_note(
            child=child,
            occurred_at=dt.datetime(2026, 11, day, 10, 0, tzinfo=LONDON),
            kind="phone_call",
            text=f"Routine call number {day} with the school office.",
            actor=social_worker,
        )
    sign_in(page, "sam_social")
    page.goto(f"/children/{child.pk}/casework/case-notes/create/")
    page.get_by_label("Home visit").check()
    fill_date(page, "Date", dt.date(2026, 11, 30))
    page.get_by_label("Time").fill("16:30")
    page.get_by_label("Ruth Okafor (mother)").check()
    first = page.get_by_role("group", name="Professional 1")
    first.get_by_label("Name").fill("Priya Shah")
    first.get_by_label("Role").fill("Health visitor")
    page.get_by_role("group", name="Professional 2").get_by_label("Name").fill("Tom Pike")
    page.get_by_label("What happened").fill(
        "Maya showed us her allotment.\n\nRuth said the tomatoes did well this year."
    )
    page.get_by_label("The child's views").fill("Maya wants to keep visiting her gran.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("link", name="Enter the agency of professional 1")).to_be_visible()
    expect(page.get_by_role("link", name="Enter the agency of professional 2")).to_be_visible()
    screenshot(page, "case-note-full-01-errors")
    assert_accessible(page)

    page.get_by_role("group", name="Professional 1").get_by_label("Agency").fill("Wigan NHS")
    page.get_by_role("group", name="Professional 2").get_by_label("Name").fill("")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Case note added")).to_be_visible()

    page.goto(f"/children/{child.pk}/casework/case-notes/")
    page.get_by_label("Search the case notes").fill("tomatoes")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 note found for \u2018tomatoes\u2019")).to_be_visible()
    expect(page.get_by_text("Routine call number")).to_have_count(0)
    screenshot(page, "case-note-full-02-search")
    assert_accessible(page)

    page.get_by_role("link", name="Home visit, 30 November 2026 at 16:30").click()
    expect(
        page.get_by_role("heading", name="Home visit, 30 November 2026 at 16:30")
    ).to_be_visible()
    expect(page.get_by_text("Priya Shah, Health visitor, Wigan NHS")).to_be_visible()
    expect(page.get_by_text("Maya wants to keep visiting her gran.")).to_be_visible()
    screenshot(page, "case-note-full-03-note")
    assert_accessible(page)

    page.get_by_role("link", name="Add an addendum").click()
    page.get_by_label("Addendum").fill("Ruth phoned to say Maya's gran is visiting on Sunday.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Addendum added")).to_be_visible()
    expect(page.get_by_text("Maya's gran is visiting on Sunday.")).to_be_visible()

    pdf, png, eicar = tmp_path / "gp-letter.pdf", tmp_path / "allotment.png", tmp_path / "eicar.pdf"
    pdf.write_bytes(PDF)
    png.write_bytes(png_bytes())
    eicar.write_bytes(eicar_bytes())

    page.get_by_role("link", name="Upload a document").click()
    expect(page.get_by_text("Case note: Home visit, 30 November 2026 at 16:30")).to_be_visible()
    page.get_by_label("Title").fill("Suspicious attachment")
    page.get_by_label("Other").check()
    page.get_by_label("Upload a file").set_input_files(str(eicar))
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(
        page.get_by_role("link", name="The selected file contains a virus (Eicar-Test-Signature)")
    ).to_be_visible()
    screenshot(page, "case-note-full-04-eicar-refused")
    assert_accessible(page)

    page.get_by_label("Title").fill("Letter from the GP")
    page.get_by_label("Letter").check()
    page.get_by_label("Upload a file").set_input_files(str(pdf))
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_text("Document uploaded")).to_be_visible()

    page.get_by_role("link", name="Upload a document").click()
    page.get_by_label("Title").fill("Photo of the allotment")
    page.get_by_label("Photograph").check()
    page.get_by_label("Upload a file").set_input_files(str(png))
    page.get_by_role("button", name="Upload", exact=True).click()
    expect(page.get_by_text("Document uploaded")).to_be_visible()
    documents = page.get_by_role("table")
    expect(documents).to_contain_text("Letter from the GP")
    expect(documents).to_contain_text("Photo of the allotment")
    expect(documents).not_to_contain_text("Suspicious attachment")
    screenshot(page, "case-note-full-05-documents")
    assert_accessible(page)

    with page.expect_download() as download:
        page.get_by_role("link", name="Letter from the GP").click()
    assert download.value.suggested_filename == "gp-letter.pdf"

    page.goto(f"/children/{child.pk}/documents/")
    expect(page.get_by_role("table")).to_contain_text("Case note: Home visit")
    screenshot(page, "case-note-full-06-child-documents")
    assert_accessible(page)


def test_a_manager_finds_a_note_across_the_team(page: Page, manager, social_worker):
    child = make_child(la_child_id="C3202", first_name="Leo", last_name="Grant")
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    record_case_note(
        child=child,
        occurred_at=dt.datetime(2026, 11, 20, 11, 0, tzinfo=LONDON),
        kind="direct_work",
        text="Leo drew his family tree and talked about his rabbit.",
        actor=social_worker,
    )
    sign_in(page, manager.username)
    page.goto("/work/team/")
    page.get_by_role("link", name="Search the case notes of the team's children").click()
    page.get_by_label("Search the case notes").fill("rabbit")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_text("1 note found for \u2018rabbit\u2019")).to_be_visible()
    expect(page.get_by_text("Leo Grant (C3202)")).to_be_visible()
    screenshot(page, "case-note-full-07-team-search")
    assert_accessible(page)
