"""The CIN census rules on section 47 enquiries (Children Act 1989 s.47) and initial child
protection conferences."""

import datetime as dt
from collections.abc import Iterator

from kinfolk.core.working_days import working_days_between
from kinfolk.returns.cin.rules.base import CensusRule
from kinfolk.returns.cin.rules.census import TRUE_VALUES, Census, Section47
from kinfolk.returns.framework import Failure

#: Working Together 2023: an initial conference within 15 working days of the strategy
#: discussion that started the enquiry.
CONFERENCE_WORKING_DAYS = 15


class Rule1104(CensusRule):
    """An initial conference cannot be before the referral of its episode."""

    code = "1104"
    message = "Initial child protection conference date is before the referral date"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.referral_date is None:
                continue
            conferences = [episode.initial_cpc] + [
                enquiry.initial_cpc for enquiry in data.section47s_by_episode.get(episode.key, [])
            ]
            if any(day is not None and day < episode.referral_date for day in conferences):
                yield self.fail(episode.la_child_id, "DateOfInitialCPC")


class Rule2884(CensusRule):
    """An initial conference is recorded once: on its section 47 enquiry, or on the episode
    when it has no section 47 record. The same conference date on an episode and on one of
    the child's enquiries means it was recorded twice."""

    code = "2884"
    message = "Initial conference recorded on both the section 47 enquiry and the episode"

    def check(self, data: Census) -> Iterator[Failure]:
        for child_id, episodes in data.episodes_by_child.items():
            enquiry_conferences = {
                enquiry.initial_cpc
                for episode in episodes
                for enquiry in data.section47s_by_episode.get(episode.key, [])
                if enquiry.initial_cpc is not None
            }
            if any(episode.initial_cpc in enquiry_conferences for episode in episodes):
                yield self.fail(child_id, "DateOfInitialCPC")


class Rule2889(CensusRule):
    """A section 47 enquiry cannot start before the referral of its episode."""

    code = "2889"
    message = "Section 47 enquiry starts before the referral date"

    def check(self, data: Census) -> Iterator[Failure]:
        for enquiry in data.section47s:
            episode = data.episode(enquiry.episode_key)
            if (
                episode is not None
                and episode.referral_date is not None
                and enquiry.start is not None
                and enquiry.start < episode.referral_date
            ):
                yield self.fail(enquiry.la_child_id, "S47ActualStartDate")


class Rule8615(CensusRule):
    """A section 47 enquiry that led to an initial conference must have a start date on or
    before the conference."""

    code = "8615"
    message = "Section 47 start date is missing or after the initial conference"

    def check(self, data: Census) -> Iterator[Failure]:
        for enquiry in data.section47s:
            if enquiry.initial_cpc is not None and (
                enquiry.start is None or enquiry.start > enquiry.initial_cpc
            ):
                yield self.fail(enquiry.la_child_id, "S47ActualStartDate")


class Rule8675Q(CensusRule):
    """A section 47 enquiry with no conference yet, and not marked as needing none, should
    have started no more than 15 working days before the reference date."""

    code = "8675Q"
    message = "Please check: a section 47 enquiry has had no conference for over 15 working days"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for enquiry in data.section47s:
            if (
                not enquiry.is_concluded
                and enquiry.start is not None
                and working_days_between(enquiry.start, data.reference_date)
                > CONFERENCE_WORKING_DAYS
            ):
                yield self.fail(enquiry.la_child_id, "S47ActualStartDate")


class Rule8715(CensusRule):
    """An initial conference recorded on a section 47 enquiry must fall within the census
    year."""

    code = "8715"
    message = "Initial conference date is outside the census year"

    def check(self, data: Census) -> Iterator[Failure]:
        for enquiry in data.section47s:
            if enquiry.initial_cpc is not None and not data.in_period(enquiry.initial_cpc):
                yield self.fail(enquiry.la_child_id, "DateOfInitialCPC")


class Rule8740(CensusRule):
    """A section 47 enquiry not yet concluded must have started within the census year."""

    code = "8740"
    message = "An unfinished section 47 enquiry started outside the census year"

    def check(self, data: Census) -> Iterator[Failure]:
        for enquiry in data.section47s:
            if (
                not enquiry.is_concluded
                and enquiry.start is not None
                and not data.in_period(enquiry.start)
            ):
                yield self.fail(enquiry.la_child_id, "S47ActualStartDate")


class Rule8839(CensusRule):
    """An episode may have at most one section 47 enquiry not yet concluded."""

    code = "8839"
    message = "More than one unfinished section 47 enquiry in the episode"

    def check(self, data: Census) -> Iterator[Failure]:
        for key, enquiries in data.section47s_by_episode.items():
            if sum(not enquiry.is_concluded for enquiry in enquiries) > 1:
                yield self.fail(key[0], "S47ActualStartDate")


class Rule8868(CensusRule):
    """An episode can close only once its section 47 enquiries are concluded, by an initial
    conference or a decision that none is needed."""

    code = "8868"
    message = "Episode is closed but a section 47 enquiry is not concluded"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.closure_date is None:
                continue
            if any(not e.is_concluded for e in data.section47s_by_episode.get(episode.key, [])):
                yield self.fail(episode.la_child_id, "ICPCnotRequired")


class Rule8870Q(CensusRule):
    """The target date for an initial conference should be a weekday."""

    code = "8870Q"
    message = "Please check: the initial conference target date is a Saturday or Sunday"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for enquiry in data.section47s:
            if enquiry.target is not None and enquiry.target.weekday() >= 5:
                yield self.fail(enquiry.la_child_id, "InitialCPCtarget")


class Rule8875(CensusRule):
    """An initial conference recorded on a section 47 enquiry cannot be on a weekend."""

    code = "8875"
    message = "Initial conference date is a Saturday or Sunday"

    def check(self, data: Census) -> Iterator[Failure]:
        for enquiry in data.section47s:
            if enquiry.initial_cpc is not None and enquiry.initial_cpc.weekday() >= 5:
                yield self.fail(enquiry.la_child_id, "DateOfInitialCPC")


class Rule8890(CensusRule):
    """A section 47 enquiry cannot start on or between the start and the initial conference of
    another enquiry of the same episode, nor after the start of one that has neither had its
    conference nor been marked as needing none."""

    code = "8890"
    message = "A section 47 enquiry starts while another is still running"

    def check(self, data: Census) -> Iterator[Failure]:
        for enquiries in data.section47s_by_episode.values():
            for later in enquiries:
                if later.start is not None and any(
                    self._running(other, later.start, data.reference_date)
                    for other in enquiries
                    if other is not later
                ):
                    yield self.fail(later.la_child_id, "S47ActualStartDate")

    @staticmethod
    def _running(other: Section47, day: dt.date, reference_date: dt.date) -> bool:
        if other.start is None or day < other.start:
            return False
        if other.initial_cpc is not None:
            return day <= other.initial_cpc
        return other.icpc_not_required not in TRUE_VALUES and day <= reference_date
