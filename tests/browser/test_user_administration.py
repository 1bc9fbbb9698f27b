"""An administrator creates an account, finds it, and deactivates a worker who is signed in,
in a real browser; and opens the reference data in the Django admin."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from conftest import PASSWORD
from kinfolk.accounts.tests.factories import authenticator_for
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import allocate_child, create_worker
from tests.browser.conftest import (
    assert_accessible,
    new_context,
    screenshot,
    sign_in,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def administrator(db):
    return create_worker(
        username="ada_admin",
        display_name="Ada Admin",
        role=Role.ADMIN,
        email="ada.admin@example.gov.uk",
        password=PASSWORD,
    )


def test_create_an_account_and_deactivate_a_signed_in_worker(
    page: Page, browser: Browser, live_server, administrator, social_worker, manager
):
    # The worker is signed in elsewhere, in a browser of their own.
    worker_context = new_context(browser, live_server)
    worker_page = worker_context.new_page()
    sign_in(worker_page, "sam_social")
    worker_page.goto("/team/")
    expect(worker_page.get_by_role("heading", name="Assessment North")).to_be_visible()

    sign_in(page, "ada_admin")
    menu = page.get_by_role("navigation", name="Menu")
    menu.get_by_role("link", name="Users").click()
    expect(page.get_by_role("heading", name="Users", level=1)).to_be_visible()
    expect(page.get_by_role("heading", name="3 accounts")).to_be_visible()
    screenshot(page, "useradmin-01-users")
    assert_accessible(page)

    page.get_by_role("link", name="Create an account").click()
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    screenshot(page, "useradmin-02-create-errors")
    assert_accessible(page)

    page.get_by_label("Username").fill("nia.new")
    page.get_by_label("Full name").fill("Nia New")
    page.get_by_label("Email address").fill("nia.new@example.gov.uk")
    page.get_by_label("Role").select_option(label="Social worker")
    page.get_by_label("Team").select_option(label="Assessment North")
    page.get_by_label("Qualified social worker").check()
    screenshot(page, "useradmin-03-create")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("Account created for Nia New")).to_be_visible()
    expect(page.get_by_role("heading", name="Nia New")).to_be_visible()
    expect(page.get_by_role("table", name="Changes to this account")).to_contain_text(
        "Account created"
    )
    screenshot(page, "useradmin-04-account")
    assert_accessible(page)
    assert [email.to for email in mail.outbox] == [["nia.new@example.gov.uk"]]

    menu.get_by_role("link", name="Users").click()
    page.get_by_label("Role").select_option(label="Social worker")
    page.get_by_role("button", name="Apply filters").click()
    table = page.get_by_role("table", name="Accounts, by name")
    expect(table.get_by_role("link", name="Nia New")).to_be_visible()
    expect(table.get_by_role("link", name="Meg Manager")).to_have_count(0)
    screenshot(page, "useradmin-05-users-filtered")
    assert_accessible(page)

    table.get_by_role("link", name="Sam Social").click()
    page.get_by_role("link", name="Deactivate this account").click()
    expect(page.get_by_text("they will be signed out straight away")).to_be_visible()
    screenshot(page, "useradmin-06-deactivate")
    assert_accessible(page)
    page.get_by_role("button", name="Deactivate account").click()
    expect(page.get_by_text("Sam Social's account is deactivated")).to_be_visible()
    expect(page.get_by_role("table", name="Changes to this account")).to_contain_text(
        "Sessions ended: 1"
    )
    screenshot(page, "useradmin-07-deactivated")
    assert_accessible(page)

    # The worker's next request finds them signed out.
    worker_page.reload()
    expect(worker_page).to_have_url("/sign-in/?next=/team/")
    worker_context.close()

    menu.get_by_role("link", name="Users").click()
    page.get_by_role("navigation", name="User administration").get_by_role(
        "link", name="Teams"
    ).click()
    expect(page.get_by_role("table", name="Teams, by name, with their members")).to_contain_text(
        "Assessment North"
    )
    screenshot(page, "useradmin-08-teams")
    assert_accessible(page)

    page.get_by_role("navigation", name="User administration").get_by_role(
        "link", name="Reference data"
    ).click()
    expect(page.get_by_role("heading", name="Reference data")).to_be_visible()
    screenshot(page, "useradmin-09-admin")
    assert_accessible(page)
    page.get_by_role("link", name="Teams").click()
    expect(page.get_by_role("link", name="Assessment North")).to_be_visible()
    screenshot(page, "useradmin-10-admin-teams")
    assert_accessible(page)


def test_the_other_administration_pages(page: Page, administrator, social_worker, child):
    """The account page of a locked-out worker who holds a case, and the pages reached from
    it: each looks right and passes axe-core."""
    authenticator_for(social_worker)
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        Client().post("/sign-in/", {"username": "sam_social", "password": "wrong"})

    sign_in(page, "ada_admin")
    page.goto(f"/users/{social_worker.pk}/")
    expect(page.get_by_text("This account is locked after 5 failed sign-ins")).to_be_visible()
    screenshot(page, "useradmin-11-locked-account")
    assert_accessible(page)

    page.get_by_role("link", name="Sign-in history").click()
    expect(page.get_by_role("table", name="Sign-ins, newest first")).to_contain_text(
        "Failed: locked out"
    )
    screenshot(page, "useradmin-12-sign-ins")
    assert_accessible(page)

    page.go_back()
    page.get_by_role("link", name="Unlock this account").click()
    screenshot(page, "useradmin-13-unlock")
    assert_accessible(page)
    page.get_by_role("button", name="Unlock account").click()
    expect(page.get_by_text("Sam Social's account is unlocked")).to_be_visible()

    page.get_by_role("link", name="Deactivate this account").click()
    expect(page.get_by_text("Sam Social still holds 1 child's case")).to_be_visible()
    expect(page.get_by_role("button", name="Deactivate account")).to_have_count(0)
    screenshot(page, "useradmin-14-deactivate-refused")
    assert_accessible(page)

    page.get_by_role("link", name="Back to Sam Social's account").click()
    page.get_by_role("link", name="Change", exact=False).first.click()
    expect(page.get_by_role("heading", name="Change account details")).to_be_visible()
    screenshot(page, "useradmin-15-change")
    assert_accessible(page)
    page.get_by_label("Role").select_option(label="Performance analyst")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    expect(page.get_by_role("alert")).to_contain_text("Sam Social still holds 1 child's case")
    screenshot(page, "useradmin-16-change-refused")
    assert_accessible(page)

    page.goto(f"/users/{social_worker.pk}/")
    page.get_by_role("link", name="Reset their authenticator app").click()
    screenshot(page, "useradmin-17-reset-authenticator")
    assert_accessible(page)

    page.goto("/teams/")
    page.get_by_role("link", name="Assessment North").click()
    expect(page.get_by_role("table", name="Members of the team")).to_contain_text("Sam Social")
    screenshot(page, "useradmin-18-team")
    assert_accessible(page)
    page.get_by_role("link", name="Rename the team").click()
    screenshot(page, "useradmin-19-team-rename")
    assert_accessible(page)
