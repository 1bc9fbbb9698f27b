"""Strategy discussions, section 47 enquiries, conferences and core groups.

The child protection plan itself is a ``casework.Plan`` of kind ``cp``: it shares the
outcomes-and-actions structure of every plan.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.choices import Agency
from kinfolk.core.codes import CategoryOfAbuse
from kinfolk.protection.choices import (
    PROGRESS_COLOURS,
    Attendance,
    ChildParticipation,
    ConferenceKind,
    Progress,
    QualityRating,
    StrategyOutcome,
)


class StrategyDiscussion(models.Model):
    """A multi-agency strategy discussion about whether the child is suffering, or likely to
    suffer, significant harm (Working Together 2023, ch. 4)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="strategy_discussions"
    )
    episode = models.ForeignKey(
        "casework.ChildInNeedEpisode",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="strategy_discussions",
    )
    held_on = models.DateField(_("date held"))
    outcome = models.CharField(_("decision"), max_length=20, choices=StrategyOutcome.choices)
    attendees = models.JSONField(_("agencies attending"), default=list, blank=True)
    rationale = models.TextField(_("rationale"), blank=True)
    prior_action_reason = models.TextField(
        _("why action was taken before the strategy discussion"), blank=True
    )
    triggered_at = models.DateTimeField(_("when the concern triggered it"), null=True, blank=True)
    held_at = models.DateTimeField(_("when it was held"), null=True, blank=True)
    delay_reason = models.TextField(_("why it was held later than the local standard"), blank=True)
    information_shared = models.TextField(_("information shared"), blank=True)
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Strategy discussion on {self.held_on}"


class Section47Enquiry(models.Model):
    """An enquiry under section 47 of the Children Act 1989 (CIN census ``Section47``)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="section_47_enquiries"
    )
    episode = models.ForeignKey(
        "casework.ChildInNeedEpisode",
        on_delete=models.CASCADE,
        related_name="section_47_enquiries",
    )
    started_on = models.DateField(_("start date"))
    ended_on = models.DateField(_("end date"), null=True, blank=True)
    is_conference_required = models.BooleanField(
        _("initial conference required"), null=True, blank=True
    )
    outcome = models.TextField(_("outcome"), blank=True)
    is_child_seen = models.BooleanField(_("child seen"), null=True, blank=True)
    is_seen_alone = models.BooleanField(_("child seen alone"), null=True, blank=True)
    is_medical = models.BooleanField(_("medical examination"), null=True, blank=True)
    medical_on = models.DateField(_("date of the medical"), null=True, blank=True)
    medical_findings = models.TextField(_("findings of the medical"), blank=True)
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_on = models.DateField(_("signed off on"), null=True, blank=True)
    sign_off_rationale = models.TextField(_("manager's rationale"), blank=True)
    #: Why the enquiry ended without its own outcome (an imported conference ended it).
    ended_reason = models.CharField(_("how it ended"), max_length=300, blank=True)

    class Meta:
        ordering = ["-started_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(ended_on__isnull=True),
                name="section_47_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(ended_on__isnull=True)
                | models.Q(ended_on__gte=models.F("started_on")),
                name="section_47_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"Section 47 enquiry from {self.started_on}"


class Conference(models.Model):
    """An initial or review child protection conference.

    An initial conference answers a section 47 enquiry and may make a plan (which starts on
    the conference's date); a review conference continues or ends the plan.
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="conferences")
    episode = models.ForeignKey(
        "casework.ChildInNeedEpisode", on_delete=models.CASCADE, related_name="conferences"
    )
    enquiry = models.ForeignKey(
        Section47Enquiry,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conferences",
    )
    plan = models.ForeignKey(
        "casework.Plan",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="conferences",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ConferenceKind.choices)
    held_on = models.DateField(_("date held"))
    is_plan_needed = models.BooleanField(
        _("child protection plan needed"),
        help_text=_("At an initial conference, a plan is made; at a review, it continues"),
    )
    category = models.CharField(
        _("category of abuse"), max_length=3, choices=CategoryOfAbuse.choices, blank=True
    )
    chair = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    child_participation = models.CharField(
        _("the child's participation"),
        max_length=20,
        choices=ChildParticipation.choices,
        blank=True,
    )
    advocate = models.CharField(_("advocate"), max_length=200, blank=True)
    assessment_rating = models.CharField(
        _("chair's rating of the assessment"),
        max_length=10,
        choices=QualityRating.choices,
        blank=True,
    )
    assessment_comment = models.TextField(_("chair's comment on the assessment"), blank=True)
    rationale = models.TextField(_("reasons for the decision"), blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on}"


