"""Sessions and responses for signed-in people (docs/sign-in.md).

- ``SessionLifetimeMiddleware`` ends a session ``KINFOLK_SESSION_MAX_HOURS`` after sign-in,
  however active it has been (the idle timeout, ``SESSION_COOKIE_AGE``, ends it sooner).
- ``TwoFactorRequiredMiddleware`` sends a person who has given their password but not yet
  their second factor to the next sign-in step, from every page but those steps.
- ``NoStoreMiddleware`` tells browsers and proxies to keep no copy of a page shown to a
  signed-in person: a record about a child must not be readable from a shared computer's
  cache after sign-out.
"""

import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from kinfolk.accounts import second_factor

#: When the session was signed in (seconds since the epoch).
SIGNED_IN_AT_SESSION_KEY = "kinfolk_signed_in_at"
#: A notice for the sign-in page (why the person has to sign in again).
NOTICE_SESSION_KEY = "kinfolk_sign_in_notice"
#: The views a person may reach between their password and their second factor.
SIGN_IN_STEPS = frozenset(
    {
        "login",
        "logout",
        "sign-in-code",
        "sign-in-set-up",
        "sign-in-recovery-codes",
        "oidc_authentication_init",
        "oidc_authentication_callback",
    }
)


class SessionLifetimeMiddleware:
    """End a session that is older than ``KINFOLK_SESSION_MAX_HOURS``, active or not.

    The session ends before any view is chosen, so the person arrives at the sign-in page
    (LoginRequiredMiddleware) with a note that says why.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            signed_in_at = request.session.get(SIGNED_IN_AT_SESSION_KEY)
            if not isinstance(signed_in_at, int):
                request.session[SIGNED_IN_AT_SESSION_KEY] = now
            elif now - signed_in_at > max_session_seconds():
                logout(request)
                request.session[NOTICE_SESSION_KEY] = _(
                    "You have been signed out because you signed in more than %(hours)s hours "
                    "ago. Sign in again to carry on."
                ) % {"hours": f"{float(settings.KINFOLK_SESSION_MAX_HOURS):g}"}
        return self.get_response(request)


def max_session_seconds() -> int:
    """The longest a session lasts, however active."""
    return int(float(settings.KINFOLK_SESSION_MAX_HOURS) * 3600)


class TwoFactorRequiredMiddleware:
    """Between the password and the second factor, only the sign-in steps and signing out.

    Runs after ``OTPMiddleware`` (which knows whether the session has given a code) and
    before ``PolicyMiddleware``, so that nobody half signed in learns even which pages their
    role may open.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Any, view_args: Any, view_kwargs: Any
    ) -> HttpResponse | None:
        if not request.user.is_authenticated or second_factor.is_satisfied(request):
            return None
        match = request.resolver_match
        if match is not None and match.view_name in SIGN_IN_STEPS:
            return None
        return redirect(next_step_url(request, request.get_full_path()))


def next_step_url(request: HttpRequest, next_url: str) -> str:
    """Where a person who has given their password goes next: setting up an authenticator
    app, or typing its code."""
    step = (
        "sign-in-code"
        if second_factor.authenticator_of(request.user) is not None
        else "sign-in-set-up"
    )
    query = f"?{urlencode({'next': next_url})}" if next_url else ""
    return reverse(step) + query


class NoStoreMiddleware:
    """``Cache-Control: no-store`` on every response to a signed-in person.

    Static files are served before this runs (whitenoise), with their own long lifetimes.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, private=True)
        return response
