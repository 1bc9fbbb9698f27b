from django.db import models
from django.utils.translation import gettext_lazy as _


class StrategyOutcome(models.TextChoices):
    """What a strategy discussion decided (docs/journeys.md ``strategy_discussion``)."""

    SECTION_47 = "s47", _("Section 47 enquiry")
    NO_FURTHER_ACTION = "no_further_action", _("No further action")
    CHILD_IN_NEED = "cin", _("Child in need work")


class ConferenceKind(models.TextChoices):
    INITIAL = "initial", _("Initial child protection conference")
    REVIEW = "review", _("Review child protection conference")
