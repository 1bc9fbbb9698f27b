"""The CIN census rules on assessments: their start and authorisation (completion) dates and
the factors identified at assessment."""

import datetime as dt
from collections import Counter
from collections.abc import Iterator

from kinfolk.core.working_days import working_days_between
from kinfolk.returns.cin.rules.base import (
    ASSESSMENT_FACTORS,
    CLOSED_AFTER_ASSESSMENT,
    CensusRule,
)
from kinfolk.returns.cin.rules.census import Assessment, Census
from kinfolk.returns.framework import Failure

#: Working Together 2023: an assessment should be completed within 45 working days.
ASSESSMENT_WORKING_DAYS = 45


class Rule1103(CensusRule):
    """An assessment must not start before the referral of its episode."""

    code = "1103"
    message = "Assessment start date is before the referral date"

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            episode = data.episode(assessment.episode_key)
            if (
                episode is not None
                and episode.referral_date is not None
                and assessment.start is not None
                and assessment.start < episode.referral_date
            ):
                yield self.fail(assessment.la_child_id, "AssessmentActualStartDate")


class Rule2991Q(CensusRule):
    """An episode with a section 47 enquiry should also have an assessment."""

    code = "2991Q"
    message = "Please check: a section 47 enquiry is recorded but there is no assessment"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if data.section47s_by_episode.get(episode.key) and not data.assessments_by_episode.get(
                episode.key
            ):
                yield self.fail(episode.la_child_id, "AssessmentActualStartDate")


class Rule8608(CensusRule):
    """An assessment cannot be authorised before it started."""

    code = "8608"
    message = "Assessment authorisation date is before the assessment start date"

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if (
                assessment.authorised is not None
                and assessment.start is not None
                and assessment.authorised < assessment.start
            ):
                yield self.fail(assessment.la_child_id, "AssessmentAuthorisationDate")


class Rule8614(CensusRule):
    """Factors are identified when an assessment is completed: an assessment with factors
    must have an authorisation date."""

    code = "8614"
    message = "Factors identified at assessment are recorded for an assessment not yet authorised"

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if assessment.factors and assessment.authorised is None:
                yield self.fail(assessment.la_child_id, "AssessmentFactors")


class Rule8670Q(CensusRule):
    """An assessment still not authorised at the reference date should have started no more
    than 45 working days before it."""

    code = "8670Q"
    message = "Please check: an assessment has been open for more than 45 working days"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if (
                assessment.authorised is None
                and assessment.start is not None
                and working_days_between(assessment.start, data.reference_date)
                > ASSESSMENT_WORKING_DAYS
            ):
                yield self.fail(assessment.la_child_id, "AssessmentActualStartDate")


class Rule8696(CensusRule):
    """An authorisation date must fall within the census year."""

    code = "8696"
    message = "Assessment authorisation date is outside the census year"

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if assessment.authorised is not None and not data.in_period(assessment.authorised):
                yield self.fail(assessment.la_child_id, "AssessmentAuthorisationDate")


class Rule8736(CensusRule):
    """An assessment not yet authorised must have started within the census year."""

    code = "8736"
    message = "An assessment not yet authorised started outside the census year"

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if (
                assessment.authorised is None
                and assessment.start is not None
                and not data.in_period(assessment.start)
            ):
                yield self.fail(assessment.la_child_id, "AssessmentActualStartDate")


class Rule8863Q(CensusRule):
    """An assessment should not start on or between the start and authorisation dates of
    another assessment of the same episode (or after the start of one not yet authorised)."""

    code = "8863Q"
    message = "Please check: an assessment starts while another is still in progress"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for assessments in data.assessments_by_episode.values():
            for later in assessments:
                if later.start is not None and any(
                    self._in_progress(other, later.start, data.reference_date)
                    for other in assessments
                    if (other.start, other.authorised) != (later.start, later.authorised)
                ):
                    yield self.fail(later.la_child_id, "AssessmentActualStartDate")

    @staticmethod
    def _in_progress(other: Assessment, day: dt.date, reference_date: dt.date) -> bool:
        if other.start is None or day < other.start:
            return False
        return day <= (other.authorised or reference_date)


class Rule8867(CensusRule):
    """An episode can close only once all its assessments are authorised."""

    code = "8867"
    message = "Episode is closed but an assessment is not authorised"

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            if episode.closure_date is None:
                continue
            if any(a.authorised is None for a in data.assessments_by_episode.get(episode.key, [])):
                yield self.fail(episode.la_child_id, "AssessmentAuthorisationDate")


class Rule8869(CensusRule):
    """Factor 21 (no factors identified) must be the only factor of its assessment."""

    code = "8869"
    message = "Factor 21 (no factors identified) is recorded together with other factors"

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if "21" in assessment.factors and len(set(assessment.factors)) > 1:
                yield self.fail(assessment.la_child_id, "AssessmentFactors")


class Rule8873Q(CensusRule):
    """When an episode's only assessment found no factors (21), the episode should be closed
    after assessment: RC8 (no further action) or RC9 (early help)."""

    code = "8873Q"
    message = (
        "Please check: the only assessment found no factors, but the episode was not closed "
        "after assessment (RC8 or RC9)"
    )
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for episode in data.episodes:
            assessments = data.assessments_by_episode.get(episode.key, [])
            if (
                len(assessments) == 1
                and "21" in assessments[0].factors
                and episode.reason_for_closure not in CLOSED_AFTER_ASSESSMENT
            ):
                yield self.fail(episode.la_child_id, "ReasonForClosure")


class Rule8896(CensusRule):
    """An episode may have at most one assessment not yet authorised."""

    code = "8896"
    message = "More than one assessment of the episode is not authorised"

    def check(self, data: Census) -> Iterator[Failure]:
        for key, assessments in data.assessments_by_episode.items():
            if sum(a.authorised is None for a in assessments) > 1:
                yield self.fail(key[0], "AssessmentAuthorisationDate")


class Rule8897Q(CensusRule):
    """An assessment authorised in the census year should record at least one valid factor
    identified at assessment."""

    code = "8897Q"
    message = "Please check: an assessment completed in the year has no valid factors recorded"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if (
                assessment.authorised is not None
                and data.in_period(assessment.authorised)
                and not any(factor in ASSESSMENT_FACTORS for factor in assessment.factors)
            ):
                yield self.fail(assessment.la_child_id, "AssessmentFactors")


class Rule8898(CensusRule):
    """The same factor must not be recorded twice on one assessment."""

    code = "8898"
    message = "The same factor is recorded more than once on an assessment"

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if any(count > 1 for count in Counter(assessment.factors).values()):
                yield self.fail(assessment.la_child_id, "AssessmentFactors")


class Rule8945Q(CensusRule):
    """Factor 18A (physical abuse) was retired in 2024-25: use 18B (by another child) or
    18C (by an adult)."""

    code = "8945Q"
    message = "Please check: factor 18A is no longer used; record 18B or 18C"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if "18A" in assessment.factors:
                yield self.fail(assessment.la_child_id, "AssessmentFactors")


class Rule8950Q(CensusRule):
    """Factor 19A (sexual abuse) was retired in 2024-25: use 19B (by another child) or
    19C (by an adult)."""

    code = "8950Q"
    message = "Please check: factor 19A is no longer used; record 19B or 19C"
    is_error = False

    def check(self, data: Census) -> Iterator[Failure]:
        for assessment in data.assessments:
            if "19A" in assessment.factors:
                yield self.fail(assessment.la_child_id, "AssessmentFactors")
