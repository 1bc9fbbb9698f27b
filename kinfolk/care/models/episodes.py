"""Periods of care and the SSDA903 episodes they are made of.

A period of care runs from the day a child starts to be looked after to the day they cease;
within it, a new episode starts whenever the legal status or the placement changes (SSDA903,
Episodes table). Episodes are derived by the services in ``kinfolk.care.services``: workers
record what happened, never the reason for a new episode or the code ``X1``.
"""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import (
    CategoryOfNeed,
    LegalStatus,
    PlacementProvider,
    PlacementType,
    ReasonEpisodeCeased,
    ReasonForNewEpisode,
    ReasonForPlacementChange,
)

#: Temporary moves: a period of care may not start or end on one (SSDA903 rules 380, 381), no
#: reason for placement change is recorded around one (226), and the child returns with RNE P
#: (383).
TEMPORARY_PLACEMENTS = frozenset({"T0", "T1", "T2", "T3", "T4"})

#: Placements with no placement provider (SSDA903 rules 178, 213, 526).
PLACEMENTS_WITHOUT_PROVIDER = TEMPORARY_PLACEMENTS | {"Z11", "Z12", "Z13", "Z14"}

#: Placements that carry no Ofsted URN (SSDA903 rule 222).
PLACEMENTS_WITHOUT_URN = PLACEMENTS_WITHOUT_PROVIDER | {"P1", "P3", "R1", "R2", "R5"}

#: Placements for adoption, the only ones a child can be adopted from (SSDA903 rule 390).
ADOPTION_PLACEMENTS = frozenset({"A3", "A4", "A5", "A6"})

#: Reasons an episode ceased that mean the child was adopted (SSDA903 REC E11, E12).
ADOPTED = frozenset({"E11", "E12"})

#: Reasons for a new episode that mean the child moved to new carers (SSDA903 RNE).
NEW_CARERS = frozenset({"S", "P", "B"})


def weeks_between(start: dt.date, end: dt.date) -> int:
    """Whole weeks from ``start`` to ``end``."""
    return max((end - start).days, 0) // 7


class EntryPanel(models.TextChoices):
    """Who agreed that the child should come into care (docs/domain.md stage 15)."""

    LEGAL_GATEWAY = "legal_gateway", _("Legal gateway meeting")
    CARE_PANEL = "care_panel", _("Challenge to care or entry to care panel")
    EMERGENCY = "emergency", _("No panel: an emergency, agreed by a manager")


class ConnectedPersonsAssessment(models.TextChoices):
    """Whether family and friends were assessed to care for the child before they came into
    care with strangers (connected persons, Care Planning Regulations 2010 reg. 24)."""

    APPROVED = "approved", _("Assessed and approved")
    UNDER_WAY = "under_way", _("Assessment under way")
    NOT_APPROVED = "not_approved", _("Assessed, not approved")
    NONE_IDENTIFIED = "none", _("No connected person identified")


class OfstedGrade(models.TextChoices):
    """The setting's latest Ofsted judgement (docs/domain.md finding 84)."""

    OUTSTANDING = "outstanding", _("Outstanding")
    GOOD = "good", _("Good")
    REQUIRES_IMPROVEMENT = "requires_improvement", _("Requires improvement to be good")
    INADEQUATE = "inadequate", _("Inadequate")
    NOT_INSPECTED = "not_inspected", _("Not yet inspected")


