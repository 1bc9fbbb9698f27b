"""Where a young person stands as a care leaver, derived from their periods of care and the
leaving-care records, in the words a personal adviser would use.

Everything here works on records already loaded (``LEAVING_PREFETCH``), so that the list of
care leavers and the young person's page cost the same number of queries however long the
history is. The law is in ``kinfolk.care.history``; this module only reads it.
"""

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinfolk.care.history import (
    FORMER_RELEVANT,
    QUALIFYING_DAYS,
    SHORT_BREAK_LEGAL_STATUSES,
    Stay,
    birthday,
    care_leaver_status,
    days_looked_after_since_14,
    is_looked_after_on,
    left_care_as_care_leaver,
)
from kinfolk.care.models import CareEpisode, PeriodOfCare
from kinfolk.core import timescales
from kinfolk.core.codes import CareLeaverInTouch
from kinfolk.core.dates import long_date
from kinfolk.core.working_days import add_months, age_on
from kinfolk.leaving.choices import CareLeaverStatus
from kinfolk.leaving.models import (
    CareLeaverContact,
    PathwayPlan,
    PersonalAdviserAllocation,
    accommodation_is_suitable,
    activity_is_eet,
)

#: The relations of a child that ``summarise`` reads, each in one query.
LEAVING_PREFETCH = (
    Prefetch(
        "periods_of_care",
        queryset=PeriodOfCare.objects.prefetch_related(
            Prefetch("episodes", queryset=CareEpisode.objects.order_by("start_on", "pk"))
        ),
    ),
    Prefetch(
        "personal_adviser_allocations",
        queryset=PersonalAdviserAllocation.objects.select_related("adviser"),
    ),
    Prefetch("pathway_plans", queryset=PathwayPlan.objects.select_related("audited_by")),
    Prefetch("care_leaver_contacts", queryset=CareLeaverContact.objects.select_related("adviser")),
    "staying_put",
    "support_to_25",
)

#: A pathway plan is due within 3 months of the 16th birthday, or of care starting after it
#: (docs/duties.md ``pathway-plan-3m``), and reviewed at least every 6 months
#: (``pathway-plan-review-6m``); personal advisers keep in touch at least every 2 months
#: (``care-leaver-contact-2m``). The duty rules and these pages read the same timescales
#: (kinfolk.core.timescales); the duties engine owns the duties, the pages flag them.

#: OC3 asks about the young person's circumstances around their birthday: from 3 months
#: before it to 1 month after (DfE SSDA903 guidance).
OC3_MONTHS_BEFORE = 3
OC3_MONTHS_AFTER = 1
OC3_BIRTHDAYS = (17, 18, 19, 20, 21)


def stays_from_periods(periods: Iterable[PeriodOfCare]) -> list[Stay]:
    """The young person's periods of care as ``Stay``s, leaving out periods made only of
    short breaks (legal status V3/V4), which do not make a care leaver. The periods' episodes
    must be loaded."""
    stays = []
    for period in periods:
        statuses = {episode.legal_status for episode in period.episodes.all()}
        if statuses and statuses <= SHORT_BREAK_LEGAL_STATUSES:
            continue
        stays.append(Stay(period.start_on, period.end_on))
    return sorted(stays, key=lambda stay: stay.start_on)


@dataclass(frozen=True)
class Standing:
    """A young person's standing as a care leaver on a date, with the reason in plain words."""

    status: str
    explanation: str
    age: int | None
    left_care_on: dt.date | None
    days_since_14: int
    is_looked_after: bool
    #: A personal adviser and contacts may be recorded (a care leaver now, or a former
    #: relevant young person under 25).
    may_have_adviser: bool
    #: A pathway plan may be recorded: as above, or looked after at 16 or 17 (the plan is due
    #: 3 months after the 16th birthday, before 13 weeks may have passed).
    may_have_pathway_plan: bool
    #: Was a former relevant young person at 20, so may have support to 25.
    was_former_relevant: bool

    @property
    def label(self) -> str:
        return str(CareLeaverStatus(self.status).label) if self.status else ""

    @property
    def is_care_leaver(self) -> bool:
        return bool(self.status)


def _weeks(days: int) -> str:
    weeks = days // 7
    return ngettext("%(count)d week", "%(count)d weeks", weeks) % {"count": weeks}


