"""Missing episodes and return interviews, and screenings of a child's risk of exploitation
(docs/domain.md stages 22 and 23): ``MissingEpisode`` gives the SSDA903 Missing table and the
``rhi-72h`` duty. Rules that need other records (one open missing episode) are checked by
``kinfolk.care.services.missing``."""

import datetime as dt

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.health import recorded_by_field
from kinfolk.core import timescales
from kinfolk.core.codes import MissingKind

__all__ = [
    "ExploitationKind",
    "ExploitationScreening",
    "MissingEpisode",
    "RiskLevel",
    "return_interview_timeliness",
]


class RiskLevel(models.TextChoices):
    NONE = "none", _("No risk identified")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ExploitationKind(models.TextChoices):
    SEXUAL = "sexual", _("Sexual exploitation")
    CRIMINAL = "criminal", _("Criminal exploitation")
    BOTH = "both", _("Sexual and criminal exploitation")


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
    recorded_by = recorded_by_field()
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
    recorded_by = recorded_by_field()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-screened_on", "-pk"]
        verbose_name = _("exploitation screening")

    def __str__(self) -> str:
        return f"Exploitation screening on {self.screened_on}"

    @property
    def is_medium_or_high(self) -> bool:
        return self.risk_level in (RiskLevel.MEDIUM, RiskLevel.HIGH)