class StrategyAttendee(models.Model):
    """Someone who took part in a strategy discussion, with their agency and role."""

    discussion = models.ForeignKey(
        StrategyDiscussion, on_delete=models.CASCADE, related_name="attendee_rows"
    )
    name = models.CharField(_("name"), max_length=200)
    agency = models.CharField(_("agency"), max_length=30, choices=Agency.choices)
    role = models.CharField(_("role"), max_length=200, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class StrategyAction(models.Model):
    """An action agreed at a strategy discussion, owned in an agency and tracked to done
    (docs/domain.md finding 78)."""

    discussion = models.ForeignKey(
        StrategyDiscussion, on_delete=models.CASCADE, related_name="actions"
    )
    description = models.CharField(_("action"), max_length=500)
    owner = models.CharField(_("owner"), max_length=200)
    agency = models.CharField(_("agency"), max_length=30, choices=Agency.choices)
    due_on = models.DateField(_("due by"))
    done_on = models.DateField(_("done on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description


class AgencyCheck(models.Model):
    """A check made with another agency during a section 47 enquiry, and what it found."""

    enquiry = models.ForeignKey(
        Section47Enquiry, on_delete=models.CASCADE, related_name="agency_checks"
    )
    agency = models.CharField(_("agency"), max_length=30, choices=Agency.choices)
    checked_on = models.DateField(_("date checked"))
    result = models.TextField(_("result"))

    class Meta:
        ordering = ["checked_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_agency_display()} on {self.checked_on}"


class ConferenceInvitee(models.Model):
    """Someone invited to a conference: when the invitation went, how they took part, and
    their report, with when it was shared with the parents (docs/domain.md findings 39, 45)."""

    conference = models.ForeignKey(Conference, on_delete=models.CASCADE, related_name="invitees")
    name = models.CharField(_("name"), max_length=200)
    agency = models.CharField(_("agency"), max_length=30, choices=Agency.choices)
    invited_on = models.DateField(_("invitation sent on"), null=True, blank=True)
    attendance = models.CharField(_("attendance"), max_length=15, choices=Attendance.choices)
    report_received_on = models.DateField(_("report received on"), null=True, blank=True)
    report_shared_on = models.DateField(
        _("report shared with the parents on"), null=True, blank=True
    )

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class OutcomeProgress(models.Model):
    """A review conference's rating of progress on one outcome of the plan, with its evidence
    (docs/domain.md finding 33)."""

    conference = models.ForeignKey(
        Conference, on_delete=models.CASCADE, related_name="outcome_progress"
    )
    outcome = models.ForeignKey("casework.PlanOutcome", on_delete=models.CASCADE, related_name="+")
    rating = models.CharField(_("progress"), max_length=5, choices=Progress.choices)
    evidence = models.TextField(_("evidence"))

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.outcome} ({self.rating})"

    @property
    def colour(self) -> str:
        return PROGRESS_COLOURS.get(self.rating, "grey")


class CoreGroupMeeting(models.Model):
    """A core group meeting of the professionals and family working to the plan."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="core_group_meetings"
    )
    plan = models.ForeignKey(
        "casework.Plan", on_delete=models.CASCADE, related_name="core_group_meetings"
    )
    held_on = models.DateField(_("date held"))
    minutes = models.TextField(_("minutes"), blank=True)
    minutes_due_on = models.DateField(_("minutes due by"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reviewed_on = models.DateField(_("minutes reviewed on"), null=True, blank=True)
    review_comment = models.TextField(_("chair's comment on the minutes"), blank=True)

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Core group on {self.held_on}"


class CoreGroupAttendee(models.Model):
    """Who was at a core group meeting."""

    meeting = models.ForeignKey(
        CoreGroupMeeting, on_delete=models.CASCADE, related_name="attendees"
    )
    name = models.CharField(_("name"), max_length=200)
    agency = models.CharField(_("agency"), max_length=30, choices=Agency.choices)
    attendance = models.CharField(_("attendance"), max_length=15, choices=Attendance.choices)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return self.name


class ActionProgress(models.Model):
    """A core group's red, amber or green rating of progress on one action of the plan."""

    meeting = models.ForeignKey(
        CoreGroupMeeting, on_delete=models.CASCADE, related_name="action_progress"
    )
    action = models.ForeignKey("casework.PlanAction", on_delete=models.CASCADE, related_name="+")
    rating = models.CharField(_("progress"), max_length=5, choices=Progress.choices)
    note = models.TextField(_("what has happened"), blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.action} ({self.rating})"

    @property
    def colour(self) -> str:
        return PROGRESS_COLOURS.get(self.rating, "grey")
