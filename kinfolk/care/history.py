"""What a child's care history makes them in law: how long they have been looked after since
their 14th birthday, whether and when they left care as a care leaver, which kind of care
leaver they are on a date, and whether they had been looked after continuously for 12 months
at the end of a collection year.

These are pure functions over plain values, with no database access, so that the leaving-care
pages, the duties engine and the returns all reach the same answer from the same history.

Sources: Children (Leaving Care) Act 2000, which inserted the leaving-care duties into the
Children Act 1989 (Schedule 2 paragraph 19B "eligible child", section 23A "relevant child",
section 23C "former relevant child"); the Care Leavers (England) Regulations 2010, regulations
3 to 5 (13 weeks looked after since the age of 14, ending after the age of 16); SSDA903 OC2
cohort ("continuously looked after for 12 months at 31 March").

Dates follow one convention throughout: a stay includes its start date and excludes its end
date, which is the day the child ceased to be looked after.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from kinfolk.core.working_days import age_on

#: Care Leavers (England) Regulations 2010, reg. 3 and 4: "at least 13 weeks", counted in days.
QUALIFYING_DAYS = 91  # 13 weeks

ELIGIBLE = "eligible"
RELEVANT = "relevant"
FORMER_RELEVANT = "former_relevant"

#: Legal statuses of agreed series of short breaks (SSDA903 LS V3/V4): a child on short breaks
#: is not a care leaver because of them, and they break continuous care for OC2.
SHORT_BREAK_LEGAL_STATUSES = frozenset({"V3", "V4"})


@dataclass(frozen=True)
class Stay:
    """One period of care. Periods made only of short breaks (legal status V3/V4) do not count
    towards leaving-care status; the caller leaves them out."""

    start_on: dt.date
    end_on: dt.date | None  # None: still looked after


@dataclass(frozen=True)
class EpisodeSpan:
    """One SSDA903 episode, for the OC2 cohort."""

    start_on: dt.date
    end_on: dt.date | None
    reason_for_new_episode: str
    reason_ceased: str  # "" while open
    legal_status: str


def birthday(date_of_birth: dt.date, years: int) -> dt.date:
    """The day someone turns ``years`` old; someone born on 29 February has birthdays on
    1 March in other years (as ``age_on`` counts them)."""
    try:
        return date_of_birth.replace(year=date_of_birth.year + years)
    except ValueError:
        return dt.date(date_of_birth.year + years, 3, 1)


def is_looked_after_on(stays: Sequence[Stay], on: dt.date) -> bool:
    """Whether a stay covers ``on``: it started on or before it and had not ended by it."""
    return any(stay.start_on <= on and (stay.end_on is None or stay.end_on > on) for stay in stays)


def days_looked_after_since_14(
    date_of_birth: dt.date, stays: Sequence[Stay], until: dt.date
) -> int:
    """The days a child was looked after from their 14th birthday up to (not including)
    ``until``.

    Each stay counts from the later of its start and the 14th birthday up to the earlier of
    its end and ``until``, so a stay from 1 March to 31 May counts 91 days, which is the
    "13 weeks" of the Care Leavers (England) Regulations 2010, reg. 3.
    """
    fourteenth = birthday(date_of_birth, 14)
    total = 0
    for stay in stays:
        start = max(stay.start_on, fourteenth)
        end = until if stay.end_on is None else min(stay.end_on, until)
        if end > start:
            total += (end - start).days
    return total


def left_care_as_care_leaver(date_of_birth: dt.date, stays: Sequence[Stay]) -> dt.date | None:
    """The first day the young person ceased to be looked after as a care leaver, or None.

    That is the first end of a stay on or after their 16th birthday by which they had been
    looked after at least 13 weeks (91 days) since their 14th birthday: from then they are a
    relevant child until 18 and a former relevant child after (Children Act 1989 s23A and
    s23C). Care ending the day before the 16th birthday does not qualify; care ending on the
    16th birthday does.
    """
    sixteenth = birthday(date_of_birth, 16)
    for stay in sorted(stays, key=lambda s: s.start_on):
        if stay.end_on is None or stay.end_on < sixteenth:
            continue
        if days_looked_after_since_14(date_of_birth, stays, stay.end_on) >= QUALIFYING_DAYS:
            return stay.end_on
    return None


def is_eligible_on(date_of_birth: dt.date, stays: Sequence[Stay], on: dt.date) -> bool:
    """An eligible child (Children Act 1989 Sch. 2 para. 19B; Care Leavers (England)
    Regulations 2010, reg. 3): aged 16 or 17, looked after on ``on``, with at least 13 weeks
    looked after since the 14th birthday counting the current stay up to ``on``."""
    if on < date_of_birth or age_on(date_of_birth, on) not in (16, 17):
        return False
    return (
        is_looked_after_on(stays, on)
        and days_looked_after_since_14(date_of_birth, stays, on) >= QUALIFYING_DAYS
    )


def care_leaver_status(date_of_birth: dt.date, stays: Sequence[Stay], on: dt.date) -> str:
    """Which kind of care leaver the young person is on ``on``: ``"eligible"``,
    ``"relevant"``, ``"former_relevant"``, or ``""`` when none.

    - Eligible: aged 16 or 17 and still looked after, with 13 weeks since the 14th birthday
      (``is_eligible_on``).
    - Relevant (Children Act 1989 s23A): aged 16 or 17, no longer looked after, having left
      care as a care leaver (``left_care_as_care_leaver``) on or before ``on``.
    - Former relevant (s23C): aged 18 to 20, having been relevant before 18 or eligible on the
      day before the 18th birthday (still looked after at 18 and qualifying). The duties end at
      the 21st birthday; support to 25 on request is recorded in the leaving-care app, not
      here.
    """
    if on < date_of_birth:
        return ""
    age = age_on(date_of_birth, on)
    if age in (16, 17):
        if is_looked_after_on(stays, on):
            return ELIGIBLE if is_eligible_on(date_of_birth, stays, on) else ""
        left_on = left_care_as_care_leaver(date_of_birth, stays)
        return RELEVANT if left_on is not None and left_on <= on else ""
    if 18 <= age < 21:
        eighteenth = birthday(date_of_birth, 18)
        left_on = left_care_as_care_leaver(date_of_birth, stays)
        was_relevant = left_on is not None and left_on < eighteenth
        day_before = eighteenth - dt.timedelta(days=1)
        if was_relevant or is_eligible_on(date_of_birth, stays, day_before):
            return FORMER_RELEVANT
    return ""


def _year_before_following_day(at: dt.date) -> dt.date:
    """The day one year before the day after ``at``: 1 April 2025 for 31 March 2026."""
    following = at + dt.timedelta(days=1)
    try:
        return following.replace(year=following.year - 1)
    except ValueError:  # 29 February: a year before is 1 March, keeping the full 12 months
        return dt.date(following.year - 1, 3, 1)


def continuously_looked_after_12_months(episodes: Sequence[EpisodeSpan], at: dt.date) -> bool:
    """Whether the child had been looked after continuously for at least 12 months on ``at``
    (31 March of a collection year): the SSDA903 OC2 cohort.

    As the DfE's validator derives it: looked after on ``at`` and on the day one year before
    the following day (1 April of the previous year), and no episode in between that ends
    with a reason other than X1, starts with reason for new episode S, or has legal status
    V3 or V4 (short breaks). An episode that starts with S on that first day is the start of
    the 12 months, not a break in them.
    """
    first_day = _year_before_following_day(at)

    def covers(day: dt.date) -> bool:
        return any(e.start_on <= day and (e.end_on is None or e.end_on > day) for e in episodes)

    if not (covers(first_day) and covers(at)):
        return False
    for episode in episodes:
        if episode.start_on > at or (episode.end_on is not None and episode.end_on < first_day):
            continue
        if episode.legal_status in SHORT_BREAK_LEGAL_STATUSES:
            return False
        if episode.reason_for_new_episode == "S" and episode.start_on > first_day:
            return False
        if episode.end_on is not None and episode.end_on <= at and episode.reason_ceased != "X1":
            return False
    return True
