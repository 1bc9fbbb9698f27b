"""The records of health, education, missing episodes and exploitation kept while a child is
looked after (docs/domain.md stages 20-23), and the unaccompanied asylum-seeking status.

What SSDA903 needs is held here and derived later by the returns:

- ``HealthAssessment`` gives OC2 HEALTH_ASSESSMENT and the ``iha-20wd`` and ``rha`` duties;
- ``OutcomeRecord`` is one model with a ``kind`` for the other OC2 items (dental and
  development checks, immunisations, SDQ, convictions, substance misuse): each kind is a dated
  event with at most two small answers, so one table keeps one history page and one query;
- ``PersonalEducationPlan`` gives the ``pep-20wd`` duty and the virtual school's reports;
- ``MissingEpisode`` gives the Missing table and the ``rhi-72h`` duty;
- ``UASCPeriod`` gives the UASC table (DUC is the end of the last period).

Rules that need other records (looked after on the date, one open missing episode) are checked
by ``kinfolk.care.services.health``; the constraints here are the ones a single row can hold.
"""

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.core import timescales
from kinfolk.core.codes import MissingKind, SDQReason
from kinfolk.core.working_days import LONDON, add_months

if TYPE_CHECKING:
    from kinfolk.care.models.episodes import PeriodOfCare
    from kinfolk.people.models import Child

__all__ = [
    "CareHealthSummary",
    "ExploitationKind",
    "ExploitationScreening",
    "HealthAssessment",
    "HealthAssessmentKind",
    "HealthConsent",
    "HealthPlanAction",
    "MissingEpisode",
    "OutcomeKind",
    "OutcomeRecord",
    "PEPQuality",
    "PEPTarget",
    "PersonalEducationPlan",
    "PupilProgress",
    "RiskLevel",
    "SENStatus",
    "UASCPeriod",
    "care_health_summary",
    "return_interview_timeliness",
]


class HealthAssessmentKind(models.TextChoices):
    INITIAL = "initial", _("Initial health assessment")
    REVIEW = "review", _("Review health assessment")


class HealthConsent(models.TextChoices):
    """Who consented to the health assessment (Promoting the health and wellbeing of
    looked-after children, 2015: a competent child consents for themselves)."""

    CHILD = "child", _("The child")
    PARENT = "parent", _("A parent with parental responsibility")
    LOCAL_AUTHORITY = "local_authority", _("The local authority (care order)")
    REFUSED = "refused", _("Consent refused")


class OutcomeKind(models.TextChoices):
    """The SSDA903 OC2 items recorded as dated events."""

    DENTAL = "dental", _("Dental check")
    DEVELOPMENT = "development", _("Development check")
    IMMUNISATIONS = "immunisations", _("Immunisations")
    SDQ = "sdq", _("Strengths and difficulties questionnaire")
    CONVICTION = "conviction", _("Conviction or youth caution")
    SUBSTANCE_MISUSE = "substance_misuse", _("Substance misuse identified")


class SENStatus(models.TextChoices):
    """Special educational needs provision (school census SEN provision: N, K, E)."""

    NONE = "N", _("No special educational needs")
    SEN_SUPPORT = "K", _("SEN support")
    EHC_PLAN = "E", _("Education, health and care plan")


class PupilProgress(models.TextChoices):
    """Progress against the pupil's expected attainment (docs/domain.md finding 56)."""

    ABOVE = "above", _("Above expected")
    EXPECTED = "expected", _("As expected")
    BELOW = "below", _("Below expected")


class PEPQuality(models.TextChoices):
    """The virtual school's rating of a PEP's quality (docs/domain.md finding 55)."""

    GOOD = "good", _("Good")
    REQUIRES_IMPROVEMENT = "requires_improvement", _("Requires improvement")
    INADEQUATE = "inadequate", _("Inadequate")


class RiskLevel(models.TextChoices):
    NONE = "none", _("No risk identified")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ExploitationKind(models.TextChoices):
    SEXUAL = "sexual", _("Sexual exploitation")
    CRIMINAL = "criminal", _("Criminal exploitation")
    BOTH = "both", _("Sexual and criminal exploitation")


