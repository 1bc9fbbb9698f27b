"""Adoption: the decision that a child should be placed for adoption, its reversal, the match
with adopters; and what permanence the child had before coming into care.

These hold every item of the SSDA903 PlacedAdoption, AD1 and PrevPerm tables: the return is
built from them, never from a separate entry.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import (
    AdoptersLegalStatus,
    AdoptersSex,
    ReasonNoLongerPlacedForAdoption,
)
from kinfolk.core.codes import PreviousPermanence as PreviousPermanenceCode
from kinfolk.permanence.choices import NUMBER_OF_ADOPTERS, PermanenceMatchKind
from kinfolk.permanence.querysets import AdoptionDecisionQuerySet


class AdoptionDecision(models.Model):
    """The agency decision maker's decision that a looked-after child should be placed for
    adoption (Adoption Agencies Regulations 2005, reg. 19; SSDA903 PlacedAdoption
    DATE_PLACED, and AD1 DATE_INT when the child is adopted).

    A decision is open until it is reversed, with the date and the reason the child should no
    longer be placed for adoption (DATE_PLACED_CEASED, REASON_PLACED_CEASED RD1-RD4). A child
    has at most one open decision (SSDA903 rules 579, 583).
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="adoption_decisions"
    )
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.CASCADE, related_name="adoption_decisions"
    )
    decided_on = models.DateField(
        _("date of the decision that the child should be placed for adoption")
    )
    reversed_on = models.DateField(
        _("date of the decision that the child should no longer be placed for adoption"),
        null=True,
        blank=True,
    )
    reversal_reason = models.CharField(
        _("reason the child should no longer be placed for adoption"),
        max_length=3,
        choices=ReasonNoLongerPlacedForAdoption.choices,
        blank=True,
    )
    reversal_detail = models.TextField(_("more about the reversal"), blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    objects = AdoptionDecisionQuerySet.as_manager()

    class Meta:
        ordering = ["-decided_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(reversed_on__isnull=True),
                name="adoption_decision_one_open_per_child",
            ),
            models.CheckConstraint(
                condition=models.Q(reversed_on__isnull=True)
                | models.Q(reversed_on__gte=models.F("decided_on")),
                name="adoption_decision_reversed_after_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(reversed_on__isnull=True, reversal_reason="")
                | (models.Q(reversed_on__isnull=False) & ~models.Q(reversal_reason="")),
                name="adoption_decision_reversal_with_reason",
            ),
        ]
        verbose_name = _("adoption decision")

    def __str__(self) -> str:
        return f"Decision to place for adoption on {self.decided_on}"

    @property
    def is_open(self) -> bool:
        return self.reversed_on is None


class AdoptionMatch(models.Model):
    """The agency decision maker's decision that the child should be placed with particular
    adopters, after the adoption panel's recommendation (Adoption Agencies Regulations 2005,
    reg. 33; SSDA903 AD1 DATE_MATCH, NB_ADOPTR, SEX_ADOPTR, LS_ADOPTR, FOSTER_CARE).

    ``moved_in_on`` is when the child moved in with the adopters, if known: for a
    foster-to-adopt placement, when they moved in as the child's foster carers.
    """

    decision = models.OneToOneField(
        AdoptionDecision, on_delete=models.CASCADE, related_name="match"
    )
    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="adoption_matches"
    )
    matched_on = models.DateField(_("date of the decision to match the child with the adopters"))
    panel_on = models.DateField(_("date of the matching panel"), null=True, blank=True)
    moved_in_on = models.DateField(
        _("date the child moved in with the adopters"), null=True, blank=True
    )
    number_of_adopters = models.PositiveSmallIntegerField(
        _("number of adopters"), choices=NUMBER_OF_ADOPTERS
    )
    adopters_sex = models.CharField(
        _("sex of the adopters"), max_length=2, choices=AdoptersSex.choices
    )
    adopters_legal_status = models.CharField(
        _("legal status of the adopters"), max_length=3, choices=AdoptersLegalStatus.choices
    )
    is_former_foster_carers = models.BooleanField(_("the adopters were the child's foster carers"))
    adopters_names = models.CharField(_("adopters' names"), max_length=200, blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-matched_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(number_of_adopters__in=[1, 2]),
                name="adoption_match_one_or_two_adopters",
            ),
            models.CheckConstraint(
                condition=models.Q(panel_on__isnull=True)
                | models.Q(panel_on__lte=models.F("matched_on")),
                name="adoption_match_panel_before_decision",
            ),
            models.CheckConstraint(
                condition=models.Q(moved_in_on__isnull=True)
                | models.Q(moved_in_on__gte=models.F("matched_on"))
                | models.Q(is_former_foster_carers=True),
                name="adoption_match_moved_in_after_match",
            ),
        ]
        verbose_name = _("adoption match")
        verbose_name_plural = _("adoption matches")

    def __str__(self) -> str:
        return f"Matched with adopters on {self.matched_on}"


class PreviousPermanence(models.Model):
    """The permanence the child had before starting to be looked after (SSDA903 PrevPerm):
    adopted, a special guardianship order, a child arrangements order, not known, or none;
    with the date of the order and the authority that made the arrangements, where known.

    One record per child: recording it again replaces it, so that it describes the child's
    latest entry to care.
    """

    child = models.OneToOneField(
        "people.Child", on_delete=models.CASCADE, related_name="previous_permanence"
    )
    code = models.CharField(
        _("previous permanence"), max_length=2, choices=PreviousPermanenceCode.choices
    )
    order_on = models.DateField(_("date of the order"), null=True, blank=True)
    local_authority = models.CharField(
        _("local authority that made the order"), max_length=3, blank=True
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        verbose_name = _("previous permanence")
        verbose_name_plural = _("previous permanence")

    def __str__(self) -> str:
        return self.get_code_display()


class PermanenceMatch(models.Model):
    """Permanence other than adoption with named carers (docs/domain.md stage 27, finding 49).

    Special guardianship: the assessment of the prospective special guardians and the support
    plan that goes with their application (Special Guardianship Regulations 2005, reg. 21 and
    the schedule), and the order when the court makes it. Long-term fostering: the match of
    the child with their foster carers at the permanence panel, confirmed by the agency
    decision maker (Care Planning Regulations 2010, reg. 22C-22D, long-term foster placement).
    ``matched_on`` is the day the carers were confirmed as the child's permanent carers.
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="permanence_matches"
    )
    kind = models.CharField(
        _("kind of permanence"), max_length=30, choices=PermanenceMatchKind.choices
    )
    carers = models.CharField(_("carers"), max_length=200)
    household = models.ForeignKey(
        "permanence.FosteringHousehold",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="permanence_matches",
    )
    matched_on = models.DateField(_("date the carers were confirmed"))
    panel_on = models.DateField(_("date of the permanence panel"), null=True, blank=True)
    assessment_on = models.DateField(
        _("date the special guardianship assessment was completed"), null=True, blank=True
    )
    support_plan_on = models.DateField(
        _("date the special guardianship support plan was agreed"), null=True, blank=True
    )
    order_on = models.DateField(_("date of the special guardianship order"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["-matched_on", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(panel_on__isnull=True)
                | models.Q(panel_on__lte=models.F("matched_on")),
                name="permanence_match_panel_before_match",
            ),
            models.CheckConstraint(
                condition=models.Q(order_on__isnull=True)
                | models.Q(order_on__gte=models.F("matched_on")),
                name="permanence_match_order_after_match",
            ),
        ]
        verbose_name = _("permanence match")
        verbose_name_plural = _("permanence matches")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} with {self.carers}"
