"""Personal education plans of a looked-after child and their SMART targets (docs/domain.md
stage 21): ``PersonalEducationPlan`` gives the ``pep-20wd`` duty and the virtual school's
reports. Rules that need other records are checked by ``kinfolk.care.services.education``."""

import datetime as dt
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.health import recorded_by_field
from kinfolk.core.models import Versioned

__all__ = [
    "PEPQuality",
    "PEPTarget",
    "PersonalEducationPlan",
    "PupilProgress",
    "SENStatus",
]


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


class PersonalEducationPlan(Versioned):
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
    quality_rated_by = recorded_by_field()
    is_imported = models.BooleanField(default=False)
    recorded_by = recorded_by_field()
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

    def last_saved(self) -> tuple[Any, dt.date] | None:
        """Who rated the PEP, and when: the only change made to a PEP once it is recorded."""
        if self.quality_rated_on is None:
            return None
        return self.quality_rated_by, self.quality_rated_on


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
