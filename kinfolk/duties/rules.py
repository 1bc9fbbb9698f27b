"""Every statutory timescale Kinfolk watches, in one place (DUTIES.md).

Each rule is a class named after its identifier, with its source in its docstring. A rule
turns a child's casework into duties: what triggered each one, when it is due, what
completed it and when its context ended. Deadlines are computed, never typed in; the values
of the rules marked *local* come from settings.
"""

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from django.conf import settings

from kinfolk.core.working_days import add_months, add_working_days
from kinfolk.duties.casework import ChildCasework, PlanFact
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
    """The status of a duty on a date (DUTIES.md, Status): completions and endings after
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
    #: Whether the child's death or 18th birthday ends the duty's context.
    ends_with_childhood: bool = True

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
        if self.ends_with_childhood:
            eighteenth = (
                add_months(casework.date_of_birth, 18 * 12) if casework.date_of_birth else None
            )
            if eighteenth and casework.as_of and eighteenth > casework.as_of:
                eighteenth = None
            context_ended_on = _earliest(context_ended_on, casework.date_of_death, eighteenth)
        return DutyFact(self.code, key, trigger_on, due_on, completed_on, context_ended_on)


class ScreeningOneWorkingDay(Rule):
    """screening-1wd (local): a contact is screened within 1 working day of being received.

    Source: local front-door standard; Working Together 2023 expects a decision on a referral
    within one working day. The number of working days is ``KINFOLK_SCREENING_WORKING_DAYS``.
    """

    code = "screening-1wd"
    title = "Screen the contact"
    is_local = True
    ends_with_childhood = False

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


#: The rules, in the order DUTIES.md lists them.
RULES: tuple[Rule, ...] = (
    ScreeningOneWorkingDay(),
    AssessmentFortyFiveWorkingDays(),
    InitialConferenceFifteenWorkingDays(),
    CoreGroupTenWorkingDays(),
    FirstReviewThreeMonths(),
    ReviewSixMonths(),
    ProtectionVisitTenWorkingDays(),
)
RULES_BY_CODE = {rule.code: rule for rule in RULES}


def derive_duties(casework: ChildCasework) -> list[DutyFact]:
    """Every duty of every rule for one child, in a stable order."""
    return sorted(fact for rule in RULES for fact in rule.duties(casework))
