"""The workspaces: the landing page at the site root, and a team's workspace."""

from django.urls import path

from kinfolk.workspaces import views

urlpatterns = [
    path("", views.WorkspaceView.as_view(), name="home"),
    path("teams/<int:pk>/workspace/", views.TeamWorkspaceView.as_view(), name="team-workspace"),
]
