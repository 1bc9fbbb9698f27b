"""What every casework service shares: dates in casework words, the open episode, and
the lock that serialises changes to one child."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.models import (
    ChildInNeedEpisode,
)
from kinfolk.core.dates import long_date
from kinfolk.people.models import Child
from kinfolk.people.services import lock_child

__all__ = ["check_not_future", "episode_for_work", "lock_child", "open_episode"]


def check_not_future(day: dt.date, field: str, what: str) -> None:
    """Refuse a date after today: casework records what has happened."""
    if day > timezone.localdate():
        raise ValidationError(
            {field: _("The %(what)s must be today or in the past") % {"what": what}}
        )


def open_episode(child: Child, *, on: dt.date, field: str = "date") -> ChildInNeedEpisode:
    """The child's open episode, which must have started on or before ``on``.

    Refuses, in casework words, when no episode is open (or it opened later), so that
    nothing is recorded outside an episode or after its closure.
    """
    episode = ChildInNeedEpisode.objects.filter(child=child, closed_on__isnull=True).first()
    if episode is None:
        last = ChildInNeedEpisode.objects.filter(child=child).order_by("-closed_on").first()
        if last is not None:
            closed_on = last.closed_on
            assert closed_on is not None  # no episode is open, so the last one closed
            raise ValidationError(
                {
                    field: _("%(child)s's case closed on %(date)s: record a new referral first")
                    % {"child": child, "date": long_date(closed_on)}
                }
            )
        raise ValidationError(
            {
                field: _("%(child)s has no open child in need episode: record a referral first")
                % {"child": child}
            }
        )
    if on < episode.referral_on:
        raise ValidationError(
            {
                field: _("This is before the referral of %(date)s that opened the episode")
                % {"date": long_date(episode.referral_on)}
            }
        )
    return episode


def episode_for_work(child: Child, on: dt.date, field: str, what: str) -> ChildInNeedEpisode:
    check_not_future(on, field, what)
    episode = open_episode(child, on=on, field=field)
    if episode.is_nfa:
        raise ValidationError(
            {
                field: _(
                    "The referral of %(date)s was closed with no further action: nothing more can be "
                    "recorded in that episode"
                )
                % {"date": long_date(episode.referral_on)}
            }
        )
    return episode
