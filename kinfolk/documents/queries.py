"""Reading documents, for the pages of the apps above this one."""

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet

from kinfolk.documents.models import Document


def documents_attached_to(record: Any) -> list[Document]:
    """The documents attached to a record (a case note, a plan...), newest first."""
    return list(
        Document.objects.filter(
            attached_type=ContentType.objects.get_for_model(type(record)), attached_id=record.pk
        ).select_related("uploaded_by")
    )


def documents_of(child_id: int) -> QuerySet[Document]:
    return Document.objects.filter(child_id=child_id).select_related("uploaded_by", "attached_type")
