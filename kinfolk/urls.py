"""Kinfolk's URLs: each app keeps its own."""

from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.urls import include, path

from kinfolk.workforce.forms import SignInForm

urlpatterns = [
    path(
        "sign-in/",
        login_not_required(
            auth_views.LoginView.as_view(
                redirect_authenticated_user=True, authentication_form=SignInForm
            )
        ),
        name="login",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path("children/", include("kinfolk.people.urls")),
    path("children/", include("kinfolk.casework.urls")),
    path("children/", include("kinfolk.protection.urls")),
    path("children/", include("kinfolk.care.urls")),
    path("", include("kinfolk.leaving.urls")),
    path("", include("kinfolk.permanence.urls")),
    path("", include("kinfolk.returns.urls")),
    path("front-door/", include("kinfolk.frontdoor.urls")),
    path("work/", include("kinfolk.duties.urls")),
    path("", include("kinfolk.workforce.urls")),
]
