"""The statutory (and local) timescales, each stated once (docs/duties.md).

A timescale is an interval from what triggers a piece of work to the day it is due: so many
working days, weeks, calendar months or hours. Each duty rule of ``kinfolk.duties.rules``
declares the timescale it watches and computes its deadlines with it; a page, a standing or a
return that shows a deadline for a record reads the same timescale, or the stored duty, and
never writes the interval again.

The timescales live here, in the lowest layer, rather than in the duty rules, because the apps
that show deadlines on their own pages (care, leaving, the front door) sit below the duties
engine and may not import it (docs/architecture.md). The rules of when a duty is triggered,
completed and ended stay in the duty rules; only the interval and its arithmetic are shared.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings

from kinfolk.core.working_days import (
    add_months,
    add_weeks,
    add_working_days,
    age_on,
    due_after_hours,
)


class Unit:
    """What a timescale counts."""

    WORKING_DAYS = "working days"
    WEEKS = "weeks"
    MONTHS = "months"
    HOURS = "hours"


@dataclass(frozen=True)
class Timescale:
    """An interval from a trigger to a deadline.

    ``count`` is the number of ``unit``s; a local timescale names instead the setting that
    holds it (``setting``), so that an authority can set its own standard.
    """

    unit: str
    count: int = 0
    setting: str = ""

    @property
    def length(self) -> int:
        """How many units the interval lasts, reading the setting of a local timescale."""
        return int(getattr(settings, self.setting)) if self.setting else self.count

    @property
    def is_local(self) -> bool:
        return bool(self.setting)

    def due_after(self, start: dt.date | dt.datetime) -> dt.date:
        """The day something triggered on ``start`` is due (docs/duties.md, Arithmetic).

        Working days do not count ``start`` itself; months keep the day of the month, or take
        the last day of a shorter month; hours run from a moment and end on a calendar date in
        Europe/London.
        """
        if self.unit == Unit.HOURS:
            if not isinstance(start, dt.datetime):
                raise TypeError("an interval in hours runs from a moment, not a day")
            return due_after_hours(start, self.length)
        day = start.date() if isinstance(start, dt.datetime) else start
        if self.unit == Unit.WORKING_DAYS:
            return add_working_days(day, self.length)
        if self.unit == Unit.WEEKS:
            return add_weeks(day, self.length)
        return add_months(day, self.length)

    def ends_at(self, start_at: dt.datetime) -> dt.datetime:
        """The moment an interval in hours that began at ``start_at`` runs out."""
        if self.unit != Unit.HOURS:
            raise TypeError("only an interval in hours ends at a moment")
        return start_at + dt.timedelta(hours=self.length)

    def __str__(self) -> str:
        return f"{self.length} {self.unit}"


# The front door (docs/duties.md screening-1wd).
#: A contact is screened within this many working days of being received (local standard).
SCREENING = Timescale(Unit.WORKING_DAYS, setting="KINFOLK_SCREENING_WORKING_DAYS")

# Allegations against people who work with children (docs/duties.md lado-initial-1wd).
#: The LADO considers an allegation within 1 working day of receiving it.
LADO_INITIAL_CONSIDERATION = Timescale(Unit.WORKING_DAYS, 1)

# Children in need and child protection (Working Together 2023).
#: An assessment is authorised within 45 working days of its start.
ASSESSMENT = Timescale(Unit.WORKING_DAYS, 45)
#: The initial child protection conference is held within 15 working days of the section 47
#: enquiry's start (the duty counts from the last strategy discussion before it, when later).
INITIAL_CONFERENCE = Timescale(Unit.WORKING_DAYS, 15)
#: The first core group meets within 10 working days of the initial conference.
FIRST_CORE_GROUP = Timescale(Unit.WORKING_DAYS, 10)
#: The first review conference is within 3 months of the plan's start.
FIRST_REVIEW_CONFERENCE = Timescale(Unit.MONTHS, 3)
#: Each later review conference is within 6 months of the one before.
REVIEW_CONFERENCE = Timescale(Unit.MONTHS, 6)
#: A child on a protection plan is seen at a visit within this many working days of the plan's
#: start and of each such visit (local standard).
PROTECTION_VISIT = Timescale(Unit.WORKING_DAYS, setting="KINFOLK_CP_VISIT_WORKING_DAYS")

# Children in care (Care Planning, Placement and Case Review (England) Regulations 2010).
#: The care plan is made within 10 working days of the start of care (regulation 4).
CARE_PLAN = Timescale(Unit.WORKING_DAYS, 10)
#: The first looked-after review is within 20 working days of the start of care (33(1)).
FIRST_LOOKED_AFTER_REVIEW = Timescale(Unit.WORKING_DAYS, 20)
#: The second review is within 3 months of the first (33(2)(a)).
SECOND_LOOKED_AFTER_REVIEW = Timescale(Unit.MONTHS, 3)
#: Each later review is within 6 months of the one before (33(2)(b)).
LATER_LOOKED_AFTER_REVIEW = Timescale(Unit.MONTHS, 6)
#: The minutes of a looked-after review, with its decisions, are distributed within 20 working
#: days (IRO Handbook 2010, 3.75). No duty watches it: the review stores the date it is due.
REVIEW_MINUTES = Timescale(Unit.WORKING_DAYS, 20)
#: A child in care is visited within a week of each placement starting (28(2)(a)).
PLACEMENT_VISIT = Timescale(Unit.WEEKS, 1)
#: After each visit at which the child was seen, the next is within 6 weeks (28(2)(b)).
CARE_VISIT = Timescale(Unit.WEEKS, 6)

# Health and education of children in care (statutory guidance, DfE and DHSC 2015; DfE 2018).
#: The initial health assessment is within 20 working days of the start of care.
INITIAL_HEALTH_ASSESSMENT = Timescale(Unit.WORKING_DAYS, 20)
#: The next health assessment of a child under 5 on the day of the last one is within 6 months.
REVIEW_HEALTH_ASSESSMENT_UNDER_FIVE = Timescale(Unit.MONTHS, 6)
#: The next health assessment of a child aged 5 or over is within 12 months.
REVIEW_HEALTH_ASSESSMENT = Timescale(Unit.MONTHS, 12)
#: The personal education plan is made within 20 working days of the start of care.
PERSONAL_EDUCATION_PLAN = Timescale(Unit.WORKING_DAYS, 20)

# Missing children (statutory guidance, DfE 2014, paragraph 48).
#: A return interview is offered within 72 hours of the child's return.
RETURN_INTERVIEW = Timescale(Unit.HOURS, 72)

# Care leavers (Care Leavers (England) Regulations 2010).
#: The first pathway plan is within 3 months of the 16th birthday in care, or of care starting
#: after it (regulations 5-6).
PATHWAY_PLAN = Timescale(Unit.MONTHS, 3)
#: Each pathway plan is reviewed within 6 months (regulation 7).
PATHWAY_PLAN_REVIEW = Timescale(Unit.MONTHS, 6)
#: The personal adviser is in touch at least every 2 months (regulations 8-9, local practice).
CARE_LEAVER_CONTACT = Timescale(Unit.MONTHS, 2)


# Management oversight (docs/oversight.md).
#: Each child whose case is open is discussed in case supervision within this many months of
#: the referral and of each supervision (local standard, docs/duties.md case-supervision-1m).
CASE_SUPERVISION = Timescale(Unit.MONTHS, setting="KINFOLK_CASE_SUPERVISION_MONTHS")
#: A worker has personal supervision within this many months of the last (local standard).
PERSONAL_SUPERVISION = Timescale(Unit.MONTHS, setting="KINFOLK_PERSONAL_SUPERVISION_MONTHS")


# Complaints (Children Act 1989 Representations Procedure (England) Regulations 2006,
# docs/complaints.md).
#: The stage 1 response is within 10 working days of receiving the complaint (regulation 14)...
COMPLAINT_STAGE_1 = Timescale(Unit.WORKING_DAYS, 10)
#: ...or within 20 when an extension at stage 1 is recorded.
COMPLAINT_STAGE_1_EXTENDED = Timescale(Unit.WORKING_DAYS, 20)
#: The stage 2 response is within 25 working days of the request for stage 2 (regulation 17)...
COMPLAINT_STAGE_2 = Timescale(Unit.WORKING_DAYS, 25)
#: ...or within 65 when an extension at stage 2 is recorded.
COMPLAINT_STAGE_2_EXTENDED = Timescale(Unit.WORKING_DAYS, 65)
#: The review panel meets within 30 working days of the request for stage 3 (regulation 18).
#: No duty watches it: the complaint page shows the date.
COMPLAINT_REVIEW_PANEL = Timescale(Unit.WORKING_DAYS, 30)
# Private fostering (Children (Private Arrangements for Fostering) Regulations 2005).
#: The child is first visited, and seen, within 7 working days of the notification (reg. 4).
PRIVATE_FOSTERING_FIRST_VISIT = Timescale(Unit.WORKING_DAYS, 7)
#: In the arrangement's first year, the next visit is within 6 weeks (reg. 8(1)(a)).
PRIVATE_FOSTERING_VISIT = Timescale(Unit.WEEKS, 6)
#: After its first year, the next visit is within 12 weeks (reg. 8(1)(b)).
PRIVATE_FOSTERING_LATER_VISIT = Timescale(Unit.WEEKS, 12)


def review_health_assessment(date_of_birth: dt.date | None, assessed_on: dt.date) -> Timescale:
    """The timescale of the next health assessment after one on ``assessed_on``: 6 months for a
    child under 5 that day, otherwise (or with no date of birth) 12 months."""
    if date_of_birth is not None and age_on(date_of_birth, assessed_on) < 5:
        return REVIEW_HEALTH_ASSESSMENT_UNDER_FIVE
    return REVIEW_HEALTH_ASSESSMENT
