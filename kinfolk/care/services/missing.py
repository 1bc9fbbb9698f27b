"""Recording a child's missing episodes and return interviews, and screenings of their risk
of exploitation (docs/domain.md stages 22 and 23).

Missing episodes and exploitation screenings can be recorded for any child, from home too;
the SSDA903 Missing table later counts only those in care. Every function runs in one
transaction, locks the child first, writes the chronology and publishes ``casework_changed``;
a refusal raises ``ValidationError`` keyed by field and changes nothing. Details that only the
pages ask for (whether the police were informed, who held an interview) are not required of
records loaded from a journey (``is_imported=True``).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models import (
    ExploitationKind,
    ExploitationScreening,
    MissingEpisode,
    RiskLevel,
)
from kinfolk.care.services.health import check_day, record_entry
from kinfolk.casework.services import lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import MissingKind
from kinfolk.core.dates import long_date, long_datetime
from kinfolk.core.guards import Guard, open_record_facts
from kinfolk.core.working_days import LONDON
from kinfolk.people.models import Child
from kinfolk.protection.models import StrategyDiscussion

#: How far back a missing episode or a screening calls for a strategy discussion before a
#: placement move (docs/domain.md finding 5).
MISSING_LOOKBACK_DAYS = 30
SCREENING_LOOKBACK_DAYS = 90


def open_missing_episode(child: Child) -> MissingEpisode | None:
    """The child's missing episode that has not ended, if any."""
    return MissingEpisode.objects.filter(child=child, ended_at__isnull=True).first()


def episodes_awaiting(child: Child, step: str) -> QuerySet[MissingEpisode]:
    """The child's ended missing episodes still waiting for ``step``
    (``return_interview_offered_at`` or ``return_interview_at``), latest return first."""
    return MissingEpisode.objects.filter(
        child=child, ended_at__isnull=False, **{f"{step}__isnull": True}
    ).order_by("-ended_at")


#: A child has one open missing episode at a time (SSDA903 rule 574).
NOT_MISSING: Guard[Child] = Guard(
    name="not-missing",
    message=gettext_lazy("%(subject)s has been missing since %(when)s: record the return first"),
    holds=lambda child: open_missing_episode(child) is None,
    facts=open_record_facts(open_missing_episode, "started_at", key="when", written=long_datetime),
    field="started_at",
)

#: A return ends the open missing episode.
MISSING: Guard[Child] = Guard(
    name="missing",
    message=gettext_lazy("%(subject)s is not missing"),
    holds=lambda child: open_missing_episode(child) is not None,
    field="ended_at",
)

#: A return interview is offered after an episode that has ended.
RETURN_INTERVIEW_OFFER_AWAITED: Guard[Child] = Guard(
    name="return-interview-offer-awaited",
    message=gettext_lazy(
        "No missing episode that has ended is waiting for a return interview offer."
    ),
    holds=lambda child: episodes_awaiting(child, "return_interview_offered_at").exists(),
)

#: A return interview is held, or declined, after an episode that has ended.
RETURN_INTERVIEW_AWAITED: Guard[Child] = Guard(
    name="return-interview-awaited",
    message=gettext_lazy("No missing episode that has ended is waiting for a return interview."),
    holds=lambda child: episodes_awaiting(child, "return_interview_at").exists(),
)


def _check_moment(child: Child, at: dt.datetime, field: str, what: str) -> None:
    """Refuse a date-time in the future or before the child was born."""
    if at > timezone.now():
        raise ValidationError(
            {field: _("The %(what)s must be now or in the past") % {"what": what}}
        )
    if child.date_of_birth is None or at.astimezone(LONDON).date() < child.date_of_birth:
        raise ValidationError(
            {
                field: _("The %(what)s cannot be before %(child)s was born")
                % {"what": what, "child": child}
            }
        )


