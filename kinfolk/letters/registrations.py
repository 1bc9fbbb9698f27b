"""What letters add to the shared registries: their chronology entry kind."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.chronology.choices import EntryKind


@EntryKind.register
class LetterEntryKind(models.TextChoices):
    """A letter produced for the child's family."""

    LETTER = "letter", _("Letter")
