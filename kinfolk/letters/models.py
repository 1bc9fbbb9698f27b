"""Letters produced for a child's family: each one kept as it was sent, with its PDF."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.letters.choices import LetterKind


class Letter(models.Model):
    """A letter produced from a template for one recipient: the text as sent, the PDF and its
    SHA-256, who produced it and when. A letter is not changed once produced; a corrected
    letter is produced again."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="letters")
    kind = models.CharField(_("kind of letter"), max_length=30, choices=LetterKind.choices)
    recipient_name = models.CharField(_("recipient"), max_length=200)
    recipient_address = models.TextField(_("recipient's address"))
    subject = models.CharField(_("subject"), max_length=300)
    body = models.TextField(_("text of the letter"))
    conference = models.ForeignKey(
        "protection.Conference",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    assessment = models.ForeignKey(
        "casework.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="letters",
    )
    pdf = models.BinaryField(_("PDF"))
    pdf_sha256 = models.CharField(_("SHA-256 of the PDF"), max_length=64)
    produced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    produced_at = models.DateTimeField(_("produced at"), auto_now_add=True)

    class Meta:
        ordering = ["-produced_at", "-pk"]
        verbose_name = _("letter")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.recipient_name}"
