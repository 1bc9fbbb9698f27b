"""The chronology kind of the test app: a family group conference."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind


@EntryKind.register
class FamilyGroupEntryKind(models.TextChoices):
    FAMILY_GROUP_CONFERENCE = "family_group_conference", _("Family group conference")
