"""Signing in and out, re-authenticating, and passwords. The names are Django's own
(``login``, ``password_reset``...), which its views and settings expect."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import path

from kinfolk.access.policy import SignedIn
from kinfolk.accounts import views

sign_out = auth_views.LogoutView.as_view()
sign_out.permission = SignedIn("signing out")  # type: ignore[attr-defined]


def open_view(view_class: type) -> object:
    return login_not_required(view_class.as_view())  # type: ignore[attr-defined]


urlpatterns = [
    path("sign-in/", open_view(views.SignInView), name="login"),
    path("sign-in/code/", views.CodeView.as_view(), name="sign-in-code"),
    path("sign-in/set-up/", views.SetUpView.as_view(), name="sign-in-set-up"),
    path(
        "sign-in/recovery-codes/",
        views.RecoveryCodesView.as_view(),
        name="sign-in-recovery-codes",
    ),
    path("sign-in/council/", open_view(views.CouncilSignInView), name="oidc_authentication_init"),
    path(
        "sign-in/council/callback/",
        open_view(views.CouncilCallbackView),
        name="oidc_authentication_callback",
    ),
    path("sign-in/again/", views.ReauthenticateView.as_view(), name="reauthenticate"),
    path("sign-out/", sign_out, name="logout"),
    path("account/", views.AccountView.as_view(), name="account"),
    path(
        "account/recovery-codes/",
        views.ReplaceRecoveryCodesView.as_view(),
        name="recovery-codes-replace",
    ),
    path("account/password/", views.PasswordChangeView.as_view(), name="password_change"),
    path(
        "account/password/changed/",
        views.PasswordChangeDoneView.as_view(),
        name="password_change_done",
    ),
    path("password-reset/", open_view(views.PasswordResetView), name="password_reset"),
    path(
        "password-reset/sent/", open_view(views.PasswordResetDoneView), name="password_reset_done"
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        open_view(views.PasswordResetConfirmView),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/done/",
        open_view(views.PasswordResetCompleteView),
        name="password_reset_complete",
    ),
]
