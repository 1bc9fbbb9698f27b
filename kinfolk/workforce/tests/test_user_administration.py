"""The user administration pages: only an administrator opens them; each change is a service
call, recorded and shown on the worker's page (docs/user-administration.md)."""

import datetime as dt

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import PASSWORD, signed_in
from kinfolk.access.reauth import SESSION_KEY as AUTHENTICATED_AT
from kinfolk.workforce.accounts import add_team, deactivate_worker
from kinfolk.workforce.choices import AccountChangeAction, Role
from kinfolk.workforce.models import AccountChange, Team, User
from kinfolk.workforce.services import allocate_child, create_worker
from kinfolk.workforce.tests.factories import WorkerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def administrator(db) -> User:
    return create_worker(
        username="ada_admin",
        display_name="Ada Admin",
        role=Role.ADMIN,
        email="ada.admin@example.gov.uk",
        password=PASSWORD,
    )


@pytest.fixture
def admin_client(administrator) -> Client:
    return signed_in(administrator)


def _text(response) -> str:
    return response.content.decode()


# Who may open the pages ------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, args",
    [
        ("users", []),
        ("user-create", []),
        ("user-detail", ["worker"]),
        ("user-edit", ["worker"]),
        ("user-deactivate", ["worker"]),
        ("user-unlock", ["worker"]),
        ("user-sign-ins", ["worker"]),
        ("user-reset-second-factor", ["worker"]),
        ("teams", []),
        ("team-create", []),
        ("team-detail", ["team"]),
    ],
)
def test_only_an_administrator_opens_the_pages(
    name, args, administrator, manager, social_worker, team
):
    values = {"worker": social_worker.pk, "team": team.pk}
    url = reverse(name, args=[values[arg] for arg in args])
    anonymous = Client().get(url)
    assert anonymous.status_code == 302
    assert anonymous["Location"].startswith(reverse("login"))
    assert signed_in(manager).get(url).status_code == 403
    assert signed_in(administrator).get(url).status_code == 200


def test_a_team_manager_changes_nothing(manager, social_worker):
    client = signed_in(manager)
    response = client.post(reverse("user-deactivate", args=[social_worker.pk]), {"confirm": "yes"})
    assert response.status_code == 403
    social_worker.refresh_from_db()
    assert social_worker.is_active is True
    assert not AccountChange.objects.exists()


def test_changes_need_a_recent_sign_in(admin_client, social_worker):
    session = admin_client.session
    del session[AUTHENTICATED_AT]
    session.save()
    url = reverse("user-edit", args=[social_worker.pk])
    response = admin_client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reauthenticate"))
    # Looking is not changing.
    assert admin_client.get(reverse("user-detail", args=[social_worker.pk])).status_code == 200


def test_the_menu_shows_users_to_an_administrator_only(admin_client, manager):
    assert f'href="{reverse("users")}"' in _text(admin_client.get(reverse("teams")))
    assert f'href="{reverse("users")}"' not in _text(signed_in(manager).get(reverse("team")))


# The list --------------------------------------------------------------------------------------


def test_the_list_shows_each_account_with_its_status(
    admin_client, social_worker, manager, other_social_worker
):
    deactivate_worker(worker=other_social_worker, actor=None)
    page = _text(admin_client.get(reverse("users")))
    assert "Sam Social" in page and "Meg Manager" in page
    assert "Olu Other" not in page  # active accounts by default
    assert "3 accounts" in page  # and the administrator's own

    page = _text(admin_client.get(reverse("users"), {"status": "deactivated"}))
    assert "Olu Other" in page and "Sam Social" not in page
    assert "Remove this filter" in page


def test_the_list_filters_by_role_team_and_words(admin_client, social_worker, manager, team):
    by_role = _text(admin_client.get(reverse("users"), {"role": Role.TEAM_MANAGER}))
    assert "Meg Manager" in by_role and "Sam Social" not in by_role
    by_team = _text(admin_client.get(reverse("users"), {"team": "none"}))
    assert "Ada Admin" in by_team and "Sam Social" not in by_team
    by_words = _text(admin_client.get(reverse("users"), {"q": "sam_so"}))
    assert "Sam Social" in by_words and "Meg Manager" not in by_words


