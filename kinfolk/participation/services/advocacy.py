"""Advocacy referrals and the themes advocates raise, counted by quarter."""

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import lock_child
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.participation.choices import AdvocacyReason
from kinfolk.participation.models import AdvocacyReferral, AdvocacyTheme
from kinfolk.participation.registrations import ParticipationEntryKind as Kind
from kinfolk.participation.services.common import check_after, check_day, entry, required
from kinfolk.people.models import Child


@transaction.atomic
def refer_to_advocacy(
    *,
    child: Child,
    referred_on: dt.date,
    reason: str,
    service: str,
    reason_detail: str = "",
    actor: Actor | None = None,
    is_imported: bool = False,
) -> AdvocacyReferral:
    """A child is referred to an advocacy service, for a review, a conference, a complaint, a
    placement move or another reason (said in ``reason_detail``)."""
    child = lock_child(child)
    check_day(child, referred_on, "referred_on", _("date referred"))
    if reason not in AdvocacyReason.values:
        raise ValidationError({"reason": _("Choose the reason for the referral")})
    reason_detail = reason_detail.strip()
    if reason == AdvocacyReason.OTHER and not reason_detail:
        raise ValidationError({"reason_detail": _("Say what the child wants an advocate for")})
    service = required(service, "service", _("Enter the advocacy service"))
    referral = AdvocacyReferral.objects.create(
        child=child,
        referred_on=referred_on,
        reason=reason,
        reason_detail=reason_detail,
        service=service,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    entry(
        child,
        referred_on,
        Kind.ADVOCACY,
        _("Referred to %(service)s for advocacy: %(reason)s")
        % {"service": service, "reason": referral.get_reason_display().lower()},
        actor,
    )
    return referral


@transaction.atomic
def record_advocacy(
    *,
    referral: AdvocacyReferral,
    started_on: dt.date | None,
    ended_on: dt.date | None = None,
    themes: Iterable[AdvocacyTheme] = (),
    themes_text: str = "",
    actor: Actor | None = None,
    version: int | None = None,
) -> AdvocacyReferral:
    """When the advocacy started and ended, and the themes the advocate raised."""
    lock_child(referral.child)
    referral = (
        AdvocacyReferral.objects.select_for_update().select_related("child").get(pk=referral.pk)
    )
    referral.check_version(version)
    child = referral.child
    themes = list(themes)
    if started_on is None:
        if ended_on is not None or themes or themes_text.strip():
            raise ValidationError({"started_on": _("Enter the date advocacy started")})
    else:
        check_day(child, started_on, "started_on", _("date advocacy started"))
        check_after(
            started_on,
            referral.referred_on,
            "started_on",
            _("Advocacy cannot start before the referral, on %(date)s")
            % {"date": long_date(referral.referred_on)},
        )
    if ended_on is not None:
        check_day(child, ended_on, "ended_on", _("date advocacy ended"))
        check_after(ended_on, started_on, "ended_on", _("Advocacy cannot end before it started"))
    inactive = [t.name for t in themes if not t.is_active and t not in referral.themes.all()]
    if inactive:
        raise ValidationError(
            {"themes": _("%(theme)s is no longer offered") % {"theme": inactive[0]}}
        )
    was_started, was_ended = referral.started_on, referral.ended_on
    referral.started_on = started_on
    referral.ended_on = ended_on
    referral.themes_text = themes_text.strip()
    referral.next_version(version)
    referral.save(update_fields=["started_on", "ended_on", "themes_text", "version"])
    referral.themes.set(themes)
    if started_on and was_started is None:
        entry(child, started_on, Kind.ADVOCACY, _("Advocacy started"), actor)
    if ended_on and was_ended is None:
        entry(child, ended_on, Kind.ADVOCACY, _("Advocacy ended"), actor)
    return referral


@transaction.atomic
def add_advocacy_theme(*, name: str, actor: Actor | None = None) -> AdvocacyTheme:
    """Add a theme to the list advocates' themes are chosen from."""
    name = required(name, "name", _("Enter the theme"))
    if AdvocacyTheme.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("“%(name)s” is already on the list") % {"name": name}})
    return AdvocacyTheme.objects.create(name=name)
