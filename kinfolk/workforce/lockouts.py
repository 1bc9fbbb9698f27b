"""Sign-in lockouts and sign-in history, as django-axes records them.

Axes counts failed sign-ins by what ``AXES_LOCKOUT_PARAMETERS`` names (the username, or the
username from one address): after ``AXES_FAILURE_LIMIT`` failures within ``AXES_COOLOFF_TIME``
the username (from that address) is locked out until the cool-off has passed, or until an
administrator unlocks it (``unlock_worker``, which clears its failures from every address). Each
successful sign-in is an ``AccessLog`` row (with the time the person signed out), each failure
an ``AccessFailureLog`` row (``AXES_ENABLE_ACCESS_FAILURE_LOG``); together they are a worker's
sign-in history.
"""

from collections.abc import Iterable

from axes.helpers import get_cool_off
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.db import models
from django.utils import timezone

#: The columns of a sign-in history row.
HISTORY_COLUMNS = (
    "attempt_time",
    "ip_address",
    "user_agent",
    "succeeded",
    "locked",
    "signed_out_at",
)


def _failure_limit() -> int:
    limit = settings.AXES_FAILURE_LIMIT
    return limit if isinstance(limit, int) else int(str(limit))


def current_attempts() -> models.QuerySet:
    """Failed sign-ins that still count towards a lockout: those within the cool-off."""
    attempts = AccessAttempt.objects.all()
    cool_off = get_cool_off()
    if cool_off is not None:
        attempts = attempts.filter(attempt_time__gte=timezone.now() - cool_off)
    return attempts


def _username_groupings() -> list[list[str]]:
    """The lockout parameters that involve the username, each as the fields of an attempt
    that axes counts failures by (``["username"]``, ``["username", "ip_address"]``)."""
    groupings = []
    for parameter in settings.AXES_LOCKOUT_PARAMETERS or []:
        fields = [parameter] if isinstance(parameter, str) else list(parameter)
        if "username" in fields:
            groupings.append(fields)
    return groupings


def locked_out_usernames(usernames: Iterable[str] | None = None) -> set[str]:
    """The usernames locked out now, from any address (of ``usernames``, or of everyone): a
    query for each lockout parameter that involves the username."""
    attempts = current_attempts()
    if usernames is not None:
        attempts = attempts.filter(username__in=list(usernames))
    locked: set[str] = set()
    for fields in _username_groupings():
        locked.update(
            attempts.order_by()
            .values(*fields)
            .annotate(failures=models.Sum("failures_since_start"))
            .filter(failures__gte=_failure_limit())
            .values_list("username", flat=True)
        )
    return locked


def is_locked_out(username: str) -> bool:
    """Whether the username is locked out now."""
    return username in locked_out_usernames([username])


def failed_attempts(username: str) -> int:
    """How many failed sign-ins of the username count towards a lockout now."""
    total = (
        current_attempts()
        .filter(username=username)
        .aggregate(failures=models.Sum("failures_since_start"))["failures"]
    )
    return int(total or 0)


def sign_in_history(username: str) -> models.QuerySet:
    """Every sign-in to the username, successful or not, newest first: rows of
    ``HISTORY_COLUMNS`` (``succeeded`` true for a sign-in, ``locked`` true for the failure that
    locked the account, ``signed_out_at`` when a successful session ended by signing out)."""
    successes = (
        AccessLog.objects.filter(username=username)
        .annotate(
            succeeded=models.Value(True),
            locked=models.Value(False),
            signed_out_at=models.F("logout_time"),
        )
        .values(*HISTORY_COLUMNS)
    )
    failures = (
        AccessFailureLog.objects.filter(username=username)
        .annotate(
            succeeded=models.Value(False),
            locked=models.F("locked_out"),
            signed_out_at=models.Value(None, output_field=models.DateTimeField()),
        )
        .values(*HISTORY_COLUMNS)
    )
    return successes.order_by().union(failures.order_by(), all=True).order_by("-attempt_time")
