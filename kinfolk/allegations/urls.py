"""The LADO's pages under ``/allegations/``."""

from django.urls import path

from kinfolk.allegations.views import pages, steps

app_name = "allegations"

urlpatterns = [
    path("allegations/", pages.AllegationListView.as_view(), name="list"),
    path("allegations/new/", pages.AllegationCreateView.as_view(), name="record"),
    path("allegations/analytics/", pages.AnalyticsView.as_view(), name="analytics"),
    path("allegations/<int:pk>/", pages.AllegationDetailView.as_view(), name="detail"),
    path("allegations/<int:pk>/consider/", steps.ConsiderationView.as_view(), name="consider"),
    path("allegations/<int:pk>/meetings/add/", steps.MeetingView.as_view(), name="meeting"),
    path(
        "allegations/<int:pk>/actions/<int:action_pk>/done/",
        steps.ActionDoneView.as_view(),
        name="action-done",
    ),
    path("allegations/<int:pk>/outcome/", steps.OutcomeView.as_view(), name="outcome"),
    path("allegations/<int:pk>/close/", steps.CloseView.as_view(), name="close"),
    path("allegations/<int:pk>/readers/add/", steps.ReaderView.as_view(), name="reader-add"),
    path(
        "allegations/<int:pk>/readers/<int:reader_pk>/remove/",
        steps.RemoveReaderView.as_view(),
        name="reader-remove",
    ),
]