@transaction.atomic
def start_missing_episode(
    *,
    child: Child,
    started_at: dt.datetime,
    kind: str,
    is_police_informed: bool | None = None,
    police_reference: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> MissingEpisode:
    """The child went missing, or is away without authorisation (SSDA903 MISSING M or A).
    A child has one open episode at a time, and episodes do not overlap (rule 574)."""
    child = lock_child(child)
    _check_moment(child, started_at, "started_at", _("time the child went missing"))
    if kind not in MissingKind.values:
        raise ValidationError({"kind": _("Choose missing or away without authorisation")})
    NOT_MISSING.check(child)
    last = MissingEpisode.objects.filter(child=child).order_by("-ended_at").first()
    if last is not None:
        assert last.ended_at is not None  # NOT_MISSING holds: every episode has ended
        if started_at < last.ended_at:
            raise ValidationError(
                {
                    "started_at": _("This is before the return from the last episode, on %(when)s")
                    % {"when": long_datetime(last.ended_at)}
                }
            )
    if not is_imported and is_police_informed is None:
        raise ValidationError({"is_police_informed": _("Say whether the police were informed")})
    episode = MissingEpisode.objects.create(
        child=child,
        kind=kind,
        started_at=started_at,
        is_police_informed=is_police_informed,
        police_reference=police_reference.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    record_entry(
        child,
        started_at.astimezone(LONDON).date(),
        EntryKind.MISSING,
        _("%(kind)s from %(when)s")
        % {"kind": episode.get_kind_display(), "when": long_datetime(started_at)},
        actor,
    )
    return episode


@transaction.atomic
def end_missing_episode(
    *,
    child: Child,
    ended_at: dt.datetime,
    where_found: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> MissingEpisode:
    """The child returned or was found: the open episode ends. A return interview is then
    offered within 72 hours (docs/duties.md ``rhi-72h``)."""
    child = lock_child(child)
    _check_moment(child, ended_at, "ended_at", _("time the child returned"))
    MISSING.check(child)
    episode = open_missing_episode(child)
    assert episode is not None  # MISSING holds
    if ended_at <= episode.started_at:
        raise ValidationError(
            {
                "ended_at": _("The return must be after the child went missing, on %(when)s")
                % {"when": long_datetime(episode.started_at)}
            }
        )
    if not is_imported and not where_found.strip():
        raise ValidationError({"where_found": _("Enter where the child was found")})
    episode.ended_at = ended_at
    episode.where_found = where_found.strip()
    episode.save(update_fields=["ended_at", "where_found"])
    record_entry(
        child,
        ended_at.astimezone(LONDON).date(),
        EntryKind.MISSING,
        _("Returned after %(duration)s %(kind)s")
        % {"duration": episode.duration_text, "kind": episode.get_kind_display().lower()},
        actor,
    )
    return episode


def _returned_episode(
    child: Child, at: dt.datetime, episode: MissingEpisode | None, field: str
) -> MissingEpisode:
    """The ended episode a return interview is about: the one given, or the latest to have
    ended on or before ``at``."""
    if episode is not None and episode.child_id != child.pk:
        raise ValidationError({field: _("Choose one of this child's missing episodes")})
    if episode is None:
        episode = (
            MissingEpisode.objects.filter(child=child, ended_at__isnull=False, ended_at__lte=at)
            .order_by("-ended_at")
            .first()
        )
    if episode is None or episode.ended_at is None:
        open_one = MissingEpisode.objects.filter(child=child, ended_at__isnull=True).exists()
        if open_one:
            raise ValidationError(
                {field: _("%(child)s is still missing: record the return first") % {"child": child}}
            )
        raise ValidationError(
            {field: _("%(child)s has no missing episode that has ended") % {"child": child}}
        )
    if at < episode.ended_at:
        raise ValidationError(
            {
                field: _("This is before the child returned, on %(when)s")
                % {"when": long_datetime(episode.ended_at)}
            }
        )
    return episode


@transaction.atomic
def offer_return_interview(
    *,
    child: Child,
    offered_at: dt.datetime,
    episode: MissingEpisode | None = None,
    actor: Actor | None = None,
) -> MissingEpisode:
    """A return interview was offered after the child's return (within 72 hours is on time;
    Children who run away or go missing from home or care, 2014)."""
    child = lock_child(child)
    _check_moment(child, offered_at, "offered_at", _("time the interview was offered"))
    episode = _returned_episode(child, offered_at, episode, "offered_at")
    if episode.return_interview_offered_at is not None:
        raise ValidationError(
            {
                "offered_at": _("A return interview was already offered, on %(when)s")
                % {"when": long_datetime(episode.return_interview_offered_at)}
            }
        )
    episode.return_interview_offered_at = offered_at
    episode.save(update_fields=["return_interview_offered_at"])
    record_entry(
        child,
        offered_at.astimezone(LONDON).date(),
        EntryKind.MISSING,
        _("Return interview offered"),
        actor,
    )
    return episode


@transaction.atomic
def record_return_interview(
    *,
    child: Child,
    interview_at: dt.datetime,
    is_accepted: bool,
    episode: MissingEpisode | None = None,
    interviewed_by: str = "",
    push_factors: str = "",
    pull_factors: str = "",
    risk: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> MissingEpisode:
    """The return interview was held, or the child declined it. An interview that was never
    recorded as offered counts as offered when it took place. On a page, who held an
    accepted interview and the risk are required."""
    child = lock_child(child)
    _check_moment(child, interview_at, "interview_at", _("time of the interview"))
    if is_accepted is None:
        raise ValidationError({"is_accepted": _("Say whether the child accepted the interview")})
    episode = _returned_episode(child, interview_at, episode, "interview_at")
    if episode.return_interview_at is not None:
        raise ValidationError(
            {
                "interview_at": _("The return interview was already recorded, on %(when)s")
                % {"when": long_datetime(episode.return_interview_at)}
            }
        )
    if episode.return_interview_offered_at and interview_at < episode.return_interview_offered_at:
        raise ValidationError(
            {
                "interview_at": _("This is before the interview was offered, on %(when)s")
                % {"when": long_datetime(episode.return_interview_offered_at)}
            }
        )
    if risk and risk not in RiskLevel.values:
        raise ValidationError({"risk": _("Choose the level of risk")})
    if is_accepted and not is_imported:
        if not interviewed_by.strip():
            raise ValidationError({"interviewed_by": _("Enter who held the interview")})
        if not risk:
            raise ValidationError({"risk": _("Choose the level of risk")})
    episode.return_interview_offered_at = episode.return_interview_offered_at or interview_at
    episode.return_interview_at = interview_at
    episode.return_interview_accepted = is_accepted
    episode.interviewed_by = interviewed_by.strip()
    episode.push_factors = push_factors.strip()
    episode.pull_factors = pull_factors.strip()
    episode.risk = risk
    episode.save()
    record_entry(
        child,
        interview_at.astimezone(LONDON).date(),
        EntryKind.MISSING,
        _("Return interview held") if is_accepted else _("Return interview declined"),
        actor,
    )
    return episode


@transaction.atomic
def screen_for_exploitation(
    *,
    child: Child,
    screened_on: dt.date,
    kind: str,
    risk_level: str,
    is_referred_to_complex_safeguarding: bool = False,
    notes: str = "",
    actor: Actor | None = None,
) -> ExploitationScreening:
    """Record a screening of the child's risk of sexual or criminal exploitation, and whether
    the child was referred to the complex safeguarding team (docs/domain.md stage 23)."""
    child = lock_child(child)
    check_day(child, screened_on, "screened_on", _("date of the screening"))
    if kind not in ExploitationKind.values:
        raise ValidationError({"kind": _("Choose the kind of exploitation screened for")})
    if risk_level not in RiskLevel.values:
        raise ValidationError({"risk_level": _("Choose the level of risk")})
    screening = ExploitationScreening.objects.create(
        child=child,
        screened_on=screened_on,
        kind=kind,
        risk_level=risk_level,
        is_referred_to_complex_safeguarding=is_referred_to_complex_safeguarding,
        notes=notes.strip(),
        recorded_by=staff_member(actor),
    )
    record_entry(
        child,
        screened_on,
        EntryKind.EXPLOITATION,
        _("Exploitation screening (%(kind)s): risk %(risk)s")
        % {
            "kind": screening.get_kind_display().lower(),
            "risk": screening.get_risk_level_display().lower(),
        },
        actor,
    )
    return screening


def strategy_discussion_warning(child: Child, on: dt.date) -> str | None:
    """Why a strategy discussion should come before acting for the child on ``on`` (moving
    their placement, say), or None (docs/domain.md finding 5: action was taken before a strategy
    discussion, including for missing children in care).

    It warns when the child had a missing episode that ended in the 30 days up to ``on``, or is
    still open, or an exploitation screening at medium or high risk in the 90 days up to
    ``on``, and no strategy discussion was held on or after that event (and by ``on``).
    """
    discussed = list(
        StrategyDiscussion.objects.filter(child=child, held_on__lte=on).values_list(
            "held_on", flat=True
        )
    )

    def is_discussed(since: dt.date) -> bool:
        return any(held_on >= since for held_on in discussed)

    since = dt.datetime.combine(on - dt.timedelta(days=MISSING_LOOKBACK_DAYS), dt.time(), LONDON)
    end_of_day = dt.datetime.combine(on + dt.timedelta(days=1), dt.time(), LONDON)
    missing = (
        MissingEpisode.objects.filter(child=child, started_at__lt=end_of_day)
        .exclude(ended_at__lt=since)
        .order_by("-started_at")
    )
    for episode in missing:
        started_on = episode.started_at.astimezone(LONDON).date()
        if is_discussed(started_on):
            continue
        if episode.ended_at is None or episode.ended_at >= end_of_day:
            return _(
                "%(child)s has been missing since %(when)s and no strategy discussion has been "
                "held since: hold one first, or record a manager's reason for acting now"
            ) % {"child": child, "when": long_datetime(episode.started_at)}
        return _(
            "%(child)s was missing from %(start)s to %(end)s and no strategy discussion has "
            "been held since: hold one first, or record a manager's reason for acting now"
        ) % {
            "child": child,
            "start": long_datetime(episode.started_at),
            "end": long_datetime(episode.ended_at),
        }
    screenings = ExploitationScreening.objects.filter(
        child=child,
        screened_on__lte=on,
        screened_on__gte=on - dt.timedelta(days=SCREENING_LOOKBACK_DAYS),
        risk_level__in=[RiskLevel.MEDIUM, RiskLevel.HIGH],
    ).order_by("-screened_on")
    for screening in screenings:
        if not is_discussed(screening.screened_on):
            return _(
                "%(child)s was screened at %(risk)s risk of %(kind)s on %(date)s and no strategy "
                "discussion has been held since: hold one first, or record a manager's reason "
                "for acting now"
            ) % {
                "child": child,
                "risk": screening.get_risk_level_display().lower(),
                "kind": screening.get_kind_display().lower(),
                "date": long_date(screening.screened_on),
            }
    return None
