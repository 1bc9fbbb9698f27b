"""Break-the-glass: opening a restricted record in an emergency, and reviewing each use.

A member of staff who holds ``P.BREAK_GLASS`` and has proved who they are recently may open a
restricted record they are not named on, saying why. The record is open to them alone for
``KINFOLK_BREAK_GLASS_HOURS`` (4 by default; ``Child.objects.visible_to`` honours it). The
use is written in the child's access log, the managers of the team holding the child and the
staff named on the record are told (a notice in Kinfolk and an email that names neither the
child nor the reason), and the head of service or information governance reviews it
(``P.REVIEW_BREAK_GLASS``). A sealed adoption record cannot be opened this way.
"""

import datetime as dt
import logging
from smtplib import SMTPException
from typing import TYPE_CHECKING

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.access.choices import AccessAction
from kinfolk.access.models import BreakGlassAccess, BreakGlassNotice, RestrictionGrant
from kinfolk.access.policy import MATRIX, P, require
from kinfolk.access.services import record_access
from kinfolk.core.actors import Actor

if TYPE_CHECKING:
    from kinfolk.people.models import Child

logger = logging.getLogger(__name__)

#: A reason is at least a sentence: this many words and characters.
MIN_REASON_WORDS = 5
MIN_REASON_CHARACTERS = 25


def break_glass_hours() -> int:
    """How long a break-the-glass opening lasts, in hours (``KINFOLK_BREAK_GLASS_HOURS``)."""
    return int(getattr(settings, "KINFOLK_BREAK_GLASS_HOURS", 4))


def _check_reason(reason: str) -> str:
    reason = " ".join(reason.split())
    if not reason:
        raise ValidationError({"reason": _("Say why you need to open this record")})
    if len(reason.split()) < MIN_REASON_WORDS or len(reason) < MIN_REASON_CHARACTERS:
        raise ValidationError(
            {
                "reason": _(
                    "Say why you need to open this record in at least a sentence: what has "
                    "happened and why it cannot wait for the staff named on it"
                )
            }
        )
    return reason


def team_managers(team_id: int | None) -> list[Actor]:
    """The active members of the team who oversee its work (the roles the matrix grants
    ``P.VIEW_TEAM``): the team manager, and a head of service placed in the team."""
    if team_id is None:
        return []
    roles = [role.value for role, grants in MATRIX.items() if P.VIEW_TEAM in grants]
    users = get_user_model().objects.filter(team_id=team_id, is_active=True, role__in=roles)
    return list(users.order_by("pk"))


def _named_on(child: "Child") -> list[Actor]:
    grants = RestrictionGrant.objects.filter(child=child, user__is_active=True)
    return [grant.user for grant in grants.select_related("user").order_by("user_id")]


def _email(access: BreakGlassAccess, recipients: list[Actor], notices_url: str) -> None:
    """Tell each recipient by email, once the break-the-glass is committed. The email says who
    and when, and points to Kinfolk for the rest: the child's name and the reason stay in
    Kinfolk, behind sign-in."""
    when = timezone.localtime(access.opened_at)
    until = timezone.localtime(access.expires_at)
    subject = _("Kinfolk: a restricted record was opened with break-the-glass")
    body = _(
        "%(user)s broke the glass on a restricted record (Child ID %(child_id)s) at %(time)s "
        "on %(day)s. It is open to them until %(until)s.\n\n"
        "You are told because you manage the team holding the child or are named on the "
        "record. The reason they gave is in Kinfolk: %(url)s\n"
    ) % {
        "user": access.user,
        "child_id": access.child.la_child_id,
        "time": when.strftime("%H:%M"),
        "day": when.strftime("%d/%m/%Y"),
        "until": until.strftime("%H:%M on %d/%m/%Y"),
        "url": notices_url or _("your break-the-glass notices"),
    }
    messages = [
        (subject, body, None, [user.email]) for user in recipients if getattr(user, "email", "")
    ]
    if not messages:
        return
    try:
        send_mass_mail(messages, fail_silently=False)
    except (OSError, SMTPException):
        # The notice in Kinfolk is the record that matters; a mail server that is down must
        # not undo the break-the-glass or hide it.
        logger.exception("The break-the-glass emails for use %s were not sent", access.pk)


@transaction.atomic
def break_the_glass(
    *,
    child: "Child",
    user: Actor,
    reason: str,
    team_id: int | None,
    path: str = "",
    source: str = "",
    notices_url: str = "",
) -> BreakGlassAccess:
    """Open a restricted record to ``user`` for ``KINFOLK_BREAK_GLASS_HOURS``, saying why.

    ``team_id`` is the team holding the child: its managers are told, as are the staff named
    on the record. Refused for a record that is not restricted, a sealed adoption record, a
    user already named on it, or a reason shorter than a sentence.
    """
    require(user, P.BREAK_GLASS)
    reason = _check_reason(reason)
    if not child.is_restricted or child.is_sealed:
        raise ValidationError({"reason": _("This record cannot be opened with break-the-glass")})
    if RestrictionGrant.objects.filter(child=child, user=user).exists():
        raise ValidationError({"reason": _("You are named on this record: open it as usual")})
    now = timezone.now()
    access = BreakGlassAccess.objects.create(
        child=child,
        user=user,
        reason=reason,
        opened_at=now,
        expires_at=now + dt.timedelta(hours=break_glass_hours()),
    )
    record_access(
        user=user,
        child_id=child.pk,
        action=AccessAction.BREAK_GLASS,
        what=reason,
        path=path,
        source=source,
    )
    recipients: dict[int, Actor] = {}
    for member in [*team_managers(team_id), *_named_on(child)]:
        if member.pk != user.pk:
            recipients.setdefault(member.pk, member)
    BreakGlassNotice.objects.bulk_create(
        BreakGlassNotice(access=access, user=member) for member in recipients.values()
    )
    people = list(recipients.values())
    transaction.on_commit(lambda: _email(access, people, notices_url))
    return access


@transaction.atomic
def review_break_glass(*, access: BreakGlassAccess, reviewer: Actor, note: str) -> BreakGlassAccess:
    """Record that a use of break-the-glass was reviewed, with what the reviewer found. Nobody
    reviews their own use, and a review is not changed afterwards."""
    require(reviewer, P.REVIEW_BREAK_GLASS)
    access = BreakGlassAccess.objects.select_for_update().get(pk=access.pk)
    if access.user_id == reviewer.pk:
        raise ValidationError({"note": _("Someone else must review your own use")})
    if access.is_reviewed:
        raise ValidationError({"note": _("This use has already been reviewed")})
    note = note.strip()
    if not note:
        raise ValidationError({"note": _("Say what the review found")})
    access.reviewed_at = timezone.now()
    access.reviewed_by = reviewer
    access.review_note = note
    access.save(update_fields=["reviewed_at", "reviewed_by", "review_note"])
    return access


@transaction.atomic
def mark_notices_read(*, user: Actor, notice_ids: list[int] | None = None) -> int:
    """Mark the user's break-the-glass notices read (only those named, or all); how many."""
    notices = BreakGlassNotice.objects.filter(user=user, read_at__isnull=True)
    if notice_ids is not None:
        notices = notices.filter(pk__in=notice_ids)
    return notices.update(read_at=timezone.now())
