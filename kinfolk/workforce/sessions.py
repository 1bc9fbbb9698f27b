"""Which sessions each member of staff is signed in to, so that their sessions can be ended.

Signing in records the session's key (``SignedInSession``); signing out forgets it. Ending a
worker's sessions (when their account is deactivated) deletes each recorded session from the
session store, whatever the store is (``SESSION_ENGINE``): the next request with that session's
cookie finds no session and is sent to sign in. A deactivated account is refused on the next
request in any case (Django's authentication backend refuses inactive users); ending the
sessions also removes what they held.
"""

from importlib import import_module
from typing import Any

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.http import HttpRequest

from kinfolk.workforce.models import SignedInSession, User


def _session_store() -> type[SessionBase]:
    return import_module(settings.SESSION_ENGINE).SessionStore


def record_signed_in_session(sender: Any, request: HttpRequest, user: User, **kwargs: Any) -> None:
    """On signing in: remember the session's key, and forget the user's sessions that have
    ended without signing out (expired, or cleared by ``clearsessions``)."""
    session = getattr(request, "session", None)
    key = getattr(session, "session_key", None)
    if not key:
        return
    store = _session_store()()
    ended = [
        recorded.pk
        for recorded in SignedInSession.objects.filter(user=user).exclude(session_key=key)
        if not store.exists(recorded.session_key)
    ]
    SignedInSession.objects.filter(pk__in=ended).delete()
    SignedInSession.objects.update_or_create(session_key=key, defaults={"user": user})


def forget_signed_in_session(
    sender: Any, request: HttpRequest | None, user: User | None, **kwargs: Any
) -> None:
    """On signing out: the session is gone, so is its record."""
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        SignedInSession.objects.filter(session_key=key).delete()


def end_sessions_of(user: User) -> int:
    """End every session the user is signed in to; return how many there were."""
    store = _session_store()()
    keys = list(SignedInSession.objects.filter(user=user).values_list("session_key", flat=True))
    ended = 0
    for key in keys:
        if store.exists(key):
            store.delete(key)
            ended += 1
    SignedInSession.objects.filter(user=user).delete()
    return ended
