"""Every statutory timescale Kinfolk watches, in one place (docs/duties.md).

Each rule is a class named after its identifier, with its source in its docstring. A rule
turns a child's casework into duties: what triggered each one, when it is due, what
completed it and when its context ended. Deadlines are computed, never typed in; the values
of the rules marked *local* come from settings.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings

from kinfolk.care.history import QUALIFYING_DAYS, Stay, birthday, days_looked_after_since_14
from kinfolk.core.working_days import add_months, add_working_days, age_on, due_after_hours
from kinfolk.duties.casework import CarePeriodFact, ChildCasework, PlanFact
from kinfolk.protection.choices import ConferenceKind


@dataclass(frozen=True, order=True)
class DutyFact:
    """One duty as the rules see it; ``key`` names what triggered it within the child."""

    rule: str
    key: str
    trigger_on: dt.date
    due_on: dt.date
    completed_on: dt.date | None
    context_ended_on: dt.date | None


class Status:
    DONE = "done"
    DONE_LATE = "done_late"
    DUE = "due"
    OVERDUE = "overdue"
    CANCELLED = "cancelled"
    MISSED = "missed"

    ALL = (DONE, DONE_LATE, DUE, OVERDUE, CANCELLED, MISSED)


def status_on(
    as_of: dt.date,
    *,
    due_on: dt.date,
    completed_on: dt.date | None,
    context_ended_on: dt.date | None,
) -> str:
    """The status of a duty on a date (docs/duties.md, Status): completions and endings after
    ``as_of`` are not yet known."""
    if completed_on is not None and completed_on <= as_of:
        return Status.DONE if completed_on <= due_on else Status.DONE_LATE
    if context_ended_on is not None and context_ended_on <= as_of:
        return Status.CANCELLED if context_ended_on <= due_on else Status.MISSED
    return Status.DUE if as_of <= due_on else Status.OVERDUE


def _earliest(*days: dt.date | None) -> dt.date | None:
    present = [day for day in days if day is not None]
    return min(present) if present else None


def _first_after(days: list[dt.date], after: dt.date, *, inclusive: bool = False) -> dt.date | None:
    return next((d for d in sorted(days) if d > after or (inclusive and d == after)), None)


class Rule:
    """A statutory timescale. Subclasses say what triggers the duty, its deadline, what
    completes it and what context ends it."""

    code: str = ""
    #: What must be done, in a worker's words.
    title: str = ""
    is_local: bool = False
    #: The birthday that ends the duty's context (18: childhood; 21: leaving-care support), or
    #: None when only the rule's own context ends it.
    ends_at_age: int | None = 18
    #: Whether the child's death ends the duty's context.
    ends_with_death: bool = True

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        raise NotImplementedError

    def fact(
        self,
        casework: ChildCasework,
        key: str,
        trigger_on: dt.date,
        due_on: dt.date,
        completed_on: dt.date | None,
        context_ended_on: dt.date | None,
    ) -> DutyFact:
        if self.ends_at_age is not None and casework.date_of_birth is not None:
            ends_on = birthday(casework.date_of_birth, self.ends_at_age)
            # A birthday still to come is not yet known to have ended anything.
            if casework.as_of is None or ends_on <= casework.as_of:
                context_ended_on = _earliest(context_ended_on, ends_on)
        if self.ends_with_death:
            context_ended_on = _earliest(context_ended_on, casework.date_of_death)
        return DutyFact(self.code, key, trigger_on, due_on, completed_on, context_ended_on)


class ScreeningOneWorkingDay(Rule):
    """screening-1wd (local): a contact is screened within 1 working day of being received.

    Source: local front-door standard; Working Together 2023 expects a decision on a referral
    within one working day. The number of working days is ``KINFOLK_SCREENING_WORKING_DAYS``.
    """

    code = "screening-1wd"
    title = "Screen the contact"
    is_local = True
    ends_at_age = None
    ends_with_death = False

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        days = settings.KINFOLK_SCREENING_WORKING_DAYS
        for contact in casework.contacts:
            yield self.fact(
                casework,
                f"contact:{contact.pk}",
                contact.received_on,
                add_working_days(contact.received_on, days),
                contact.screened_on,
                None,
            )


class AssessmentFortyFiveWorkingDays(Rule):
    """assessment-45wd: an assessment is authorised within 45 working days of its start.

    Source: Working Together 2023, assessment timescale; the DfE measures from the start to
    the authorisation (CIN census query 8670Q).
    """

    code = "assessment-45wd"
    title = "Authorise the assessment"

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for assessment in casework.assessments:
            episode = casework.episode(assessment.episode_id)
            yield self.fact(
                casework,
                f"assessment:{assessment.pk}",
                assessment.started_on,
                add_working_days(assessment.started_on, 45),
                assessment.authorised_on,
                episode.closed_on,
            )


class InitialConferenceFifteenWorkingDays(Rule):
    """icpc-15wd: the initial child protection conference is held within 15 working days of
    the later of the section 47 enquiry's start and the last strategy discussion held before
    the conference.

    Source: Working Together 2023, chapter 4 (initial child protection conferences).
    """

    code = "icpc-15wd"
    title = "Hold the initial child protection conference"

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for enquiry in casework.enquiries:
            conference = next(
                (
                    c
                    for c in casework.conferences
                    if c.kind == ConferenceKind.INITIAL and c.enquiry_id == enquiry.pk
                ),
                None,
            )
            # Strategy discussions that could have called this conference: before it, or,
            # with no conference, before the enquiry ended.
            held_by = conference.held_on if conference else enquiry.ended_on
            before = [d for d in casework.strategy_discussions if held_by is None or d < held_by]
            start = max([enquiry.started_on, *before])
            ended_without = (
                enquiry.ended_on
                if enquiry.ended_on and enquiry.is_conference_required is False
                else None
            )
            episode = casework.episode(enquiry.episode_id)
            yield self.fact(
                casework,
                f"enquiry:{enquiry.pk}",
                enquiry.started_on,
                add_working_days(start, 15),
                conference.held_on if conference else None,
                _earliest(ended_without, episode.closed_on),
            )


class CoreGroupTenWorkingDays(Rule):
    """core-group-10wd: the first core group meets within 10 working days of the initial
    conference that made the plan.

    Source: Working Together 2023, chapter 4 (the child protection plan and core group).
    """

    code = "core-group-10wd"
    title = "Hold the first core group"

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for plan in casework.protection_plans:
            meetings = [day for plan_id, day in casework.core_groups if plan_id == plan.pk]
            yield self.fact(
                casework,
                f"plan:{plan.pk}",
                plan.start_on,
                add_working_days(plan.start_on, 10),
                _first_after(meetings, plan.start_on, inclusive=True),
                plan.end_on,
            )


def _reviews(casework: ChildCasework, plan: PlanFact) -> list:
    return [
        c for c in casework.conferences if c.kind == ConferenceKind.REVIEW and c.plan_id == plan.pk
    ]


class FirstReviewThreeMonths(Rule):
    """cp-review-first-3m: the first review conference is held within 3 months of the plan's
    start.

    Source: Working Together 2023, chapter 4 (the child protection review conference).
    """

    code = "cp-review-first-3m"
    title = "Hold the first review conference"

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for plan in casework.protection_plans:
            reviews = [c.held_on for c in _reviews(casework, plan)]
            yield self.fact(
                casework,
                f"plan:{plan.pk}",
                plan.start_on,
                add_months(plan.start_on, 3),
                _first_after(reviews, plan.start_on),
                plan.end_on,
            )


class ReviewSixMonths(Rule):
    """cp-review-6m: after a review conference that continues the plan, the next review is
    held within 6 months.

    Source: Working Together 2023, chapter 4 (the child protection review conference).
    """

    code = "cp-review-6m"
    title = "Hold the next review conference"

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for plan in casework.protection_plans:
            reviews = _reviews(casework, plan)
            for review in reviews:
                if not review.is_plan_needed:
                    continue
                later = [c.held_on for c in reviews if c.held_on > review.held_on]
                yield self.fact(
                    casework,
                    f"review:{review.pk}",
                    review.held_on,
                    add_months(review.held_on, 6),
                    min(later) if later else None,
                    plan.end_on,
                )


class ProtectionVisitTenWorkingDays(Rule):
    """cp-visit-10wd (local): a child on a child protection plan is seen at a child
    protection visit within 10 working days of the plan's start and of each such visit.

    Source: a common local standard; the number of working days is
    ``KINFOLK_CP_VISIT_WORKING_DAYS``.
    """

    code = "cp-visit-10wd"
    title = "Visit and see the child (child protection plan)"
    is_local = True

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        days = settings.KINFOLK_CP_VISIT_WORKING_DAYS
        for plan in casework.protection_plans:
            visits = [
                (pk, day)
                for pk, day in casework.protection_visits_seen
                if day >= plan.start_on and (plan.end_on is None or day < plan.end_on)
            ]
            visit_days = [day for _pk, day in visits]
            triggers = [(f"plan:{plan.pk}", plan.start_on)] + [
                (f"visit:{pk}", day) for pk, day in visits
            ]
            for key, trigger_on in triggers:
                yield self.fact(
                    casework,
                    key,
                    trigger_on,
                    add_working_days(trigger_on, days),
                    _first_after(visit_days, trigger_on),
                    plan.end_on,
                )


def _care_starts(casework: ChildCasework) -> Iterator[CarePeriodFact]:
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

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for period in _care_starts(casework):
            plans = [day for period_id, day in casework.care_plans if period_id == period.pk]
            yield self.fact(
                casework,
                f"period:{period.pk}",
                period.start_on,
                add_working_days(period.start_on, 10),
                _first_after(plans, period.start_on, inclusive=True),
                period.end_on,
            )


def _period_reviews(casework: ChildCasework, period: CarePeriodFact) -> list[tuple[int, dt.date]]:
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

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for period in _care_starts(casework):
            reviews = [day for day, _pk in _period_reviews(casework, period)]
            yield self.fact(
                casework,
                f"period:{period.pk}",
                period.start_on,
                add_working_days(period.start_on, 20),
                _first_after(reviews, period.start_on, inclusive=True),
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
                add_months(first_on, 3),
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

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for period in casework.care_periods:
            reviews = _period_reviews(casework, period)
            for index, (held_on, pk) in enumerate(reviews[1:], start=1):
                following = reviews[index + 1][0] if index + 1 < len(reviews) else None
                yield self.fact(
                    casework,
                    f"review:{pk}",
                    held_on,
                    add_months(held_on, 6),
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
            ended = _earliest(period.end_on, min(later) if later else None)
            visited = _first_after(visits, placement.start_on, inclusive=True)
            if visited is not None and ended is not None and visited > ended:
                visited = None
            yield self.fact(
                casework,
                f"placement:{placement.pk}",
                placement.start_on,
                placement.start_on + dt.timedelta(weeks=1),
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
                visited_on + dt.timedelta(weeks=6),
                _first_after(days, visited_on),
                period.end_on,
            )


class InitialHealthAssessment(Rule):
    """iha-20wd: a child starting a period of care has an initial health assessment within 20
    working days.

    Source: Promoting the health and wellbeing of looked-after children, statutory guidance
    (DfE and DHSC, 2015), paragraph 41.
    """

    code = "iha-20wd"
    title = "Hold the initial health assessment"

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        initial = [day for _pk, day, kind in casework.health_assessments if kind == "initial"]
        for period in _care_starts(casework):
            done = _first_after(initial, period.start_on, inclusive=True)
            if done is not None and period.end_on is not None and done > period.end_on:
                done = None
            yield self.fact(
                casework,
                f"period:{period.pk}",
                period.start_on,
                add_working_days(period.start_on, 20),
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

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        days = [day for _pk, day, _kind in casework.health_assessments]
        for pk, assessed_on, _kind in casework.health_assessments:
            period = casework.care_period_on(assessed_on)
            if period is None:
                continue
            young = (
                casework.date_of_birth is not None
                and age_on(casework.date_of_birth, assessed_on) < 5
            )
            yield self.fact(
                casework,
                f"assessment:{pk}",
                assessed_on,
                add_months(assessed_on, 6 if young else 12),
                _first_after(days, assessed_on),
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

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        if casework.date_of_birth is None:
            return
        for period in _care_starts(casework):
            if not 3 <= age_on(casework.date_of_birth, period.start_on) <= 17:
                continue
            done = _first_after(list(casework.education_plans), period.start_on, inclusive=True)
            if done is not None and period.end_on is not None and done > period.end_on:
                done = None
            yield self.fact(
                casework,
                f"period:{period.pk}",
                period.start_on,
                add_working_days(period.start_on, 20),
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
                due_after_hours(episode.returned_at, 72),
                episode.offered_on,
                None,
            )


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
                add_months(trigger, 3),
                _first_after(list(casework.pathway_plans), trigger, inclusive=True),
                ended,
            )


class PathwayPlanReviewSixMonths(Rule):
    """pathway-plan-review-6m: each pathway plan is reviewed, as a new plan, within 6 months.

    Source: Care Leavers (England) Regulations 2010, regulation 7 (reviews at intervals of
    not more than six months).
    """

    code = "pathway-plan-review-6m"
    title = "Review the pathway plan"
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
                add_months(made_on, 6),
                _first_after(plans, made_on),
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
                add_months(trigger_on, 2),
                _first_after(contacts, trigger_on),
                None,
            )


#: The rules, in the order docs/duties.md lists them.
RULES: tuple[Rule, ...] = (
    ScreeningOneWorkingDay(),
    AssessmentFortyFiveWorkingDays(),
    InitialConferenceFifteenWorkingDays(),
    CoreGroupTenWorkingDays(),
    FirstReviewThreeMonths(),
    ReviewSixMonths(),
    ProtectionVisitTenWorkingDays(),
    CarePlanTenWorkingDays(),
    FirstLookedAfterReview(),
    SecondLookedAfterReview(),
    LaterLookedAfterReviews(),
    VisitWithinAWeekOfPlacement(),
    VisitEverySixWeeks(),
    InitialHealthAssessment(),
    ReviewHealthAssessment(),
    PersonalEducationPlanTwentyWorkingDays(),
    ReturnInterviewSeventyTwoHours(),
    PathwayPlanThreeMonths(),
    PathwayPlanReviewSixMonths(),
    CareLeaverContactTwoMonths(),
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def derive_duties(casework: ChildCasework) -> list[DutyFact]:
    """Every duty of every rule for one child, in a stable order."""
    return sorted(fact for rule in RULES for fact in rule.duties(casework))
