from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """What a document is, as the person uploading it says."""

    LETTER = "letter", _("Letter")
    REPORT = "report", _("Report")
    PHOTOGRAPH = "photograph", _("Photograph")
    EMAIL = "email", _("Email")
    OTHER = "other", _("Other")
