"""The CIN census rules on child in need episodes (CINdetails): the referral, its source and
primary need, no-further-action referrals, and the closure and its reason."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.returns.cin.rules.base import (
    CLOSED_AFTER_ASSESSMENT,
    PRIMARY_NEEDS,
    REASONS_FOR_CLOSURE,
    REFERRAL_SOURCES,
    CensusRule,
    after_death,
)
from kinfolk.returns.cin.rules.census import BOOLEAN_VALUES, Census, CINdetails
from kinfolk.returns.framework import Failure


def activity_dates(data: Census, episode: CINdetails) -> list[dt.date]:
    """Every date of work on an episode that its closure must not come before (rule 8565)."""
    dates: list[dt.date | None] = [episode.initial_cpc]
    for assessment in data.assessments_by_episode.get(episode.key, []):
        dates += [assessment.start, assessment.authorised]
    for enquiry in data.section47s_by_episode.get(episode.key, []):
        dates += [enquiry.start, enquiry.initial_cpc]
    for plan in data.protection_plans_by_episode.get(episode.key, []):
        dates.append(plan.end)
    for cin_plan in data.cin_plans_by_episode.get(episode.key, []):
        dates += [cin_plan.start, cin_plan.end]
    return [day for day in dates if day is not None]


class Rule2990(CensusRule):
    """An episode closed after assessment (RC8, no further action; RC9, early help) must have
    no section 47 enquiry, child protection plan, initial conference or child in need plan."""

    code = "2990"
    message = (
        "Episode closed after assessment (RC8 or RC9) has a section 47 enquiry, an initial "
        "conference, a child protection plan or a child in need plan"
    )

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.reason_for_closure not in CLOSED_AFTER_ASSESSMENT:
                continue
            key = episode.key
            if (
                data.section47s_by_episode.get(key)
                or data.protection_plans_by_episode.get(key)
                or data.cin_plans_by_episode.get(key)
                or episode.initial_cpc is not None
            ):
                yield self.fail(episode.la_child_id, "ReasonForClosure")


class Rule8555Q(CensusRule):
    """A referral should not be dated after the child's death."""

    code = "8555Q"
    message = "Please check: referral date is after the child's date of death"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if after_death(data, episode.la_child_id, episode.referral_date):
                yield self.fail(episode.la_child_id, "CINreferralDate")


class Rule8565(CensusRule):
    """A closure date must be on or after every assessment, section 47, conference, child
    protection plan end and child in need plan date of the episode."""

    code = "8565"
    message = "Activity shown after a case has been closed"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.closure_date is None:
                continue
            if any(day > episode.closure_date for day in activity_dates(data, episode)):
                yield self.fail(episode.la_child_id, "CINclosureDate")


class Rule8568(CensusRule):
    """Every episode must say whether the referral was one with no further action (true/1 or
    false/0)."""

    code = "8568"
    message = "Referral NFA is missing or is not true, false, 1 or 0"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.referral_nfa not in BOOLEAN_VALUES:
                yield self.fail(episode.la_child_id, "ReferralNFA")


class Rule8569Q(CensusRule):
    """A referral with no further action should be dated no earlier than one working day
    before the census year: an older referral would already have been decided."""

    code = "8569Q"
    message = "Please check: a referral with no further action is dated before the census year"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        earliest = data.working_day_before_start()
        for episode in data.episodes:
            if (
                episode.is_nfa
                and episode.referral_date is not None
                and episode.referral_date < earliest
            ):
                yield self.fail(episode.la_child_id, "ReferralNFA")


class Rule8585Q(CensusRule):
    """An episode closed because the child died (RC2) should come with a date of death."""

    code = "8585Q"
    message = "Please check: episode closed because the child died, but no date of death"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            child = data.child(episode.la_child_id)
            if episode.reason_for_closure == "RC2" and (child is None or child.death_date is None):
                yield self.fail(episode.la_child_id, "PersonDeathDate")


class Rule8590(CensusRule):
    """Every child in the return must have at least one child in need episode."""

    code = "8590"
    message = "The child has no child in need episode (CINdetails)"

    def check(self, data: Census) -> Iterator[Failure]:
        for child in data.children:
            if not data.episodes_by_child.get(child.la_child_id):
                yield self.fail(child.la_child_id, "CINdetails")


class Rule8600(CensusRule):
    """A referral date must be given and be no later than the reference date."""

    code = "8600"
    message = "Referral date is missing or is after the reference date"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.referral_date is None or episode.referral_date > data.reference_date:
                yield self.fail(episode.la_child_id, "CINreferralDate")


class Rule8606(CensusRule):
    """A referral may be made before birth, but no more than 280 days before the date of
    birth (or the expected date)."""

    code = "8606"
    message = "Referral date is more than 40 weeks before the date of birth"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            child = data.child(episode.la_child_id)
            if child is None or episode.referral_date is None:
                continue
            born = child.birth_date or child.expected_birth_date
            if born is not None and episode.referral_date < born - dt.timedelta(days=280):
                yield self.fail(episode.la_child_id, "CINreferralDate")


