"""The child's permanence pages, under ``/children/<pk>/permanence/`` and the lists that span children; included at the site root."""

from django.urls import path

from kinfolk.permanence import views

app_name = "permanence"

CHILD = "children/<int:pk>/permanence/"
HOUSEHOLD = "fostering/<int:pk>/"

urlpatterns = [
    path(CHILD, views.ChildPermanenceView.as_view(), name="child-permanence"),
    path(
        f"{CHILD}adoption-decision/create/",
        views.AdoptionDecisionCreateView.as_view(),
        name="adoption-decision-create",
    ),
    path(
        f"{CHILD}adoption-decision/reverse/",
        views.AdoptionDecisionReverseView.as_view(),
        name="adoption-decision-reverse",
    ),
    path(
        f"{CHILD}adoption-match/create/",
        views.AdoptionMatchCreateView.as_view(),
        name="adoption-match-create",
    ),
    path(
        f"{CHILD}previous-permanence/",
        views.PreviousPermanenceView.as_view(),
        name="previous-permanence",
    ),
    path(
        f"{CHILD}matches/create/",
        views.PermanenceMatchCreateView.as_view(),
        name="permanence-match-create",
    ),
    path("permanence/adoption/", views.AdoptionPlanListView.as_view(), name="adoption-plans"),
    path("fostering/", views.HouseholdListView.as_view(), name="households"),
    path("fostering/create/", views.HouseholdCreateView.as_view(), name="household-create"),
    path(HOUSEHOLD, views.HouseholdDetailView.as_view(), name="household"),
    path(
        f"{HOUSEHOLD}temporary-approval/",
        views.TemporaryApprovalView.as_view(),
        name="household-temporary-approval",
    ),
    path(
        f"{HOUSEHOLD}temporary-approval/extend/",
        views.ExtensionView.as_view(),
        name="household-extension",
    ),
    path(f"{HOUSEHOLD}approval/", views.ApprovalView.as_view(), name="household-approval"),
    path(
        f"{HOUSEHOLD}training/create/",
        views.TrainingRecordCreateView.as_view(),
        name="household-training-create",
    ),
    path(
        f"{HOUSEHOLD}development-plan/create/",
        views.DevelopmentGoalCreateView.as_view(),
        name="household-goal-create",
    ),
]
