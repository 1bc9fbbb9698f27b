"""A child's documents under ``/children/<pk>/documents/``, and downloads under
``/documents/<id>/download/``."""

from django.urls import path

from kinfolk.documents import views

app_name = "documents"

urlpatterns = [
    path(
        "children/<int:pk>/documents/",
        views.ChildDocumentsView.as_view(),
        name="child-documents",
    ),
    path(
        "children/<int:pk>/documents/upload/",
        views.DocumentUploadView.as_view(),
        name="upload",
    ),
    path("documents/<int:pk>/download/", views.DocumentDownloadView.as_view(), name="download"),
]
