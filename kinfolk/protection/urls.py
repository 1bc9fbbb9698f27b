"""Pages that record child protection work, under ``/children/<pk>/``."""

from django.urls import path

from kinfolk.protection import views

app_name = "protection"

urlpatterns = [
    path(
        "<int:pk>/strategy-discussions/create/",
        views.StrategyDiscussionCreateView.as_view(),
        name="strategy-discussion-create",
    ),
    path(
        "<int:pk>/strategy-discussions/actions/done/",
        views.StrategyActionDoneView.as_view(),
        name="strategy-action-done",
    ),
    path(
        "<int:pk>/section-47-enquiries/create/",
        views.Section47CreateView.as_view(),
        name="section-47-create",
    ),
    path(
        "<int:pk>/section-47-enquiries/end/",
        views.Section47EndView.as_view(),
        name="section-47-end",
    ),
    path(
        "<int:pk>/conferences/initial/create/",
        views.InitialConferenceCreateView.as_view(),
        name="initial-conference-create",
    ),
    path(
        "<int:pk>/conferences/review/create/",
        views.ReviewConferenceCreateView.as_view(),
        name="review-conference-create",
    ),
    path(
        "<int:pk>/conferences/",
        views.ConferenceView.as_view(),
        name="conference",
    ),
    path(
        "<int:pk>/core-groups/create/",
        views.CoreGroupCreateView.as_view(),
        name="core-group-create",
    ),
    path(
        "<int:pk>/core-groups/minutes/review/",
        views.MinutesReviewView.as_view(),
        name="core-group-minutes-review",
    ),
    path(
        "<int:pk>/child-protection-plan/end/",
        views.ChildProtectionPlanEndView.as_view(),
        name="child-protection-plan-end",
    ),
]
