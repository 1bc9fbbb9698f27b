"""Authenticators and codes for tests: a test computes the code an authenticator app would
show (RFC 6238) from the device's key, as the app does."""

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinfolk.accounts.second_factor import authenticator_of
from kinfolk.workforce.models import User


def authenticator_for(user: User) -> TOTPDevice:
    """The user's authenticator app, set up now if they have none."""
    device = authenticator_of(user)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    return device


def code_for(device: TOTPDevice) -> str:
    """The code the app shows now. A code is accepted once: when this one has been used
    already (the test signs in twice within 30 seconds), the device is moved on as if the
    person had waited for the app's next code."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    if device.last_t >= totp.t():
        TOTPDevice.objects.filter(pk=device.pk).update(last_t=totp.t() - 1)
    return str(totp.token()).zfill(device.digits)
