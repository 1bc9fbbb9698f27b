"""The CIN census rules on child in need plans (CINPlanDates) and how they sit with the child
protection plans: a child is on one kind of plan at a time."""

from collections.abc import Iterator

from kinfolk.returns.cin.rules.base import CensusRule, after_death, ordered_pairs, overlaps
from kinfolk.returns.cin.rules.census import Census
from kinfolk.returns.framework import Failure


class Rule4000(CensusRule):
    """A referral with no further action cannot have a child in need plan."""

    code = "4000"
    message = "A referral with no further action has a child in need plan"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.is_nfa and data.cin_plans_by_episode.get(episode.key):
                yield self.fail(episode.la_child_id, "CINPlanStartDate")


class Rule4001(CensusRule):
    """An episode cannot have an open child in need plan and an open child protection plan."""

    code = "4001"
    message = "A child in need plan and a child protection plan are open at the same time"

    def check(self, data: Census) -> Iterator[Failure]:
        for key, plans in data.cin_plans_by_episode.items():
            cin_open = any(plan.end is None for plan in plans)
            cp_open = any(p.end is None for p in data.protection_plans_by_episode.get(key, []))
            if cin_open and cp_open:
                yield self.fail(key[0], "CINPlanEndDate")


class Rule4003(CensusRule):
    """A child protection review cannot be held while the child is on a child in need plan
    (on or after its start and before its end), unless it is the review on the day the
    protection plan ended."""

    code = "4003"
    message = "A child protection review date falls within a child in need plan"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, plans in data.cin_plans_by_child.items():
            reviews = [
                review
                for protection_plan in data.protection_plans_by_child.get(child_id, [])
                for review in protection_plan.reviews
                if review is not None and review != protection_plan.end
            ]
            if any(
                plan.start is not None
                and plan.start <= review
                and (plan.end is None or review < plan.end)
                for plan in plans
                for review in reviews
            ):
                yield self.fail(child_id, "CPPreviewDate")


class Rule4004(CensusRule):
    """An episode may have at most one open child in need plan."""

    code = "4004"
    message = "More than one open child in need plan in the episode"

    def check(self, data: Census) -> Iterator[Failure]:
        for key, plans in data.cin_plans_by_episode.items():
            if sum(plan.end is None for plan in plans) > 1:
                yield self.fail(key[0], "CINPlanEndDate")


class Rule4008(CensusRule):
    """A child in need plan cannot start after the child's death."""

    code = "4008"
    message = "Child in need plan starts after the child's date of death"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.cin_plans:
            if after_death(data, plan.la_child_id, plan.start):
                yield self.fail(plan.la_child_id, "CINPlanStartDate")


class Rule4009Q(CensusRule):
    """A child in need plan should not end after the child's death."""

    code = "4009Q"
    message = "Please check: child in need plan ends after the child's date of death"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.cin_plans:
            if after_death(data, plan.la_child_id, plan.end):
                yield self.fail(plan.la_child_id, "CINPlanEndDate")


class Rule4010(CensusRule):
    """A child in need plan must have a start date no later than the reference date."""

    code = "4010"
    message = "Child in need plan start date is missing or after the reference date"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.cin_plans:
            if plan.start is None or plan.start > data.reference_date:
                yield self.fail(plan.la_child_id, "CINPlanStartDate")


class Rule4011(CensusRule):
    """A child in need plan cannot end before it starts."""

    code = "4011"
    message = "Child in need plan end date is before its start date"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.cin_plans:
            if plan.start is not None and plan.end is not None and plan.end < plan.start:
                yield self.fail(plan.la_child_id, "CINPlanEndDate")


class Rule4012Q(CensusRule):
    """A child in need plan that starts and ends on the same day is unlikely."""

    code = "4012Q"
    message = "Please check: child in need plan starts and ends on the same day"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.cin_plans:
            if plan.start is not None and plan.end == plan.start:
                yield self.fail(plan.la_child_id, "CINPlanEndDate")


class Rule4013(CensusRule):
    """A child in need plan end date must fall within the census year."""

    code = "4013"
    message = "Child in need plan end date is outside the census year"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.cin_plans:
            if plan.end is not None and not data.in_period(plan.end):
                yield self.fail(plan.la_child_id, "CINPlanEndDate")


class Rule4014(CensusRule):
    """A child's child in need plans must not overlap (one may start on the day another
    ends)."""

    code = "4014"
    message = "Child in need plans overlap"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, plans in data.cin_plans_by_child.items():
            for earlier, later in ordered_pairs(plans, lambda plan: plan.start):
                # ordered_pairs keeps only the plans with a start date.
                assert earlier.start is not None and later.start is not None
                if overlaps(earlier.start, earlier.end, later.start):
                    yield self.fail(child_id, "CINPlanStartDate")
                    break


class Rule4015(CensusRule):
    """A child in need plan cannot start before the referral of its episode."""

    code = "4015"
    message = "Child in need plan starts before the referral date"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.cin_plans:
            episode = data.episode(plan.episode_key)
            if (
                episode is not None
                and episode.referral_date is not None
                and plan.start is not None
                and plan.start < episode.referral_date
            ):
                yield self.fail(plan.la_child_id, "CINPlanStartDate")


class Rule4016(CensusRule):
    """A child in need plan cannot start while the child is on a child protection plan,
    except on the day that plan ends."""

    code = "4016"
    message = "Child in need plan starts during a child protection plan"

    def check(self, data: Census) -> Iterator[Failure]:
        for plan in data.cin_plans:
            if plan.start is None:
                continue
            for protection_plan in data.protection_plans_by_child.get(plan.la_child_id, []):
                if protection_plan.start is not None and overlaps(
                    protection_plan.start, protection_plan.end, plan.start
                ):
                    yield self.fail(plan.la_child_id, "CINPlanStartDate")
                    break


class Rule4017(CensusRule):
    """A child protection plan cannot start while the child is on a child in need plan,
    except on the day that plan ends."""

    code = "4017"
    message = "Child protection plan starts during a child in need plan"

    def check(self, data: Census) -> Iterator[Failure]:
        for protection_plan in data.protection_plans:
            if protection_plan.start is None:
                continue
            for plan in data.cin_plans_by_child.get(protection_plan.la_child_id, []):
                if plan.start is not None and overlaps(plan.start, plan.end, protection_plan.start):
                    yield self.fail(protection_plan.la_child_id, "CPPstartDate")
                    break
