"""A child's documents: the list, the upload page, and downloads.

A download is written in the child's access log as an ``export``: a copy of the child's
information leaves Kinfolk (docs/documents.md).
"""

from typing import Any

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.generic import TemplateView

from kinfolk.access.choices import AccessAction
from kinfolk.access.policy import P, require
from kinfolk.access.services import record_access, request_source
from kinfolk.documents.attachments import (
    attachable_keys,
    attachment_label,
    attachment_url,
    find_attachable,
)
from kinfolk.documents.detection import ALLOWED_TYPES
from kinfolk.documents.forms import DocumentUploadForm
from kinfolk.documents.models import Document
from kinfolk.documents.queries import documents_of
from kinfolk.documents.services import max_bytes, upload_document
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import ChildRecordMixin, refuse_hidden_child, team_holding
from kinfolk.people.views.record_form import ChildRecordFormView


class ChildDocumentsView(ChildRecordMixin, TemplateView):
    """Every document on the child's record, newest first, with what each is attached to."""

    permission = P.VIEW_RECORD

    template_name = "documents/child_documents.html"
    record_label = "Child record: documents"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        documents = list(documents_of(self.child.pk).prefetch_related("attached_to"))
        context["documents"] = [(d, attachment_label(d.attached_to)) for d in documents]
        return context


class DocumentUploadView(ChildRecordFormView):
    """Upload a document to the child's record; opened from one of its records
    (``?note=12``), it is attached to that record."""

    permission = P.RECORD_CASEWORK

    form_class = DocumentUploadForm
    template_name = "documents/upload.html"
    service = staticmethod(upload_document)
    heading = _("Upload a document")
    success_message = _("Document uploaded")
    record_label = "Child record: document uploaded"
    back_url_name = "documents:child-documents"
    back_label = _("Back to documents")

    @cached_property
    def attached_to(self) -> Any:
        for key in attachable_keys():
            if key in self.request.GET:
                return find_attachable(key, self.request.GET[key], child_id=self.child.pk)
        return None

    def service_kwargs(self, form: Any) -> dict[str, Any]:
        return {**super().service_kwargs(form), "attached_to": self.attached_to}

    def back_url(self) -> str:
        if self.attached_to is not None:
            return attachment_url(self.attached_to) or super().back_url()
        return super().back_url()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            attached_label=attachment_label(self.attached_to) if self.attached_to else "",
            max_bytes=max_bytes(),
        )
        return context


class DocumentDownloadView(View):
    """The document's file, as an attachment (never shown in the browser), written in the
    child's access log as an export."""

    permission = P.VIEW_RECORD

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        document = get_object_or_404(Document, pk=pk)
        what = "Child record: document downloaded"
        child = Child.objects.visible_to(request.user).filter(pk=document.child_id).first()
        if child is None:
            return refuse_hidden_child(request, document.child_id, what=what)
        require(request.user, P.VIEW_RECORD, team_id=team_holding(child))
        record_access(
            user=request.user,
            child_id=child.pk,
            action=AccessAction.EXPORT,
            what=f"{what}: {document.title}",
            path=request.path,
            source=request_source(request),
        )
        file_type = ALLOWED_TYPES.get(document.content_type)
        name = document.original_name or f"document-{document.pk}"
        if file_type is not None and not name.lower().endswith("." + file_type.extension):
            name = f"{name}.{file_type.extension}"
        try:
            handle = document.file.open("rb")
        except OSError:
            raise Http404("The file is missing") from None
        response = FileResponse(
            handle, as_attachment=True, filename=name, content_type=document.content_type
        )
        response["X-Content-Type-Options"] = "nosniff"
        response["Cache-Control"] = "private, no-store"
        return response
