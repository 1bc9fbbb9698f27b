"""Writes about signing in: setting up an authenticator, recovery codes, checking a code
(which counts failures), and the members of staff the council's identity provider signs in
(docs/sign-in.md)."""

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.models import Device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from kinfolk.accounts.models import CouncilIdentity
from kinfolk.accounts.second_factor import (
    AUTHENTICATOR_NAME,
    RECOVERY_CODE_COUNT,
    RECOVERY_CODES_NAME,
    authenticator_of,
    is_authenticator_code,
    normalise_code,
    recovery_codes_of,
)
from kinfolk.workforce.models import Team, User
from kinfolk.workforce.services import create_team

#: The name of an authenticator given to a demo account (``kinfolk demo``): its key is
#: printed beside the sign-in, and ``kinfolk demo-code`` prints its code outside production.
DEMO_AUTHENTICATOR_NAME = "Demo authenticator"


@transaction.atomic
def start_authenticator_set_up(*, user: User) -> TOTPDevice:
    """The authenticator the person is setting up: a new secret key, not yet confirmed. The
    same one is given back until it is confirmed, so that reloading the page keeps the key
    the person may already have scanned."""
    if authenticator_of(user) is not None:
        raise ValidationError(_("You have already set up an authenticator app."))
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("pk").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=AUTHENTICATOR_NAME, confirmed=False)
    return device


@transaction.atomic
def confirm_authenticator(*, user: User, device: TOTPDevice, code: str) -> list[str]:
    """The person typed a code from the authenticator they are setting up: confirm it, and
    give them their recovery codes (shown once; Kinfolk keeps only what checks them)."""
    device = TOTPDevice.objects.select_for_update().get(pk=device.pk, user=user)
    code = normalise_code(code)
    if not is_authenticator_code(code):
        raise ValidationError({"code": _("Enter the 6-digit code from your authenticator app")})
    if not device.verify_token(code):
        raise ValidationError(
            {"code": _("The code is not right: enter the code your app shows now")}
        )
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
    return _new_recovery_codes(user)


@transaction.atomic
def replace_recovery_codes(*, user: User) -> list[str]:
    """Ten new recovery codes in place of the person's old ones, which stop working."""
    return _new_recovery_codes(user)


def _new_recovery_codes(user: User) -> list[str]:
    # The device is kept, and only its codes replaced: a session signed in with a recovery
    # code names the device, and stays signed in.
    device = StaticDevice.objects.filter(user=user).order_by("pk").first()
    if device is None:
        device = StaticDevice.objects.create(user=user, name=RECOVERY_CODES_NAME, confirmed=True)
    StaticDevice.objects.filter(user=user).exclude(pk=device.pk).delete()
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def check_code(*, user: User, code: str) -> Device | None:
    """The device that accepts the code the person typed: their authenticator app for six
    digits, their recovery codes otherwise (a recovery code works once). Each device counts
    its failures and makes the person wait longer after each one (django-otp's throttling),
    so codes cannot be guessed."""
    code = normalise_code(code)
    if not code:
        return None
    with transaction.atomic():
        if is_authenticator_code(code):
            candidate: Device | None = authenticator_of(user)
        else:
            candidate = recovery_codes_of(user)
        if candidate is None:
            return None
        device = type(candidate).objects.select_for_update().get(pk=candidate.pk)
        return device if device.verify_token(code) else None


def throttled_for(*, user: User) -> int:
    """How many seconds the person must wait before another code is checked (0 when none)."""
    waits = []
    for device in (authenticator_of(user), recovery_codes_of(user)):
        if device is None:
            continue
        allowed, data = device.verify_is_allowed()
        if not allowed and data and data.get("locked_until"):
            waits.append(int((data["locked_until"] - timezone.now()).total_seconds()) + 1)
    return max(waits, default=0)


@transaction.atomic
def give_demo_authenticator(*, user: User) -> TOTPDevice:
    """A demo account's authenticator, in place of any it had: confirmed, with a new key that
    the demo prints beside the account's sign-in."""
    TOTPDevice.objects.filter(user=user).delete()
    return TOTPDevice.objects.create(user=user, name=DEMO_AUTHENTICATOR_NAME, confirmed=True)


class CouncilSignInRefused(Exception):
    """The council's identity provider signed someone in whom Kinfolk cannot let in."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@transaction.atomic
def sign_in_council_account(
    *,
    issuer: str,
    claims: Mapping[str, Any],
    username_claim: str,
    groups_claim: str,
    role_groups: Mapping[str, str],
    team_groups: Mapping[str, str],
) -> User:
    """The member of staff a council account signs in as, created on the first sign-in and
    brought up to date on every one: username, name and e-mail address from the provider's
    claims, role and team from the groups the account is in (the mappings of
    ``KINFOLK_OIDC_ROLE_GROUPS`` and ``KINFOLK_OIDC_TEAM_GROUPS``).

    Refused (``CouncilSignInRefused``) when no group maps to a role, when groups map to more
    than one role or team, when the account is switched off in Kinfolk, or when its username
    belongs to a member of staff who does not sign in through the provider.
    """
    subject = str(claims.get("sub") or "")
    username = str(claims.get(username_claim) or "").strip()
    if not subject or not username:
        raise CouncilSignInRefused(
            _(
                "Your council account did not give Kinfolk your username. Ask your system administrator."
            )
        )
    groups = claims.get(groups_claim) or []
    if isinstance(groups, str):
        groups = [groups]
    roles = sorted({role_groups[group] for group in groups if group in role_groups})
    if not roles:
        raise CouncilSignInRefused(
            _(
                "Your council account is not in a group that gives a role in Kinfolk. "
                "Ask your system administrator to add you to the right group."
            )
        )
    if len(roles) > 1:
        raise CouncilSignInRefused(
            _(
                "Your council account is in groups for more than one role in Kinfolk. "
                "Ask your system administrator to leave you in one."
            )
        )
    teams = sorted({team_groups[group] for group in groups if group in team_groups})
    if len(teams) > 1:
        raise CouncilSignInRefused(
            _(
                "Your council account is in groups for more than one team in Kinfolk. "
                "Ask your system administrator to leave you in one."
            )
        )
    team: Team | None = None
    if teams:
        team = Team.objects.filter(name=teams[0]).first() or create_team(name=teams[0])

    identity = (
        CouncilIdentity.objects.select_for_update()
        .select_related("user")
        .filter(issuer=issuer, subject=subject)
        .first()
    )
    if identity is None:
        if User.objects.filter(username=username).exists():
            raise CouncilSignInRefused(
                _(
                    "There is already a Kinfolk account with your username that does not sign "
                    "in with a council account. Ask your system administrator."
                )
            )
        user = User(username=username)
        user.set_unusable_password()
        identity = CouncilIdentity(user=user, issuer=issuer, subject=subject)
    else:
        user = identity.user
        if not user.is_active:
            raise CouncilSignInRefused(
                _("Your Kinfolk account is switched off. Ask your system administrator.")
            )
        if user.username != username and User.objects.filter(username=username).exists():
            raise CouncilSignInRefused(
                _(
                    "Your council username is taken by another Kinfolk account. "
                    "Ask your system administrator."
                )
            )
    user.username = username
    user.display_name = str(claims.get("name") or "").strip() or username
    user.email = str(claims.get("email") or "").strip()
    user.role = roles[0]
    user.team = team
    user.full_clean(exclude=["password"])
    user.save()
    identity.user = user
    identity.last_signed_in_at = timezone.now()
    identity.save()
    return user
