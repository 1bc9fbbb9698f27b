"""Printing a page about a child: as HTML with the print stylesheet, and as a PDF.

A printable page is a ``ChildRecordMixin`` page that names a ``document_template``: the
document itself, without the site's header and navigation. The page shows it inside the
child's record (``template_name``, which includes ``document_template``) with a link to the
PDF; ``?format=pdf`` answers with the same document rendered by WeasyPrint as an attachment
(docs/printing.md). The PDF's access record is an ``export``, not a ``view``: who took a copy
of the child's record away is in the child's access log.

The PDF is made without a network. Its stylesheet, and anything else it names under
``STATIC_URL``, is read from the static files (the finders in development, the collected files
in production); any other address is refused.
"""

import hashlib
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.text import slugify

from kinfolk.access.choices import AccessAction
from kinfolk.people.views.mixins import ChildRecordMixin

#: The stylesheet of every printed document, also linked with ``media="print"`` on every page.
PRINT_STYLESHEET = "kinfolk/print.css"
#: The template that wraps a document for the PDF: the print stylesheet and the document.
PDF_TEMPLATE = "printing/pdf.html"
#: The base the PDF's relative addresses resolve against; ``/static/...`` becomes a file
#: address under it, which ``static_fetcher`` maps to the static files.
PDF_BASE_URL = "file:///"


class OfflineFetchRefused(ValueError):
    """A printed document named something that is not one of the static files."""


def static_path(url: str) -> Path | None:
    """The file of a static file's address (``file:///static/kinfolk/print.css``), or None."""
    path = unquote(urlsplit(url).path)
    prefix = "/" + settings.STATIC_URL.strip("/") + "/"
    if not path.startswith(prefix):
        return None
    relative = path.removeprefix(prefix)
    if settings.STATIC_ROOT:
        root = Path(settings.STATIC_ROOT).resolve()
        candidate = (root / relative).resolve()
        return candidate if candidate.is_relative_to(root) and candidate.is_file() else None
    found = finders.find(relative)
    return Path(found) if isinstance(found, str) else None


def static_fetcher(url: str, headers: Any = None) -> Any:
    """WeasyPrint's fetcher for a printed document: the static files, and nothing else."""
    from weasyprint.urls import URLFetcherResponse

    path = static_path(url)
    if path is None:
        raise OfflineFetchRefused(f"A printed document may name only static files, not {url}")
    content_type = "text/css" if path.suffix == ".css" else "application/octet-stream"
    return URLFetcherResponse(url, body=path.read_bytes(), headers={"Content-Type": content_type})


def html_to_pdf(html: str) -> bytes:
    """The PDF of a printed document's HTML."""
    from weasyprint import HTML, URLFetcher

    class StaticOnly(URLFetcher):  # type: ignore[misc]
        def fetch(self, url: str, headers: Any = None) -> Any:
            return static_fetcher(url, headers)

    target = BytesIO()
    HTML(string=html, base_url=PDF_BASE_URL, url_fetcher=StaticOnly()).write_pdf(target)
    return target.getvalue()


@dataclass(frozen=True)
class PrintedDocument:
    """A document printed to PDF: its bytes, its file name and their SHA-256."""

    pdf: bytes
    filename: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.pdf).hexdigest()

    def response(self) -> HttpResponse:
        """The PDF as a download."""
        response = HttpResponse(self.pdf, content_type="application/pdf")
        response["Content-Disposition"] = f'attachment; filename="{self.filename}"'
        return response


def print_document(
    document_template: str,
    context: dict[str, Any],
    *,
    title: str,
    filename: str,
    request: HttpRequest | None = None,
) -> PrintedDocument:
    """Render ``document_template`` with ``context`` inside the PDF wrapper, and print it."""
    html = render_to_string(
        PDF_TEMPLATE,
        {**context, "document_template": document_template, "document_title": title},
        request=request,
    )
    return PrintedDocument(pdf=html_to_pdf(html), filename=filename)


def pdf_filename(*parts: Any) -> str:
    """A file name for a PDF from words and numbers: ``family-version-cp-plan-AB123.pdf``."""
    return "-".join(slugify(str(part)) for part in parts if str(part)) + ".pdf"


class PrintableMixin(ChildRecordMixin):
    """A child's page that is a document: shown on the page, printed by the browser with the
    print stylesheet, and downloaded as a PDF with ``?format=pdf`` (logged as an export)."""

    #: The document, without the site around it; ``template_name`` includes it.
    document_template: str
    #: What the access log says was printed, such as "Family version of the CP plan (PDF)".
    export_label: str = "Child record: printed"

    @property
    def is_pdf(self) -> bool:
        return self.request.GET.get("format") == "pdf"

    def _record(self, action: AccessAction) -> None:
        if self.is_pdf and action == AccessAction.VIEW:
            self.record_label = self.export_label
            action = AccessAction.EXPORT
        super()._record(action)

    def document_title(self, context: dict[str, Any]) -> str:
        """The title of the printed document."""
        return str(context.get("document_title", self.record_label))

    def document_filename(self, context: dict[str, Any]) -> str:
        """The PDF's file name."""
        return pdf_filename(self.document_title(context), self.child.la_child_id)

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        context.setdefault("document_template", self.document_template)
        if not self.is_pdf:
            return super().render_to_response(context, **kwargs)  # type: ignore[misc]
        return print_document(
            self.document_template,
            context,
            title=self.document_title(context),
            filename=self.document_filename(context),
            request=self.request,
        ).response()
