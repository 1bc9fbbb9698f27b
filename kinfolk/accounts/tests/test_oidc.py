"""Signing in with the council's account (OpenID Connect): against a real identity provider
that the test starts on this machine (tests/oidc_provider), and the mapping of its claims to
a member of staff."""

import re
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest
import requests
from django.urls import reverse
from django.utils import timezone

from kinfolk.access.reauth import SESSION_KEY as AUTHENTICATED_AT
from kinfolk.accounts.models import CouncilIdentity
from kinfolk.accounts.second_factor import IDENTITY_PROVIDER_SESSION_KEY
from kinfolk.accounts.services import CouncilSignInRefused, sign_in_council_account
from kinfolk.workforce.models import Team, User
from tests.oidc_provider import ACCOUNTS, ROLE_GROUPS, TEAM_GROUPS, running_provider

CALLBACK = "http://testserver/sign-in/council/callback/"


@pytest.fixture(scope="module")
def provider():
    with running_provider([CALLBACK]) as running:
        yield running


@pytest.fixture
def council(provider, settings):
    for name, value in provider.kinfolk_settings().items():
        setattr(settings, name, value)
    return provider


def _sign_in_at_provider(authorize_url: str, username: str, *, again: bool = False) -> str:
    """What a browser does at the provider: follow the authorisation request to its sign-in
    page, sign in there, and follow the redirects until they lead back to Kinfolk. Returns
    the address Kinfolk is sent back to."""
    browser = requests.Session()
    url = authorize_url
    for _hop in range(10):
        response = browser.get(url, allow_redirects=False, timeout=10)
        if response.status_code == 200 and 'name="password"' in response.text:
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', response.text)
            next_url = re.search(r'name="next" value="([^"]*)"', response.text)
            response = browser.post(
                url,
                data={
                    "csrfmiddlewaretoken": token.group(1),
                    "username": username,
                    "password": ACCOUNTS[username][0],
                    "next": next_url.group(1).replace("&amp;", "&"),
                },
                headers={"Referer": url},
                allow_redirects=False,
                timeout=10,
            )
        assert response.status_code == 302, (response.status_code, response.text[:500])
        url = urljoin(url, response.headers["Location"])
        if url.startswith("http://testserver/"):
            return url
    raise AssertionError("the provider did not send the browser back to Kinfolk")


def _council_sign_in(client, username: str, next_url: str = "/"):
    start = client.get(f"{reverse('oidc_authentication_init')}?next={next_url}")
    assert start.status_code == 302
    query = parse_qs(urlsplit(start["Location"]).query)
    assert query["code_challenge_method"] == ["S256"]
    assert query["redirect_uri"] == [CALLBACK]
    back = _sign_in_at_provider(start["Location"], username)
    return client.get(back.removeprefix("http://testserver"))


@pytest.mark.django_db
def test_the_sign_in_page_offers_the_council_account_only_when_configured(client, settings):
    assert "Sign in with your council account" not in client.get(reverse("login")).content.decode()
    assert client.get(reverse("oidc_authentication_init")).status_code == 404
    settings.KINFOLK_OIDC_ISSUER = "http://127.0.0.1:1/o"
    settings.OIDC_RP_CLIENT_ID = "x"
    settings.OIDC_RP_CLIENT_SECRET = "y"
    for name in ("AUTHORIZATION", "TOKEN", "USER", "JWKS"):
        setattr(settings, f"OIDC_OP_{name}_ENDPOINT", "http://127.0.0.1:1/o/x/")
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with your council account" in page
    assert 'href="/sign-in/council/"' in page