class PeriodOfCare(models.Model):
    """A continuous period in which a child is looked after by the authority.

    It starts with an episode whose reason for new episode is ``S`` and ends with the reason
    the last episode ceased, never ``X1`` (SSDA903 rules 357, 388, 432). A child has at most
    one open period.
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="periods_of_care"
    )
    start_on = models.DateField(_("date started to be looked after"))
    end_on = models.DateField(_("date ceased to be looked after"), null=True, blank=True)
    reason_ceased = models.CharField(
        _("reason ceased to be looked after"),
        max_length=3,
        choices=ReasonEpisodeCeased.choices,
        blank=True,
    )
    entry_panel = models.CharField(
        _("who agreed the child should come into care"),
        max_length=20,
        choices=EntryPanel.choices,
        blank=True,
    )
    entry_reason = models.TextField(_("why the child came into care"), blank=True)
    connected_persons = models.CharField(
        _("connected persons assessment"),
        max_length=20,
        choices=ConnectedPersonsAssessment.choices,
        blank=True,
    )

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="period_of_care_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="period_of_care_ends_after_start",
            ),
        ]
        verbose_name = _("period of care")
        verbose_name_plural = _("periods of care")

    def __str__(self) -> str:
        return f"Looked after from {self.start_on}"

    @property
    def is_open(self) -> bool:
        return self.end_on is None


class Placement(models.Model):
    """A stay with one set of carers or in one setting, which may span several episodes (a
    change of legal status keeps the placement).

    Holds what SSDA903 does not: the setting's name, its registration with Ofsted and latest
    grade, the weekly cost (docs/domain.md finding 84), a senior manager's approval when the
    setting is unregistered (finding 24), and a manager's reason when the move went ahead
    without a strategy discussion that was due (finding 5).
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="placements")
    period = models.ForeignKey(PeriodOfCare, on_delete=models.CASCADE, related_name="placements")
    start_on = models.DateField(_("date the placement started"))
    setting_name = models.CharField(_("name of the carers or setting"), max_length=200, blank=True)
    is_registered = models.BooleanField(_("registered with Ofsted"), null=True, blank=True)
    registered_on = models.DateField(_("date registered"), null=True, blank=True)
    ofsted_grade = models.CharField(
        _("latest Ofsted grade"), max_length=20, choices=OfstedGrade.choices, blank=True
    )
    weekly_cost = models.DecimalField(
        _("weekly cost"), max_digits=8, decimal_places=2, null=True, blank=True
    )
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    approved_on = models.DateField(_("date approved"), null=True, blank=True)
    approval_rationale = models.TextField(_("why the unregistered setting is approved"), blank=True)
    strategy_discussion_warning = models.TextField(
        _("strategy discussion warning shown"), blank=True
    )
    no_strategy_discussion_reason = models.TextField(
        _("manager's reason for moving without a strategy discussion"), blank=True
    )
    no_strategy_discussion_reason_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["start_on", "pk"]
        indexes = [
            # The sign-off queue reads the unregistered placements no manager has approved.
            models.Index(
                fields=["start_on"],
                condition=models.Q(is_registered=False, approved_on__isnull=True),
                name="placement_awaiting_approval",
            ),
        ]
        verbose_name = _("placement")
        verbose_name_plural = _("placements")

    def __str__(self) -> str:
        return f"Placement from {self.start_on}"

    @property
    def is_unregistered(self) -> bool:
        return self.is_registered is False

    @property
    def needs_approval(self) -> bool:
        """An unregistered setting that no senior manager has approved (finding 24)."""
        return self.is_registered is False and self.approved_on is None


