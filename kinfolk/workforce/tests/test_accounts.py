"""Administering staff accounts and teams: the services of kinfolk.workforce.accounts. Each
change is recorded; refusals change nothing (docs/user-administration.md)."""

import datetime as dt
import re

import pytest
from django.conf import settings
from django.core import mail
from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.test import Client
from django.urls import reverse
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, signed_in
from kinfolk.leaving.models import PersonalAdviserAllocation
from kinfolk.workforce.accounts import (
    add_team,
    change_worker,
    deactivate_worker,
    delete_team,
    reactivate_worker,
    register_worker,
    rename_team,
    reset_second_factor,
    send_set_password_email,
    unlock_worker,
)
from kinfolk.workforce.choices import AccountChangeAction, Role
from kinfolk.workforce.lockouts import locked_out_usernames, sign_in_history
from kinfolk.workforce.models import AccountChange, SignedInSession, Team, User
from kinfolk.workforce.services import allocate_child, create_worker

pytestmark = pytest.mark.django_db

SITE = "https://kinfolk.example.gov.uk/"


@pytest.fixture
def administrator(db) -> User:
    return create_worker(
        username="ada_admin",
        display_name="Ada Admin",
        role=Role.ADMIN,
        email="ada.admin@example.gov.uk",
        password=PASSWORD,
    )


def _register(administrator, **overrides) -> User:
    values = {
        "actor": administrator,
        "username": "nia_new",
        "display_name": "Nia New",
        "email": "nia.new@example.gov.uk",
        "role": Role.SOCIAL_WORKER,
        "site_url": SITE,
    }
    values.update(overrides)
    return register_worker(**values)


def _details(worker: User, **overrides) -> dict:
    values = {
        "display_name": worker.display_name,
        "email": worker.email,
        "role": worker.role,
        "team": worker.team,
        "is_agency": worker.is_agency,
        "is_qualified": worker.is_qualified,
    }
    values.update(overrides)
    return values


# Creating an account ---------------------------------------------------------------------------


def test_a_new_account_has_no_password_and_its_worker_is_emailed_a_link_to_set_one(
    administrator, team, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        worker = _register(administrator, team=team, is_qualified=True)

    assert worker.is_active and not worker.has_usable_password()
    assert (worker.role, worker.team, worker.is_qualified) == (Role.SOCIAL_WORKER, team, True)
    change = AccountChange.objects.get(worker=worker)
    assert (change.action, change.actor, change.subject) == (
        AccountChangeAction.CREATED,
        administrator,
        "Nia New",
    )
    assert {"field": "Role", "after": "Social worker"} in change.changes
    assert {"field": "Team", "after": "Assessment North"} in change.changes

    [email] = mail.outbox
    assert email.to == ["nia.new@example.gov.uk"]
    assert email.subject == "Your Kinfolk account"
    assert "Your username is: nia_new" in email.body
    assert "within 1 hour:" in email.body  # PASSWORD_RESET_TIMEOUT
    link = re.search(r"https://kinfolk\.example\.gov\.uk(/password-reset/\S+/)", email.body)
    assert link is not None

    # The link is Django's own password reset: it lets the worker choose a password once.
    client = Client()
    form_page = client.get(link.group(1), follow=True)
    assert form_page.status_code == 200
    new_password = "a-long-new-password-for-nia"
    client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": new_password, "new_password2": new_password},
    )
    worker.refresh_from_db()
    assert worker.check_password(new_password)
    assert Client().get(link.group(1), follow=True).context["validlink"] is False


def test_a_new_account_needs_an_email_address_and_one_nobody_else_has(administrator):
    with pytest.raises(ValidationError) as missing:
        _register(administrator, email=" ")
    assert "email" in missing.value.message_dict
    _register(administrator)
    with pytest.raises(ValidationError) as taken:
        _register(administrator, username="nia_two", email="NIA.NEW@example.gov.uk")
    assert taken.value.message_dict["email"] == ["Another account already has this email address"]
    assert User.objects.filter(username="nia_two").exists() is False


def test_a_new_link_can_be_sent_and_is_recorded(administrator, django_capture_on_commit_callbacks):
    worker = _register(administrator)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        send_set_password_email(worker=worker, actor=administrator, site_url=SITE)
    assert [email.subject for email in mail.outbox] == ["Set your Kinfolk password"]
    assert AccountChange.objects.filter(
        worker=worker, action=AccountChangeAction.SET_PASSWORD_SENT
    ).exists()


# Changing an account ---------------------------------------------------------------------------


def test_a_change_records_each_value_before_and_after(administrator, social_worker, other_team):
    change_worker(
        worker=social_worker,
        actor=administrator,
        **_details(social_worker, role=Role.TEAM_MANAGER, team=other_team, is_agency=True),
    )
    social_worker.refresh_from_db()
    assert (social_worker.role, social_worker.team, social_worker.is_agency) == (
        Role.TEAM_MANAGER,
        other_team,
        True,
    )
    change = AccountChange.objects.get(worker=social_worker)
    assert change.action == AccountChangeAction.CHANGED
    assert change.actor == administrator
    assert change.changes == [
        {"field": "Role", "before": "Social worker", "after": "Team manager"},
        {"field": "Team", "before": "Assessment North", "after": "Safeguarding West"},
        {"field": "Agency worker", "before": "No", "after": "Yes"},
    ]


