"""Complaints under the Children Act 1989 representations procedure (docs/complaints.md):
who complained, about which child and which service, the theme and the complaint in words;
its three stages with their deadlines, each stage's response, extensions, escalation and
withdrawal; the advocate offered to a child who complains; and the learning and the actions
that follow (docs/domain.md finding 35).

A complaint names its child, so it is part of the child's record: in the chronology, in
``kinfolk records export`` and in a subject access disclosure. Complaints are not restricted
beyond the child's record: whoever may open the child may read them.
"""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.complaints.choices import Complainant, ComplaintStatus, Outcome, Stage
from kinfolk.core import timescales
from kinfolk.people.models import Child


class ComplaintTheme(models.Model):
    """One theme of the authority's list (communication, delay, a decision...): the complaints
    manager adds themes and retires those no longer used, never deleting one a complaint
    names."""

    name = models.CharField(_("theme"), max_length=100, unique=True)
    is_active = models.BooleanField(_("offered for new complaints"), default=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ComplaintQuerySet(models.QuerySet):
    def open(self) -> "ComplaintQuerySet":
        """Complaints not withdrawn whose latest stage has no response yet."""
        return self.filter(status=ComplaintStatus.OPEN)

    def visible_to(self, user: Any) -> "ComplaintQuerySet":
        """Complaints about children the user may open."""
        return self.filter(child__in=Child.objects.visible_to(user))


class Complaint(models.Model):
    """A complaint about the services a child receives, through its stages.

    The stage is the latest reached: 1 on receipt, 2 once an investigation is requested, 3
    once a review panel is requested. Each stage ends with its response
    (``ComplaintResponse``); the status says whether the latest stage is still open.
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="complaints")
    #: The complaint's identifier in a journey file (docs/journeys.md ``complaint``).
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    received_on = models.DateField(_("date received"))
    complainant = models.CharField(_("who complained"), max_length=10, choices=Complainant.choices)
    complainant_name = models.CharField(_("complainant's name"), max_length=200, blank=True)
    complainant_contact = models.TextField(_("how to contact them"), blank=True)
    team = models.ForeignKey(
        "workforce.Team",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("team complained about"),
    )
    service_area = models.CharField(_("service area"), max_length=200, blank=True)
    theme = models.ForeignKey(
        ComplaintTheme,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints",
        verbose_name=_("theme"),
    )
    theme_detail = models.CharField(_("theme in words"), max_length=200, blank=True)
    summary = models.TextField(_("the complaint"), blank=True)
    #: The complaints manager who logged the complaint and sees it through: its duties are in
    #: their work.
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="complaints_handled",
        verbose_name=_("complaints manager"),
    )
    stage = models.PositiveSmallIntegerField(
        _("stage"), choices=Stage.choices, default=Stage.LOCAL_RESOLUTION
    )
    status = models.CharField(
        _("status"), max_length=10, choices=ComplaintStatus.choices, default=ComplaintStatus.OPEN
    )
    stage1_extended_on = models.DateField(_("stage 1 extended on"), null=True, blank=True)
    stage1_extension_reason = models.TextField(_("why stage 1 was extended"), blank=True)
    stage2_requested_on = models.DateField(_("stage 2 requested on"), null=True, blank=True)
    investigator = models.CharField(_("investigating officer"), max_length=200, blank=True)
    independent_person = models.CharField(_("independent person"), max_length=200, blank=True)
    stage2_extended_on = models.DateField(_("stage 2 extended on"), null=True, blank=True)
    stage2_extension_reason = models.TextField(_("why stage 2 was extended"), blank=True)
    stage3_requested_on = models.DateField(_("stage 3 requested on"), null=True, blank=True)
    panel_on = models.DateField(_("date of the review panel"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    withdrawal_reason = models.TextField(_("why it was withdrawn"), blank=True)
    #: Whether a child who complained was offered an advocate (None: not asked, as for a
    #: complaint by someone else, or loaded from a journey).
    is_advocate_offered = models.BooleanField(_("advocate offered"), null=True, blank=True)
    advocate_offered_on = models.DateField(_("advocate offered on"), null=True, blank=True)
    is_advocate_accepted = models.BooleanField(_("advocate accepted"), null=True, blank=True)
    advocate_name = models.CharField(_("advocate"), max_length=200, blank=True)
    learning = models.TextField(_("learning"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    is_imported = models.BooleanField(default=False)

    objects = ComplaintQuerySet.as_manager()

    class Meta:
        ordering = ["-received_on", "-pk"]
        indexes = [
            models.Index(fields=["child", "received_on"], name="complaint_child_received"),
            models.Index(fields=["status", "stage"], name="complaint_open_by_stage"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(stage2_requested_on__isnull=True)
                | Q(stage2_requested_on__gte=models.F("received_on")),
                name="complaint_stage2_after_receipt",
            ),
        ]

    def __str__(self) -> str:
        return f"Complaint {self.reference or self.pk} about {self.child_id}"

    @property
    def theme_label(self) -> str:
        """The theme as it is read: the theme of the list, and the words beside it."""
        parts = [str(self.theme) if self.theme else "", self.theme_detail]
        return ": ".join(part for part in parts if part)

    def stage_started_on(self, stage: int) -> dt.date | None:
        """The day a stage began: receipt for stage 1, the request for stages 2 and 3."""
        return {
            1: self.received_on,
            2: self.stage2_requested_on,
            3: self.stage3_requested_on,
        }[stage]

    def is_extended(self, stage: int) -> bool:
        if stage == 1:
            return self.stage1_extended_on is not None
        if stage == 2:
            return self.stage2_extended_on is not None
        return False

    def due_on(self, stage: int) -> dt.date | None:
        """When the response at a stage is due (docs/duties.md complaint-stage1-10wd,
        complaint-stage2-25wd; the review panel 30 working days after the request)."""
        started = self.stage_started_on(stage)
        if started is None:
            return None
        return due_after(stage, started, is_extended=self.is_extended(stage))

    @property
    def current_due_on(self) -> dt.date | None:
        return self.due_on(self.stage)


def due_after(stage: int, started_on: dt.date, *, is_extended: bool = False) -> dt.date:
    """The due date of the response at ``stage`` begun on ``started_on``."""
    if stage == 1:
        scale = (
            timescales.COMPLAINT_STAGE_1_EXTENDED if is_extended else timescales.COMPLAINT_STAGE_1
        )
    elif stage == 2:
        scale = (
            timescales.COMPLAINT_STAGE_2_EXTENDED if is_extended else timescales.COMPLAINT_STAGE_2
        )
    else:
        scale = timescales.COMPLAINT_REVIEW_PANEL
    return scale.due_after(started_on)


class ComplaintResponse(models.Model):
    """The authority's response at one stage: what it found and what it said."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="responses")
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="complaint_responses"
    )
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    responded_on = models.DateField(_("date of the response"))
    outcome = models.CharField(_("outcome"), max_length=15, choices=Outcome.choices)
    response = models.TextField(_("the response"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["stage"]
        constraints = [
            models.UniqueConstraint(
                fields=["complaint", "stage"], name="complaint_one_response_a_stage"
            )
        ]

    def __str__(self) -> str:
        return f"Stage {self.stage} response: {self.outcome}"


class LearningAction(models.Model):
    """Something the service changes because of a complaint: who does it, by when, and when
    it was done (docs/domain.md finding 35: linked actions)."""

    complaint = models.ForeignKey(Complaint, on_delete=models.CASCADE, related_name="actions")
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="complaint_actions"
    )
    text = models.TextField(_("what is to change"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="complaint_actions",
        verbose_name=_("owner"),
    )
    due_on = models.DateField(_("due by"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        indexes = [models.Index(fields=["owner", "done_on"], name="complaint_action_owner")]

    def __str__(self) -> str:
        return self.text[:60]
