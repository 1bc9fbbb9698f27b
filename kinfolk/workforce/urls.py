from django.urls import include, path

from kinfolk.workforce import views

urlpatterns = [
    path("caseload/", views.CaseloadView.as_view(), name="caseload"),
    path("team/", views.TeamView.as_view(), name="team"),
    path(
        "team/changes-of-worker/",
        views.TeamWorkerChangesView.as_view(),
        name="team-worker-changes",
    ),
    path("workers/<int:pk>/caseload/", views.WorkerCaseloadView.as_view(), name="worker-caseload"),
    path("children/<int:pk>/allocate/", views.AllocateView.as_view(), name="child-allocate"),
    path("", include("kinfolk.workforce.administration.urls")),
]
