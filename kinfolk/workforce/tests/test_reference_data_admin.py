"""The Django admin for reference data: behind the access policy, every one of its addresses
declaring what it needs, holding reference data only, changing it through services."""

import pytest
from django.contrib import admin
from django.contrib.admin.models import LogEntry
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import PASSWORD, signed_in
from kinfolk.access.policy import P, SignedIn, requirement_of
from kinfolk.core.models import Authority, Postcode
from kinfolk.core.services import set_up_authority
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Team, User
from kinfolk.workforce.services import create_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db) -> User:
    return create_worker(
        username="ada_admin", display_name="Ada Admin", role=Role.ADMIN, password=PASSWORD
    )


@pytest.fixture
def authority(db) -> Authority:
    return set_up_authority(
        name="Exampleshire", la_number="999", la_code="E10000099", postcode_prefixes=["ex"]
    )


def _admin_routes() -> list[tuple[str, object]]:
    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
            elif isinstance(pattern, URLPattern):
                yield prefix + str(pattern.pattern), pattern.callback

    [mounted] = [
        p
        for p in get_resolver().url_patterns
        if isinstance(p, URLResolver) and p.app_name == "admin"
    ]
    return list(walk(mounted.url_patterns, "admin/"))


def test_every_address_of_the_admin_declares_what_it_needs():
    routes = _admin_routes()
    assert len(routes) > 10
    declared = {route: requirement_of(view) for route, view in routes}
    assert declared.pop("admin/login/") == SignedIn("sends on to the page asked for")
    assert set(declared.values()) == {P.MANAGE_USERS}


def test_nothing_is_added_or_deleted_and_kinfolk_signs_people_in_and_out():
    routes = [route for route, _view in _admin_routes()]
    assert not [r for r in routes if r.endswith(("/add/", "/delete/"))]
    assert not [r for r in routes if r.startswith(("admin/logout", "admin/password_change"))]


def test_only_reference_data_is_registered():
    assert set(admin.site._registry) == {Authority, Postcode, Team}


@pytest.mark.parametrize(
    "url",
    [
        "/admin/",
        "/admin/core/",
        "/admin/core/authority/",
        "/admin/core/postcode/",
        "/admin/workforce/team/",
        "/admin/workforce/team/?q=North",
    ],
)
def test_the_administrator_opens_the_admin_and_a_team_manager_is_refused(
    url, administrator, manager, team, authority
):
    assert signed_in(administrator).get(url).status_code == 200
    assert signed_in(manager).get(url).status_code == 403
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(f"{reverse('login')}?next=")


def test_an_address_the_admin_does_not_have_is_a_404_to_the_administrator_only(
    administrator, manager
):
    assert signed_in(administrator).get("/admin/no/such/page/").status_code == 404
    assert signed_in(manager).get("/admin/no/such/page/").status_code == 403


def test_the_admin_sign_in_sends_people_on(administrator):
    client = signed_in(administrator)
    response = client.get(reverse("admin:login"), {"next": "/admin/core/"})
    assert response["Location"] == "/admin/core/"
    response = client.get(reverse("admin:login"), {"next": "https://elsewhere.example/"})
    assert response["Location"] == reverse("admin:index")


def test_a_team_is_shown_read_only(administrator, team):
    client = signed_in(administrator)
    url = reverse("admin:workforce_team_change", args=[team.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert 'name="name"' not in page.content.decode()
    assert client.post(url, {"name": "Renamed"}).status_code == 405
    team.refresh_from_db()
    assert team.name == "Assessment North"


def test_the_authority_is_corrected_through_its_service_and_logged(administrator, authority):
    client = signed_in(administrator)
    response = client.post(
        reverse("admin:core_authority_change", args=[authority.pk]),
        {
            "name": "Exampleshire County Council",
            "la_number": "999",
            "la_code": "E10000099",
            "postcode_prefixes": '["ex", "ta"]',
        },
    )
    assert response.status_code == 302
    authority.refresh_from_db()
    assert authority.name == "Exampleshire County Council"
    # set_up_authority keeps postcode areas in capitals.
    assert authority.postcode_prefixes == ["EX", "TA"]
    entry = LogEntry.objects.get()
    assert (entry.user, entry.object_repr) == (administrator, "Exampleshire County Council")
