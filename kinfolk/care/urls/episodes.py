"""The care page, and the pages that record periods of care, placements and legal status (included
by ``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import episodes

urlpatterns = [
    path("<int:pk>/care/", episodes.ChildCareView.as_view(), name="child-care"),
    path("<int:pk>/care/start/", episodes.StartCareView.as_view(), name="care-start"),
    path(
        "<int:pk>/care/placements/move/",
        episodes.ChangePlacementView.as_view(),
        name="placement-change",
    ),
    path(
        "<int:pk>/care/placements/approve/",
        episodes.UnregisteredPlacementApproveView.as_view(),
        name="unregistered-approve",
    ),
    path(
        "<int:pk>/care/legal-status/change/",
        episodes.ChangeLegalStatusView.as_view(),
        name="legal-status-change",
    ),
    path("<int:pk>/care/end/", episodes.EndCareView.as_view(), name="care-end"),
]
