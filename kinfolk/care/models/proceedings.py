"""Pre-proceedings under the Public Law Outline and care proceedings (docs/domain.md stages 13
and 14): the legal gateway meeting, the letter before proceedings and the meetings that follow,
then the application to the court, its hearings and the final order."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.episodes import weeks_between

#: Care proceedings should finish within 26 weeks of issue (Children Act 1989 s32(1)(a), as
#: amended by the Children and Families Act 2014 s14).
PROCEEDINGS_WEEKS = 26


class GatewayDecision(models.TextChoices):
    """What a legal gateway (legal planning) meeting decided."""

    PRE_PROCEEDINGS = "pre_proceedings", _("Start pre-proceedings (PLO)")
    ISSUE = "issue", _("Issue care proceedings")
    NOT_MET = "not_met", _("Threshold not met: continue the current plan")


class PreProceedingsOutcome(models.TextChoices):
    """How pre-proceedings ended."""

    STEPPED_DOWN = "stepped_down", _("Concerns reduced: continue under the child's plan")
    PROCEEDINGS = "proceedings", _("Care proceedings issued")
    ACCOMMODATED = "accommodated", _("Child accommodated by agreement (section 20)")
    OTHER = "other", _("Ended for another reason")


class PreProceedings(models.Model):
    """Pre-proceedings under the Public Law Outline: the legal gateway meeting's decision,
    the letter before proceedings, the meetings with the parents and how it ended (docs/domain.md
    stage 13, findings 11 and 13).

    A gateway decision to issue proceedings, or that the threshold is not met, ends the
    record on the day of the meeting; pre-proceedings run from the gateway meeting to
    ``end_on``.
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="pre_proceedings"
    )
    gateway_on = models.DateField(_("date of the legal gateway meeting"))
    gateway_decision = models.CharField(
        _("decision of the legal gateway meeting"), max_length=20, choices=GatewayDecision.choices
    )
    gateway_rationale = models.TextField(_("reasons for the decision"), blank=True)
    letter_sent_on = models.DateField(
        _("date the letter before proceedings was sent"), null=True, blank=True
    )
    concerns = models.TextField(_("the concerns"), blank=True)
    expectations = models.TextField(_("what the parents must do"), blank=True)
    expectations_due_on = models.DateField(_("by when"), null=True, blank=True)
    support_offered = models.TextField(_("the support offered"), blank=True)
    consequences = models.TextField(_("what happens if things do not change"), blank=True)
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=PreProceedingsOutcome.choices, blank=True
    )
    end_on = models.DateField(_("date pre-proceedings ended"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-gateway_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="pre_proceedings_one_open_per_child",
            ),
        ]
        verbose_name = _("pre-proceedings")
        verbose_name_plural = _("pre-proceedings")

    def __str__(self) -> str:
        return f"Legal gateway meeting on {self.gateway_on}"

    @property
    def is_open(self) -> bool:
        return self.end_on is None

    @property
    def is_pre_proceedings(self) -> bool:
        return self.gateway_decision == GatewayDecision.PRE_PROCEEDINGS

    @property
    def has_letter(self) -> bool:
        return self.letter_sent_on is not None

    def weeks_on(self, today: dt.date) -> int:
        """Weeks in pre-proceedings, to the end or to ``today``."""
        return weeks_between(self.gateway_on, self.end_on or today)

    def is_over_alert_on(self, today: dt.date, alert_weeks: int) -> bool:
        """Whether pre-proceedings have run for ``alert_weeks`` or more (finding 11)."""
        return self.is_pre_proceedings and self.weeks_on(today) >= alert_weeks


class PreProceedingsMeeting(models.Model):
    """A pre-proceedings meeting with the parents and their lawyers."""

    pre_proceedings = models.ForeignKey(
        PreProceedings, on_delete=models.CASCADE, related_name="meetings"
    )
    held_on = models.DateField(_("date of the meeting"))
    summary = models.TextField(_("what was agreed"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"Pre-proceedings meeting on {self.held_on}"


class FinalOrder(models.TextChoices):
    """The order that ended care proceedings."""

    CARE_ORDER = "care_order", _("Care order")
    SUPERVISION_ORDER = "supervision_order", _("Supervision order")
    PLACEMENT_ORDER = "placement_order", _("Care order and placement order")
    CHILD_ARRANGEMENTS = "child_arrangements", _("Child arrangements order")
    SPECIAL_GUARDIANSHIP = "special_guardianship", _("Special guardianship order")
    NO_ORDER = "no_order", _("No order")
    WITHDRAWN = "withdrawn", _("Application withdrawn")


class HearingKind(models.TextChoices):
    """Hearings of the Public Law Outline."""

    CASE_MANAGEMENT = "case_management", _("Case management hearing")
    FURTHER_CASE_MANAGEMENT = "further_case_management", _("Further case management hearing")
    ISSUES_RESOLUTION = "issues_resolution", _("Issues resolution hearing")
    FINAL = "final", _("Final hearing")
    INTERIM = "interim", _("Interim or urgent hearing")


class CareProceedings(models.Model):
    """An application for a care or supervision order under section 31 of the Children Act
    1989, from issue to the final order (docs/domain.md stage 14): it should finish within 26
    weeks."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="care_proceedings"
    )
    issued_on = models.DateField(_("date proceedings were issued"))
    final_order = models.CharField(
        _("final order"), max_length=20, choices=FinalOrder.choices, blank=True
    )
    final_order_on = models.DateField(_("date of the final order"), null=True, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-issued_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(final_order_on__isnull=True),
                name="care_proceedings_one_open_per_child",
            ),
        ]
        verbose_name = _("care proceedings")
        verbose_name_plural = _("care proceedings")

    def __str__(self) -> str:
        return f"Care proceedings issued on {self.issued_on}"

    @property
    def is_open(self) -> bool:
        return self.final_order_on is None

    def weeks_on(self, today: dt.date) -> int:
        """Weeks since issue, to the final order or to ``today``."""
        return weeks_between(self.issued_on, self.final_order_on or today)

    def is_over_26_weeks_on(self, today: dt.date) -> bool:
        """Whether the proceedings ran, or have run, longer than 26 weeks."""
        return ((self.final_order_on or today) - self.issued_on).days > PROCEEDINGS_WEEKS * 7


class CourtHearing(models.Model):
    """A hearing in care proceedings."""

    proceedings = models.ForeignKey(
        CareProceedings, on_delete=models.CASCADE, related_name="hearings"
    )
    held_on = models.DateField(_("date of the hearing"))
    kind = models.CharField(_("kind of hearing"), max_length=30, choices=HearingKind.choices)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["held_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on}"
