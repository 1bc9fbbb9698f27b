"""Child in need episodes, assessments, plans with their actions, visits and case notes."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.choices import ActionStatus, CaseNoteKind, PlanKind, VisitKind
from kinfolk.core.codes import CategoryOfAbuse, PrimaryNeed, ReasonForClosure, ReferralSource
from kinfolk.core.models import Versioned


class ChildInNeedEpisode(models.Model):
    """From a referral accepted by children's social care to the closure of the case.

    One ``CINdetails`` of the CIN census. A child has at most one open episode (CIN rule
    8815). ``is_re_referral`` marks a referral within 12 months of the child's previous one
    (docs/domain.md, stage 4).
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="cin_episodes")
    referral_on = models.DateField(_("referral date"))
    referral_source = models.CharField(
        _("source of referral"), max_length=2, choices=ReferralSource.choices
    )
    primary_need = models.CharField(
        _("primary need"), max_length=2, choices=PrimaryNeed.choices, blank=True
    )
    is_nfa = models.BooleanField(_("no further action on the referral"), default=False)
    is_re_referral = models.BooleanField(_("re-referral within 12 months"), default=False)
    closed_on = models.DateField(_("closure date"), null=True, blank=True)
    closure_reason = models.CharField(
        _("reason for closure"), max_length=3, choices=ReasonForClosure.choices, blank=True
    )
    closure_is_imported = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-referral_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(closed_on__isnull=True),
                name="cin_episode_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True)
                | models.Q(closed_on__gte=models.F("referral_on")),
                name="cin_episode_closes_after_referral",
            ),
        ]

    def __str__(self) -> str:
        return f"Referral of {self.referral_on}"

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class Assessment(models.Model):
    """A child and family assessment: started, then authorised by a manager (completion).

    Working Together 2023: complete within 45 working days of the referral; the DfE measures
    from the start to the authorisation.
    """

    episode = models.ForeignKey(
        ChildInNeedEpisode, on_delete=models.CASCADE, related_name="assessments"
    )
    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="assessments")
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    started_on = models.DateField(_("start date"))
    authorised_on = models.DateField(_("authorisation date"), null=True, blank=True)
    factors = models.JSONField(_("factors identified"), default=list, blank=True)
    is_child_seen = models.BooleanField(_("child seen"), null=True, blank=True)
    analysis = models.TextField(_("analysis"), blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["started_on", "pk"]

    def __str__(self) -> str:
        return f"Assessment started {self.started_on}"

    @property
    def is_open(self) -> bool:
        return self.authorised_on is None


class Plan(Versioned):
    """A child in need plan or a child protection plan: outcomes for the child, and actions
    saying who does what by when, with a contingency (docs/domain.md findings 8 and 41).

    A child protection plan starts on the date of the conference that made it (CIN rule 2885)
    and carries the category of abuse.
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="plans")
    episode = models.ForeignKey(ChildInNeedEpisode, on_delete=models.CASCADE, related_name="plans")
    kind = models.CharField(_("kind of plan"), max_length=3, choices=PlanKind.choices)
    start_on = models.DateField(_("start date"))
    end_on = models.DateField(_("end date"), null=True, blank=True)
    contingency = models.TextField(_("contingency"), blank=True)
    #: The plan in plain words for the family, beside the plan as the professionals write it
    #: (docs/printing.md): printed for them, and as a PDF.
    family_version = models.TextField(_("family version"), blank=True)
    initial_category = models.CharField(
        _("initial category of abuse"), max_length=3, choices=CategoryOfAbuse.choices, blank=True
    )
    latest_category = models.CharField(
        _("latest category of abuse"), max_length=3, choices=CategoryOfAbuse.choices, blank=True
    )
    previous_plans = models.PositiveIntegerField(_("previous child protection plans"), default=0)
    is_repeat_within_two_years = models.BooleanField(
        _("a previous plan ended within two years"), default=False
    )
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "kind"],
                condition=models.Q(end_on__isnull=True),
                name="plan_one_open_of_each_kind",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="plan_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} from {self.start_on}"

    @property
    def is_open(self) -> bool:
        return self.end_on is None


class PlanOutcome(models.Model):
    """What the plan should achieve for the child, and at closure the evidence it did."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcomes")
    description = models.CharField(_("outcome for the child"), max_length=500)
    evidence = models.TextField(_("evidence of progress"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.description


class PlanAction(Versioned):
    """Who does what by when. An action needs an owner (a worker, or a named person in
    another agency) and a due date."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="actions")
    outcome = models.ForeignKey(
        PlanOutcome, null=True, blank=True, on_delete=models.SET_NULL, related_name="actions"
    )
    description = models.CharField(_("action"), max_length=500)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="plan_actions",
    )
    owner_outside = models.CharField(
        _("owner in another agency"),
        max_length=200,
        blank=True,
        help_text=_("For example: Northmoor Primary School, head of year 5"),
    )
    due_on = models.DateField(_("due by"))
    status = models.CharField(
        _("status"), max_length=12, choices=ActionStatus.choices, default=ActionStatus.NOT_STARTED
    )
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(owner__isnull=False) | ~models.Q(owner_outside=""),
                name="plan_action_has_owner",
            )
        ]

    def __str__(self) -> str:
        return self.description

    @property
    def owner_name(self) -> str:
        return str(self.owner) if self.owner_id else self.owner_outside

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.status in (ActionStatus.NOT_STARTED, ActionStatus.IN_PROGRESS) and (
            self.due_on < day
        )


class Visit(models.Model):
    """A visit to the child: whether the child was seen, and seen alone, and their views."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="visits")
    episode = models.ForeignKey(
        ChildInNeedEpisode, null=True, blank=True, on_delete=models.CASCADE, related_name="visits"
    )
    visited_on = models.DateField(_("date of visit"))
    kind = models.CharField(_("kind of visit"), max_length=12, choices=VisitKind.choices)
    is_child_seen = models.BooleanField(_("child seen"))
    is_seen_alone = models.BooleanField(_("child seen alone"), null=True, blank=True)
    purpose = models.CharField(_("purpose"), max_length=300, blank=True)
    child_views = models.TextField(_("the child's views"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-visited_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.visited_on}"


class CaseNote(models.Model):
    """The narrative record of a piece of work with the child or family: a call, a visit, a
    meeting, direct work. What happened, in the worker's words, when it happened, and who did
    it; ``is_significant`` marks a note that shapes the child's story in the chronology
    (docs/domain.md, b: "one electronic record with an automatic chronology")."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="case_notes")
    occurred_at = models.DateTimeField(_("when it happened"))
    kind = models.CharField(_("kind of work"), max_length=12, choices=CaseNoteKind.choices)
    text = models.TextField(_("note"))
    is_significant = models.BooleanField(_("significant"), default=False)
    #: The worker who did the work, when not the person recording it.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["child", "-occurred_at"], name="case_note_child_time")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.occurred_at:%Y-%m-%d %H:%M}"