def standing_on(
    date_of_birth: dt.date | None,
    stays: list[Stay],
    on: dt.date,
    *,
    has_support_to_25: bool = False,
) -> Standing:
    """The young person's standing on ``on``: their status under the Children Act 1989 as
    ``kinfolk.care.history.care_leaver_status`` derives it, or ``support_to_25`` for a former
    relevant young person aged 21 to 24 who asked for support."""
    if date_of_birth is None or on < date_of_birth:
        return Standing("", _("Not born yet."), None, None, 0, False, False, False, False)
    age = age_on(date_of_birth, on)
    days = days_looked_after_since_14(date_of_birth, stays, on)
    left_on = left_care_as_care_leaver(date_of_birth, stays)
    looked_after = is_looked_after_on(stays, on)
    status = care_leaver_status(date_of_birth, stays, on)
    twentyfirst = birthday(date_of_birth, 21)
    was_former_relevant = (
        care_leaver_status(date_of_birth, stays, twentyfirst - dt.timedelta(days=1))
        == FORMER_RELEVANT
    )
    weeks = _weeks(days)
    if status == CareLeaverStatus.ELIGIBLE:
        explanation = _(
            "Eligible: looked after %(weeks)s since 14th birthday, including after 16th birthday"
        ) % {"weeks": weeks}
    elif status == CareLeaverStatus.RELEVANT:
        assert left_on is not None  # a relevant young person has left care
        explanation = _(
            "Relevant: left care on %(date)s, aged %(age)d, after %(weeks)s looked after since "
            "14th birthday"
        ) % {
            "date": long_date(left_on),
            "age": age_on(date_of_birth, left_on),
            "weeks": _weeks(days_looked_after_since_14(date_of_birth, stays, left_on)),
        }
    elif status == CareLeaverStatus.FORMER_RELEVANT:
        eighteenth = birthday(date_of_birth, 18)
        if left_on is not None and left_on < eighteenth:
            explanation = _(
                "Former relevant: left care on %(date)s, aged %(age)d, after %(weeks)s looked "
                "after since 14th birthday"
            ) % {
                "date": long_date(left_on),
                "age": age_on(date_of_birth, left_on),
                "weeks": _weeks(days_looked_after_since_14(date_of_birth, stays, left_on)),
            }
        else:
            explanation = _(
                "Former relevant: looked after until 18th birthday, %(weeks)s since 14th birthday"
            ) % {"weeks": _weeks(days_looked_after_since_14(date_of_birth, stays, eighteenth))}
    elif was_former_relevant and 21 <= age < 25:
        if has_support_to_25:
            status = CareLeaverStatus.SUPPORT_TO_25
            explanation = _(
                "Former relevant until 21st birthday on %(date)s; asked for a personal "
                "adviser's support to 25"
            ) % {"date": long_date(twentyfirst)}
        else:
            explanation = _(
                "Was former relevant until 21st birthday on %(date)s; may ask for a personal "
                "adviser's support until 25"
            ) % {"date": long_date(twentyfirst)}
    elif not stays:
        explanation = _("Not a care leaver: has never been looked after.")
    elif age < 16:
        explanation = _(
            "Not a care leaver yet: aged %(age)d. A young person looked after at 16 or 17, for "
            "13 weeks in all since their 14th birthday, is eligible."
        ) % {"age": age}
    elif age >= 21 and was_former_relevant:
        explanation = _("No longer a care leaver: turned 25.")
    elif days < QUALIFYING_DAYS and age < 21:
        explanation = _(
            "Not a care leaver: looked after %(weeks)s since 14th birthday; 13 weeks are "
            "needed, including time after 16th birthday."
        ) % {"weeks": weeks}
    else:
        explanation = _(
            "Not a care leaver: was not looked after on or after 16th birthday with 13 weeks "
            "since 14th birthday."
        )
    may_have_adviser = bool(status) or (was_former_relevant and 21 <= age < 25)
    return Standing(
        status=status,
        explanation=explanation,
        age=age,
        left_care_on=left_on,
        days_since_14=days,
        is_looked_after=looked_after,
        may_have_adviser=may_have_adviser,
        may_have_pathway_plan=may_have_adviser or (looked_after and age in (16, 17)),
        was_former_relevant=was_former_relevant,
    )


