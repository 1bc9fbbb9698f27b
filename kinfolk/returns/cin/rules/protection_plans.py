"""The CIN census rules on child protection plans: their start at the initial conference,
their end, categories of abuse, previous plans and reviews."""

from collections.abc import Iterator

from kinfolk.returns.cin.rules.base import (
    CATEGORIES_OF_ABUSE,
    CensusRule,
    after_death,
    ordered_pairs,
    overlaps,
)
from kinfolk.returns.cin.rules.census import Census
from kinfolk.returns.framework import Failure


class Rule1105(CensusRule):
    """A child protection plan cannot start before the referral of its episode."""

    code = "1105"
    message = "Child protection plan starts before the referral date"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            episode = data.episode(plan.episode_key)
            if (
                episode is not None
                and episode.referral_date is not None
                and plan.start is not None
                and plan.start < episode.referral_date
            ):
                yield self.fail(plan.la_child_id, "CPPstartDate")


class Rule2883(CensusRule):
    """Across the return, no more child protection plans may start in the census year than
    initial conferences were held in it: each plan starts at a conference."""

    code = "2883"
    message = "More child protection plans start in the year than initial conferences were held"

    def check(self, data: Census) -> Iterator[Failure]:
        plans = sum(
            plan.start is not None and data.in_period(plan.start) for plan in data.protection_plans
        )
        conferences = sum(
            episode.initial_cpc is not None and data.in_period(episode.initial_cpc)
            for episode in data.episodes
        ) + sum(
            enquiry.initial_cpc is not None and data.in_period(enquiry.initial_cpc)
            for enquiry in data.section47s
        )
        if plans > conferences:
            yield self.fail("", "CPPstartDate")


class Rule2885(CensusRule):
    """A child protection plan starting in the census year starts on the day of the initial
    conference: the one on each section 47 enquiry of its episode that records a conference,
    or the one on the episode itself (when no section 47 record gives one)."""

    code = "2885"
    message = "Child protection plan starts on a different day from the initial conference"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.start is None or not data.in_period(plan.start):
                continue
            episode = data.episode(plan.episode_key)
            if episode is not None and episode.initial_cpc == plan.start:
                continue
            enquiries = data.section47s_by_episode.get(plan.episode_key, [])
            conferences = [enquiry.initial_cpc for enquiry in enquiries]
            # Enquiries that ended without a conference say nothing about the plan's start,
            # as long as another enquiry of the episode records one.
            dated = [day for day in conferences if day is not None]
            if any(day != plan.start for day in (dated or conferences or [None])):
                yield self.fail(plan.la_child_id, "CPPstartDate")


class Rule8720(CensusRule):
    """A child protection plan must have a start date no later than the reference date."""

    code = "8720"
    message = "Child protection plan start date is missing or after the reference date"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.start is None or plan.start > data.reference_date:
                yield self.fail(plan.la_child_id, "CPPstartDate")


class Rule8730(CensusRule):
    """Every child protection plan must give the number of previous plans (0 or more)."""

    code = "8730"
    message = "Number of previous child protection plans is missing"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if not plan.previous_plans.isdigit():
                yield self.fail(plan.la_child_id, "NumberOfPreviousCPP")


class Rule8832(CensusRule):
    """A referral with no further action cannot have a child protection plan."""

    code = "8832"
    message = "A referral with no further action has a child protection plan"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.is_nfa and data.protection_plans_by_episode.get(episode.key):
                yield self.fail(episode.la_child_id, "CPPstartDate")


class Rule8840(CensusRule):
    """A child protection plan cannot start and end on the same day."""

    code = "8840"
    message = "Child protection plan starts and ends on the same day"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.start is not None and plan.end == plan.start:
                yield self.fail(plan.la_child_id, "CPPendDate")


class Rule8841(CensusRule):
    """A child protection review must be after the plan started."""

    code = "8841"
    message = "Child protection review date is on or before the plan start date"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.start is None:
                continue
            if any(review is not None and review <= plan.start for review in plan.reviews):
                yield self.fail(plan.la_child_id, "CPPreviewDate")


class Rule8842Q(CensusRule):
    """A Reviews group should contain a review date."""

    code = "8842Q"
    message = "Please check: a child protection plan's reviews group has no review date"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.has_reviews_group and any(review is None for review in plan.reviews):
                yield self.fail(plan.la_child_id, "CPPreviewDate")


class Rule8905(CensusRule):
    """The initial category of abuse must be given as a valid code."""

    code = "8905"
    message = "Initial category of abuse is missing or is not a valid code"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.initial_category not in CATEGORIES_OF_ABUSE:
                yield self.fail(plan.la_child_id, "InitialCategoryOfAbuse")


class Rule8910(CensusRule):
    """The latest category of abuse must be given as a valid code."""

    code = "8910"
    message = "Latest category of abuse is missing or is not a valid code"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.latest_category not in CATEGORIES_OF_ABUSE:
                yield self.fail(plan.la_child_id, "LatestCategoryOfAbuse")


class Rule8915(CensusRule):
    """A child protection plan cannot start after the child's death."""

    code = "8915"
    message = "Child protection plan starts after the child's date of death"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if after_death(data, plan.la_child_id, plan.start):
                yield self.fail(plan.la_child_id, "CPPstartDate")


class Rule8920(CensusRule):
    """A child protection plan cannot end after the child's death."""

    code = "8920"
    message = "Child protection plan ends after the child's date of death"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if after_death(data, plan.la_child_id, plan.end):
                yield self.fail(plan.la_child_id, "CPPendDate")


class Rule8925(CensusRule):
    """A child protection plan cannot end before it starts."""

    code = "8925"
    message = "Child protection plan end date is before its start date"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.start is not None and plan.end is not None and plan.end < plan.start:
                yield self.fail(plan.la_child_id, "CPPendDate")


class Rule8930(CensusRule):
    """A child protection plan end date must fall within the census year."""

    code = "8930"
    message = "Child protection plan end date is outside the census year"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.protection_plans:
            if plan.end is not None and not data.in_period(plan.end):
                yield self.fail(plan.la_child_id, "CPPendDate")


class Rule8935(CensusRule):
    """A child may have at most one open child protection plan."""

    code = "8935"
    message = "More than one open child protection plan for the child"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, plans in data.protection_plans_by_child.items():
            if sum(plan.end is None for plan in plans) > 1:
                yield self.fail(child_id, "CPPendDate")


class Rule8940(CensusRule):
    """A child's child protection plans must not overlap (one may start on the day another
    ends)."""

    code = "8940"
    message = "Child protection plans overlap"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, plans in data.protection_plans_by_child.items():
            for earlier, later in ordered_pairs(plans, lambda plan: plan.start):
                # ordered_pairs keeps only the plans with a start date.
                assert earlier.start is not None and later.start is not None
                if overlaps(earlier.start, earlier.end, later.start):
                    yield self.fail(child_id, "CPPstartDate")
                    break
