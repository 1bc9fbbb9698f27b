"""What a file is, decided from its bytes (libmagic, through python-magic), never from its
name or from the type the browser sent."""

from dataclasses import dataclass
from typing import Any

import magic
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileType:
    content_type: str
    #: The extension the stored file is given.
    extension: str
    label: Any


#: The types of file a child's record may hold.
ALLOWED_TYPES = {
    t.content_type: t
    for t in (
        FileType("application/pdf", "pdf", _("PDF")),
        FileType("image/png", "png", _("PNG image")),
        FileType("image/jpeg", "jpg", _("JPEG image")),
        FileType("image/gif", "gif", _("GIF image")),
        FileType("image/webp", "webp", _("WebP image")),
        FileType(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "docx",
            _("Word document"),
        ),
        FileType(
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "xlsx",
            _("Excel spreadsheet"),
        ),
        FileType("application/vnd.oasis.opendocument.text", "odt", _("OpenDocument text")),
        FileType("application/msword", "doc", _("Word 97-2003 document")),
        FileType("application/vnd.ms-excel", "xls", _("Excel 97-2003 spreadsheet")),
        FileType("message/rfc822", "eml", _("Email message")),
    )
}

#: What may be uploaded, as the upload page and its error say it.
ALLOWED_TYPES_TEXT = _(
    "a PDF, an image (PNG, JPEG, GIF or WebP), a Word, Excel or OpenDocument file, or an "
    "email saved as .eml"
)


def detect(content: bytes) -> str:
    """The MIME type of ``content``, from its bytes."""
    return str(magic.from_buffer(content, mime=True))


def allowed_type(content: bytes) -> FileType | None:
    """The file's type when the record may hold it, else None."""
    return ALLOWED_TYPES.get(detect(content))
