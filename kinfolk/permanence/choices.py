"""The permanence app's own choices; the DfE code lists (adopters, reasons a decision was
reversed, previous permanence) are in ``kinfolk.core.codes``."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class PermanenceMatchKind(models.TextChoices):
    """Permanence other than adoption, each with its own route to a match (docs/domain.md stage 27)."""

    SPECIAL_GUARDIANSHIP = "special_guardianship", _("Special guardianship")
    LONG_TERM_FOSTERING = "long_term_fostering", _("Long-term fostering")


class HouseholdKind(models.TextChoices):
    """What a fostering household is approved, or being assessed, to offer."""

    MAINSTREAM = "mainstream", _("Mainstream foster carers")
    CONNECTED_PERSON = "connected_person", _("Connected person (family and friends)")
    SHORT_BREAKS = "short_breaks", _("Short breaks")
    PARENT_AND_CHILD = "parent_and_child", _("Parent and child")
    SPECIALIST = "specialist", _("Specialist or therapeutic")


class ApprovalStatus(models.TextChoices):
    """Where a fostering household is in its approval, computed from the dates recorded."""

    IN_ASSESSMENT = "in_assessment", _("Being assessed")
    TEMPORARY = "temporary", _("Temporarily approved")
    TEMPORARY_EXPIRED = "temporary_expired", _("Temporary approval ran out")
    APPROVED = "approved", _("Approved")


#: Number of adopters (SSDA903 AD1 NB_ADOPTR).
NUMBER_OF_ADOPTERS = [(1, _("One adopter")), (2, _("Two adopters"))]
