"""The pages of missing episodes, return interviews and exploitation screenings (included by
``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import missing

urlpatterns = [
    path(
        "<int:pk>/care/missing/",
        missing.MissingHistoryView.as_view(),
        name="missing-history",
    ),
    path(
        "<int:pk>/care/missing/start/",
        missing.MissingStartView.as_view(),
        name="missing-start",
    ),
    path("<int:pk>/care/missing/end/", missing.MissingEndView.as_view(), name="missing-end"),
    path(
        "<int:pk>/care/missing/return-interview-offer/",
        missing.ReturnInterviewOfferView.as_view(),
        name="return-interview-offer",
    ),
    path(
        "<int:pk>/care/missing/return-interview/",
        missing.ReturnInterviewView.as_view(),
        name="return-interview",
    ),
    path(
        "<int:pk>/care/exploitation/screenings/create/",
        missing.ExploitationScreeningCreateView.as_view(),
        name="exploitation-screening-create",
    ),
]
