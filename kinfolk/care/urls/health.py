"""The pages of a child's health: assessments, health plans and checks (included by ``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.models import OutcomeKind
from kinfolk.care.views import health

_OUTCOME_PATHS = {
    OutcomeKind.DENTAL: "dental-checks",
    OutcomeKind.DEVELOPMENT: "development-checks",
    OutcomeKind.IMMUNISATIONS: "immunisations",
    OutcomeKind.SDQ: "sdq",
    OutcomeKind.CONVICTION: "convictions",
    OutcomeKind.SUBSTANCE_MISUSE: "substance-misuse",
}

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
            f"<int:pk>/care/health/{segment}/create/",
            health.OutcomeCreateView.as_view(kind=kind),
            name=health.OUTCOME_PAGES[kind]["url"].removeprefix("care:"),
        )
        for kind, segment in _OUTCOME_PATHS.items()
    ],
]