def _recorded_by() -> models.ForeignKey:
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class HealthAssessmentManager(models.Manager):
    def care_health_summary(self) -> "CareHealthSummary":
        """The summary of the child's health, education, missing episodes and exploitation
        for the care page, read as ``child.health_assessments.care_health_summary`` so that a
        template that has only the child can show it (``self.instance`` is the child)."""
        return care_health_summary(self.instance, timezone.localdate())  # type: ignore[attr-defined]


class HealthAssessment(models.Model):
    """A statutory health assessment of a looked-after child: the initial assessment within 20
    working days of entering care, then reviews every 6 months under 5 and every 12 months
    from 5 (Promoting the health and wellbeing of looked-after children, 2015; SSDA903 OC2
    HEALTH_ASSESSMENT). At most one initial assessment per period of care."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="health_assessments"
    )
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.CASCADE, related_name="health_assessments"
    )
    assessed_on = models.DateField(_("date of the assessment"))
    kind = models.CharField(_("kind"), max_length=10, choices=HealthAssessmentKind.choices)
    assessed_by = models.CharField(_("who carried out the assessment"), max_length=200, blank=True)
    consent = models.CharField(
        _("consent"), max_length=20, choices=HealthConsent.choices, blank=True
    )
    is_health_passport_given = models.BooleanField(
        _("health passport given"), null=True, blank=True
    )
    summary = models.TextField(_("summary of health needs"), blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField(auto_now_add=True)

    objects = HealthAssessmentManager()

    class Meta:
        ordering = ["-assessed_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["period"],
                condition=models.Q(kind="initial"),
                name="health_assessment_one_initial_per_period",
            ),
        ]
        verbose_name = _("health assessment")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.assessed_on}"

    def next_due_on(self, child: "Child") -> dt.date:
        """When the next review is due: 6 months on if the child was under 5 on the date of
        this assessment, otherwise 12 months (docs/duties.md ``rha``)."""
        timescale = timescales.review_health_assessment(child.date_of_birth, self.assessed_on)
        return timescale.due_after(self.assessed_on)


class HealthPlanAction(models.Model):
    """An action of the health plan that follows an assessment: who does what by when
    (docs/domain.md stage 20 and finding 8)."""

    assessment = models.ForeignKey(
        HealthAssessment, on_delete=models.CASCADE, related_name="actions"
    )
    description = models.CharField(_("what needs to happen"), max_length=300)
    owner = models.CharField(_("who will do it"), max_length=200)
    due_on = models.DateField(_("due by"))
    done_on = models.DateField(_("date done"), null=True, blank=True)
    recorded_by = _recorded_by()

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.done_on is None and day > self.due_on


class OutcomeRecord(models.Model):
    """One dated SSDA903 OC2 item for a looked-after child.

    ``kind`` says which: a dental check (TEETH_CHECK), a development check for an under-5
    (HEALTH_CHECK), immunisations with whether they are up to date (IMMUNISATIONS), an SDQ
    with a score from 0 to 40 or a reason SDQ1-SDQ5 (exactly one, rules 180, 196, 197a), a
    conviction or youth caution (CONVICTED), or substance misuse identified with whether an
    intervention was received or, if not, offered (rules 158, 159, 192).
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="outcome_records"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=OutcomeKind.choices)
    recorded_on = models.DateField(_("date"))
    is_up_to_date = models.BooleanField(_("immunisations up to date"), null=True, blank=True)
    sdq_score = models.PositiveSmallIntegerField(_("SDQ score"), null=True, blank=True)
    sdq_reason = models.CharField(
        _("reason the SDQ was not completed"), max_length=4, choices=SDQReason.choices, blank=True
    )
    is_intervention_received = models.BooleanField(
        _("intervention received"), null=True, blank=True
    )
    is_intervention_offered = models.BooleanField(
        _("intervention offered but refused"), null=True, blank=True
    )
    notes = models.TextField(_("notes"), blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-recorded_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="immunisations") | models.Q(is_up_to_date__isnull=False),
                name="outcome_immunisations_say_up_to_date",
            ),
            models.CheckConstraint(
                condition=~models.Q(kind="sdq")
                | (models.Q(sdq_score__isnull=False, sdq_reason="") & models.Q(sdq_score__lte=40))
                | models.Q(sdq_score__isnull=True) & ~models.Q(sdq_reason=""),
                name="outcome_sdq_score_or_reason",
            ),
        ]
        verbose_name = _("OC2 outcome record")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.recorded_on}"


