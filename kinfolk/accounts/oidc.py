"""Signing in with the council's identity provider, over OpenID Connect
(mozilla-django-oidc; docs/sign-in.md, "Council accounts").

The provider's endpoints and this client's credentials come from ``KINFOLK_OIDC_*``
environment variables (settings put them where mozilla-django-oidc reads them). A sign-in is
the authorisation code flow with PKCE; the ID token is checked against the provider's keys,
issuer and this client; the member of staff is made or brought up to date from the claims
by ``sign_in_council_account``. The provider asks for its own second factor, so Kinfolk asks
for none after it.
"""

import logging
import time
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from django.utils.translation import gettext as _
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from kinfolk.accounts.services import CouncilSignInRefused, sign_in_council_account

LOGGER = logging.getLogger(__name__)

#: Settings that must all be set for the council sign-in to be offered.
REQUIRED_SETTINGS = (
    "KINFOLK_OIDC_ISSUER",
    "OIDC_RP_CLIENT_ID",
    "OIDC_RP_CLIENT_SECRET",
    "OIDC_OP_AUTHORIZATION_ENDPOINT",
    "OIDC_OP_TOKEN_ENDPOINT",
    "OIDC_OP_USER_ENDPOINT",
    "OIDC_OP_JWKS_ENDPOINT",
)
#: Where the request keeps why the provider's sign-in was refused, for the sign-in page.
REFUSAL_ATTRIBUTE = "kinfolk_council_sign_in_refused"
#: The session key holding when a re-authentication through the provider began: the
#: provider's ``auth_time`` must be no earlier.
REAUTHENTICATION_SESSION_KEY = "kinfolk_council_reauthentication_started_at"
#: Clock difference tolerated between Kinfolk and the provider, in seconds.
CLOCK_SKEW_SECONDS = 60


def is_configured() -> bool:
    """Whether the council's identity provider is set up, so that its button is shown."""
    return all(getattr(settings, name, "") for name in REQUIRED_SETTINGS)


class CouncilAccountBackend(OIDCAuthenticationBackend):
    """Authenticates the person the council's identity provider signed in."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Every sign-in asks every backend, and sessions name their backend: without the
        # provider's settings this backend answers no one instead of failing to start.
        self.configured = is_configured()
        if self.configured:
            super().__init__(*args, **kwargs)
        self.UserModel = get_user_model()

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        if not self.configured:
            return None
        return super().authenticate(request, **kwargs)

    def verify_token(self, token: str, **kwargs: Any) -> dict[str, Any]:
        """The ID token's signature and nonce (mozilla-django-oidc), then its issuer, its
        audience and, when re-authenticating, how recently the person signed in."""
        payload: dict[str, Any] = super().verify_token(token, **kwargs)
        if payload.get("iss") != settings.KINFOLK_OIDC_ISSUER:
            return self._refused_token("The ID token is from another issuer.")
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            return self._refused_token("The ID token is for another client.")
        started = self.request.session.pop(REAUTHENTICATION_SESSION_KEY, None)
        if started is not None:
            auth_time = payload.get("auth_time")
            if not isinstance(auth_time, int) or auth_time < started - CLOCK_SKEW_SECONDS:
                return self._refused_token(
                    "The provider did not ask for the password again.",
                    message=_(
                        "Your council account did not ask for your password again. "
                        "Try again, or ask your system administrator."
                    ),
                )
        return payload

    def _refused_token(self, why: str, *, message: str = "") -> dict[str, Any]:
        """No payload (the sign-in fails), with the reason logged and, for the person, a
        message on the sign-in page."""
        LOGGER.warning("Council sign-in refused: %s", why)
        self._refuse(
            message
            or _("Kinfolk could not check your council sign-in. Ask your system administrator.")
        )
        return {}

    def get_or_create_user(self, access_token: str, id_token: str, payload: dict) -> Any:
        claims = self.get_userinfo(access_token, id_token, payload)
        if claims.get("sub") != payload.get("sub"):
            raise SuspiciousOperation("The user information is about someone else.")
        try:
            return sign_in_council_account(
                issuer=settings.KINFOLK_OIDC_ISSUER,
                claims={**payload, **claims},
                username_claim=settings.KINFOLK_OIDC_USERNAME_CLAIM,
                groups_claim=settings.KINFOLK_OIDC_GROUPS_CLAIM,
                role_groups=settings.KINFOLK_OIDC_ROLE_GROUPS,
                team_groups=settings.KINFOLK_OIDC_TEAM_GROUPS,
            )
        except CouncilSignInRefused as refused:
            LOGGER.warning("Council sign-in refused for %s: %s", payload.get("sub"), refused)
            self._refuse(refused.message)
            return None

    def _refuse(self, message: str) -> None:
        setattr(self.request, REFUSAL_ATTRIBUTE, message)

    def get_user(self, user_id: Any) -> Any:
        user = self.UserModel.objects.filter(pk=user_id, is_active=True).first()
        return user


def start_reauthentication(request: HttpRequest) -> None:
    """Note that the person is being sent to the provider to prove who they are again."""
    request.session[REAUTHENTICATION_SESSION_KEY] = int(time.time())
