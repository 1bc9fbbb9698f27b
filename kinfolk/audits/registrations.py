"""What audits add to the shared registries: their chronology entry kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind


@EntryKind.register
class AuditEntryKind(models.TextChoices):
    """A case file audit completed, and its moderation."""

    CASE_AUDIT = "case_audit", _("Case file audit")
