"""Proving who you are again before a sensitive action (kinfolk/access/reauth.py): the
password and the code again, then back to the action."""

import time
from urllib.parse import quote

import pytest
from axes.models import AccessAttempt
from django.urls import reverse

from conftest import PASSWORD, signed_in
from kinfolk.access.reauth import SESSION_KEY as AUTHENTICATED_AT
from kinfolk.accounts.tests.factories import authenticator_for, code_for

pytestmark = pytest.mark.django_db


def _stale(client) -> None:
    session = client.session
    session[AUTHENTICATED_AT] = int(time.time()) - 16 * 60
    session.save()


def _reauthenticate_url(next_url: str) -> str:
    return f"{reverse('reauthenticate')}?next={quote(next_url, safe='')}"


def test_sensitive_actions_ask_for_a_recent_sign_in(manager, analyst, child):
    manager_client = signed_in(manager)
    _stale(manager_client)
    for name in ("children:restrict", "children:lift-restriction"):
        url = reverse(name, args=[child.pk])
        response = manager_client.get(url)
        assert response.status_code == 302, name
        assert response["Location"] == _reauthenticate_url(url), name
    analyst_client = signed_in(analyst)
    _stale(analyst_client)
    url = reverse("returns:download", args=[1])
    assert analyst_client.get(url)["Location"] == _reauthenticate_url(url)


def test_a_fresh_sign_in_needs_no_new_proof(manager, child):
    client = signed_in(manager)
    assert client.get(reverse("children:restrict", args=[child.pk])).status_code == 200


def test_the_password_and_code_again_lead_back_to_the_action(manager, child):
    device = authenticator_for(manager)
    client = signed_in(manager)
    _stale(client)
    restrict = reverse("children:restrict", args=[child.pk])
    page = client.get(_reauthenticate_url(restrict))
    assert page.status_code == 200
    assert set(page.context["form"].fields) == {"password", "code"}

    response = client.post(
        _reauthenticate_url(restrict), {"password": PASSWORD, "code": code_for(device)}
    )
    assert response["Location"] == restrict
    assert abs(client.session[AUTHENTICATED_AT] - time.time()) < 5
    assert client.get(restrict).status_code == 200


def test_a_wrong_password_or_code_is_refused_next_to_its_field(manager, child):
    device = authenticator_for(manager)
    client = signed_in(manager)
    _stale(client)
    url = _reauthenticate_url(reverse("children:restrict", args=[child.pk]))

    response = client.post(url, {"password": "wrong", "code": code_for(device)})
    assert response.status_code == 200
    assert response.context["form"].errors == {"password": ["The password is not right"]}
    # A wrong password here counts towards the lockout, as on the sign-in page.
    assert AccessAttempt.objects.filter(username=manager.username).exists()

    wrong = str((int(code_for(device)) + 7) % 1_000_000).zfill(6)
    response = client.post(url, {"password": PASSWORD, "code": wrong})
    assert response.context["form"].errors == {
        "code": ["The code is not right: enter the code your app shows now"]
    }
    assert client.session[AUTHENTICATED_AT] < time.time() - 15 * 60


def test_a_next_address_elsewhere_is_not_followed(manager):
    device = authenticator_for(manager)
    client = signed_in(manager)
    response = client.post(
        _reauthenticate_url("https://elsewhere.example/"),
        {"password": PASSWORD, "code": code_for(device)},
    )
    assert response["Location"] == reverse("home")
