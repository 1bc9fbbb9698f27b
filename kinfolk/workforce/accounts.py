"""Administering staff accounts and teams: the services that the user administration pages
call (docs/user-administration.md). Every change is one transaction that writes an
``AccountChange``: who changed what, each value before and after."""

import datetime as dt
import logging
from typing import Any
from urllib.parse import urljoin

from axes.utils import reset as reset_sign_in_attempts
from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_otp import devices_for_user

from kinfolk.core.actors import Actor
from kinfolk.core.dates import long_date
from kinfolk.workforce.choices import CASE_HOLDING_ROLES, AccountChangeAction, Role
from kinfolk.workforce.holdings import cases_held_by
from kinfolk.workforce.lockouts import failed_attempts
from kinfolk.workforce.models import AccountChange, Allocation, Team, User
from kinfolk.workforce.services import create_worker
from kinfolk.workforce.sessions import end_sessions_of

logger = logging.getLogger(__name__)

#: The account's values an administrator changes, with their names on the pages.
ACCOUNT_FIELDS = {
    "display_name": "Name",
    "email": "Email address",
    "role": "Role",
    "team": "Team",
    "is_agency": "Agency worker",
    "is_qualified": "Qualified social worker",
    "qualified_on": "Date qualified",
}


def _staff_actor(actor: Actor | None) -> User | None:
    return actor if isinstance(actor, User) and actor.is_authenticated else None


def _shown(field: str, value: Any) -> str:
    """A value as the pages show it, for the record of a change."""
    if field == "role":
        return str(Role(value).label) if value in Role.values else str(value)
    if field == "team":
        return value.name if value is not None else _("No team")
    if isinstance(value, bool):
        return _("Yes") if value else _("No")
    if isinstance(value, dt.date):
        return long_date(value)
    return str(value or "")


def _record_change(
    *,
    actor: Actor | None,
    action: AccountChangeAction,
    worker: User | None = None,
    team: Team | None = None,
    changes: list[dict[str, str]] | None = None,
) -> AccountChange:
    subject = worker.display_name or worker.username if worker is not None else ""
    if team is not None and worker is None:
        subject = team.name
    return AccountChange.objects.create(
        actor=_staff_actor(actor),
        worker=worker,
        team_id=team.pk if team is not None else None,
        action=action,
        subject=subject[:200],
        changes=changes or [],
    )


def _note(label: str, value: str) -> dict[str, str]:
    return {"field": label, "after": value}


def _refuse_email_in_use(email: str, *, worker: User | None = None) -> None:
    if not email:
        return
    others = User.objects.filter(email__iexact=email)
    if worker is not None:
        others = others.exclude(pk=worker.pk)
    if others.exists():
        raise ValidationError({"email": _("Another account already has this email address")})


def set_password_page_exists() -> bool:
    """Whether this installation has the page at which a worker sets their password from a
    link (Django's password reset confirmation, URL name ``password_reset_confirm``)."""
    try:
        reverse("password_reset_confirm", kwargs={"uidb64": "x", "token": "x-x"})
    except NoReverseMatch:
        return False
    return True


def set_password_link(worker: User, *, site_url: str) -> str | None:
    """The address at which the worker sets their password (Django's password reset
    confirmation page, with a one-use token that lasts ``PASSWORD_RESET_TIMEOUT``), or None
    while that page is not part of this installation."""
    uid = urlsafe_base64_encode(force_bytes(worker.pk))
    token = default_token_generator.make_token(worker)
    try:
        path = reverse("password_reset_confirm", kwargs={"uidb64": uid, "token": token})
    except NoReverseMatch:
        return None
    return urljoin(site_url, path)


