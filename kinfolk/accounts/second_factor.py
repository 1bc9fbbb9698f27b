"""The second factor of signing in: an authenticator app's six-digit code (TOTP, RFC 6238),
or one of ten single-use recovery codes, or the council's identity provider, which asks for
its own second factor (docs/sign-in.md).

A person who has given their password is signed in to Django but not yet to Kinfolk: until the
second factor is given, ``TwoFactorRequiredMiddleware`` lets them reach only the sign-in steps
and signing out. ``KINFOLK_REQUIRE_TWO_FACTOR`` turns the requirement off (for a deployment
behind the council's identity provider only, or for development).
"""

import base64
import io
from typing import Any

import qrcode
import qrcode.image.svg
from django.conf import settings
from django.http import HttpRequest
from django_otp import login as otp_login
from django_otp.models import Device
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinfolk.access.reauth import mark_authenticated

#: The session key set when the council's identity provider signed the person in: the
#: provider asked for its own second factor, so Kinfolk does not ask for another.
IDENTITY_PROVIDER_SESSION_KEY = "kinfolk_signed_in_by_identity_provider"
#: The name of a person's authenticator app device.
AUTHENTICATOR_NAME = "Authenticator app"
#: The name of the recovery codes device.
RECOVERY_CODES_NAME = "Recovery codes"
#: How many recovery codes a person is given.
RECOVERY_CODE_COUNT = 10


def is_required() -> bool:
    """Whether signing in asks for a second factor after the password."""
    return bool(getattr(settings, "KINFOLK_REQUIRE_TWO_FACTOR", True))


def authenticator_of(user: Any) -> TOTPDevice | None:
    """The person's confirmed authenticator app, if they have set one up."""
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def recovery_codes_of(user: Any) -> StaticDevice | None:
    """The person's recovery codes, if they have been given them."""
    return StaticDevice.objects.filter(user=user, confirmed=True).order_by("pk").first()


def signed_in_by_identity_provider(request: HttpRequest) -> bool:
    """Whether this session was signed in through the council's identity provider."""
    return bool(request.session.get(IDENTITY_PROVIDER_SESSION_KEY))


def is_satisfied(request: HttpRequest) -> bool:
    """Whether the signed-in person has given the second factor in this session (or none is
    needed)."""
    if not request.user.is_authenticated:
        return False
    if not is_required() or signed_in_by_identity_provider(request):
        return True
    is_verified = getattr(request.user, "is_verified", None)
    return bool(is_verified is not None and is_verified())


def complete_sign_in(request: HttpRequest, device: Device) -> None:
    """The person gave a code from ``device``: they are fully signed in, and have just proved
    who they are."""
    otp_login(request, device)
    mark_authenticated(request)


def complete_identity_provider_sign_in(request: HttpRequest) -> None:
    """The council's identity provider signed the person in (with its own second factor)."""
    request.session[IDENTITY_PROVIDER_SESSION_KEY] = True
    mark_authenticated(request)


def normalise_code(code: str) -> str:
    """A code as typed, without the spaces and hyphens people add, in lower case."""
    return "".join(code.split()).replace("-", "").lower()


def is_authenticator_code(code: str) -> bool:
    """Whether a (normalised) code has the shape of an authenticator app's code."""
    return len(code) == 6 and code.isdigit()


def formatted_key(device: TOTPDevice) -> str:
    """The device's secret key as an authenticator app asks for it when typed in: base32, in
    groups of four."""
    key = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def qr_code_data_uri(device: TOTPDevice) -> str:
    """The device's set-up address as a QR code: an SVG image in a ``data:`` address, which
    the Content-Security-Policy allows (``img-src 'self' data:``)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage, border=2)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def current_code(device: TOTPDevice) -> str:
    """The code the device's authenticator app shows now (for the demo's accounts only:
    ``kinfolk demo-code``)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return str(totp.token()).zfill(device.digits)
