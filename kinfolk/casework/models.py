"""Child in need episodes, assessments, plans with their actions, visits and case notes."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kinfolk.casework.choices import (
    ActionStatus,
    AssessmentStatus,
    CaseNoteKind,
    PlanKind,
    VersionOutcome,
    VisitKind,
)

# The requests that wait for a manager are in a module of their own (docs/sign-off.md) and
# read from here as every casework model is.
from kinfolk.casework.sign_off_models import (  # noqa: F401
    ClosureRequest,
    ClosureReturn,
    ClosureState,
    ManagerRequest,
    ManagerReturn,
    PlanSignOff,
    PlanSignOffReturn,
    PlanSignOffState,
)
from kinfolk.core.codes import CategoryOfAbuse, PrimaryNeed, ReasonForClosure, ReferralSource
from kinfolk.core.dates import long_date
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


class AssessmentQuerySet(models.QuerySet["Assessment"]):
    def awaiting_authorisation(self) -> "AssessmentQuerySet":
        """Submitted by the worker and waiting for a manager: neither authorised nor returned
        (a draft is the worker's until it is submitted)."""
        return self.filter(status=AssessmentStatus.SUBMITTED)


class Assessment(Versioned):
    """A child and family assessment, drafted by a worker in sections and authorised by a
    manager (docs/assessments.md; docs/domain.md findings 6, 7, 42 and 69).

    Working Together 2023: complete within 45 working days of the referral; the DfE measures
    from the start to the authorisation. Each submission is kept as an ``AssessmentVersion``.
    An assessment of an unborn child is a pre-birth assessment, keyed to the expected date of
    birth, with the pre-birth planning meeting.
    """

    episode = models.ForeignKey(
        ChildInNeedEpisode, on_delete=models.CASCADE, related_name="assessments"
    )
    objects = AssessmentQuerySet.as_manager()
    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="assessments")
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    started_on = models.DateField(_("start date"))
    authorised_on = models.DateField(_("authorisation date"), null=True, blank=True)
    factors = models.JSONField(_("factors identified"), default=list, blank=True)
    is_child_seen = models.BooleanField(_("child seen"), null=True, blank=True)
    is_child_seen_alone = models.BooleanField(_("child seen alone"), null=True, blank=True)
    reason = models.TextField(_("reason for the assessment"), blank=True)
    lived_experience = models.TextField(_("the child's lived experience"), blank=True)
    child_views = models.TextField(_("the child's views, wishes and feelings"), blank=True)
    child_views_on = models.DateField(_("date the views were gained"), null=True, blank=True)
    child_views_method = models.CharField(
        _("how the views were gained"), max_length=500, blank=True
    )
    relevant_history = models.TextField(_("relevant history"), blank=True)
    parenting_capacity = models.TextField(_("parenting capacity"), blank=True)
    #: Lists of ``{"text", "source", "verification"}`` (``Verification``).
    risks = models.JSONField(_("risks"), default=list, blank=True)
    protective_factors = models.JSONField(_("protective factors"), default=list, blank=True)
    identity_needs = models.TextField(_("identity needs"), blank=True)
    analysis = models.TextField(_("analysis"), blank=True)
    recommendation = models.TextField(_("recommendation"), blank=True)
    expected_birth_on = models.DateField(_("expected date of birth"), null=True, blank=True)
    pre_birth_meeting_on = models.DateField(_("pre-birth planning meeting"), null=True, blank=True)
    #: The optional neglect tool: ``{"areas": {area: score 1-5}, "overall": score}``.
    neglect_tool = models.JSONField(_("neglect tool"), default=dict, blank=True)
    authorised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    rationale = models.TextField(_("rationale for authorising"), blank=True)
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["started_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["episode"],
                condition=models.Q(authorised_on__isnull=True),
                name="assessment_one_open_per_episode",
            ),
        ]
        indexes = [
            # The sign-off queue reads the assessments submitted to a manager: a few among
            # every assessment ever written.
            models.Index(
                fields=["started_on"],
                condition=models.Q(status=AssessmentStatus.SUBMITTED),
                name="assessment_submitted",
            ),
        ]

    def __str__(self) -> str:
        return f"Assessment started {self.started_on}"

    @property
    def is_open(self) -> bool:
        return self.authorised_on is None

    @property
    def is_pre_birth(self) -> bool:
        return self.expected_birth_on is not None

    @property
    def status_colour(self) -> str:
        """The GOV.UK tag colour of its status."""
        return {
            AssessmentStatus.DRAFT: "grey",
            AssessmentStatus.SUBMITTED: "blue",
            AssessmentStatus.RETURNED: "orange",
        }.get(AssessmentStatus(self.status), "green")

    @property
    def is_editable(self) -> bool:
        """Whether the worker may change it: a draft, or returned for changes."""
        return self.status in (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


class AssessmentVersion(models.Model):
    """One submission of an assessment, kept as it was submitted, with what the manager did
    with it: returned with reasons, or authorised with a rationale and the checklist."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    #: The sections as submitted (``ASSESSMENT_SECTIONS`` in kinfolk.casework.services).
    content = models.JSONField(_("content"), default=dict)
    submitted_on = models.DateField(_("date submitted"))
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    outcome = models.CharField(
        _("outcome"), max_length=10, choices=VersionOutcome.choices, default=VersionOutcome.AWAITING
    )
    response = models.TextField(_("manager's reasons or rationale"), blank=True)
    checklist = models.JSONField(_("authorisation checklist"), default=list, blank=True)
    responded_on = models.DateField(_("date of the manager's response"), null=True, blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["assessment", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "number"], name="assessment_version_numbered_once"
            ),
        ]

    def __str__(self) -> str:
        return f"Version {self.number} of {self.assessment}"


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
    def label(self) -> str:
        """The plan in words, for choosing it or naming what is attached to it."""
        return _("%(plan)s from %(date)s") % {
            "plan": self.get_kind_display(),
            "date": long_date(self.start_on),
        }

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
    kind = models.CharField(_("kind of visit"), max_length=20, choices=VisitKind.choices)
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


class CaseNote(Versioned):
    """The narrative record of a piece of work with the child or family: a call, a visit, a
    meeting, direct work. What happened, in the worker's words, when it happened, who was
    there, and the child's views; ``is_significant`` marks a note that shapes the child's
    story in the chronology (docs/domain.md, b: "one electronic record with an automatic
    chronology").

    For 24 hours after it is recorded the person who wrote it may correct it; every saved
    version is kept (``history``). After that a note is only added to, by an addendum
    (``CaseNoteAddendum``), so that what was written stays as it was written. A note may
    name the plan action it was about, and a meeting (``meeting``: a generic link, because
    the meetings of child protection live in an app above casework, which registers them in
    ``kinfolk.casework.meetings``).
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="case_notes")
    occurred_at = models.DateTimeField(_("when it happened"))
    kind = models.CharField(_("kind of work"), max_length=12, choices=CaseNoteKind.choices)
    text = models.TextField(_("note"))
    child_views = models.TextField(_("the child's views"), blank=True)
    is_significant = models.BooleanField(_("significant"), default=False)
    #: Members of the child's household and family who were there: the child's relationships.
    present = models.ManyToManyField(
        "people.Relationship", blank=True, related_name="case_notes", verbose_name=_("present")
    )
    plan_action = models.ForeignKey(
        PlanAction,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="case_notes",
        verbose_name=_("plan action"),
    )
    meeting_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    meeting_id = models.PositiveIntegerField(null=True, blank=True)
    meeting = GenericForeignKey("meeting_type", "meeting_id")
    #: The worker who did the work, when not the person recording it.
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    #: The note's entry in the chronology, kept in step while the note may be corrected.
    chronology_entry = models.ForeignKey(
        "chronology.ChronologyEntry",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_imported = models.BooleanField(default=False)

    history = HistoricalRecords(excluded_fields=["chronology_entry"])

    class Meta:
        ordering = ["-occurred_at", "-pk"]
        indexes = [models.Index(fields=["child", "-occurred_at"], name="case_note_child_time")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(meeting_type__isnull=True, meeting_id__isnull=True)
                | models.Q(meeting_type__isnull=False, meeting_id__isnull=False),
                name="case_note_meeting_link_whole",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} at {self.occurred_at:%Y-%m-%d %H:%M}"

    @property
    def written_by(self) -> Any:
        """The worker the note is by: its author, else whoever recorded it."""
        return self.author if self.author_id else self.recorded_by

    def correctable_until(self) -> dt.datetime:
        """Until when the note may be corrected; after that only an addendum is possible."""
        return self.recorded_at + CORRECTION_WINDOW


#: How long after it is recorded a case note may still be corrected.
CORRECTION_WINDOW = dt.timedelta(hours=24)


class CaseNoteProfessional(models.Model):
    """A professional who was there, from this or another agency: a teacher, a health
    visitor, a police officer."""

    note = models.ForeignKey(CaseNote, on_delete=models.CASCADE, related_name="professionals")
    name = models.CharField(_("name"), max_length=200)
    role = models.CharField(_("role"), max_length=200, blank=True)
    agency = models.CharField(_("agency"), max_length=200)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return ", ".join(part for part in (self.name, self.role, self.agency) if part)


class CaseNoteAddendum(models.Model):
    """Something added to a case note after it was written: a correction or what was
    learned later. The note itself is not changed; an addendum is never changed either."""

    note = models.ForeignKey(CaseNote, on_delete=models.CASCADE, related_name="addenda")
    text = models.TextField(_("addendum"))
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    added_at = models.DateTimeField(_("added at"), auto_now_add=True)

    class Meta:
        ordering = ["added_at", "pk"]
        verbose_name_plural = _("case note addenda")

    def __str__(self) -> str:
        return f"Addendum of {self.added_at:%Y-%m-%d %H:%M}"
