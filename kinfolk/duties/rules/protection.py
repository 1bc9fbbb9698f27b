"""The duties of child protection: the initial conference, the first core group, review
conferences and visits to a child on a plan (Working Together 2023, chapter 4)."""

from collections.abc import Iterator

from kinfolk.core import timescales
from kinfolk.duties.facts import ChildCasework, ConferenceFact, PlanFact
from kinfolk.duties.rules.base import DutyFact, Rule, earliest, first_after
from kinfolk.protection.choices import ConferenceKind


class InitialConferenceFifteenWorkingDays(Rule):
    """icpc-15wd: the initial child protection conference is held within 15 working days of
    the later of the section 47 enquiry's start and the last strategy discussion held before
    the conference.

    Source: Working Together 2023, chapter 4 (initial child protection conferences).
    """

    code = "icpc-15wd"
    title = "Hold the initial child protection conference"
    timescale = timescales.INITIAL_CONFERENCE

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
                self.due_after(start),
                conference.held_on if conference else None,
                earliest(ended_without, episode.closed_on),
            )


class CoreGroupTenWorkingDays(Rule):
    """core-group-10wd: the first core group meets within 10 working days of the initial
    conference that made the plan.

    Source: Working Together 2023, chapter 4 (the child protection plan and core group).
    """

    code = "core-group-10wd"
    title = "Hold the first core group"
    timescale = timescales.FIRST_CORE_GROUP

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for plan in casework.protection_plans:
            meetings = [day for plan_id, day in casework.core_groups if plan_id == plan.pk]
            yield self.fact(
                casework,
                f"plan:{plan.pk}",
                plan.start_on,
                self.due_after(plan.start_on),
                first_after(meetings, plan.start_on, inclusive=True),
                plan.end_on,
            )


def _reviews(casework: ChildCasework, plan: PlanFact) -> list[ConferenceFact]:
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
    timescale = timescales.FIRST_REVIEW_CONFERENCE

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for plan in casework.protection_plans:
            reviews = [c.held_on for c in _reviews(casework, plan)]
            yield self.fact(
                casework,
                f"plan:{plan.pk}",
                plan.start_on,
                self.due_after(plan.start_on),
                first_after(reviews, plan.start_on),
                plan.end_on,
            )


class ReviewSixMonths(Rule):
    """cp-review-6m: after a review conference that continues the plan, the next review is
    held within 6 months.

    Source: Working Together 2023, chapter 4 (the child protection review conference).
    """

    code = "cp-review-6m"
    title = "Hold the next review conference"
    timescale = timescales.REVIEW_CONFERENCE

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
                    self.due_after(review.held_on),
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
    timescale = timescales.PROTECTION_VISIT

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
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
                    self.due_after(trigger_on),
                    first_after(visit_days, trigger_on),
                    plan.end_on,
                )
