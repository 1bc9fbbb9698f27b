"""Kinds of chronology entry. Each casework area adds the kinds its services write."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EntryKind(models.TextChoices):
    RECORD = "record", _("Record")
    IDENTITY = "identity", _("Identity")
    BIRTH = "birth", _("Birth")
    DEATH = "death", _("Death")
    ADDRESS = "address", _("Address")
    RELATIONSHIP = "relationship", _("Relationship")
    ALLOCATION = "allocation", _("Allocation")
    ALERT = "alert", _("Alert")
    ACCESS = "access", _("Access")
