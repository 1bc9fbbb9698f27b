from django.db import models
from django.utils.translation import gettext_lazy as _


class RelationshipKind(models.TextChoices):
    """How another person is related to the child (docs/journeys.md ``relationship``)."""

    SIBLING = "sibling", _("Sibling")
    MOTHER = "mother", _("Mother")
    FATHER = "father", _("Father")
    CARER = "carer", _("Carer")
    OTHER = "other", _("Other")


class AlertKind(models.TextChoices):
    """What an alert on a child's record warns about."""

    RISK_TO_STAFF = "risk_to_staff", _("Risk to staff")
    SAFEGUARDING = "safeguarding", _("Safeguarding")
    MEDICAL = "medical", _("Medical")
    COMMUNICATION = "communication", _("Communication needs")
    LEGAL = "legal", _("Legal order")
    OTHER = "other", _("Other")
