"""Documents held on a child's record: letters, reports, photographs and emails."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from kinfolk.documents.choices import DocumentKind


def document_path(instance: "Document", filename: str) -> str:
    """Where the file is stored: under the child, by a random name chosen by the service
    (never the name the file came with)."""
    return f"documents/{instance.child_id}/{filename}"


class Document(models.Model):
    """A file uploaded to a child's record, and perhaps attached to one of its records (a
    case note, an assessment, a plan, a meeting: ``attached_to``, a generic relation,
    because those live in apps above this one).

    The file is kept through Django's storage API (the ``default`` storage: the file system
    by default, object storage in production; docs/documents.md). ``content_type`` is what
    the file's bytes are, not what its name says; ``sha256`` is the digest of the bytes
    stored. Only files that passed the scanner are kept.
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    kind = models.CharField(_("kind of document"), max_length=12, choices=DocumentKind.choices)
    file = models.FileField(_("file"), upload_to=document_path, max_length=300)
    original_name = models.CharField(_("name of the file uploaded"), max_length=255)
    content_type = models.CharField(_("type of file"), max_length=120)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    attached_type = models.ForeignKey(
        ContentType, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    attached_id = models.PositiveIntegerField(null=True, blank=True)
    attached_to = GenericForeignKey("attached_type", "attached_id")
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        indexes = [
            models.Index(fields=["child", "-uploaded_at"], name="document_child_time"),
            models.Index(fields=["attached_type", "attached_id"], name="document_attached"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(attached_type__isnull=True, attached_id__isnull=True)
                | models.Q(attached_type__isnull=False, attached_id__isnull=False),
                name="document_attachment_whole",
            )
        ]

    def __str__(self) -> str:
        return self.title
