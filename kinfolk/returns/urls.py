"""The returns pages: building and downloading the returns, data quality, and each child's
failures (``/children/<pk>/returns/``); included at the site root."""

from django.urls import path

from kinfolk.returns import views

app_name = "returns"

urlpatterns = [
    path("returns/", views.ReturnsIndexView.as_view(), name="index"),
    path("returns/build/", views.ReturnBuildView.as_view(), name="build"),
    path("returns/data-quality/", views.DataQualityView.as_view(), name="data-quality"),
    path("returns/<int:pk>/", views.SubmissionDetailView.as_view(), name="detail"),
    path("returns/<int:pk>/download/", views.SubmissionDownloadView.as_view(), name="download"),
    path("returns/<int:pk>/submit/", views.SubmissionSubmitView.as_view(), name="submit"),
    path("children/<int:pk>/returns/", views.ChildReturnsView.as_view(), name="child-returns"),
]
