"""Fostering households: their carers, their approval, and the development plan and training
log that every foster carer should have (docs/domain.md finding 25)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.permanence.approvals import is_due_soon, temporary_approval_ends_on
from kinfolk.permanence.choices import ApprovalStatus, HouseholdKind


class FosteringHousehold(models.Model):
    """A household assessed or approved as foster carers by the authority's fostering
    service (Fostering Services (England) Regulations 2011, reg. 26-27).

    A connected person may be approved temporarily while assessed (Care Planning Regulations
    2010, reg. 24-25): the dates recorded give the deadline, which is never typed. Full
    approval follows the fostering panel's recommendation, with the terms of approval.
    """

    name = models.CharField(_("household name"), max_length=100)
    postcode = models.CharField(_("postcode"), max_length=8)
    kind = models.CharField(_("kind of fostering"), max_length=20, choices=HouseholdKind.choices)
    temporary_approved_on = models.DateField(_("date of temporary approval"), null=True, blank=True)
    temporary_extended_on = models.DateField(
        _("date the temporary approval was extended"), null=True, blank=True
    )
    extension_reason = models.TextField(_("why the temporary approval was extended"), blank=True)
    panel_on = models.DateField(_("date of the fostering panel"), null=True, blank=True)
    approved_on = models.DateField(_("date of approval"), null=True, blank=True)
    terms_of_approval = models.TextField(_("terms of approval"), blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(temporary_extended_on__isnull=True)
                | models.Q(temporary_approved_on__isnull=False),
                name="household_extension_needs_temporary_approval",
            ),
            models.CheckConstraint(
                condition=models.Q(approved_on__isnull=True)
                | (
                    models.Q(panel_on__isnull=False)
                    & models.Q(approved_on__gte=models.F("panel_on"))
                ),
                name="household_approved_after_panel",
            ),
        ]
        verbose_name = _("fostering household")

    def __str__(self) -> str:
        return self.name

    @property
    def temporary_approval_ends_on(self) -> dt.date | None:
        """When the temporary approval runs out (16 weeks, or 24 once extended); None when
        there is none, or once the household is fully approved."""
        if self.temporary_approved_on is None or self.approved_on is not None:
            return None
        return temporary_approval_ends_on(
            self.temporary_approved_on, is_extended=self.temporary_extended_on is not None
        )

    def approval_status_on(self, today: dt.date) -> ApprovalStatus:
        if self.approved_on is not None:
            return ApprovalStatus.APPROVED
        ends_on = self.temporary_approval_ends_on
        if ends_on is None:
            return ApprovalStatus.IN_ASSESSMENT
        return ApprovalStatus.TEMPORARY_EXPIRED if today > ends_on else ApprovalStatus.TEMPORARY

    def is_temporary_approval_due_soon(self, today: dt.date) -> bool:
        ends_on = self.temporary_approval_ends_on
        return ends_on is not None and is_due_soon(ends_on, today)


class FosterCarer(models.Model):
    """One of the foster carers of a household."""

    household = models.ForeignKey(
        FosteringHousehold, on_delete=models.CASCADE, related_name="carers"
    )
    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("foster carer")

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.first_name} {self.last_name}"


class DevelopmentGoal(models.Model):
    """An objective of the household's development plan, agreed with the supervising social
    worker (National Minimum Standards for Fostering Services 2011, standard 20; docs/domain.md
    finding 25)."""

    household = models.ForeignKey(
        FosteringHousehold, on_delete=models.CASCADE, related_name="development_goals"
    )
    goal = models.TextField(_("development goal"))
    due_on = models.DateField(_("to be achieved by"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("development goal")

    def __str__(self) -> str:
        return self.goal


class TrainingRecord(models.Model):
    """Training a foster carer completed: the household's training log (National Minimum
    Standards for Fostering Services 2011, standard 20; docs/domain.md finding 25). With no carer
    named, the whole household attended."""

    household = models.ForeignKey(
        FosteringHousehold, on_delete=models.CASCADE, related_name="training_records"
    )
    carer = models.ForeignKey(
        FosterCarer, null=True, blank=True, on_delete=models.CASCADE, related_name="training"
    )
    course = models.CharField(_("course"), max_length=200)
    completed_on = models.DateField(_("date completed"))
    hours = models.PositiveSmallIntegerField(_("hours"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-completed_on", "-pk"]
        verbose_name = _("training record")

    def __str__(self) -> str:
        return self.course
