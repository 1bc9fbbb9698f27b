"""The duties of a child in care: the care plan, looked-after reviews and statutory visits
(Care Planning, Placement and Case Review (England) Regulations 2010)."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.core import timescales
from kinfolk.duties.facts import CarePeriodFact, ChildCasework
from kinfolk.duties.rules.base import DutyFact, Rule, earliest, first_after


def care_starts(casework: ChildCasework) -> Iterator[CarePeriodFact]:
    """The periods of care that started here (reason for new episode S)."""
    return (period for period in casework.care_periods if period.starts_care)


class CarePlanTenWorkingDays(Rule):
    """care-plan-10wd: a care plan is made within 10 working days of the start of a period of
    care.

    Source: Care Planning, Placement and Case Review (England) Regulations 2010, regulation 4
    (the care plan is prepared before the first placement or, if that is not practicable,
    within 10 working days of the start of the first placement).
    """

    code = "care-plan-10wd"
    title = "Make the care plan"
    timescale = timescales.CARE_PLAN

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for period in care_starts(casework):
            plans = [day for period_id, day in casework.care_plans if period_id == period.pk]
            yield self.fact(
                casework,
                f"period:{period.pk}",
                period.start_on,
                self.due_after(period.start_on),
                first_after(plans, period.start_on, inclusive=True),
                period.end_on,
            )


def _period_reviews(casework: ChildCasework, period: CarePeriodFact) -> list[tuple[dt.date, int]]:
    return sorted(
        (day, pk) for pk, period_id, day in casework.cla_reviews if period_id == period.pk
    )


class FirstLookedAfterReview(Rule):
    """cla-review-first-20wd: the first looked-after review of a period of care is held within
    20 working days of its start.

    Source: Care Planning, Placement and Case Review (England) Regulations 2010,
    regulation 33(1).
    """

    code = "cla-review-first-20wd"
    title = "Hold the first looked-after review"
    timescale = timescales.FIRST_LOOKED_AFTER_REVIEW

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for period in care_starts(casework):
            reviews = [day for day, _pk in _period_reviews(casework, period)]
            yield self.fact(
                casework,
                f"period:{period.pk}",
                period.start_on,
                self.due_after(period.start_on),
                first_after(reviews, period.start_on, inclusive=True),
                period.end_on,
            )


class SecondLookedAfterReview(Rule):
    """cla-review-second-3m: the second looked-after review is held within 3 months of the
    first.

    Source: Care Planning, Placement and Case Review (England) Regulations 2010,
    regulation 33(2)(a).
    """

    code = "cla-review-second-3m"
    title = "Hold the second looked-after review"
    timescale = timescales.SECOND_LOOKED_AFTER_REVIEW

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for period in casework.care_periods:
            reviews = _period_reviews(casework, period)
            if not reviews:
                continue
            first_on, first_pk = reviews[0]
            yield self.fact(
                casework,
                f"review:{first_pk}",
                first_on,
                self.due_after(first_on),
                reviews[1][0] if len(reviews) > 1 else None,
                period.end_on,
            )


class LaterLookedAfterReviews(Rule):
    """cla-review-6m: each looked-after review after the first is followed by the next within
    6 months.

    Source: Care Planning, Placement and Case Review (England) Regulations 2010,
    regulation 33(2)(b).
    """

    code = "cla-review-6m"
    title = "Hold the next looked-after review"
    timescale = timescales.LATER_LOOKED_AFTER_REVIEW

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for period in casework.care_periods:
            reviews = _period_reviews(casework, period)
            for index, (held_on, pk) in enumerate(reviews[1:], start=1):
                following = reviews[index + 1][0] if index + 1 < len(reviews) else None
                yield self.fact(
                    casework,
                    f"review:{pk}",
                    held_on,
                    self.due_after(held_on),
                    following,
                    period.end_on,
                )


class VisitWithinAWeekOfPlacement(Rule):
    """cla-visit-1w: a child in care is visited, and seen, within a week of each placement
    starting (the start of care or a change of placement).

    Source: Care Planning, Placement and Case Review (England) Regulations 2010,
    regulation 28(2)(a) (visits within one week of the start of any placement).
    """

    code = "cla-visit-1w"
    title = "Visit and see the child in their new placement"
    timescale = timescales.PLACEMENT_VISIT

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        periods = {period.pk: period for period in casework.care_periods}
        visits = [day for _pk, day in casework.cla_visits_seen]
        placements = sorted(casework.placements, key=lambda p: (p.start_on, p.pk))
        for index, placement in enumerate(placements):
            period = periods.get(placement.period_id)
            if period is None:
                continue
            later = [
                p.start_on
                for p in placements[index + 1 :]
                if p.period_id == placement.period_id and p.start_on > placement.start_on
            ]
            ended = earliest(period.end_on, min(later) if later else None)
            visited = first_after(visits, placement.start_on, inclusive=True)
            if visited is not None and ended is not None and visited > ended:
                visited = None
            yield self.fact(
                casework,
                f"placement:{placement.pk}",
                placement.start_on,
                self.due_after(placement.start_on),
                visited,
                ended,
            )


class VisitEverySixWeeks(Rule):
    """cla-visit-6w: after each statutory visit at which the child in care was seen, the next
    is within 6 weeks.

    Source: Care Planning, Placement and Case Review (England) Regulations 2010,
    regulation 28(2)(b) (then at intervals of not more than six weeks in the first year of a
    placement; an authority may set 3 months for long-term placements after their first year).
    """

    code = "cla-visit-6w"
    title = "Visit and see the child in care"
    timescale = timescales.CARE_VISIT

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        days = [day for _pk, day in casework.cla_visits_seen]
        for pk, visited_on in casework.cla_visits_seen:
            period = casework.care_period_on(visited_on)
            if period is None:
                continue
            yield self.fact(
                casework,
                f"visit:{pk}",
                visited_on,
                self.due_after(visited_on),
                first_after(days, visited_on),
                period.end_on,
            )
