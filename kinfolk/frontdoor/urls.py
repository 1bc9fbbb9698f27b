"""The front door's pages, under ``/front-door/``."""

from django.urls import path

from kinfolk.frontdoor import views

app_name = "frontdoor"

urlpatterns = [
    path("", views.ContactQueueView.as_view(), name="queue"),
    path("contacts/find-child/", views.ContactChildSearchView.as_view(), name="find-child"),
    path(
        "children/<int:pk>/contacts/create/",
        views.ContactCreateView.as_view(),
        name="contact-create",
    ),
    path(
        "children/<int:pk>/contacts/<int:contact_pk>/screen/",
        views.ContactScreenView.as_view(),
        name="contact-screen",
    ),
    # The same page for the child's oldest contact still waiting; it also lets every page
    # under children/<pk>/ be reversed with the child alone (kinfolk/access tests).
    path(
        "children/<int:pk>/contacts/screen/",
        views.ContactScreenView.as_view(),
        name="contact-screen",
    ),
    path(
        "children/<int:pk>/contacts/<int:contact_pk>/urgency/",
        views.ContactUrgencyView.as_view(),
        name="contact-urgency",
    ),
    path(
        "children/<int:pk>/screenings/<int:screening_pk>/answer/",
        views.ScreeningAnswerView.as_view(),
        name="screening-answer",
    ),
    path("sign-off/", views.SignOffQueueView.as_view(), name="sign-off-queue"),
    path("sign-off/<int:screening_pk>/", views.ScreeningSignOffView.as_view(), name="sign-off"),
    path(
        "children/<int:pk>/early-help/start/",
        views.EarlyHelpStartView.as_view(),
        name="early-help-start",
    ),
    path(
        "children/<int:pk>/early-help/end/",
        views.EarlyHelpEndView.as_view(),
        name="early-help-end",
    ),
]
