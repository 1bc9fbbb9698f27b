"""The workspaces: the landing page at the site root, a team's workspace, and the sign-off
queue."""

from django.urls import path

from kinfolk.workspaces import views

urlpatterns = [
    path("", views.WorkspaceView.as_view(), name="home"),
    path("sign-off/", views.SignOffQueueView.as_view(), name="sign-off-queue"),
    path("teams/<int:pk>/workspace/", views.TeamWorkspaceView.as_view(), name="team-workspace"),
]