class Rule8610(CensusRule):
    """Unless the referral had no further action, the episode must give a primary need."""

    code = "8610"
    message = "Primary need code is missing for a referral that led to further action"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if not episode.is_nfa and not episode.primary_need:
                yield self.fail(episode.la_child_id, "PrimaryNeedCode")


class Rule8620(CensusRule):
    """A closure date must fall within the census year."""

    code = "8620"
    message = "Closure date is outside the census year"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.closure_date is not None and not data.in_period(episode.closure_date):
                yield self.fail(episode.la_child_id, "CINclosureDate")


class Rule8630(CensusRule):
    """A closure date must not be before the referral date."""

    code = "8630"
    message = "Closure date is before the referral date"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if (
                episode.closure_date is not None
                and episode.referral_date is not None
                and episode.closure_date < episode.referral_date
            ):
                yield self.fail(episode.la_child_id, "CINclosureDate")


class Rule8640(CensusRule):
    """A reason for closure, if given, must be one of RC1 to RC9."""

    code = "8640"
    message = "Reason for closure is not a valid code"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            reason = episode.reason_for_closure
            if reason and reason not in REASONS_FOR_CLOSURE:
                yield self.fail(episode.la_child_id, "ReasonForClosure")


class Rule8650(CensusRule):
    """A primary need, if given, must be one of N0 to N9."""

    code = "8650"
    message = "Primary need code is not a valid code"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.primary_need and episode.primary_need not in PRIMARY_NEEDS:
                yield self.fail(episode.la_child_id, "PrimaryNeedCode")


class Rule8805(CensusRule):
    """A closed episode must give its reason for closure."""

    code = "8805"
    message = "Closure date is given but the reason for closure is missing"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.closure_date is not None and not episode.reason_for_closure:
                yield self.fail(episode.la_child_id, "ReasonForClosure")


class Rule8810(CensusRule):
    """A reason for closure may only be given for a closed episode."""

    code = "8810"
    message = "Reason for closure is given but the closure date is missing"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.reason_for_closure and episode.closure_date is None:
                yield self.fail(episode.la_child_id, "CINclosureDate")


class Rule8815(CensusRule):
    """A child may have only one open episode that is not a referral with no further action."""

    code = "8815"
    message = "More than one open child in need episode for the child"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, episodes in data.episodes_by_child.items():
            open_episodes = [e for e in episodes if e.is_open and not e.is_nfa]
            if len(open_episodes) > 1:
                yield self.fail(child_id, "CINclosureDate")


class Rule8816(CensusRule):
    """An open episode (other than a referral with no further action) must be the child's
    latest: no other referral may be dated after it."""

    code = "8816"
    message = "An open child in need episode is not the latest episode for the child"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, episodes in data.episodes_by_child.items():
            for episode in episodes:
                if not episode.is_open or episode.is_nfa or episode.referral_date is None:
                    continue
                referral = episode.referral_date
                if any(
                    other.referral_date is not None and other.referral_date > referral
                    for other in episodes
                    if other is not episode
                ):
                    yield self.fail(child_id, "CINclosureDate")
                    break


class Rule8820(CensusRule):
    """A child's episodes must not overlap: no referral may fall after the referral of
    another episode and before its closure, or, for an open episode that is not a referral
    with no further action, after its referral at all (one episode may start on the day the
    one before it closed)."""

    code = "8820"
    message = "The dates on the child in need episodes of the child overlap"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, episodes in data.episodes_by_child.items():
            if any(
                self._falls_within(episode, other, data.reference_date)
                for episode in episodes
                for other in episodes
                if other is not episode
            ):
                yield self.fail(child_id, "CINreferralDate")

    @staticmethod
    def _falls_within(episode: CINdetails, other: CINdetails, reference_date: dt.date) -> bool:
        referral = episode.referral_date
        if referral is None or other.referral_date is None or referral < other.referral_date:
            return False
        if other.closure_date is not None:
            return referral < other.closure_date
        return not other.is_nfa and referral <= reference_date


class Rule8825Q(CensusRule):
    """An episode closed after assessment (RC8 or RC9) should have an assessment."""

    code = "8825Q"
    message = "Please check: episode closed after assessment (RC8 or RC9) but has no assessment"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.reason_for_closure in CLOSED_AFTER_ASSESSMENT and not (
                data.assessments_by_episode.get(episode.key)
            ):
                yield self.fail(episode.la_child_id, "ReasonForClosure")


class Rule8831(CensusRule):
    """A referral with no further action must have no assessment, section 47 enquiry or
    initial conference."""

    code = "8831"
    message = "A referral with no further action has an assessment, section 47 or conference"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if not episode.is_nfa:
                continue
            if (
                data.assessments_by_episode.get(episode.key)
                or data.section47s_by_episode.get(episode.key)
                or episode.initial_cpc is not None
            ):
                yield self.fail(episode.la_child_id, "ReferralNFA")


class Rule8866(CensusRule):
    """Every referral must give its source as a valid code."""

    code = "8866"
    message = "Source of referral is missing or is not a valid code"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.referral_source not in REFERRAL_SOURCES:
                yield self.fail(episode.la_child_id, "ReferralSource")
