from django.urls import path

from kinfolk.workforce.administration import views

urlpatterns = [
    path("users/", views.UserListView.as_view(), name="users"),
    path("users/create/", views.UserCreateView.as_view(), name="user-create"),
    path("users/<int:pk>/", views.UserDetailView.as_view(), name="user-detail"),
    path("users/<int:pk>/edit/", views.UserUpdateView.as_view(), name="user-edit"),
    path("users/<int:pk>/deactivate/", views.UserDeactivateView.as_view(), name="user-deactivate"),
    path("users/<int:pk>/reactivate/", views.UserReactivateView.as_view(), name="user-reactivate"),
    path("users/<int:pk>/unlock/", views.UserUnlockView.as_view(), name="user-unlock"),
    path(
        "users/<int:pk>/set-password/",
        views.UserSetPasswordEmailView.as_view(),
        name="user-set-password",
    ),
    path(
        "users/<int:pk>/authenticator/",
        views.UserSecondFactorResetView.as_view(),
        name="user-reset-second-factor",
    ),
    path("users/<int:pk>/sign-ins/", views.UserSignInHistoryView.as_view(), name="user-sign-ins"),
    path("teams/", views.TeamListView.as_view(), name="teams"),
    path("teams/create/", views.TeamCreateView.as_view(), name="team-create"),
    path("teams/<int:pk>/", views.TeamDetailView.as_view(), name="team-detail"),
    path("teams/<int:pk>/rename/", views.TeamRenameView.as_view(), name="team-rename"),
    path("teams/<int:pk>/delete/", views.TeamDeleteView.as_view(), name="team-delete"),
]