def pathway_plan_first_due_on(date_of_birth: dt.date, stays: list[Stay]) -> dt.date | None:
    """When the first pathway plan is due: 3 months after the 16th birthday for a young
    person looked after on it, or after the start of care after it (docs/duties.md
    ``pathway-plan-3m``); None when never looked after at 16 or over."""
    sixteenth = birthday(date_of_birth, 16)
    if is_looked_after_on(stays, sixteenth):
        return timescales.PATHWAY_PLAN.due_after(sixteenth)
    later = [stay.start_on for stay in stays if stay.start_on > sixteenth]
    return timescales.PATHWAY_PLAN.due_after(min(later)) if later else None


@dataclass(frozen=True)
class Flag:
    """Something about a care leaver that needs attention, shown as a tag."""

    code: str
    label: str
    colour: str = "red"


@dataclass(frozen=True)
class Oc3Birthday:
    """What SSDA903 OC3 will report about the young person's next birthday from 17 to 21."""

    age: int
    birthday: dt.date
    collection_year: str
    window_start: dt.date
    window_end: dt.date
    is_in_cohort: bool
    reason_not_in_cohort: str
    contact: CareLeaverContact | None

    @property
    def label(self) -> str:
        ordinal = _("21st") if self.age == 21 else _("%(age)dth") % {"age": self.age}
        return _("%(ordinal)s birthday, %(date)s") % {
            "ordinal": ordinal,
            "date": long_date(self.birthday),
        }


@dataclass
class YoungPerson:
    """One care leaver as the leaving-care pages show them."""

    child: Any
    standing: Standing
    stays: list[Stay]
    current_adviser_allocation: PersonalAdviserAllocation | None
    latest_contact: CareLeaverContact | None
    last_contact_on: dt.date | None
    days_since_contact: int | None
    accommodation: str
    activity: str
    is_accommodation_suitable: bool | None
    is_eet: bool | None
    latest_plan: PathwayPlan | None
    plan_due_on: dt.date | None
    plan_review_due_on: dt.date | None
    contact_due_on: dt.date | None
    flags: list[Flag] = field(default_factory=list)

    def has_flag(self, code: str) -> bool:
        return any(flag.code == code for flag in self.flags)


def collection_year(day: dt.date) -> str:
    """The SSDA903 collection year a date falls in: 1 April to 31 March, "2026-27"."""
    start = day.year if day.month >= 4 else day.year - 1
    return f"{start}-{str(start + 1)[-2:]}"


def next_oc3_birthday(
    date_of_birth: dt.date,
    stays: list[Stay],
    contacts: list[CareLeaverContact],
    today: dt.date,
) -> Oc3Birthday | None:
    """The next 17th to 21st birthday whose OC3 window has not closed, with the contact
    nearest the birthday in that window. A young person still looked after on their 17th or
    18th birthday, or ceasing on it, is not reported for it (SSDA903 rules 1007 and 1016)."""
    for years in OC3_BIRTHDAYS:
        day = birthday(date_of_birth, years)
        window_end = add_months(day, OC3_MONTHS_AFTER)
        if window_end < today:
            continue
        window_start = add_months(day, -OC3_MONTHS_BEFORE)
        in_window = [c for c in contacts if window_start <= c.contacted_on <= window_end]
        nearest = min(in_window, key=lambda c: abs((c.contacted_on - day).days), default=None)
        status = care_leaver_status(date_of_birth, stays, day)
        reason = ""
        if years in (17, 18) and (
            is_looked_after_on(stays, day) or is_looked_after_on(stays, day - dt.timedelta(days=1))
        ):
            # Ceasing to be looked after on the birthday itself counts as after it (rule 1016).
            reason = _("Still looked after on this birthday: not reported in OC3 for it.")
        elif status not in (CareLeaverStatus.RELEVANT, CareLeaverStatus.FORMER_RELEVANT) and (
            years < 21
            or care_leaver_status(date_of_birth, stays, day - dt.timedelta(days=1))
            != FORMER_RELEVANT
        ):
            reason = _("Not a relevant or former relevant young person on this birthday.")
        return Oc3Birthday(
            age=years,
            birthday=day,
            collection_year=collection_year(day),
            window_start=window_start,
            window_end=window_end,
            is_in_cohort=not reason,
            reason_not_in_cohort=reason,
            contact=nearest,
        )
    return None