class PersonalEducationPlan(models.Model):
    """A personal education plan, made each term with the school and the virtual school
    (Promoting the education of looked-after children, 2018; docs/domain.md stage 21, findings 55,
    56 and 66): SMART targets, the child's views, pupil premium and how it is spent,
    attendance, exclusions, attainment and aspirations, and the virtual school's rating."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="personal_education_plans"
    )
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.CASCADE, related_name="personal_education_plans"
    )
    made_on = models.DateField(_("date of the PEP meeting"))
    school = models.CharField(_("school or setting"), max_length=200, blank=True)
    is_out_of_area = models.BooleanField(_("school outside the authority"), null=True, blank=True)
    sen_status = models.CharField(
        _("special educational needs"), max_length=1, choices=SENStatus.choices, blank=True
    )
    child_views = models.TextField(_("the child's views"), blank=True)
    pupil_premium = models.DecimalField(
        _("pupil premium plus (£)"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    pupil_premium_spending = models.TextField(_("how the pupil premium is spent"), blank=True)
    attendance_percent = models.DecimalField(
        _("attendance this term (%)"), max_digits=4, decimal_places=1, null=True, blank=True
    )
    suspensions = models.PositiveSmallIntegerField(
        _("suspensions this term"), null=True, blank=True
    )
    is_permanently_excluded = models.BooleanField(_("permanently excluded"), null=True, blank=True)
    progress = models.CharField(
        _("progress"), max_length=10, choices=PupilProgress.choices, blank=True
    )
    attainment = models.TextField(_("attainment"), blank=True)
    aspirations = models.TextField(_("aspirations"), blank=True)
    quality = models.CharField(
        _("quality rating"), max_length=20, choices=PEPQuality.choices, blank=True
    )
    quality_rated_on = models.DateField(_("date rated"), null=True, blank=True)
    quality_rated_by = _recorded_by()
    is_imported = models.BooleanField(default=False)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-made_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(attendance_percent__isnull=True)
                | models.Q(attendance_percent__gte=0, attendance_percent__lte=100),
                name="pep_attendance_is_a_percentage",
            ),
        ]
        verbose_name = _("personal education plan")

    def __str__(self) -> str:
        return f"PEP on {self.made_on}"


class PEPTarget(models.Model):
    """A SMART target of a PEP: what, by when and who (docs/domain.md finding 55)."""

    pep = models.ForeignKey(PersonalEducationPlan, on_delete=models.CASCADE, related_name="targets")
    description = models.CharField(_("target"), max_length=300)
    due_on = models.DateField(_("by when"))
    owner = models.CharField(_("who"), max_length=200)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description


class MissingEpisode(models.Model):
    """A period in which a child was missing (whereabouts unknown) or away without
    authorisation, from care or from home (SSDA903 Missing table, §3.14; docs/domain.md stage 22).

    A child has at most one open episode. The return interview is offered, and held or
    declined, after the child returns (Children who run away or go missing from home or
    care, 2014: offered within 72 hours). The return counts only children in care.
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="missing_episodes"
    )
    kind = models.CharField(_("missing or away"), max_length=1, choices=MissingKind.choices)
    started_at = models.DateTimeField(_("went missing"))
    ended_at = models.DateTimeField(_("returned"), null=True, blank=True)
    is_police_informed = models.BooleanField(_("police informed"), null=True, blank=True)
    police_reference = models.CharField(_("police reference"), max_length=50, blank=True)
    where_found = models.TextField(_("where the child was found"), blank=True)
    return_interview_offered_at = models.DateTimeField(
        _("return interview offered"), null=True, blank=True
    )
    return_interview_at = models.DateTimeField(_("return interview"), null=True, blank=True)
    return_interview_accepted = models.BooleanField(
        _("return interview accepted"), null=True, blank=True
    )
    interviewed_by = models.CharField(_("who held the interview"), max_length=200, blank=True)
    push_factors = models.TextField(_("push factors"), blank=True)
    pull_factors = models.TextField(_("pull factors"), blank=True)
    risk = models.CharField(_("risk"), max_length=10, choices=RiskLevel.choices, blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-started_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(ended_at__isnull=True),
                name="missing_episode_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_at__isnull=True)
                | models.Q(ended_at__gt=models.F("started_at")),
                name="missing_episode_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(return_interview_at__isnull=True)
                | models.Q(ended_at__isnull=False, return_interview_at__gte=models.F("ended_at")),
                name="missing_episode_interview_after_return",
            ),
        ]
        verbose_name = _("missing episode")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.started_at}"

    @property
    def is_open(self) -> bool:
        return self.ended_at is None

    @property
    def duration(self) -> dt.timedelta | None:
        return self.ended_at - self.started_at if self.ended_at else None

    @property
    def duration_text(self) -> str:
        """How long the child was missing, in days and hours."""
        if self.duration is None:
            return ""
        minutes = int(self.duration.total_seconds() // 60)
        days, minutes = divmod(minutes, 24 * 60)
        hours, minutes = divmod(minutes, 60)
        parts = []
        if days:
            parts.append(f"{days} day{'s' if days != 1 else ''}")
        if hours:
            parts.append(f"{hours} hour{'s' if hours != 1 else ''}")
        if not days and (minutes or not hours):
            parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
        return " ".join(parts)

    @property
    def offer_deadline(self) -> dt.datetime | None:
        if self.ended_at is None:
            return None
        return timescales.RETURN_INTERVIEW.ends_at(self.ended_at)

    def interview_offer_timeliness(self, now: dt.datetime | None = None) -> str:
        """Whether a return interview was offered within 72 hours of the return: ``yes``,
        ``late`` (offered after), ``no`` (not offered, and the 72 hours have passed), ``due``
        (not offered yet, still within 72 hours), or ``""`` while the child is missing."""
        return return_interview_timeliness(self, now or timezone.now())


def return_interview_timeliness(episode: MissingEpisode, now: dt.datetime) -> str:
    deadline = episode.offer_deadline
    if deadline is None:
        return ""
    if episode.return_interview_offered_at is not None:
        return "yes" if episode.return_interview_offered_at <= deadline else "late"
    return "no" if now > deadline else "due"


class ExploitationScreening(models.Model):
    """A screening of a child's risk of sexual or criminal exploitation, and whether they were
    referred to the complex safeguarding team (docs/domain.md stage 23)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="exploitation_screenings"
    )
    screened_on = models.DateField(_("date of the screening"))
    kind = models.CharField(
        _("kind of exploitation"), max_length=10, choices=ExploitationKind.choices
    )
    risk_level = models.CharField(_("level of risk"), max_length=10, choices=RiskLevel.choices)
    is_referred_to_complex_safeguarding = models.BooleanField(
        _("referred to the complex safeguarding team"), default=False
    )
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = _recorded_by()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-screened_on", "-pk"]
        verbose_name = _("exploitation screening")

    def __str__(self) -> str:
        return f"Exploitation screening on {self.screened_on}"

    @property
    def is_medium_or_high(self) -> bool:
        return self.risk_level in (RiskLevel.MEDIUM, RiskLevel.HIGH)


class UASCPeriod(models.Model):
    """A period in which the child was an unaccompanied asylum-seeking child (SSDA903 UASC
    table; its end is DUC, on or before the 18th birthday, rule 304). At most one open."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="uasc_periods")
    start_on = models.DateField(_("date UASC status began"))
    end_on = models.DateField(_("date UASC status ceased"), null=True, blank=True)
    immigration_status = models.CharField(_("immigration status"), max_length=200, blank=True)
    recorded_by = _recorded_by()

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="uasc_period_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="uasc_period_ends_after_start",
            ),
        ]
        verbose_name = _("UASC period")

    def __str__(self) -> str:
        return f"UASC from {self.start_on}"


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
