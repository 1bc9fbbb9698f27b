"""Fixtures shared by every test: staff of each role, and children recorded through the
services. All data is synthetic."""

import datetime as dt

import pytest
from django.http import HttpRequest
from django.test import Client
from django.utils import timezone
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinfolk.access.reauth import mark_authenticated
from kinfolk.people.models import Child
from kinfolk.people.services import create_child
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Team, User
from kinfolk.workforce.services import create_team, create_worker

PASSWORD = "correct-horse-battery-staple"  # noqa: S105 - test accounts only


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Start the slowest tests, those loading a whole demo authority, first: spread over the
    workers of ``pytest -n 2`` (``make test``), they then run beside the rest instead of
    keeping one worker busy after the other has finished."""
    items.sort(key=lambda item: item.get_closest_marker("demo") is None)


@pytest.fixture(scope="session", autouse=True)
def _transactional_tests_may_empty_the_access_log():
    """PostgreSQL refuses to TRUNCATE the access log (kinfolk/access/migrations/0007), and
    Django empties every table with TRUNCATE after a transactional test. Only for that
    statement the test database's superuser sets ``session_replication_role`` to ``replica``,
    under which the log's triggers do not fire; SQLite's tables are emptied with DELETE,
    which its triggers allow."""
    from django.db.backends.postgresql.operations import DatabaseOperations

    original = DatabaseOperations.execute_sql_flush

    def execute_sql_flush(self, sql_list):
        with self.connection.cursor() as cursor:
            cursor.execute("SET session_replication_role = replica")
        try:
            original(self, sql_list)
        finally:
            with self.connection.cursor() as cursor:
                cursor.execute("SET session_replication_role = DEFAULT")

    DatabaseOperations.execute_sql_flush = execute_sql_flush
    yield
    DatabaseOperations.execute_sql_flush = original


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Argon2 is deliberately slow; tests that are not about hashing use a fast hasher."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def today() -> dt.date:
    """Today's date, taken when the test starts, so that a run crossing midnight does not
    compare a date taken at import with one a service takes later."""
    return timezone.localdate()


@pytest.fixture
def tomorrow(today) -> dt.date:
    """The day after ``today``."""
    return today + dt.timedelta(days=1)


@pytest.fixture
def team(db) -> Team:
    return create_team(name="Assessment North")


@pytest.fixture
def other_team(db) -> Team:
    return create_team(name="Safeguarding West")


def _worker(username: str, role: Role, team: Team | None) -> User:
    return create_worker(
        username=username,
        display_name=username.replace("_", " ").title(),
        role=role,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )


@pytest.fixture
def social_worker(team) -> User:
    return _worker("sam_social", Role.SOCIAL_WORKER, team)


@pytest.fixture
def other_social_worker(other_team) -> User:
    return _worker("olu_other", Role.SOCIAL_WORKER, other_team)


@pytest.fixture
def manager(team) -> User:
    return _worker("meg_manager", Role.TEAM_MANAGER, team)


@pytest.fixture
def analyst(db) -> User:
    return _worker("ann_analyst", Role.ANALYST, None)


@pytest.fixture
def cp_chair(db) -> User:
    return _worker("cal_chair", Role.CP_CHAIR, None)


@pytest.fixture
def reviewing_officer(db) -> User:
    return _worker("ira_reviewing", Role.IRO, None)


@pytest.fixture
def head_of_service(db) -> User:
    return _worker("hal_head", Role.HEAD_OF_SERVICE, None)


def worker_of_role(role: Role, team: Team | None = None, *, username: str = "") -> User:
    """A member of staff of the role, named for it (for tests that walk the roles)."""
    return _worker(username or f"{role.value}_worker", role, team)


def signed_in(user: User) -> Client:
    """A test client fully signed in as the user: password and second factor given (an
    authenticator app is set up for them if they have none), and just now, so that pages
    that need a recent sign-in open too (docs/sign-in.md)."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    request = HttpRequest()
    request.session = session
    mark_authenticated(request)
    session.save()
    return client


@pytest.fixture
def worker_client(social_worker) -> Client:
    return signed_in(social_worker)


@pytest.fixture
def manager_client(manager) -> Client:
    return signed_in(manager)


def make_child(**overrides) -> Child:
    """A child recorded through the service, with sensible synthetic defaults."""
    values = {
        "la_child_id": "C1",
        "first_name": "Lily",
        "last_name": "Smith",
        "sex": "F",
        "ethnicity": "WBRI",
        "date_of_birth": dt.date(2015, 4, 3),
        "is_not_duplicate": True,
    }
    values.update(overrides)
    return create_child(**values)


@pytest.fixture
def child(db) -> Child:
    return make_child(nhs_number="9434765919", postcode="WN1 1AA", disabilities=["NONE"])


def assessed(child: Child, on: dt.date) -> None:
    """An assessment of the child's open episode, started and authorised on ``on`` as history
    loaded from another system records it (no content): what a child in need plan follows."""
    from kinfolk.casework.services import authorise_assessment, start_assessment

    assessment = start_assessment(child=child, started_on=on)
    authorise_assessment(assessment=assessment, authorised_on=on, factors=["21"], is_imported=True)
