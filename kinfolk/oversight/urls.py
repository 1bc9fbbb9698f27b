"""The oversight pages: the child's under ``/children/<pk>/oversight/``, a worker's under
``/workers/<pk>/``, and the team's under ``/team/``; included at the site root."""

from django.urls import path

from kinfolk.oversight import views

app_name = "oversight"

urlpatterns = [
    path(
        "children/<int:pk>/oversight/", views.ChildOversightView.as_view(), name="child-oversight"
    ),
    path(
        "children/<int:pk>/oversight/decisions/create/",
        views.ManagementDecisionCreateView.as_view(),
        name="decision-create",
    ),
    path(
        "children/<int:pk>/oversight/actions/done/",
        views.ActionDoneView.as_view(),
        name="action-done",
    ),
    path(
        "workers/<int:pk>/supervision/record/",
        views.RecordSupervisionView.as_view(),
        name="record-supervision",
    ),
    path(
        "workers/<int:pk>/personal-supervision/",
        views.PersonalSupervisionListView.as_view(),
        name="personal-supervision",
    ),
    path(
        "workers/<int:pk>/personal-supervision/record/",
        views.PersonalSupervisionRecordView.as_view(),
        name="personal-supervision-record",
    ),
    path("team/supervision/", views.TeamSupervisionView.as_view(), name="team-supervision"),
    path("team/long-open/", views.DriftView.as_view(), name="drift"),
]
