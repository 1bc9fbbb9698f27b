"""Signing in: every page needs it; the password, then an authenticator app's code (set up
the first time, with recovery codes); wrong passwords lock the account from where they were
typed; sessions end when idle and after a fixed lifetime (docs/sign-in.md)."""

import re
import time

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, make_child, signed_in
from kinfolk.access.policy import Open, requirement_of
from kinfolk.access.reauth import SESSION_KEY as AUTHENTICATED_AT
from kinfolk.accounts.middleware import SIGNED_IN_AT_SESSION_KEY
from kinfolk.accounts.tests.factories import authenticator_for, code_for

pytestmark = pytest.mark.django_db


def _routes(resolver: URLResolver, prefix: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def test_every_page_but_the_open_ones_needs_a_signed_in_user(client, child):
    routes = [route for route, view in _routes(get_resolver())]
    closed = [
        route
        for route, view in _routes(get_resolver())
        if not isinstance(requirement_of(view), Open)
    ]
    assert len(closed) >= 12
    assert set(routes) - set(closed) == {
        "sign-in/",
        "sign-in/council/",
        "sign-in/council/callback/",
        "password-reset/",
        "password-reset/sent/",
        "password-reset/<uidb64>/<token>/",
        "password-reset/done/",
    }
    for route in closed:
        # Every integer in the route (the child's and any nested record's) is filled in, and
        # every other part with a word, so that the address resolves and the sign-in check,
        # not a 404, answers.
        url = "/" + re.sub(r"<\w+:\w+>", "x", re.sub(r"<int:\w+>", str(child.pk), route))
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/sign-in/"), url


def _password(client, username="sam_social", password=PASSWORD, **extra):
    return client.post(reverse("login"), {"username": username, "password": password}, **extra)


# The first sign-in: setting up the authenticator app -----------------------------------------


def test_the_first_sign_in_sets_up_an_authenticator_and_shows_recovery_codes_once(
    client, social_worker
):
    response = _password(client)
    assert response.status_code == 302
    assert response["Location"] == reverse("sign-in-set-up")

    page = client.get(reverse("sign-in-set-up"))
    text = page.content.decode()
    assert "Set up an authenticator app" in text
    assert re.search(r'<img class="kinfolk-qr-code" src="data:image/svg\+xml;base64,', text)
    device = TOTPDevice.objects.get(user=social_worker)
    assert device.confirmed is False
    assert page.context["key"].replace(" ", "") in text.replace(" ", "")
    # Reloading the page keeps the key the person may already have scanned.
    assert client.get(reverse("sign-in-set-up")).context["key"] == page.context["key"]
    assert TOTPDevice.objects.filter(user=social_worker).count() == 1

    response = client.post(reverse("sign-in-set-up"), {"code": code_for(device)})
    assert response["Location"] == reverse("sign-in-recovery-codes")
    device.refresh_from_db()
    assert device.confirmed is True

    shown = client.get(reverse("sign-in-recovery-codes"))
    codes = shown.context["codes"]
    assert len(codes) == 10
    assert set(
        StaticToken.objects.filter(device__user=social_worker).values_list("token", flat=True)
    ) == set(codes)
    for code in codes:
        assert code in shown.content.decode()
    # Shown once: the page does not show them again.
    again = client.get(reverse("sign-in-recovery-codes"))
    assert again.status_code == 302
    assert AUTHENTICATED_AT in client.session
    assert client.get(reverse("home")).status_code == 200


def test_a_wrong_code_does_not_confirm_the_authenticator(client, social_worker):
    _password(client)
    client.get(reverse("sign-in-set-up"))
    device = TOTPDevice.objects.get(user=social_worker)
    wrong = str((int(code_for(device)) + 1) % 1_000_000).zfill(6)
    response = client.post(reverse("sign-in-set-up"), {"code": wrong})
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "code": ["The code is not right: enter the code your app shows now"]
    }
    device.refresh_from_db()
    assert device.confirmed is False
    assert not StaticToken.objects.filter(device__user=social_worker).exists()
    assert client.get(reverse("home"))["Location"].startswith(reverse("sign-in-set-up"))


def test_a_second_authenticator_cannot_be_added_with_the_password_alone(client, social_worker):
    device = authenticator_for(social_worker)
    _password(client)
    response = client.get(reverse("sign-in-set-up"))
    assert response["Location"].startswith(reverse("sign-in-code"))
    assert list(TOTPDevice.objects.filter(user=social_worker)) == [device]


# Signing in with the app ------------------------------------------------------------------------


def test_after_the_password_every_page_leads_to_the_code(client, social_worker, child):
    authenticator_for(social_worker)
    response = _password(client)
    assert response["Location"] == reverse("sign-in-code")
    for url in [reverse("home"), f"/children/{child.pk}/", reverse("reauthenticate")]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{reverse('sign-in-code')}?next={url.replace('/', '%2F')}"
    page = client.get(reverse("sign-in-code"))
    assert page.status_code == 200
    # Half signed in, the page shows no menu.
    assert 'id="navigation"' not in page.content.decode()
    assert AUTHENTICATED_AT not in client.session
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


def test_the_code_completes_the_sign_in_and_goes_on_to_next(client, social_worker, child):
    device = authenticator_for(social_worker)
    client.post(
        reverse("login"),
        {"username": "sam_social", "password": PASSWORD, "next": f"/children/{child.pk}/"},
    )
    response = client.post(
        f"{reverse('sign-in-code')}?next=/children/{child.pk}/", {"code": code_for(device)}
    )
    assert response["Location"] == f"/children/{child.pk}/"
    assert client.get(f"/children/{child.pk}/").status_code == 200
    assert abs(client.session[AUTHENTICATED_AT] - time.time()) < 5
    # A code is accepted once.
    client.post(reverse("logout"))
    _password(client)
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    device.refresh_from_db()
    if device.last_t == totp.t():
        used = str(totp.token()).zfill(6)
        response = client.post(reverse("sign-in-code"), {"code": used})
        assert response.status_code == 200
        assert "_auth_user_id" in client.session
        assert client.get(reverse("home")).status_code == 302


