from django.db import models
from django.utils.translation import gettext_lazy as _


class LetterKind(models.TextChoices):
    """The letters Kinfolk writes from its templates (docs/printing.md)."""

    CONFERENCE_INVITATION = (
        "conference_invitation",
        _("Invitation to a child protection conference"),
    )
    ASSESSMENT_OUTCOME = "assessment_outcome", _("Outcome of an assessment")
    BEFORE_PROCEEDINGS = "before_proceedings", _("Letter before proceedings")