@pytest.mark.django_db(transaction=True)
def test_a_council_account_signs_in_with_the_role_and_team_of_its_groups(client, council, team):
    response = _council_sign_in(client, "pat_council", next_url="/team/")
    assert response.status_code == 302
    assert response["Location"] == "/team/"
    user = User.objects.get(username="pat_council")
    assert (user.display_name, user.email, user.role, user.team) == (
        "Pat Council",
        "pat.council@example.org",
        "social_worker",
        team,
    )
    assert not user.has_usable_password()
    assert CouncilIdentity.objects.get(user=user).issuer == council.issuer
    # The provider asked for its own second factor: Kinfolk asks for none, and the sign-in
    # counts as a recent one.
    assert client.session[IDENTITY_PROVIDER_SESSION_KEY] is True
    assert AUTHENTICATED_AT in client.session
    page = client.get(reverse("home"))
    assert page.status_code == 200
    assert "Pat Council, Social worker" in page.content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_council_account_in_no_mapped_group_is_refused_with_a_reason(client, council):
    response = _council_sign_in(client, "nia_nogroup")
    assert response["Location"] == reverse("login")
    assert not User.objects.filter(username="nia_nogroup").exists()
    assert "_auth_user_id" not in client.session
    page = client.get(reverse("login")).content.decode()
    assert "Your council account is not in a group that gives a role in Kinfolk" in page


@pytest.mark.django_db(transaction=True)
def test_reauthenticating_a_council_account_goes_back_to_the_provider(client, council):
    _council_sign_in(client, "pat_council")
    page = client.get(f"{reverse('reauthenticate')}?next=/team/")
    assert page.templates[0].name == "accounts/reauthenticate_council.html"
    assert 'action="/sign-in/council/"' in page.content.decode()
    start = client.get(f"{reverse('oidc_authentication_init')}?reauthenticate=1&next=/team/")
    assert parse_qs(urlsplit(start["Location"]).query)["prompt"] == ["login"]
    # The provider asks for the password again (prompt=login), then sends the person back.
    back = _sign_in_at_provider(start["Location"], "pat_council")
    response = client.get(back.removeprefix("http://testserver"))
    assert response["Location"] == "/team/"
    assert client.session["_auth_user_id"] == str(User.objects.get(username="pat_council").pk)


# The claims ----------------------------------------------------------------------------------


def _claims(**overrides):
    return {
        "sub": "subject-1",
        "preferred_username": "kit_council",
        "name": "Kit Council",
        "email": "kit@example.org",
        "groups": ["kinfolk-social-workers"],
        **overrides,
    }


def _sign_in(claims):
    return sign_in_council_account(
        issuer="https://idp.example.org",
        claims=claims,
        username_claim="preferred_username",
        groups_claim="groups",
        role_groups=ROLE_GROUPS,
        team_groups=TEAM_GROUPS,
    )


@pytest.mark.django_db
def test_the_member_of_staff_is_brought_up_to_date_on_each_sign_in():
    first = _sign_in(_claims())
    assert (first.role, first.team) == ("social_worker", None)
    again = _sign_in(
        _claims(
            preferred_username="kit_renamed",
            name="Kit Renamed",
            groups=["kinfolk-managers", "kinfolk-assessment-north"],
        )
    )
    assert again.pk == first.pk
    assert (again.username, again.display_name, again.role, again.team.name) == (
        "kit_renamed",
        "Kit Renamed",
        "team_manager",
        "Assessment North",
    )
    assert Team.objects.filter(name="Assessment North").count() == 1
    assert CouncilIdentity.objects.get().last_signed_in_at <= timezone.now()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("claims", "message"),
    [
        (_claims(groups=[]), "not in a group that gives a role"),
        (_claims(groups=["kinfolk-social-workers", "kinfolk-managers"]), "more than one role"),
        (_claims(preferred_username=""), "did not give Kinfolk your username"),
    ],
)
def test_a_council_account_kinfolk_cannot_place_is_refused(claims, message):
    with pytest.raises(CouncilSignInRefused, match=message):
        _sign_in(claims)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_a_council_account_does_not_take_over_a_kinfolk_account(social_worker):
    with pytest.raises(CouncilSignInRefused, match="already a Kinfolk account"):
        _sign_in(_claims(preferred_username=social_worker.username))
    social_worker.refresh_from_db()
    assert social_worker.role == "social_worker"
    assert not CouncilIdentity.objects.exists()


@pytest.mark.django_db
def test_a_switched_off_account_is_refused():
    user = _sign_in(_claims())
    User.objects.filter(pk=user.pk).update(is_active=False)
    with pytest.raises(CouncilSignInRefused, match="switched off"):
        _sign_in(_claims())