def test_saving_nothing_new_records_nothing(administrator, social_worker):
    change_worker(worker=social_worker, actor=administrator, **_details(social_worker))
    assert not AccountChange.objects.exists()


def test_nobody_changes_their_own_role_or_team(administrator, team):
    for field, value in (("role", Role.HEAD_OF_SERVICE), ("team", team)):
        with pytest.raises(ValidationError) as refused:
            change_worker(
                worker=administrator,
                actor=administrator,
                **_details(administrator, **{field: value}),
            )
        assert "ask another administrator" in refused.value.message_dict[field][0]
    administrator.refresh_from_db()
    assert (administrator.role, administrator.team) == (Role.ADMIN, None)
    # Their own name and email address they may correct.
    change_worker(
        worker=administrator, actor=administrator, **_details(administrator, display_name="Ada A")
    )
    administrator.refresh_from_db()
    assert administrator.display_name == "Ada A"


def test_a_worker_holding_cases_keeps_a_role_that_holds_cases(administrator, social_worker, child):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    with pytest.raises(ValidationError) as refused:
        change_worker(
            worker=social_worker, actor=administrator, **_details(social_worker, role=Role.ANALYST)
        )
    assert refused.value.message_dict["role"] == [
        "Sam Social still holds 1 child's case. "
        "Reallocate them before giving a role that holds no cases."
    ]
    social_worker.refresh_from_db()
    assert social_worker.role == Role.SOCIAL_WORKER


# Deactivating ----------------------------------------------------------------------------------


def test_deactivating_signs_the_worker_out_of_every_session(administrator, social_worker):
    first, second = signed_in(social_worker), signed_in(social_worker)
    assert first.get(reverse("team")).status_code == 200
    assert SignedInSession.objects.filter(user=social_worker).count() == 2

    assert deactivate_worker(worker=social_worker, actor=administrator) == 2

    for client in (first, second):
        response = client.get(reverse("team"))
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    social_worker.refresh_from_db()
    assert social_worker.is_active is False
    assert not SignedInSession.objects.filter(user=social_worker).exists()
    change = AccountChange.objects.get(worker=social_worker)
    assert change.action == AccountChangeAction.DEACTIVATED
    assert {"field": "Sessions ended", "after": "2"} in change.changes
    # Nor can they sign in again.
    response = Client().post(reverse("login"), {"username": "sam_social", "password": PASSWORD})
    assert "_auth_user_id" not in response.client.session


def test_signing_out_forgets_the_session(social_worker):
    client = signed_in(social_worker)
    assert SignedInSession.objects.filter(user=social_worker).count() == 1
    client.post(reverse("logout"))
    assert not SignedInSession.objects.filter(user=social_worker).exists()


def test_a_worker_holding_cases_is_not_deactivated(administrator, social_worker, child):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    PersonalAdviserAllocation.objects.create(
        child=child, adviser=social_worker, start_on=dt.date(2025, 2, 3)
    )
    client = signed_in(social_worker)
    with pytest.raises(ValidationError) as refused:
        deactivate_worker(worker=social_worker, actor=administrator)
    assert refused.value.messages == [
        "Sam Social still holds 1 child's case and 1 care leaver as their personal adviser. "
        "Reallocate them before deactivating their account."
    ]
    social_worker.refresh_from_db()
    assert social_worker.is_active is True
    assert not AccountChange.objects.exists()
    assert client.get(reverse("team")).status_code == 200


def test_nobody_deactivates_their_own_account(administrator):
    with pytest.raises(ValidationError, match="your own account"):
        deactivate_worker(worker=administrator, actor=administrator)
    administrator.refresh_from_db()
    assert administrator.is_active is True


def test_a_deactivated_account_is_reactivated_with_its_password(administrator, social_worker):
    deactivate_worker(worker=social_worker, actor=administrator)
    reactivate_worker(worker=social_worker, actor=administrator)
    social_worker.refresh_from_db()
    assert social_worker.is_active and social_worker.check_password(PASSWORD)
    assert list(
        AccountChange.objects.filter(worker=social_worker).values_list("action", flat=True)
    ) == [AccountChangeAction.REACTIVATED, AccountChangeAction.DEACTIVATED]
    with pytest.raises(ValidationError, match="already active"):
        reactivate_worker(worker=social_worker, actor=administrator)


# Lockouts and sign-in history -----------------------------------------------------------------


def _fail_to_sign_in(username: str, times: int, address: str = "192.0.2.10") -> None:
    client = Client()
    for _attempt in range(times):
        client.post(
            reverse("login"), {"username": username, "password": "wrong"}, REMOTE_ADDR=address
        )


