"""The code lists of private fostering (docs/private-fostering.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Notifier(models.TextChoices):
    """Who told the authority of the arrangement."""

    PARENT = "parent", _("Parent")
    CARER = "carer", _("Private foster carer")
    SCHOOL = "school", _("School")
    HEALTH = "health", _("Health")
    OTHER = "other", _("Someone else")


class CheckKind(models.TextChoices):
    """The checks on a private foster carer and their household (Children (Private
    Arrangements for Fostering) Regulations 2005, regulation 4 and schedule 1)."""

    DBS_CARER = "dbs_carer", _("DBS check of the carer")
    DBS_HOUSEHOLD = "dbs_household", _("DBS check of a household member aged 16 or over")
    REFERENCES = "references", _("References")
    HEALTH = "health", _("Health")
    HOME_VISIT = "home_visit", _("Home visit")


#: The checks every arrangement needs, whatever the household: the register counts them.
REQUIRED_CHECKS = (
    CheckKind.DBS_CARER,
    CheckKind.REFERENCES,
    CheckKind.HEALTH,
    CheckKind.HOME_VISIT,
)


class CheckResult(models.TextChoices):
    CLEAR = "clear", _("Clear")
    CONCERNS = "concerns", _("Concerns found")
    PENDING = "pending", _("Requested, waiting for the result")


class Suitability(models.TextChoices):
    """The outcome of the assessment of the arrangement's suitability."""

    SUITABLE = "suitable", _("Suitable")
    SUITABLE_WITH_CONDITIONS = "suitable_with_conditions", _("Suitable with conditions")
    NOT_SUITABLE = "not_suitable", _("Not suitable")


class EndReason(models.TextChoices):
    """Why the arrangement ended."""

    RETURNED_HOME = "returned_home", _("The child returned to their parents")
    MOVED = "moved", _("The child moved to another carer")
    LOOKED_AFTER = "looked_after", _("The child became looked after")
    AGE = "age", _("The child reached 16 (18 if disabled)")
    PROHIBITED = "prohibited", _("The authority prohibited the arrangement")
    OTHER = "other", _("Another reason")