class PlacementDisruption(models.Model):
    """An unplanned end to a placement, and what was learnt from it (docs/domain.md finding 83:
    placement breakdowns not evaluated)."""

    placement = models.OneToOneField(Placement, on_delete=models.CASCADE, related_name="disruption")
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="placement_disruptions"
    )
    ended_on = models.DateField(_("date the placement ended"))
    reasons = models.TextField(_("why the placement ended"))
    is_meeting_held = models.BooleanField(_("disruption meeting held"))
    meeting_on = models.DateField(_("date of the disruption meeting"), null=True, blank=True)
    learning = models.TextField(_("what was learnt"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["ended_on", "pk"]
        verbose_name = _("placement disruption")

    def __str__(self) -> str:
        return f"Placement disruption on {self.ended_on}"


class CareEpisode(models.Model):
    """One row of the SSDA903 Episodes table: a stretch of a period of care with one legal
    status and one placement.

    ``reason_ceased`` is ``X1`` when a new episode follows on the same day, otherwise the
    reason the period ended (SSDA903 REC, rules 148, 388). ``reason_for_placement_change`` is
    on the episode that ends with a change of placement (rule 225), never around a temporary
    move (226) nor on the open episode (233). The provider is blank only for T0-T4 and
    Z11-Z14 (178, 213, 526).
    """

    period = models.ForeignKey(PeriodOfCare, on_delete=models.CASCADE, related_name="episodes")
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="care_episodes"
    )
    start_on = models.DateField(_("date episode started"))
    end_on = models.DateField(_("date episode ceased"), null=True, blank=True)
    reason_for_new_episode = models.CharField(
        _("reason for new episode"), max_length=1, choices=ReasonForNewEpisode.choices
    )
    legal_status = models.CharField(_("legal status"), max_length=2, choices=LegalStatus.choices)
    category_of_need = models.CharField(
        _("category of need"), max_length=2, choices=CategoryOfNeed.choices
    )
    placement_type = models.CharField(
        _("placement type"), max_length=3, choices=PlacementType.choices
    )
    placement_provider = models.CharField(
        _("placement provider"), max_length=3, choices=PlacementProvider.choices, blank=True
    )
    placement_postcode = models.CharField(_("postcode of the placement"), max_length=8, blank=True)
    home_postcode = models.CharField(_("postcode of the child's home"), max_length=8, blank=True)
    urn = models.CharField(_("Ofsted unique reference number"), max_length=8, blank=True)
    placement = models.ForeignKey(
        Placement,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="episodes",
    )
    reason_ceased = models.CharField(
        _("reason episode ceased"), max_length=3, choices=ReasonEpisodeCeased.choices, blank=True
    )
    reason_for_placement_change = models.CharField(
        _("reason for placement change"),
        max_length=6,
        choices=ReasonForPlacementChange.choices,
        blank=True,
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["start_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="care_episode_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True)
                | models.Q(end_on__gte=models.F("start_on")),
                name="care_episode_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(end_on__isnull=True, reason_ceased="")
                | (models.Q(end_on__isnull=False) & ~models.Q(reason_ceased="")),
                name="care_episode_end_with_reason",
            ),
        ]
        verbose_name = _("episode of care")
        verbose_name_plural = _("episodes of care")

    def __str__(self) -> str:
        return f"Episode from {self.start_on}"

    @property
    def is_open(self) -> bool:
        return self.end_on is None

    @property
    def is_temporary(self) -> bool:
        """A temporary move (T0-T4), after which the child returns to their placement."""
        return self.placement_type in TEMPORARY_PLACEMENTS

    def has_same_carers_as(self, *, provider: str, placement_postcode: str) -> bool:
        """Whether a placement is with the same carers as this episode's: the same provider at
        the same postcode, neither a temporary move (reason for new episode T or U, not P
        or B)."""
        return (
            not self.is_temporary
            and bool(self.placement_provider)
            and self.placement_provider == provider
            and self.placement_postcode == placement_postcode
        )


def placements_with_new_carers(episodes: list["CareEpisode"]) -> list["CareEpisode"]:
    """The episodes in which the child moved to new carers: the first placement of each
    period and each change of carers (RNE P or B), but not temporary moves (T0-T4) nor the
    return from one to the carers the child had before it (docs/domain.md stage 17, finding 20).
    ``episodes`` are one child's, in date order."""
    moves = []
    for index, episode in enumerate(episodes):
        if episode.reason_for_new_episode not in NEW_CARERS or episode.is_temporary:
            continue
        if index >= 2 and episodes[index - 1].is_temporary:
            before = episodes[index - 2]
            if before.period_id == episode.period_id and before.has_same_carers_as(
                provider=episode.placement_provider,
                placement_postcode=episode.placement_postcode,
            ):
                continue
        moves.append(episode)
    return moves