def summarise(child: Any, today: dt.date) -> YoungPerson:
    """A young person's leaving-care picture on ``today``, read from the relations that
    ``LEAVING_PREFETCH`` loads, with the flags that inspectors look for (docs/domain.md stage 28;
    findings 26, 27, 57, 64, 71, 82)."""
    stays = stays_from_periods(child.periods_of_care.all())
    supports = list(child.support_to_25.all())
    has_support = any(
        s.requested_on <= today and (s.ended_on is None or s.ended_on > today) for s in supports
    )
    standing = standing_on(child.date_of_birth, stays, today, has_support_to_25=has_support)
    allocations = list(child.personal_adviser_allocations.all())
    current = next((a for a in allocations if a.is_open), None)
    contacts = list(child.care_leaver_contacts.all())
    plans = list(child.pathway_plans.all())
    latest_contact = contacts[0] if contacts else None
    with_accommodation = next((c for c in contacts if c.accommodation), None)
    with_activity = [c for c in contacts if c.activity]
    accommodation = with_accommodation.accommodation if with_accommodation else ""
    activity = with_activity[0].activity if with_activity else ""
    latest_plan = plans[0] if plans else None
    dob = child.date_of_birth
    plan_due_on = pathway_plan_first_due_on(dob, stays) if dob and not plans else None
    plan_review_due_on = (
        timescales.PATHWAY_PLAN_REVIEW.due_after(latest_plan.made_on) if latest_plan else None
    )
    last_contact_on = latest_contact.contacted_on if latest_contact else None
    contact_from = max(
        (day for day in (last_contact_on, standing.left_care_on) if day is not None),
        default=None,
    )
    contact_due_on = (
        timescales.CARE_LEAVER_CONTACT.due_after(contact_from)
        if contact_from and not standing.is_looked_after
        else None
    )
    person = YoungPerson(
        child=child,
        standing=standing,
        stays=stays,
        current_adviser_allocation=current,
        latest_contact=latest_contact,
        last_contact_on=last_contact_on,
        days_since_contact=(today - last_contact_on).days if last_contact_on else None,
        accommodation=accommodation,
        activity=activity,
        is_accommodation_suitable=accommodation_is_suitable(accommodation),
        is_eet=activity_is_eet(activity),
        latest_plan=latest_plan,
        plan_due_on=plan_due_on,
        plan_review_due_on=plan_review_due_on,
        contact_due_on=contact_due_on,
    )
    if standing.is_care_leaver:
        person.flags = _flags(person, with_activity, today)
    return person


def _flags(
    person: YoungPerson, with_activity: list[CareLeaverContact], today: dt.date
) -> list[Flag]:
    flags = []
    in_touch_ended = person.latest_contact is not None and person.latest_contact.in_touch in (
        CareLeaverInTouch.DIED,
        CareLeaverInTouch.NREQ,
        CareLeaverInTouch.RHOM,
    )
    if person.current_adviser_allocation is None:
        flags.append(Flag("no_adviser", _("No personal adviser")))
    if person.contact_due_on is not None and person.contact_due_on < today and not in_touch_ended:
        flags.append(Flag("no_recent_contact", _("No contact in 2 months")))
    if person.latest_plan is None:
        overdue = person.plan_due_on is not None and person.plan_due_on < today
        flags.append(Flag("no_pathway_plan", _("No pathway plan"), "red" if overdue else "orange"))
    elif person.plan_review_due_on and person.plan_review_due_on < today:
        flags.append(Flag("plan_review_overdue", _("Pathway plan review overdue")))
    if person.is_eet is False:
        flags.append(Flag("neet", _("NEET"), "orange"))
        previous = with_activity[1].activity if len(with_activity) > 1 else ""
        if activity_is_eet(previous):
            flags.append(Flag("left_eet", _("Left education, employment or training")))
    if person.is_accommodation_suitable is False:
        flags.append(Flag("unsuitable_accommodation", _("Unsuitable accommodation")))
    target = person.latest_plan.accommodation_target_on if person.latest_plan else None
    if target and target < today and person.is_accommodation_suitable is not True:
        flags.append(Flag("accommodation_delayed", _("Accommodation target date passed")))
    return flags
