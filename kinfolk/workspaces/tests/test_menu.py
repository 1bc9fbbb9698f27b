"""The menu: each role sees the pages it may reach and works from, and nothing else."""

import pytest
from django.test import override_settings
from django.urls import path, reverse

from conftest import signed_in
from kinfolk.access.policy import P, SignedIn
from kinfolk.workforce.choices import Role
from kinfolk.workspaces.menu import MenuItem, menu_for
from kinfolk.workspaces.tests.scenario import staff

pytestmark = pytest.mark.django_db

#: What each role sees in the menu, in order (members of a team; the head of service is not).
EXPECTED = {
    Role.SOCIAL_WORKER: [
        "Home",
        "My caseload",
        "My work",
        "Front door",
        "Find a child",
        "Care leavers",
        "Adoption",
        "Fostering",
        "Registers",
        "Private fostering",
        "Team",
    ],
    Role.TEAM_MANAGER: [
        "Home",
        "My caseload",
        "My work",
        "Front door",
        "Find a child",
        "Care leavers",
        "Adoption",
        "Fostering",
        "Registers",
        "Private fostering",
        "Team",
        "Team's work",
        "Audits",
        "Participation",
    ],
    Role.HEAD_OF_SERVICE: [
        "Home",
        "My caseload",
        "My work",
        "Front door",
        "Find a child",
        "Care leavers",
        "Adoption",
        "Fostering",
        "Registers",
        "Private fostering",
        "Returns",
        "Break-the-glass",
        "Audits",
        "Complaints",
        "Participation",
    ],
    Role.IRO: ["Home", "Find a child", "Participation"],
    Role.CP_CHAIR: ["Home", "Find a child"],
    Role.PERSONAL_ADVISER: ["Home", "My work", "Find a child", "Care leavers", "Team"],
    Role.FRONTDOOR: ["Home", "Front door", "Find a child", "Team"],
    Role.ADOPTION: ["Home", "My caseload", "My work", "Find a child", "Adoption", "Fostering"],
    Role.LADO: ["Home", "Find a child", "Allegations"],
    Role.ANALYST: ["Home", "Find a child", "Returns"],
    Role.INFORMATION_GOVERNANCE: ["Home", "Find a child", "Break-the-glass", "Subject access"],
    Role.ADMIN: ["Home", "Find a child", "Users", "Teams"],
    Role.COMPLAINTS_MANAGER: ["Home", "My work", "Find a child", "Complaints"],
}
IN_A_TEAM = {Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.PERSONAL_ADVISER, Role.FRONTDOOR}


@pytest.fixture
def people(team):
    return {
        role: staff(f"menu_{role.value}", role, team if role in IN_A_TEAM else None)
        for role in Role
    }


@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
def test_each_role_sees_its_own_menu_and_every_item_opens(people, role):
    client = signed_in(people[role])
    page = client.get(reverse("home"))
    menu = list(page.context["menu"])
    assert [str(item["label"]) for item in menu] == EXPECTED[role]
    assert [item["is_current"] for item in menu] == [True] + [False] * (len(menu) - 1)
    html = page.content.decode()
    for item in menu:
        assert f'href="{item["url"]}"' in html
        assert client.get(item["url"]).status_code == 200, item["url"]


def test_the_current_page_is_marked(people):
    client = signed_in(people[Role.SOCIAL_WORKER])
    page = client.get(reverse("children:search"))
    current = [str(item["label"]) for item in page.context["menu"] if item["is_current"]]
    assert current == ["Find a child"]
    assert 'aria-current="page">Find a child</a>' in page.content.decode()


def test_an_item_whose_page_is_not_built_is_left_out_until_it_is(people):
    admin = people[Role.ADMIN]
    items = (MenuItem("home", "Home"), MenuItem("not-built-yet", "Later"))
    assert [item["label"] for item in menu_for(admin, "/", items)] == ["Home"]
    with override_settings(ROOT_URLCONF=__name__):
        assert [item["label"] for item in menu_for(admin, "/", items)] == ["Home", "Later"]
        assert menu_for(people[Role.SOCIAL_WORKER], "/", items) == [
            {"url": "/", "label": "Home", "is_current": True}
        ]


def test_nobody_signed_out_has_a_menu(client):
    assert menu_for(None, "/") == []
    assert 'id="navigation"' not in client.get(reverse("login")).content.decode()


def _later_page(request):  # pragma: no cover - reversed and resolved, never requested
    raise AssertionError


_later_page.permission = P.MANAGE_USERS  # type: ignore[attr-defined]


def _home_page(request):  # pragma: no cover
    raise AssertionError


_home_page.permission = SignedIn("a test's landing page")  # type: ignore[attr-defined]

urlpatterns = [
    path("", _home_page, name="home"),
    path("later/", _later_page, name="not-built-yet"),
]