def test_unlocking_lets_the_worker_sign_in_at_once(administrator, social_worker):
    _fail_to_sign_in("sam_social", settings.AXES_FAILURE_LIMIT)
    assert locked_out_usernames() == {"sam_social"}
    assert unlock_worker(worker=social_worker, actor=administrator) == settings.AXES_FAILURE_LIMIT
    assert locked_out_usernames() == set()
    response = Client().post(
        reverse("login"),
        {"username": "sam_social", "password": PASSWORD},
        REMOTE_ADDR="192.0.2.10",
    )
    assert response.status_code == 302
    change = AccountChange.objects.get(worker=social_worker)
    assert change.action == AccountChangeAction.UNLOCKED
    assert change.changes == [
        {"field": "Failed sign-ins cleared", "after": str(settings.AXES_FAILURE_LIMIT)}
    ]


def test_an_account_without_failed_sign_ins_has_nothing_to_unlock(administrator, social_worker):
    with pytest.raises(ValidationError, match="not locked"):
        unlock_worker(worker=social_worker, actor=administrator)
    assert not AccountChange.objects.exists()


def test_fewer_failures_than_the_limit_do_not_lock(social_worker):
    _fail_to_sign_in("sam_social", settings.AXES_FAILURE_LIMIT - 1)
    _fail_to_sign_in("sam_social", 1, address="198.51.100.20")
    # The limit counts failures from one address (AXES_LOCKOUT_PARAMETERS).
    assert locked_out_usernames() == set()


def test_the_sign_in_history_lists_successes_and_failures_newest_first(social_worker):
    _fail_to_sign_in("sam_social", 2)
    Client().post(
        reverse("login"), {"username": "sam_social", "password": PASSWORD}, REMOTE_ADDR="192.0.2.7"
    )
    _fail_to_sign_in("someone_else", 1)
    history = list(sign_in_history("sam_social"))
    assert [(row["succeeded"], row["ip_address"]) for row in history] == [
        (True, "192.0.2.7"),
        (False, "192.0.2.10"),
        (False, "192.0.2.10"),
    ]


# The second factor ----------------------------------------------------------------------------


def test_resetting_the_authenticator_removes_it_and_signs_the_worker_out(
    administrator, social_worker
):
    client = signed_in(social_worker)  # with an authenticator app
    StaticDevice.objects.create(user=social_worker, name="Recovery codes", confirmed=True)
    assert reset_second_factor(worker=social_worker, actor=administrator) == 2
    assert not TOTPDevice.objects.filter(user=social_worker).exists()
    assert not StaticDevice.objects.filter(user=social_worker).exists()
    response = client.get(reverse("team"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
    change = AccountChange.objects.get(worker=social_worker)
    assert change.action == AccountChangeAction.SECOND_FACTOR_RESET
    assert change.changes == [
        {"field": "Removed", "after": "Recovery codes, Test authenticator"},
        {"field": "Sessions ended", "after": "1"},
    ]
    with pytest.raises(ValidationError, match="no authenticator app"):
        reset_second_factor(worker=social_worker, actor=administrator)


# Teams -----------------------------------------------------------------------------------------


def test_teams_are_added_renamed_and_recorded(administrator):
    team = add_team(name=" Children in care ", actor=administrator)
    assert team.name == "Children in care"
    with pytest.raises(ValidationError) as taken:
        add_team(name="children IN care", actor=administrator)
    assert taken.value.message_dict["name"] == ["There is already a team called children IN care"]
    rename_team(team=team, name="Children looked after", actor=administrator)
    assert list(AccountChange.objects.about_team(team.pk).values_list("action", "changes")) == [
        (
            AccountChangeAction.TEAM_RENAMED,
            [{"field": "Name", "before": "Children in care", "after": "Children looked after"}],
        ),
        (AccountChangeAction.TEAM_CREATED, [{"field": "Name", "after": "Children in care"}]),
    ]


def test_a_team_with_members_or_history_is_not_deleted(administrator, team, social_worker, child):
    with pytest.raises(ValidationError, match="has 1 member"):
        delete_team(team=team, actor=administrator)
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    change_worker(worker=social_worker, actor=administrator, **_details(social_worker, team=None))
    with pytest.raises(ValidationError, match="history names it"):
        delete_team(team=team, actor=administrator)
    assert Team.objects.filter(pk=team.pk).exists()


def test_an_empty_team_is_deleted_and_its_record_stays(administrator):
    team = add_team(name="Made by mistake", actor=administrator)
    delete_team(team=team, actor=administrator)
    assert not Team.objects.filter(name="Made by mistake").exists()
    deleted = AccountChange.objects.about_team(team.pk).first()
    assert (deleted.action, deleted.subject) == (
        AccountChangeAction.TEAM_DELETED,
        "Made by mistake",
    )


def test_the_record_of_changes_cannot_be_rewritten(administrator):
    add_team(name="Front door", actor=administrator)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccountChange.objects.update(subject="Something else")
