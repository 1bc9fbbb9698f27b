"""The records of private fostering (docs/private-fostering.md): a child under 16 (18 if
disabled) cared for for 28 days or more by someone who is not a parent or close relative,
by private arrangement. The authority is told of the arrangement, checks the carer and the
household, assesses whether the arrangement is suitable and visits the child (Children
(Private Arrangements for Fostering) Regulations 2005; docs/domain.md, "Side processes").

Every record names the child through the arrangement, so it is part of the child's record:
in the chronology, in ``kinfolk records export`` and in a subject access disclosure. The
visits are casework visits of kind ``private_fostering`` (``kinfolk.casework``).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.core.models import Versioned
from kinfolk.privatefostering.choices import (
    CheckKind,
    CheckResult,
    EndReason,
    Notifier,
    Suitability,
)


class ArrangementQuerySet(models.QuerySet):
    def current(self) -> "ArrangementQuerySet":
        return self.filter(ended_on__isnull=True)


class Arrangement(Versioned):
    """One private fostering arrangement of a child: the notification, the carer and how it
    ended. A child has at most one arrangement that has not ended."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="private_fostering"
    )
    began_on = models.DateField(_("date the arrangement began"))
    notified_on = models.DateField(_("date the authority was told"))
    notified_by = models.CharField(
        _("who told the authority"), max_length=10, choices=Notifier.choices
    )
    notifier_name = models.CharField(_("name of who told the authority"), max_length=200)
    carer = models.ForeignKey(
        "people.Adult", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    carer_name = models.CharField(_("private foster carer"), max_length=200)
    carer_address = models.TextField(_("carer's address"), blank=True)
    carer_relationship = models.CharField(
        _("carer's relationship to the child"), max_length=200, blank=True
    )
    ended_on = models.DateField(_("date the arrangement ended"), null=True, blank=True)
    end_reason = models.CharField(
        _("why it ended"), max_length=20, choices=EndReason.choices, blank=True
    )
    end_detail = models.TextField(_("about the ending"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    is_imported = models.BooleanField(default=False)

    objects = ArrangementQuerySet.as_manager()

    class Meta:
        ordering = ["-notified_on", "-pk"]
        indexes = [models.Index(fields=["child", "notified_on"]), models.Index(fields=["ended_on"])]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(ended_on__isnull=True),
                name="private_fostering_one_current",
            )
        ]

    def __str__(self) -> str:
        return f"Private fostering with {self.carer_name} from {self.began_on}"

    @property
    def notifier(self) -> str:
        """Who told the authority, and their name."""
        who = str(self.get_notified_by_display())
        return f"{who}: {self.notifier_name}" if self.notifier_name else who

    @property
    def is_notified_in_advance(self) -> bool:
        """Told before the arrangement began, as a parent and carer must be (regulation 3);
        otherwise the authority was told late."""
        return self.notified_on < self.began_on

    @property
    def is_current(self) -> bool:
        return self.ended_on is None


class HouseholdMember(models.Model):
    """Someone else living in the private foster carer's household."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="household")
    name = models.CharField(_("name"), max_length=200)
    date_of_birth = models.DateField(_("date of birth"), null=True, blank=True)
    relationship = models.CharField(_("relationship to the carer"), max_length=200, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


class SuitabilityCheck(models.Model):
    """One check on the carer or the household, with its date and result."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="checks")
    kind = models.CharField(_("check"), max_length=20, choices=CheckKind.choices)
    member = models.ForeignKey(
        HouseholdMember, null=True, blank=True, on_delete=models.CASCADE, related_name="checks"
    )
    checked_on = models.DateField(_("date of the check"))
    result = models.CharField(_("result"), max_length=10, choices=CheckResult.choices)
    detail = models.TextField(_("what the check found"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    class Meta:
        ordering = ["checked_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} on {self.checked_on}"


class SuitabilityAssessment(models.Model):
    """The assessment of whether the arrangement is suitable, and the manager's decision on
    it (regulation 4 and schedule 2)."""

    arrangement = models.OneToOneField(
        Arrangement, on_delete=models.CASCADE, related_name="assessment"
    )
    assessed_on = models.DateField(_("date of the assessment"))
    outcome = models.CharField(_("outcome"), max_length=30, choices=Suitability.choices)
    reason = models.TextField(_("reason"))
    conditions = models.TextField(_("conditions"), blank=True)
    manager_decision = models.TextField(_("manager's decision"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} on {self.assessed_on}"
