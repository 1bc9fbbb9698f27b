"""Signing in: every page needs it, wrong passwords lock the account, sessions time out."""

import re

import pytest
from django.conf import settings
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _routes(resolver: URLResolver, prefix: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern)


def test_every_page_but_sign_in_needs_a_signed_in_user(client, child):
    routes = [route for route in _routes(get_resolver()) if route != "sign-in/"]
    assert len(routes) >= 12
    for route in routes:
        # Every integer in the route (the child's and any nested record's) is filled in, so
        # that the page resolves and the sign-in check, not a 404, answers.
        url = "/" + re.sub(r"<int:\w+>", str(child.pk), route)
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/sign-in/"), url


def test_signing_in_shows_the_caseload(client, social_worker):
    response = client.post(
        reverse("login"), {"username": "sam_social", "password": PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("home")
    assert "My caseload" in response.content.decode()


def test_a_wrong_password_is_reported_on_the_form(client, social_worker):
    response = client.post(reverse("login"), {"username": "sam_social", "password": "nope"})
    assert response.status_code == 200
    assert "Enter a correct username and password" in response.content.decode()


def test_repeated_failures_lock_the_account(client, social_worker):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("login"), {"username": "sam_social", "password": "wrong"})
    response = client.post(reverse("login"), {"username": "sam_social", "password": PASSWORD})
    assert response.status_code == 429
    assert "Your account is locked" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_session_ends_after_idle_minutes(client, social_worker):
    client.post(reverse("login"), {"username": "sam_social", "password": PASSWORD})
    assert client.session.get_expiry_age() == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST is True


def test_sign_out_needs_a_post(client, social_worker):
    client.force_login(social_worker)
    assert client.get(reverse("logout")).status_code == 405
    assert client.post(reverse("logout")).status_code == 302
    assert "_auth_user_id" not in client.session
