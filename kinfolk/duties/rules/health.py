"""The duties of a child in care's health and education, and of a child's return from being
missing: health assessments, the personal education plan and the return interview."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.core import timescales
from kinfolk.core.working_days import age_on
from kinfolk.duties.facts import ChildCasework
from kinfolk.duties.rules.base import DutyFact, Rule, first_after
from kinfolk.duties.rules.care import care_starts


class InitialHealthAssessment(Rule):
    """iha-20wd: a child starting a period of care has an initial health assessment within 20
    working days.

    Source: Promoting the health and wellbeing of looked-after children, statutory guidance
    (DfE and DHSC, 2015), paragraph 41.
    """

    code = "iha-20wd"
    title = "Hold the initial health assessment"
    timescale = timescales.INITIAL_HEALTH_ASSESSMENT

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        initial = [day for _pk, day, kind in casework.health_assessments if kind == "initial"]
        for period in care_starts(casework):
            done = first_after(initial, period.start_on, inclusive=True)
            if done is not None and period.end_on is not None and done > period.end_on:
                done = None
            yield self.fact(
                casework,
                f"period:{period.pk}",
                period.start_on,
                self.due_after(period.start_on),
                done,
                period.end_on,
            )


class ReviewHealthAssessment(Rule):
    """rha: after each health assessment in care, the next is within 6 months for a child
    under 5 on the day of the assessment, and otherwise within 12 months.

    Source: Promoting the health and wellbeing of looked-after children, statutory guidance
    (DfE and DHSC, 2015), paragraph 44.
    """

    code = "rha"
    title = "Hold the review health assessment"

    def due_after(
        self, trigger: dt.date | dt.datetime, date_of_birth: dt.date | None = None
    ) -> dt.date:
        """The due date of the next assessment after one on ``trigger``, which depends on the
        child's age that day (``timescales.review_health_assessment``)."""
        day = trigger.date() if isinstance(trigger, dt.datetime) else trigger
        return timescales.review_health_assessment(date_of_birth, day).due_after(day)

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        days = [day for _pk, day, _kind in casework.health_assessments]
        for pk, assessed_on, _kind in casework.health_assessments:
            period = casework.care_period_on(assessed_on)
            if period is None:
                continue
            yield self.fact(
                casework,
                f"assessment:{pk}",
                assessed_on,
                self.due_after(assessed_on, casework.date_of_birth),
                first_after(days, assessed_on),
                period.end_on,
            )


class PersonalEducationPlanTwentyWorkingDays(Rule):
    """pep-20wd: a child aged 3 to 17 starting a period of care has a personal education plan
    within 20 working days, in time for the first review.

    Source: Promoting the education of looked-after children and previously looked-after
    children, statutory guidance (DfE, 2018), paragraphs 42-43.
    """

    code = "pep-20wd"
    title = "Make the personal education plan"
    timescale = timescales.PERSONAL_EDUCATION_PLAN

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        if casework.date_of_birth is None:
            return
        for period in care_starts(casework):
            if not 3 <= age_on(casework.date_of_birth, period.start_on) <= 17:
                continue
            done = first_after(list(casework.education_plans), period.start_on, inclusive=True)
            if done is not None and period.end_on is not None and done > period.end_on:
                done = None
            yield self.fact(
                casework,
                f"period:{period.pk}",
                period.start_on,
                self.due_after(period.start_on),
                done,
                period.end_on,
            )


class ReturnInterviewSeventyTwoHours(Rule):
    """rhi-72h: a child who returns from being missing or away is offered a return interview
    within 72 hours of the return.

    Source: Children who run away or go missing from home or care, statutory guidance (DfE,
    2014), paragraph 48.
    """

    code = "rhi-72h"
    title = "Offer the return interview"
    timescale = timescales.RETURN_INTERVIEW
    ends_at_age = None
    ends_with_death = False

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for episode in casework.missing_episodes:
            if episode.returned_at is None or episode.returned_on is None:
                continue
            yield self.fact(
                casework,
                f"missing:{episode.pk}",
                episode.returned_on,
                self.due_after(episode.returned_at),
                episode.offered_on,
                None,
            )
