"""Strategy discussions, section 47 enquiries, conferences and core groups.

The child protection plan itself is a ``casework.Plan`` of kind ``cp``: it shares the
outcomes-and-actions structure of every plan.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import CategoryOfAbuse
from kinfolk.protection.choices import ConferenceKind, StrategyOutcome


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

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.held_on}"


class CoreGroupMeeting(models.Model):
    """A core group meeting of the professionals and family working to the plan."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="core_group_meetings"
    )
    plan = models.ForeignKey(
        "casework.Plan", on_delete=models.CASCADE, related_name="core_group_meetings"
    )
    held_on = models.DateField(_("date held"))

    class Meta:
        ordering = ["-held_on", "-pk"]

    def __str__(self) -> str:
        return f"Core group on {self.held_on}"
