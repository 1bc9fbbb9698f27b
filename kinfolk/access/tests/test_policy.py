"""The access policy: every URL, as every role, by GET and by POST, against the matrix."""

import datetime as dt

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from conftest import PASSWORD, signed_in
from kinfolk.access.policy import (
    MATRIX,
    Open,
    P,
    Permission,
    SignedIn,
    allows,
    matrix_markdown,
)
from kinfolk.access.roles import Role
from kinfolk.access.tests.walk import Route, routes
from kinfolk.workforce.services import allocate_child, create_worker

pytestmark = pytest.mark.django_db


def walked() -> list[Route]:
    """The routes the walk requests: all but the regular-expression routes (Django admin's),
    whose own test is in kinfolk/workforce."""
    return [route for route in routes() if not route.is_regex]


def test_every_url_declares_what_it_needs():
    undeclared = [route.route for route in routes() if route.requirement is None]
    assert undeclared == []


def test_every_permission_is_granted_to_someone_and_every_role_has_a_row():
    assert set(MATRIX) == set(Role)
    granted = {permission for grants in MATRIX.values() for permission in grants}
    assert granted == set(Permission)


def test_the_matrix_in_the_docs_is_the_policy():
    call_command("access", "matrix", "--markdown", "--check")
    assert "| Sign off or return work that waits for a manager | `sign-off` |" in matrix_markdown()


def test_the_check_fails_when_the_docs_differ(tmp_path):
    stale = tmp_path / "permissions.md"
    stale.write_text("# an old matrix\n", encoding="utf-8")
    with pytest.raises(CommandError, match="out of date"):
        call_command("access", "matrix", "--markdown", "--check", "--out", str(stale))


@pytest.fixture
def staff(team, social_worker, child) -> dict[Role, object]:
    """One member of staff of each role in the team that holds the child."""
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    people = {Role.SOCIAL_WORKER: social_worker}
    for role in Role:
        if role not in people:
            people[role] = create_worker(
                username=f"walk_{role.value}",
                display_name=f"Walk {role.label}",
                role=role,
                team=team,
                password=PASSWORD,
            )
    return people


def _path(route: Route, child, worker) -> str:
    if route.route.startswith("workers/"):
        return route.path(pk=worker.pk)
    if route.route.startswith(("fostering/", "returns/")):
        return route.path(pk=999_999)
    return route.path(pk=child.pk, contact_pk=999_999, screening_pk=999_999)


def _expected_open(route: Route, user) -> bool:
    requirement = route.requirement
    if isinstance(requirement, Open | SignedIn):
        return True
    return isinstance(requirement, Permission) and allows(user, requirement)


@pytest.mark.walk
@pytest.mark.parametrize("role", list(Role), ids=lambda role: role.value)
@pytest.mark.parametrize("method", ["get", "post"])
def test_every_url_as_every_role_matches_the_matrix(staff, child, role, method):
    """A page the matrix closes to a role is a 403, by GET and by POST (an empty form); a
    page it opens is not (it may be a 200, a form with errors, a redirect, or a 404 for a
    record that does not exist)."""
    user = staff[role]
    client = signed_in(user)
    wrong = []
    for route in walked():
        if route.name in ("logout",):
            continue
        path = _path(route, child, staff[Role.SOCIAL_WORKER])
        response = getattr(client, method)(path)
        refused = response.status_code == 403
        if refused == _expected_open(route, user):
            wrong.append(f"{method.upper()} {path} ({route.name}): {response.status_code}")
    assert wrong == []


def test_a_page_with_no_permission_is_refused_to_everyone(staff, rf):
    from django.views.generic import TemplateView

    from kinfolk.access.policy import PolicyMiddleware

    class Undeclared(TemplateView):
        template_name = "403.html"

    request = rf.get("/somewhere/")
    request.user = staff[Role.HEAD_OF_SERVICE]
    middleware = PolicyMiddleware(lambda request: None)
    with pytest.raises(Exception, match="not been given a permission"):
        middleware.process_view(request, Undeclared.as_view(), (), {})


def test_team_scope_reaches_only_the_team(staff, other_team):
    manager = staff[Role.TEAM_MANAGER]
    head = staff[Role.HEAD_OF_SERVICE]
    assert allows(manager, P.SIGN_OFF, team_id=manager.team_id)
    assert allows(manager, P.SIGN_OFF, team_id=None)
    assert not allows(manager, P.SIGN_OFF, team_id=other_team.pk)
    assert allows(head, P.SIGN_OFF, team_id=other_team.pk)


def test_an_inactive_or_roleless_user_holds_nothing(staff):
    worker = staff[Role.SOCIAL_WORKER]
    worker.is_active = False
    assert not allows(worker, P.VIEW_RECORD)
    worker.is_active, worker.role = True, "wizard"
    assert not allows(worker, P.VIEW_RECORD)


def test_anonymous_people_are_sent_to_sign_in_not_refused(child):
    response = Client().get(f"/children/{child.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("/sign-in/")
