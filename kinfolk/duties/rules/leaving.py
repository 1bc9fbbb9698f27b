"""The duties of a young person leaving care: the pathway plan, its reviews and the personal
adviser keeping in touch (Care Leavers (England) Regulations 2010)."""

from collections.abc import Iterator

from kinfolk.care.history import QUALIFYING_DAYS, Stay, birthday, days_looked_after_since_14
from kinfolk.core import timescales
from kinfolk.duties.facts import ChildCasework
from kinfolk.duties.rules.base import DutyFact, Rule, first_after


def _stays(casework: ChildCasework) -> list[Stay]:
    return [Stay(p.start_on, p.end_on) for p in casework.care_periods if not p.is_short_breaks]


class PathwayPlanThreeMonths(Rule):
    """pathway-plan-3m: a looked-after young person has a pathway plan within 3 months of
    turning 16 in care, or of starting a period of care after their 16th birthday.

    The duty ends without a plan only if care ends before the young person is eligible (13
    weeks looked after since their 14th birthday), or they die.

    Source: Care Leavers (England) Regulations 2010, regulations 5-6; the Children Act 1989,
    Schedule 2, paragraph 19B.
    """

    code = "pathway-plan-3m"
    title = "Make the pathway plan"
    timescale = timescales.PATHWAY_PLAN
    ends_at_age = None

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        born = casework.date_of_birth
        if born is None:
            return
        sixteenth, eighteenth = birthday(born, 16), birthday(born, 18)
        stays = _stays(casework)
        for period in casework.care_periods:
            if period.is_short_breaks:
                continue
            trigger = max(period.start_on, sixteenth)
            if trigger >= eighteenth or (period.end_on is not None and period.end_on < trigger):
                continue
            ended = None
            if period.end_on is not None and (
                days_looked_after_since_14(born, stays, period.end_on) < QUALIFYING_DAYS
            ):
                ended = period.end_on
            yield self.fact(
                casework,
                f"period:{period.pk}",
                trigger,
                self.due_after(trigger),
                first_after(list(casework.pathway_plans), trigger, inclusive=True),
                ended,
            )


class PathwayPlanReviewSixMonths(Rule):
    """pathway-plan-review-6m: each pathway plan is reviewed, as a new plan, within 6 months.

    Source: Care Leavers (England) Regulations 2010, regulation 7 (reviews at intervals of
    not more than six months).
    """

    code = "pathway-plan-review-6m"
    title = "Review the pathway plan"
    timescale = timescales.PATHWAY_PLAN_REVIEW
    ends_at_age = 21

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        plans = sorted(casework.pathway_plans)
        for index, made_on in enumerate(plans):
            if index and made_on == plans[index - 1]:
                continue
            yield self.fact(
                casework,
                f"plan:{made_on.isoformat()}",
                made_on,
                self.due_after(made_on),
                first_after(plans, made_on),
                None,
            )


class CareLeaverContactTwoMonths(Rule):
    """care-leaver-contact-2m: a relevant or former relevant young person is in touch with
    their personal adviser at least every 2 months: after leaving care on or after their 16th
    birthday having been looked after 13 weeks since their 14th, and after each contact at
    which they were in touch.

    Source: Care Leavers (England) Regulations 2010, regulations 8 and 9 (the personal
    adviser keeps in touch); local practice sets the interval, 2 months being the common one.
    """

    code = "care-leaver-contact-2m"
    title = "Be in touch with the care leaver"
    timescale = timescales.CARE_LEAVER_CONTACT
    ends_at_age = 21

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        born = casework.date_of_birth
        if born is None:
            return
        sixteenth = birthday(born, 16)
        stays = _stays(casework)
        contacts = [day for _pk, day in casework.care_leaver_contacts]
        triggers = [
            (f"left-care:{period.pk}", period.end_on)
            for period in casework.care_periods
            if period.end_on is not None
            and not period.is_short_breaks
            and period.end_on >= sixteenth
            and days_looked_after_since_14(born, stays, period.end_on) >= QUALIFYING_DAYS
        ] + [(f"contact:{pk}", day) for pk, day in casework.care_leaver_contacts]
        for key, trigger_on in triggers:
            yield self.fact(
                casework,
                key,
                trigger_on,
                self.due_after(trigger_on),
                first_after(contacts, trigger_on),
                None,
            )
