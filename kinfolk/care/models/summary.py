"""The care page's summary of a looked-after child's health, education, missing episodes,
exploitation screening and UASC status, read in a fixed number of queries."""

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.db import models
from django.utils import timezone

from kinfolk.care.models.education import PersonalEducationPlan
from kinfolk.care.models.health import (
    HealthAssessment,
    HealthAssessmentKind,
    OutcomeKind,
    OutcomeRecord,
)
from kinfolk.care.models.missing import (
    ExploitationScreening,
    MissingEpisode,
    return_interview_timeliness,
)
from kinfolk.care.models.uasc import UASCPeriod
from kinfolk.core import timescales
from kinfolk.core.working_days import LONDON, add_months

if TYPE_CHECKING:
    from kinfolk.care.models.episodes import PeriodOfCare
    from kinfolk.people.models import Child


__all__ = [
    "CareHealthSummary",
    "care_health_summary",
]


def term_start(day: dt.date) -> dt.date:
    """The first day of the school term ``day`` falls in, taking the terms as autumn
    (September to December), spring (January to March) and summer (April to August)."""
    if day.month >= 9:
        return dt.date(day.year, 9, 1)
    if day.month >= 4:
        return dt.date(day.year, 4, 1)
    return dt.date(day.year, 1, 1)


@dataclass
class CareHealthSummary:
    """What the care page shows about health, education, missing episodes and exploitation,
    computed from the records (docs/domain.md finding 73), in a fixed number of queries."""

    today: dt.date
    period: "PeriodOfCare | None"
    initial_assessment: HealthAssessment | None = None
    initial_due_on: dt.date | None = None
    last_assessment: HealthAssessment | None = None
    next_assessment_due_on: dt.date | None = None
    last_dental_check: OutcomeRecord | None = None
    immunisations: OutcomeRecord | None = None
    latest_sdq: OutcomeRecord | None = None
    latest_pep: PersonalEducationPlan | None = None
    missing_last_year: list[MissingEpisode] = field(default_factory=list)
    latest_screening: ExploitationScreening | None = None
    uasc: UASCPeriod | None = None

    @property
    def is_looked_after(self) -> bool:
        return self.period is not None and self.period.end_on is None

    @property
    def is_initial_overdue(self) -> bool:
        return (
            self.initial_assessment is None
            and self.is_looked_after
            and self.initial_due_on is not None
            and self.today > self.initial_due_on
        )

    @property
    def is_review_overdue(self) -> bool:
        return (
            self.is_looked_after
            and self.next_assessment_due_on is not None
            and self.today > self.next_assessment_due_on
        )

    @property
    def has_dental_check_in_last_year(self) -> bool:
        return self.last_dental_check is not None and self.last_dental_check.recorded_on > (
            add_months(self.today, -12)
        )

    @property
    def has_pep_this_term(self) -> bool:
        return self.latest_pep is not None and self.latest_pep.made_on >= term_start(self.today)

    @property
    def open_missing_episode(self) -> MissingEpisode | None:
        return next((e for e in self.missing_last_year if e.is_open), None)

    @property
    def late_return_interviews(self) -> list[MissingEpisode]:
        """Episodes in the last 12 months whose return interview was not offered within 72
        hours."""
        now = timezone.now()
        return [
            e
            for e in self.missing_last_year
            if return_interview_timeliness(e, now) in ("late", "no")
        ]


def care_health_summary(child: "Child", today: dt.date) -> CareHealthSummary:
    """Build the care page's summary for ``child`` on ``today``. The assessments and checks
    are those of the open period of care, or of the latest one when the child has left."""
    from kinfolk.care.models.episodes import PeriodOfCare

    period = PeriodOfCare.objects.filter(child=child).order_by("-start_on", "-pk").first()
    summary = CareHealthSummary(today=today, period=period)
    if period is not None:
        summary.initial_due_on = timescales.INITIAL_HEALTH_ASSESSMENT.due_after(period.start_on)
        assessments = list(HealthAssessment.objects.filter(period=period))
        summary.initial_assessment = next(
            (a for a in assessments if a.kind == HealthAssessmentKind.INITIAL), None
        )
        summary.last_assessment = assessments[0] if assessments else None
        if summary.last_assessment is not None:
            summary.next_assessment_due_on = summary.last_assessment.next_due_on(child)
        latest: dict[str, OutcomeRecord] = {}
        for record in OutcomeRecord.objects.filter(
            child=child,
            kind__in=[OutcomeKind.DENTAL, OutcomeKind.IMMUNISATIONS, OutcomeKind.SDQ],
        ):
            latest.setdefault(record.kind, record)
        summary.last_dental_check = latest.get(OutcomeKind.DENTAL)
        summary.immunisations = latest.get(OutcomeKind.IMMUNISATIONS)
        summary.latest_sdq = latest.get(OutcomeKind.SDQ)
        summary.latest_pep = PersonalEducationPlan.objects.filter(child=child).first()
    year_ago = dt.datetime.combine(add_months(today, -12), dt.time(), tzinfo=LONDON)
    summary.missing_last_year = list(
        MissingEpisode.objects.filter(child=child).filter(
            models.Q(started_at__gte=year_ago) | models.Q(ended_at__isnull=True)
        )
    )
    summary.latest_screening = ExploitationScreening.objects.filter(child=child).first()
    summary.uasc = UASCPeriod.objects.filter(child=child).first()
    return summary