def link_lifetime() -> str:
    """How long a set-password link works (``PASSWORD_RESET_TIMEOUT``), in words: "1 hour",
    "3 days"."""
    seconds = int(settings.PASSWORD_RESET_TIMEOUT)
    if seconds >= 86400 and seconds % 86400 == 0:
        days = seconds // 86400
        return ngettext("%(count)d day", "%(count)d days", days) % {"count": days}
    if seconds >= 3600 and seconds % 3600 == 0:
        hours = seconds // 3600
        return ngettext("%(count)d hour", "%(count)d hours", hours) % {"count": hours}
    minutes = max(1, seconds // 60)
    return ngettext("%(count)d minute", "%(count)d minutes", minutes) % {"count": minutes}


def _queue_set_password_email(worker: User, *, site_url: str, is_new: bool) -> bool:
    """Send the worker the link to set their password once the transaction commits; False
    when there is no address to send it to or no page to link to."""
    link = set_password_link(worker, site_url=site_url)
    if not worker.email or link is None:
        return False
    context = {
        "worker": worker,
        "link": link,
        "is_new": is_new,
        "lasts": link_lifetime(),
    }
    subject = render_to_string("workforce/emails/set_password_subject.txt", context).strip()
    body = render_to_string("workforce/emails/set_password.txt", context)
    address = worker.email

    def send() -> None:
        try:
            send_mail(subject, body, None, [address])
        except OSError:
            # The account stands; an administrator sends the link again from its page.
            logger.exception("The set-password email to worker %s was not sent", worker.pk)

    transaction.on_commit(send)
    return True


@transaction.atomic
def register_worker(
    *,
    actor: Actor | None,
    username: str,
    display_name: str,
    email: str,
    role: str,
    team: Team | None = None,
    is_agency: bool = False,
    is_qualified: bool = False,
    qualified_on: dt.date | None = None,
    site_url: str,
) -> User:
    """Give a member of staff an account. Nobody types a password for them: the account has
    none until they set their own, through the link emailed to them."""
    email = email.strip()
    if not email:
        raise ValidationError(
            {"email": _("Enter their email address: the link to set a password is sent to it")}
        )
    _refuse_email_in_use(email)
    worker = create_worker(
        username=username,
        display_name=display_name,
        role=role,
        team=team,
        is_agency=is_agency,
        is_qualified=is_qualified,
        qualified_on=qualified_on,
        email=email,
    )
    changes = [
        _note(label, _shown(field, getattr(worker, field)))
        for field, label in ACCOUNT_FIELDS.items()
    ]
    changes.insert(0, _note("Username", worker.username))
    if _queue_set_password_email(worker, site_url=site_url, is_new=True):
        changes.append(_note("Set-password email", _("Sent to %(email)s") % {"email": email}))
    _record_change(actor=actor, action=AccountChangeAction.CREATED, worker=worker, changes=changes)
    return worker


@transaction.atomic
def send_set_password_email(*, worker: User, actor: Actor | None, site_url: str) -> None:
    """Email the worker a new link to set their password (the first one ran out, or they
    have forgotten it)."""
    worker = User.objects.select_for_update().get(pk=worker.pk)
    if not worker.is_active:
        raise ValidationError(_("%(name)s's account is deactivated") % {"name": worker})
    if not worker.email:
        raise ValidationError(
            _("%(name)s's account has no email address: add one first") % {"name": worker}
        )
    if not _queue_set_password_email(worker, site_url=site_url, is_new=False):
        raise ValidationError(_("Setting a password by email is not available here"))
    _record_change(
        actor=actor,
        action=AccountChangeAction.SET_PASSWORD_SENT,
        worker=worker,
        changes=[_note("Sent to", worker.email)],
    )


def _refuse_while_holding_cases(worker: User, *, field: str, doing: str) -> None:
    held = cases_held_by(worker)
    if held:
        raise ValidationError(
            {
                field: _("%(name)s still holds %(cases)s. Reallocate them before %(doing)s.")
                % {
                    "name": worker,
                    "cases": _(" and ").join(words for _count, words in held),
                    "doing": doing,
                }
            }
        )


@transaction.atomic
def change_worker(
    *,
    worker: User,
    actor: Actor | None,
    display_name: str,
    email: str,
    role: str,
    team: Team | None,
    is_agency: bool,
    is_qualified: bool,
    qualified_on: dt.date | None = None,
) -> User:
    """Change a member of staff's name, email address, role, team or flags. Nobody changes
    their own role or team (which decide what they may do): another administrator does."""
    worker = User.objects.select_for_update().get(pk=worker.pk)
    wanted: dict[str, Any] = {
        "display_name": display_name.strip(),
        "email": email.strip(),
        "role": role,
        "team": team,
        "is_agency": is_agency,
        "is_qualified": is_qualified,
        "qualified_on": qualified_on,
    }
    if role not in Role.values:
        raise ValidationError({"role": _("Unknown role: %(role)s") % {"role": role}})
    is_self = actor is not None and actor.pk == worker.pk
    if is_self and role != worker.role:
        raise ValidationError(
            {"role": _("You cannot change your own role: ask another administrator")}
        )
    if is_self and (team.pk if team else None) != worker.team_id:
        raise ValidationError(
            {"team": _("You cannot change your own team: ask another administrator")}
        )
    if role != worker.role and role not in CASE_HOLDING_ROLES:
        _refuse_while_holding_cases(
            worker, field="role", doing=_("giving a role that holds no cases")
        )
    _refuse_email_in_use(wanted["email"], worker=worker)
    changes = []
    for field, value in wanted.items():
        before = getattr(worker, field)
        if before != value:
            label = ACCOUNT_FIELDS[field]
            changes.append(
                {"field": label, "before": _shown(field, before), "after": _shown(field, value)}
            )
            setattr(worker, field, value)
    if not changes:
        return worker
    worker.full_clean(exclude=["password"])
    worker.save()
    _record_change(actor=actor, action=AccountChangeAction.CHANGED, worker=worker, changes=changes)
    return worker


@transaction.atomic
def deactivate_worker(*, worker: User, actor: Actor | None) -> int:
    """Deactivate a member of staff's account: they can no longer sign in, and every session
    they are signed in to ends now. Refused while they hold any case, which must be
    reallocated first. Returns how many sessions were ended."""
    worker = User.objects.select_for_update().get(pk=worker.pk)
    if actor is not None and actor.pk == worker.pk:
        raise ValidationError(_("You cannot deactivate your own account"))
    if not worker.is_active:
        raise ValidationError(_("%(name)s's account is already deactivated") % {"name": worker})
    _refuse_while_holding_cases(worker, field="__all__", doing=_("deactivating their account"))
    worker.is_active = False
    worker.save(update_fields=["is_active"])
    ended = end_sessions_of(worker)
    _record_change(
        actor=actor,
        action=AccountChangeAction.DEACTIVATED,
        worker=worker,
        changes=[
            {"field": "Active", "before": _("Yes"), "after": _("No")},
            _note("Sessions ended", str(ended)),
        ],
    )
    return ended


@transaction.atomic
def reactivate_worker(*, worker: User, actor: Actor | None) -> User:
    """Let a deactivated member of staff sign in again, with the password they had."""
    worker = User.objects.select_for_update().get(pk=worker.pk)
    if worker.is_active:
        raise ValidationError(_("%(name)s's account is already active") % {"name": worker})
    worker.is_active = True
    worker.save(update_fields=["is_active"])
    _record_change(
        actor=actor,
        action=AccountChangeAction.REACTIVATED,
        worker=worker,
        changes=[{"field": "Active", "before": _("No"), "after": _("Yes")}],
    )
    return worker


@transaction.atomic
def unlock_worker(*, worker: User, actor: Actor | None) -> int:
    """Clear the failed sign-ins that lock a member of staff's account (django-axes), so that
    they can sign in at once rather than after the cool-off. Returns how many failed sign-ins
    were cleared."""
    worker = User.objects.select_for_update().get(pk=worker.pk)
    failures = failed_attempts(worker.username)
    if not failures:
        raise ValidationError(
            _("%(name)s's account is not locked and has no failed sign-ins") % {"name": worker}
        )
    reset_sign_in_attempts(username=worker.username)
    _record_change(
        actor=actor,
        action=AccountChangeAction.UNLOCKED,
        worker=worker,
        changes=[_note("Failed sign-ins cleared", str(failures))],
    )
    return failures


def has_second_factor(worker: User) -> bool:
    """Whether the worker has an authenticator app or recovery codes set up."""
    return any(True for _device in devices_for_user(worker, confirmed=None))


@transaction.atomic
def reset_second_factor(*, worker: User, actor: Actor | None) -> int:
    """Remove a member of staff's authenticator app and recovery codes (django-otp devices),
    when they have lost their phone and their codes: at their next sign-in they set up the app
    again (docs/sign-in.md). Whoever may have the phone is signed out: every session of the
    worker ends. Returns how many devices were removed."""
    worker = User.objects.select_for_update().get(pk=worker.pk)
    devices = list(devices_for_user(worker, confirmed=None))
    if not devices:
        raise ValidationError(
            _("%(name)s has no authenticator app or recovery codes set up") % {"name": worker}
        )
    for device in devices:
        device.delete()
    ended = end_sessions_of(worker)
    _record_change(
        actor=actor,
        action=AccountChangeAction.SECOND_FACTOR_RESET,
        worker=worker,
        changes=[
            _note("Removed", ", ".join(sorted(str(device.name) for device in devices))),
            _note("Sessions ended", str(ended)),
        ],
    )
    return len(devices)


def _refuse_team_name_in_use(name: str, *, team: Team | None = None) -> None:
    others = Team.objects.filter(name__iexact=name)
    if team is not None:
        others = others.exclude(pk=team.pk)
    if others.exists():
        raise ValidationError(
            {"name": _("There is already a team called %(name)s") % {"name": name}}
        )


@transaction.atomic
def add_team(*, name: str, actor: Actor | None) -> Team:
    """Record a new team; its name must be new."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the team's name")})
    _refuse_team_name_in_use(name)
    team = Team(name=name)
    team.full_clean()
    team.save()
    _record_change(
        actor=actor,
        action=AccountChangeAction.TEAM_CREATED,
        team=team,
        changes=[_note("Name", name)],
    )
    return team


@transaction.atomic
def rename_team(*, team: Team, name: str, actor: Actor | None) -> Team:
    """Give a team a new name (a restructure renames teams; their members and their history
    stay)."""
    team = Team.objects.select_for_update().get(pk=team.pk)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Enter the team's name")})
    if name == team.name:
        return team
    _refuse_team_name_in_use(name, team=team)
    before = team.name
    team.name = name
    team.full_clean()
    team.save(update_fields=["name"])
    _record_change(
        actor=actor,
        action=AccountChangeAction.TEAM_RENAMED,
        team=team,
        changes=[{"field": "Name", "before": before, "after": name}],
    )
    return team


@transaction.atomic
def delete_team(*, team: Team, actor: Actor | None) -> None:
    """Delete a team recorded by mistake. A team with members, active or not, is refused, and
    so is a team named in the history of children's allocations: that history keeps it."""
    team = Team.objects.select_for_update().get(pk=team.pk)
    members = User.objects.filter(team=team).count()
    if members:
        raise ValidationError(
            ngettext(
                "%(team)s has %(count)d member: move them to another team first",
                "%(team)s has %(count)d members: move them to another team first",
                members,
            )
            % {"team": team.name, "count": members}
        )
    if Allocation.objects.filter(team=team).exists():
        raise ValidationError(
            _("%(team)s has held children's cases, and their history names it: it stays")
            % {"team": team.name}
        )
    _record_change(
        actor=actor,
        action=AccountChangeAction.TEAM_DELETED,
        team=team,
        changes=[_note("Name", team.name)],
    )
    team.delete()
