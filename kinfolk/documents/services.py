"""Keeping a document on a child's record, and handing it back."""

import hashlib
import uuid
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from kinfolk.core.actors import Actor, staff_member
from kinfolk.documents.choices import DocumentKind
from kinfolk.documents.detection import ALLOWED_TYPES_TEXT, allowed_type
from kinfolk.documents.models import Document
from kinfolk.documents.scanning import ScannerUnavailable, scanner
from kinfolk.people.models import Child


def max_bytes() -> int:
    """The largest file the record takes (``KINFOLK_DOCUMENT_MAX_BYTES``)."""
    return int(settings.KINFOLK_DOCUMENT_MAX_BYTES)


@transaction.atomic
def upload_document(
    *,
    child: Child,
    file: UploadedFile,
    title: str,
    kind: str,
    attached_to: Any = None,
    actor: Actor | None = None,
) -> Document:
    """Keep a file on the child's record, attached to one of its records or not. The file is
    refused, and nothing is kept, when it is empty or too large, when the scanner finds a
    virus in it or cannot be asked, or when its bytes are not a type the record holds
    (whatever its name says)."""
    if kind not in DocumentKind.values:
        raise ValidationError({"kind": _("Choose what kind of document this is")})
    if not title.strip():
        raise ValidationError({"title": _("Enter a title for the document")})
    if attached_to is not None and getattr(attached_to, "child_id", None) != child.pk:
        raise ValidationError(
            {"file": _("The document can only be attached to this child's records")}
        )
    if not file.size:
        raise ValidationError({"file": _("The selected file is empty")})
    if file.size > max_bytes():
        raise ValidationError(
            {
                "file": _("The selected file must be smaller than %(size)s")
                % {"size": filesizeformat(max_bytes())}
            }
        )
    content = b"".join(file.chunks())
    try:
        found = scanner().scan(content)
    except ScannerUnavailable:
        raise ValidationError(
            {"file": _("The file could not be checked for viruses. Try again later")}
        ) from None
    if found:
        raise ValidationError(
            {
                "file": _("The selected file contains a virus (%(name)s) and was not uploaded")
                % {"name": found}
            }
        )
    file_type = allowed_type(content)
    if file_type is None:
        raise ValidationError(
            {"file": _("The selected file must be %(types)s") % {"types": ALLOWED_TYPES_TEXT}}
        )
    document = Document(
        child=child,
        title=title.strip()[:200],
        kind=kind,
        original_name=(file.name or "")[:255],
        content_type=file_type.content_type,
        size=len(content),
        sha256=hashlib.sha256(content).hexdigest(),
        attached_to=attached_to,
        uploaded_by=staff_member(actor),
    )
    document.file.save(
        f"{uuid.uuid4().hex}.{file_type.extension}", ContentFile(content), save=False
    )
    try:
        document.save()
    except Exception:
        # Not recorded: the stored file goes too.
        document.file.delete(save=False)
        raise
    return document
