from django.urls import path

from kinfolk.workforce.administration.views import teams, users

urlpatterns = [
    path("users/", users.UserListView.as_view(), name="users"),
    path("users/create/", users.UserCreateView.as_view(), name="user-create"),
    path("users/<int:pk>/", users.UserDetailView.as_view(), name="user-detail"),
    path("users/<int:pk>/edit/", users.UserUpdateView.as_view(), name="user-edit"),
    path("users/<int:pk>/deactivate/", users.UserDeactivateView.as_view(), name="user-deactivate"),
    path("users/<int:pk>/reactivate/", users.UserReactivateView.as_view(), name="user-reactivate"),
    path("users/<int:pk>/unlock/", users.UserUnlockView.as_view(), name="user-unlock"),
    path(
        "users/<int:pk>/set-password/",
        users.UserSetPasswordEmailView.as_view(),
        name="user-set-password",
    ),
    path(
        "users/<int:pk>/authenticator/",
        users.UserSecondFactorResetView.as_view(),
        name="user-reset-second-factor",
    ),
    path("users/<int:pk>/sign-ins/", users.UserSignInHistoryView.as_view(), name="user-sign-ins"),
    path("teams/", teams.TeamListView.as_view(), name="teams"),
    path("teams/create/", teams.TeamCreateView.as_view(), name="team-create"),
    path("teams/<int:pk>/", teams.TeamDetailView.as_view(), name="team-detail"),
    path("teams/<int:pk>/rename/", teams.TeamRenameView.as_view(), name="team-rename"),
    path("teams/<int:pk>/delete/", teams.TeamDeleteView.as_view(), name="team-delete"),
]
