"""What the child's record adds to the shared registries (kinfolk.core.registry)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind


@EntryKind.register
class RecordEntryKind(models.TextChoices):
    """Chronology entries about the child's record itself: who the child is, where and with
    whom they live, what workers must know before a visit, and who may read the record."""

    RECORD = "record", _("Record")
    IDENTITY = "identity", _("Identity")
    BIRTH = "birth", _("Birth")
    DEATH = "death", _("Death")
    ADDRESS = "address", _("Address")
    RELATIONSHIP = "relationship", _("Relationship")
    ALERT = "alert", _("Alert")
    ACCESS = "access", _("Access")
