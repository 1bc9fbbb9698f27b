"""Family time and life-story work while a child is looked after: who the child spends time
with, how often and with what risk assessment, and the child's life-story work with the decisions
made about it (docs/domain.md findings 21 and 60). The care page's summary reads them with the
reviews (``kinfolk.care.models.reviews``)."""

import datetime as dt
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.health import recorded_by_field
from kinfolk.core.models import Versioned

__all__ = [
    "FAMILY_TIME_RISK_REVIEW_MONTHS",
    "FamilyRelationship",
    "FamilyTime",
    "LifeStoryDecision",
    "LifeStoryStatus",
    "LifeStoryWork",
]

#: How long a family-time risk assessment stands before it is reviewed, when the worker gives no
#: review date (local standard; docs/domain.md finding 60).
FAMILY_TIME_RISK_REVIEW_MONTHS = 3


class FamilyRelationship(models.TextChoices):
    """Who the child spends family time with, in relation to the child."""

    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    SIBLING = "sibling", _("Brother or sister")
    GRANDPARENT = "grandparent", _("Grandparent")
    OTHER_RELATIVE = "other_relative", _("Other relative")
    FRIEND = "friend", _("Friend or other important person")
    OTHER = "other", _("Other")


class LifeStoryStatus(models.TextChoices):
    """Where the child's life-story work has got to (docs/domain.md finding 21)."""

    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    COMPLETE = "complete", _("Complete")


class FamilyTime(models.Model):
    """An arrangement for the child to spend time with family or other important people,
    with the risk assessment and the date it is next reviewed (docs/domain.md stage 25,
    finding 60)."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="family_time")
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.CASCADE, related_name="family_time"
    )
    agreed_on = models.DateField(_("date agreed"))
    with_whom = models.CharField(_("who with"), max_length=200)
    relationship = models.CharField(
        _("relationship to the child"), max_length=20, choices=FamilyRelationship.choices
    )
    frequency = models.CharField(_("how often"), max_length=200)
    is_supervised = models.BooleanField(_("supervised"))
    risk_assessed_on = models.DateField(_("date of the risk assessment"), null=True, blank=True)
    risk_review_on = models.DateField(_("risk assessment review due"), null=True, blank=True)
    child_views = models.TextField(_("the child's views"), blank=True)
    ended_on = models.DateField(_("date ended"), null=True, blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = recorded_by_field()

    class Meta:
        ordering = ["-agreed_on", "-pk"]
        verbose_name = _("family time arrangement")

    def __str__(self) -> str:
        return f"Family time with {self.with_whom}"

    def is_risk_review_due_on(self, day: dt.date) -> bool:
        return (
            self.ended_on is None
            and self.risk_review_on is not None
            and (self.risk_review_on <= day)
        )


class LifeStoryWork(Versioned):
    """The child's life-story work: its status, the worker doing it and the later-life letter
    (docs/domain.md stage 24, finding 21). One per child; it follows them across periods of care
    and into adoption."""

    child = models.OneToOneField(
        "people.Child", on_delete=models.CASCADE, related_name="life_story_work"
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=LifeStoryStatus.choices,
        default=LifeStoryStatus.NOT_STARTED,
    )
    worker = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="life_story_work",
        verbose_name=_("worker"),
    )
    later_life_letter_on = models.DateField(
        _("date of the later-life letter"), null=True, blank=True
    )
    updated_on = models.DateField(_("last updated"))
    recorded_by = recorded_by_field()

    class Meta:
        verbose_name = _("life-story work")

    def last_saved(self) -> tuple[Any, dt.date] | None:
        """Who recorded the current state of the work, and the date of that update."""
        return self.recorded_by, self.updated_on

    def __str__(self) -> str:
        return f"Life-story work: {self.get_status_display()}"


class LifeStoryDecision(models.Model):
    """A decision about the child's life, with the reason written for the child to read later
    (docs/domain.md finding 21, Wirral: "a record of the reasons for decisions the child can
    read")."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="life_story_decisions"
    )
    decided_on = models.DateField(_("date of the decision"))
    decision = models.CharField(_("decision"), max_length=300)
    reason_for_child = models.TextField(_("why, in words for the child"))
    recorded_by = recorded_by_field()

    class Meta:
        ordering = ["decided_on", "pk"]
        verbose_name = _("life-story decision")

    def __str__(self) -> str:
        return self.decision
