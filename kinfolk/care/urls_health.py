"""URLs of the care pages for health, education, missing episodes and exploitation (included by ``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.models import OutcomeKind
from kinfolk.care.views import health, health_missing

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
    path("<int:pk>/care/education/", health.EducationView.as_view(), name="education"),
    path(
        "<int:pk>/care/education/peps/create/",
        health.PEPCreateView.as_view(),
        name="pep-create",
    ),
    path("<int:pk>/care/education/peps/rate/", health.PEPRateView.as_view(), name="pep-rate"),
    path(
        "<int:pk>/care/missing/",
        health_missing.MissingHistoryView.as_view(),
        name="missing-history",
    ),
    path(
        "<int:pk>/care/missing/start/",
        health_missing.MissingStartView.as_view(),
        name="missing-start",
    ),
    path("<int:pk>/care/missing/end/", health_missing.MissingEndView.as_view(), name="missing-end"),
    path(
        "<int:pk>/care/missing/return-interview-offer/",
        health_missing.ReturnInterviewOfferView.as_view(),
        name="return-interview-offer",
    ),
    path(
        "<int:pk>/care/missing/return-interview/",
        health_missing.ReturnInterviewView.as_view(),
        name="return-interview",
    ),
    path(
        "<int:pk>/care/exploitation/screenings/create/",
        health_missing.ExploitationScreeningCreateView.as_view(),
        name="exploitation-screening-create",
    ),
    path("<int:pk>/care/uasc/start/", health_missing.UASCStartView.as_view(), name="uasc-start"),
    path("<int:pk>/care/uasc/end/", health_missing.UASCEndView.as_view(), name="uasc-end"),
]
