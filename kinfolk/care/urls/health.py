"""The pages of a child's health: assessments, health plans and checks (included by
``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import health

urlpatterns = [
    path("<int:pk>/care/health/", health.HealthHistoryView.as_view(), name="health-history"),
    path(
        "<int:pk>/care/health/assessments/create/",
        health.HealthAssessmentCreateView.as_view(),
        name="health-assessment-create",
    ),
    path(
        "<int:pk>/care/health/actions/create/",
        health.HealthPlanActionCreateView.as_view(),
        name="health-action-create",
    ),
    path(
        "<int:pk>/care/health/actions/done/",
        health.HealthPlanActionDoneView.as_view(),
        name="health-action-done",
    ),
    *[
        path(
            f"<int:pk>/care/health/{view.segment}/create/",
            view.as_view(),
            name=view.url_name,
        )
        for view in health.OUTCOME_VIEWS
    ],
]
