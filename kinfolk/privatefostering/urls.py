"""The private fostering pages: the child's under ``/children/<pk>/private-fostering/`` and
the register under ``/private-fostering/``; included at the site root."""

from django.urls import path

from kinfolk.privatefostering import views

app_name = "privatefostering"

CHILD = "children/<int:pk>/private-fostering/"

urlpatterns = [
    path(CHILD, views.ChildPrivateFosteringView.as_view(), name="child"),
    path(f"{CHILD}notify/", views.NotificationView.as_view(), name="notify"),
    path(f"{CHILD}household/add/", views.HouseholdMemberView.as_view(), name="household-add"),
    path(f"{CHILD}checks/record/", views.CheckView.as_view(), name="check"),
    path(f"{CHILD}assessment/record/", views.AssessmentView.as_view(), name="assessment"),
    path(f"{CHILD}visits/record/", views.VisitView.as_view(), name="visit"),
    path(f"{CHILD}end/", views.EndView.as_view(), name="end"),
    path("private-fostering/", views.RegisterView.as_view(), name="register"),
]
