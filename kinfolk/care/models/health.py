"""The health records kept while a child is looked after (docs/domain.md stage 20): statutory
health assessments with their health plans, and the other SSDA903 OC2 items.

- ``HealthAssessment`` gives OC2 HEALTH_ASSESSMENT and the ``iha-20wd`` and ``rha`` duties;
- ``OutcomeRecord`` is one model with a ``kind`` for the other OC2 items (dental and
  development checks, immunisations, SDQ, convictions, substance misuse): each kind is a dated
  event with at most two small answers, so one table keeps one history page and one query.

Rules that need other records (looked after on the date, one initial assessment a period) are
checked by ``kinfolk.care.services.health``; the constraints here are the ones a single row can
hold.
"""

import datetime as dt
from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.core import timescales
from kinfolk.core.codes import SDQReason

if TYPE_CHECKING:
    from kinfolk.care.models.summary import CareHealthSummary
    from kinfolk.people.models import Child


__all__ = [
    "HealthAssessment",
    "HealthAssessmentKind",
    "HealthConsent",
    "HealthPlanAction",
    "OutcomeKind",
    "OutcomeRecord",
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


def recorded_by_field() -> models.ForeignKey:
    """Who recorded a row: a member of staff, kept even when they leave."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )


class HealthAssessmentManager(models.Manager):
    def care_health_summary(self) -> "CareHealthSummary":
        """The summary of the child's health, education, missing episodes and exploitation
        for the care page, read as ``child.health_assessments.care_health_summary`` so that a
        template that has only the child can show it (``self.instance`` is the child)."""
        from kinfolk.care.models.summary import care_health_summary

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
    recorded_by = recorded_by_field()
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
    recorded_by = recorded_by_field()

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
    recorded_by = recorded_by_field()
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
