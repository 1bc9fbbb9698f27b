"""The duties of the front door and of children in need: screening a contact and authorising
an assessment."""

from collections.abc import Iterator

from kinfolk.core import timescales
from kinfolk.duties.facts import ChildCasework
from kinfolk.duties.rules.base import DutyFact, Rule


class ScreeningOneWorkingDay(Rule):
    """screening-1wd (local): a contact is screened within 1 working day of being received.

    Source: local front-door standard; Working Together 2023 expects a decision on a referral
    within one working day. The number of working days is ``KINFOLK_SCREENING_WORKING_DAYS``.
    """

    code = "screening-1wd"
    title = "Screen the contact"
    timescale = timescales.SCREENING
    ends_at_age = None
    ends_with_death = False

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for contact in casework.contacts:
            yield self.fact(
                casework,
                f"contact:{contact.pk}",
                contact.received_on,
                self.due_after(contact.received_on),
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
    timescale = timescales.ASSESSMENT

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for assessment in casework.assessments:
            episode = casework.episode(assessment.episode_id)
            yield self.fact(
                casework,
                f"assessment:{assessment.pk}",
                assessment.started_on,
                self.due_after(assessment.started_on),
                assessment.authorised_on,
                episode.closed_on,
            )