def test_the_list_shows_who_is_locked_out(admin_client, administrator, social_worker):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        Client().post(reverse("login"), {"username": "sam_social", "password": "wrong"})
    page = _text(admin_client.get(reverse("users"), {"status": "locked"}))
    assert reverse("user-detail", args=[social_worker.pk]) in page
    assert "Locked out</strong>" in page
    assert reverse("user-detail", args=[administrator.pk]) not in page


def test_the_list_takes_as_many_queries_for_many_accounts_as_for_few(admin_client, team):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(reverse("users")).status_code == 200
        return len(captured)

    WorkerFactory.create_batch(3, team=team)
    few = queries()
    WorkerFactory.create_batch(20, team=team)
    assert queries() == few


# Creating and changing -------------------------------------------------------------------------


def test_creating_an_account_emails_the_worker(
    admin_client, administrator, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("user-create"),
            {
                "username": "nia_new",
                "display_name": "Nia New",
                "email": "nia.new@example.gov.uk",
                "role": Role.SOCIAL_WORKER,
                "team": team.pk,
                "is_qualified": "on",
            },
        )
    worker = User.objects.get(username="nia_new")
    assert response.status_code == 302
    assert response["Location"] == reverse("user-detail", args=[worker.pk])
    assert (worker.team, worker.is_qualified, worker.is_agency) == (team, True, False)
    assert [email.to for email in mail.outbox] == [["nia.new@example.gov.uk"]]
    page = _text(admin_client.get(response["Location"]))
    assert "We have emailed them a link to set a password" in page
    assert "Account created" in page and "Ada Admin" in page
    assert "Not set yet" in page


