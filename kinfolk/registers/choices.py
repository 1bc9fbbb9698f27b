"""The code lists of the registers (docs/registers.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CaredForNeed(models.TextChoices):
    """Why the person a young carer looks after needs care."""

    ILLNESS = "illness", _("Physical illness")
    DISABILITY = "disability", _("Disability")
    MENTAL_HEALTH = "mental_health", _("Mental health")
    SUBSTANCE_MISUSE = "substance_misuse", _("Substance misuse")


class AssessmentOutcome(models.TextChoices):
    """What the young carer's needs assessment found."""

    SUPPORT = "support", _("Needs support from children's services")
    UNIVERSAL = "universal", _("Needs met by universal and community services")
    NO_NEEDS = "no_needs", _("No support needs")


class Suitability(models.TextChoices):
    """The council's view of the education a child educated at home receives."""

    SUITABLE = "suitable", _("Suitable")
    NOT_SUITABLE = "not_suitable", _("Not suitable")
    NOT_ENOUGH = "not_enough", _("Not enough information")


class ConsentDecision(models.TextChoices):
    """The council's decision on a request to educate at home a child for whom its consent
    is needed (Children's Wellbeing and Schools Act 2026, section 38)."""

    GRANTED = "granted", _("Consent granted")
    REFUSED = "refused", _("Consent refused")


class HomelessDecision(models.TextChoices):
    """What was decided for a homeless 16- or 17-year-old after the joint assessment."""

    SECTION_20 = "s20", _("Accommodated under section 20 (looked after)")
    PART_7 = "part7", _("Housing under Part 7 of the Housing Act 1996")
    RETURNED_HOME = "home", _("Returned home")
    OTHER = "other", _("Other")