def test_a_next_address_elsewhere_is_not_followed(client, social_worker):
    device = authenticator_for(social_worker)
    _password(client)
    response = client.post(
        f"{reverse('sign-in-code')}?next=https://elsewhere.example/", {"code": code_for(device)}
    )
    assert response["Location"] == reverse("home")


def test_a_wrong_code_is_refused_and_the_next_try_must_wait(client, social_worker):
    device = authenticator_for(social_worker)
    _password(client)
    wrong = str((int(code_for(device)) + 5) % 1_000_000).zfill(6)
    response = client.post(reverse("sign-in-code"), {"code": wrong})
    assert response.context["form"].errors == {
        "code": ["The code is not right: enter the code your app shows now"]
    }
    # django-otp's throttling: after a failure, even the right code waits a moment.
    response = client.post(reverse("sign-in-code"), {"code": code_for(device)})
    assert response.status_code == 200
    assert "too many wrong codes" in response.context["form"].errors["code"][0]
    assert client.get(reverse("home")).status_code == 302


def test_a_recovery_code_signs_in_once(client, social_worker):
    _password(client)
    client.get(reverse("sign-in-set-up"))
    device = TOTPDevice.objects.get(user=social_worker)
    client.post(reverse("sign-in-set-up"), {"code": code_for(device)})
    codes = client.get(reverse("sign-in-recovery-codes")).context["codes"]
    client.post(reverse("logout"))

    _password(client)
    # People type recovery codes in capitals, with spaces: both are forgiven.
    typed = " ".join([codes[0][:4].upper(), codes[0][4:].upper()])
    response = client.post(reverse("sign-in-code"), {"code": typed})
    assert response["Location"] == reverse("home")
    assert StaticToken.objects.filter(device__user=social_worker).count() == 9
    client.post(reverse("logout"))

    _password(client)
    response = client.post(reverse("sign-in-code"), {"code": codes[0]})
    assert response.status_code == 200
    assert client.get(reverse("home")).status_code == 302


def test_without_the_requirement_the_password_signs_in(client, social_worker, settings):
    settings.KINFOLK_REQUIRE_TWO_FACTOR = False
    response = _password(client)
    assert response["Location"] == reverse("home")
    assert AUTHENTICATED_AT in client.session
    assert "My caseload" in client.get(reverse("home")).content.decode()


def test_a_wrong_password_is_reported_on_the_form(client, social_worker):
    response = _password(client, password="nope")
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


# Lockout -----------------------------------------------------------------------------------------


def test_repeated_failures_lock_the_username_from_that_address_only(client, social_worker):
    here, elsewhere = "192.0.2.10", "198.51.100.20"
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        _password(client, password="wrong", REMOTE_ADDR=here)
    response = _password(client, REMOTE_ADDR=here)
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session

    # The member of staff, elsewhere, still signs in: an outsider cannot lock them out.
    response = _password(client, REMOTE_ADDR=elsewhere)
    assert response.status_code == 302
    assert response["Location"] == reverse("sign-in-set-up")
    assert client.session["_auth_user_id"] == str(social_worker.pk)


def test_failures_for_other_usernames_do_not_lock_a_username(client, social_worker):
    here = "192.0.2.10"
    for attempt in range(settings.AXES_FAILURE_LIMIT + 1):
        _password(client, username=f"someone_{attempt}", password="wrong", REMOTE_ADDR=here)
    response = _password(client, REMOTE_ADDR=here)
    assert response.status_code == 302


def test_the_lockout_check_is_not_silenced():
    assert "axes.W006" not in settings.SILENCED_SYSTEM_CHECKS
    assert settings.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]


# Sessions ----------------------------------------------------------------------------------------


def test_the_session_ends_after_idle_minutes(client, social_worker):
    _password(client)
    assert client.session.get_expiry_age() == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_the_session_ends_after_its_lifetime_however_active(social_worker):
    client = signed_in(social_worker)
    assert client.get(reverse("home")).status_code == 200
    started = client.session[SIGNED_IN_AT_SESSION_KEY]
    assert abs(started - time.time()) < 5

    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] = int(time.time()) - 10 * 3600 + 60
    session.save()
    assert client.get(reverse("home")).status_code == 200

    session = client.session
    session[SIGNED_IN_AT_SESSION_KEY] = int(time.time()) - 10 * 3600 - 1
    session.save()
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/"
    assert "_auth_user_id" not in client.session
    page = client.get(response["Location"])
    assert "signed in more than 10 hours ago" in page.content.decode()


def test_sign_out_needs_a_post(social_worker):
    client = signed_in(social_worker)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session


# Headers -----------------------------------------------------------------------------------------


def test_every_page_for_a_signed_in_person_is_not_stored(social_worker, team):
    child = make_child(la_child_id="C9")
    client = signed_in(social_worker)
    for url in [reverse("home"), f"/children/{child.pk}/", reverse("password_change")]:
        response = client.get(url)
        assert response.status_code == 200, url
        assert "no-store" in response["Cache-Control"], url
        assert "private" in response["Cache-Control"], url
    assert "no-store" in client.get(f"/children/{child.pk}/?missing=1")["Cache-Control"]


def test_every_page_has_a_permissions_policy(client, social_worker):
    response = client.get(reverse("login"))
    policy = response["Permissions-Policy"]
    assert "camera=()" in policy
    assert "geolocation=()" in policy
    assert "microphone=()" in policy
