"""Two people change the same child's identity details at once, in two browsers: the first
save is kept; the second person gets the conflict page, with what they entered beside what is
saved now, and starts again from the saved version."""

import pytest
from playwright.sync_api import Browser, Page, expect

from conftest import PASSWORD, make_child
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker
from tests.browser.conftest import assert_accessible, new_context, screenshot, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

HEADING = "Someone else changed this record while you were editing it"


def test_the_second_of_two_identity_changes_meets_the_conflict_page(
    page: Page, browser: Browser, live_server, social_worker, team
):
    create_worker(
        username="rio_second",
        display_name="Rio Second",
        role=Role.SOCIAL_WORKER,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )
    child = make_child(la_child_id="C4101", first_name="Maya", last_name="Okafor")
    url = f"/children/{child.pk}/edit/"
    sign_in(page, "sam_social")
    other_context = new_context(browser, live_server)
    other = other_context.new_page()
    sign_in(other, "rio_second")
    page.goto(url)
    other.goto(url)

    other.get_by_label("Last name").fill("Okafor-Bello")
    other.get_by_role("button", name="Save").click()
    expect(other.get_by_text("Identity details saved")).to_be_visible()

    page.get_by_label("Last name").fill("Okafur")
    page.get_by_label("Religion").fill("Christian")
    with page.expect_response(lambda response: response.request.method == "POST") as posted:
        page.get_by_role("button", name="Save").click()
    assert posted.value.status == 409
    expect(page.get_by_role("heading", name=HEADING, level=1)).to_be_visible()
    expect(page.get_by_text("Rio Second saved it on")).to_be_visible()
    last_name = page.get_by_role("row", name="Last name")
    expect(last_name).to_contain_text("Okafur")
    expect(last_name).to_contain_text("Okafor-Bello")
    expect(last_name).to_contain_text("Different")
    expect(page.get_by_role("row", name="Religion")).to_contain_text("Christian")
    screenshot(page, "conflict-01-identity")
    assert_accessible(page)

    page.get_by_role("button", name="Start again from the saved version").click()
    expect(page.get_by_label("Last name")).to_have_value("Okafor-Bello")
    page.get_by_label("Religion").fill("Christian")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Identity details saved")).to_be_visible()
    child.refresh_from_db()
    assert (child.last_name, child.religion, child.version) == ("Okafor-Bello", "Christian", 3)
    other_context.close()
