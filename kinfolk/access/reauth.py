"""Re-authentication before sensitive actions: restricting a record, breaking the glass,
exporting a record or a return. The person must have proved who they are (password and second
factor) within the last ``KINFOLK_REAUTHENTICATE_MINUTES`` (15 by default).

The sign-in page and the re-authentication page call ``mark_authenticated``; a view that needs
a recent sign-in mixes in ``RecentAuthenticationRequired``, which sends anyone else to the
re-authentication page (URL name ``reauthenticate``) and back.
"""

import time
from typing import Any
from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse

#: The session key holding when the person last proved who they are (seconds since the epoch).
SESSION_KEY = "kinfolk_authenticated_at"


def mark_authenticated(request: HttpRequest) -> None:
    """Record that the person has just proved who they are."""
    request.session[SESSION_KEY] = int(time.time())


def recently_authenticated(request: HttpRequest) -> bool:
    """Whether the person proved who they are within the re-authentication window."""
    at = request.session.get(SESSION_KEY)
    window = int(getattr(settings, "KINFOLK_REAUTHENTICATE_MINUTES", 15)) * 60
    return isinstance(at, int) and time.time() - at <= window


class RecentAuthenticationRequired:
    """For views of sensitive actions: re-authenticate first when the last proof is too old."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated and not recently_authenticated(request):
            return redirect(
                f"{reverse('reauthenticate')}?{urlencode({'next': request.get_full_path()})}"
            )
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