def test_a_new_account_is_refused_next_to_the_field(admin_client, social_worker):
    response = admin_client.post(
        reverse("user-create"),
        {"username": "SAM_SOCIAL", "display_name": "", "email": "not-an-email", "role": ""},
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["username"] == ["There is already an account with this username"]
    assert errors["display_name"] == ["Enter their full name"]
    assert errors["email"] == ["Enter an email address like name@council.gov.uk"]
    assert errors["role"] == ["Choose their role"]
    assert User.objects.count() == 2


def test_changing_an_account_is_shown_on_the_worker_page(admin_client, social_worker, other_team):
    response = admin_client.post(
        reverse("user-edit", args=[social_worker.pk]),
        {
            "display_name": "Sam Social-Smith",
            "email": "sam@example.gov.uk",
            "role": Role.TEAM_MANAGER,
            "team": other_team.pk,
            "is_qualified": "on",
        },
    )
    assert response.status_code == 302
    social_worker.refresh_from_db()
    assert (social_worker.role, social_worker.team) == (Role.TEAM_MANAGER, other_team)
    page = _text(admin_client.get(response["Location"]))
    assert "Sam Social-Smith&#x27;s account is changed" in page
    assert "Social worker to Team manager" in page
    assert "Assessment North to Safeguarding West" in page


def test_an_administrator_cannot_change_their_own_role_on_the_page(admin_client, administrator):
    form = admin_client.get(reverse("user-edit", args=[administrator.pk])).context["form"]
    assert form.fields["role"].disabled and form.fields["team"].disabled
    admin_client.post(
        reverse("user-edit", args=[administrator.pk]),
        {"display_name": "Ada Admin", "email": administrator.email, "role": Role.HEAD_OF_SERVICE},
    )
    administrator.refresh_from_db()
    assert administrator.role == Role.ADMIN


# Deactivating, unlocking, the sign-in history --------------------------------------------------


def test_deactivating_signs_the_worker_out_on_their_next_request(admin_client, social_worker):
    worker = signed_in(social_worker)
    assert worker.get(reverse("team")).status_code == 200
    url = reverse("user-deactivate", args=[social_worker.pk])
    assert "will no longer be able to sign in" in _text(admin_client.get(url))
    # A request without the button's confirmation changes nothing.
    assert admin_client.post(url).status_code == 200
    assert User.objects.get(pk=social_worker.pk).is_active

    response = admin_client.post(url, {"confirm": "yes"}, follow=True)
    assert "Sam Social&#x27;s account is deactivated" in _text(response)
    next_request = worker.get(reverse("team"))
    assert next_request.status_code == 302
    assert next_request["Location"].startswith(reverse("login"))


def test_deactivating_a_worker_with_cases_is_refused_with_how_many(
    admin_client, social_worker, child
):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    url = reverse("user-deactivate", args=[social_worker.pk])
    assert "Ask their manager to reallocate them first" in _text(admin_client.get(url))
    response = admin_client.post(url, {"confirm": "yes"})
    assert response.status_code == 200
    assert "There is a problem" in _text(response)
    assert "Sam Social still holds 1 child&#x27;s case" in _text(response)
    assert User.objects.get(pk=social_worker.pk).is_active


def test_unlocking_from_the_worker_page(admin_client, social_worker):
    for _attempt in range(settings.AXES_FAILURE_LIMIT):
        Client().post(reverse("login"), {"username": "sam_social", "password": "wrong"})
    detail = _text(admin_client.get(reverse("user-detail", args=[social_worker.pk])))
    assert "This account is locked after 5 failed sign-ins" in detail
    response = admin_client.post(
        reverse("user-unlock", args=[social_worker.pk]), {"confirm": "yes"}, follow=True
    )
    page = _text(response)
    assert "Sam Social&#x27;s account is unlocked" in page
    assert "This account is locked" not in page
    assert "Account unlocked" in page


def test_the_sign_in_history_page(admin_client, social_worker):
    Client().post(reverse("login"), {"username": "sam_social", "password": "wrong"})
    Client().post(reverse("login"), {"username": "sam_social", "password": PASSWORD})
    page = _text(admin_client.get(reverse("user-sign-ins", args=[social_worker.pk])))
    assert page.count("Signed in</strong>") == 1
    assert page.count(">Failed</strong>") == 1
    assert "127.0.0.1" in page


def test_reactivating_from_the_worker_page(admin_client, social_worker):
    deactivate_worker(worker=social_worker, actor=None)
    admin_client.post(reverse("user-reactivate", args=[social_worker.pk]), {"confirm": "yes"})
    assert User.objects.get(pk=social_worker.pk).is_active
    assert AccountChange.objects.filter(action=AccountChangeAction.REACTIVATED).count() == 1


# Teams -----------------------------------------------------------------------------------------


def test_creating_and_renaming_a_team(admin_client):
    response = admin_client.post(reverse("team-create"), {"name": "Children in care"})
    team = Team.objects.get(name="Children in care")
    assert response["Location"] == reverse("team-detail", args=[team.pk])
    admin_client.post(reverse("team-rename", args=[team.pk]), {"name": "Children looked after"})
    page = _text(admin_client.get(reverse("team-detail", args=[team.pk])))
    assert "Children looked after" in page
    assert "Children in care to Children looked after" in page


def test_a_team_with_members_is_not_deleted(admin_client, team, social_worker):
    response = admin_client.post(reverse("team-delete", args=[team.pk]), {"confirm": "yes"})
    assert response.status_code == 200
    assert "has 1 member: move them to another team first" in _text(response)
    assert Team.objects.filter(pk=team.pk).exists()


def test_an_empty_team_is_deleted(admin_client, administrator):
    team = add_team(name="Made by mistake", actor=administrator)
    response = admin_client.post(reverse("team-delete", args=[team.pk]), {"confirm": "yes"})
    assert response["Location"] == reverse("teams")
    assert not Team.objects.filter(pk=team.pk).exists()
