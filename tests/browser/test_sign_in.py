"""Signing in, in a real browser: setting up an authenticator app the first time (the code
computed from the key the page shows, as the app does), signing in with a recovery code and making
new ones from your account page, proving who
you are again before restricting a record, and signing in with a council account at an
identity provider that the test starts on this machine."""

import base64
import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from conftest import PASSWORD
from kinfolk.access.reauth import SESSION_KEY as AUTHENTICATED_AT
from kinfolk.workforce.models import User
from tests.browser.conftest import assert_accessible, screenshot, sign_in
from tests.oidc_provider import ACCOUNTS, running_provider

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _app_code(key: str) -> str:
    """What an authenticator app shows for the key typed into it."""
    secret = key.replace(" ", "")
    secret += "=" * (-len(secret) % 8)
    return str(totp(base64.b32decode(secret))).zfill(6)


def test_setting_up_an_authenticator_then_signing_in_with_it(page: Page, social_worker):
    page.goto("/")
    expect(page).to_have_url("/sign-in/?next=/")
    screenshot(page, "sign-in-01-password")
    assert_accessible(page)
    page.get_by_label("Username").fill("sam_social")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()

    expect(page.get_by_role("heading", name="Set up an authenticator app")).to_be_visible()
    expect(page.get_by_role("img", name="QR code to set up Kinfolk")).to_be_visible()
    expect(page.get_by_role("navigation", name="Menu")).to_have_count(0)
    screenshot(page, "sign-in-02-set-up")
    assert_accessible(page)
    key = page.locator("#set-up-key").inner_text()
    page.get_by_label("Code from the app").fill(
        "000000" if _app_code(key) != "000000" else "111111"
    )
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="The code is not right")).to_be_visible()
    screenshot(page, "sign-in-03-set-up-wrong-code")
    assert_accessible(page)
    time.sleep(1.1)  # django-otp makes the next try wait a second after a wrong code
    page.get_by_label("Code from the app").fill(_app_code(key))
    page.get_by_role("button", name="Continue").click()

    expect(page.get_by_role("heading", name="Your recovery codes")).to_be_visible()
    codes = page.get_by_role("list", name="Recovery codes").get_by_role("listitem")
    expect(codes).to_have_count(10)
    recovery_code = codes.first.inner_text()
    screenshot(page, "sign-in-04-recovery-codes")
    assert_accessible(page)
    page.get_by_role("button", name="I have kept my recovery codes: continue").click()
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()

    page.get_by_role("button", name="Sign out").click()
    sign_in_page_then_code(page)
    screenshot(page, "sign-in-05-code")
    assert_accessible(page)
    # Without the phone: a recovery code, which works once.
    page.get_by_label("Code").fill(recovery_code.upper())
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()

    # Nine codes are left; the account page, opened from the name in the header, makes ten new.
    page.get_by_role("link", name="Sam Social, Social worker").click()
    expect(page.get_by_role("heading", name="Your account")).to_be_visible()
    expect(page.get_by_text("9 unused codes left")).to_be_visible()
    screenshot(page, "sign-in-06-account")
    assert_accessible(page)
    page.get_by_role("link", name="Make new codes").click()
    screenshot(page, "sign-in-07-make-new-codes")
    assert_accessible(page)
    page.get_by_role("button", name="Make new recovery codes").click()
    expect(page.get_by_role("heading", name="You have new recovery codes")).to_be_visible()
    expect(codes).to_have_count(10)
    assert recovery_code not in [code.inner_text() for code in codes.all()]
    screenshot(page, "sign-in-08-new-codes")
    assert_accessible(page)
    page.get_by_role("button", name="I have kept my recovery codes: continue").click()
    expect(page.get_by_text("10 unused codes left")).to_be_visible()


def sign_in_page_then_code(page: Page) -> None:
    page.goto("/")
    page.get_by_label("Username").fill("sam_social")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(
        page.get_by_role("heading", name="Enter the code from your authenticator app")
    ).to_be_visible()


def test_restricting_a_record_asks_who_you_are_again(page: Page, manager, child):
    sign_in(page, "meg_manager")
    expect(page.get_by_role("heading", name="Assessment North: team workspace")).to_be_visible()
    # Twenty minutes later, as far as the session knows.
    cookie = next(c for c in page.context.cookies() if c["name"] == "sessionid")
    session = SessionStore(session_key=cookie["value"])
    session[AUTHENTICATED_AT] = int(time.time()) - 20 * 60
    session.save()

    page.goto(f"/children/{child.pk}/restrict/")
    expect(page.get_by_role("heading", name="Confirm it is you")).to_be_visible()
    page.get_by_label("Password").fill("not my password")
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="The password is not right")).to_be_visible()
    screenshot(page, "reauthenticate-01-wrong-password")
    assert_accessible(page)

    from kinfolk.accounts.second_factor import authenticator_of
    from kinfolk.accounts.tests.factories import code_for

    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code").fill(
        code_for(authenticator_of(User.objects.get(username="meg_manager")))
    )
    page.get_by_role("button", name="Continue").click()
    expect(page).to_have_url(f"/children/{child.pk}/restrict/")
    expect(page.get_by_role("heading", name="Restrict this record to named staff")).to_be_visible()


@pytest.fixture
def council_provider(live_server, settings):
    with running_provider([f"{live_server.url}/sign-in/council/callback/"]) as provider:
        for name, value in provider.kinfolk_settings().items():
            setattr(settings, name, value)
        yield provider


def test_signing_in_with_a_council_account(page: Page, council_provider, team):
    page.goto("/")
    expect(page.get_by_role("button", name="Sign in with your council account")).to_be_visible()
    screenshot(page, "council-01-sign-in")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in with your council account").click()

    expect(page.get_by_role("heading", name="Northmoor Council sign-in")).to_be_visible()
    page.get_by_label("Council username").fill("pat_council")
    page.get_by_label("Council password").fill(ACCOUNTS["pat_council"][0])
    screenshot(page, "council-02-provider")
    page.get_by_role("button", name="Sign in to the council").click()

    expect(page.get_by_role("heading", name="My caseload")).to_be_visible()
    expect(page.get_by_role("banner").get_by_text("Pat Council, Social worker")).to_be_visible()
    screenshot(page, "council-03-signed-in")
    assert_accessible(page)
    user = User.objects.get(username="pat_council")
    assert (user.role, user.team) == ("social_worker", team)

    # Proving who you are again sends the person back to the provider.
    page.goto("/sign-in/again/?next=/team/")
    screenshot(page, "council-04-reauthenticate")
    assert_accessible(page)
    page.get_by_role("button", name="Sign in again with your council account").click()
    page.get_by_label("Council username").fill("pat_council")
    page.get_by_label("Council password").fill(ACCOUNTS["pat_council"][0])
    page.get_by_role("button", name="Sign in to the council").click()
    expect(page).to_have_url("/team/")
