"""The timescales of the Children Act 1989 representations procedure (docs/complaints.md):
the stage 1 response and the stage 2 response. The stage 3 review panel's date (30 working
days after the request) is shown on the complaint's page and watched by no duty."""

from collections.abc import Iterator

from kinfolk.core import timescales
from kinfolk.duties.facts import ChildCasework
from kinfolk.duties.rules.base import DutyFact, Rule


class ComplaintStageOneTenWorkingDays(Rule):
    """complaint-stage1-10wd: a complaint received at stage 1 is responded to within 10
    working days of receipt, or within 20 when an extension at stage 1 is recorded; the
    complaint's withdrawal ends the duty.

    Source: Children Act 1989 Representations Procedure (England) Regulations 2006, reg. 14.
    """

    code = "complaint-stage1-10wd"
    title = "Respond to the complaint at stage 1"
    timescale = timescales.COMPLAINT_STAGE_1
    # The complaint's own course ends the duty, not the child's age or death.
    ends_at_age = None
    ends_with_death = False

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for complaint in casework.complaints:
            scale = (
                timescales.COMPLAINT_STAGE_1_EXTENDED
                if complaint.stage1_extended_on is not None
                else timescales.COMPLAINT_STAGE_1
            )
            yield self.fact(
                casework,
                f"complaint:{complaint.pk}",
                complaint.received_on,
                scale.due_after(complaint.received_on),
                complaint.stage1_responded_on,
                complaint.withdrawn_on,
            )


class ComplaintStageTwoTwentyFiveWorkingDays(Rule):
    """complaint-stage2-25wd: a complaint escalated to stage 2 is responded to within 25
    working days of the request, or within 65 when an extension at stage 2 is recorded; the
    complaint's withdrawal ends the duty.

    Source: Children Act 1989 Representations Procedure (England) Regulations 2006, reg. 17.
    """

    code = "complaint-stage2-25wd"
    title = "Respond to the complaint at stage 2"
    timescale = timescales.COMPLAINT_STAGE_2
    ends_at_age = None
    ends_with_death = False

    def duties(self, casework: ChildCasework) -> Iterator[DutyFact]:
        for complaint in casework.complaints:
            requested_on = complaint.stage2_requested_on
            if requested_on is None:
                continue
            scale = (
                timescales.COMPLAINT_STAGE_2_EXTENDED
                if complaint.stage2_extended_on is not None
                else timescales.COMPLAINT_STAGE_2
            )
            yield self.fact(
                casework,
                f"complaint:{complaint.pk}",
                requested_on,
                scale.due_after(requested_on),
                complaint.stage2_responded_on,
                complaint.withdrawn_on,
            )
