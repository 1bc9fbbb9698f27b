"""The register pages: the child's under ``/children/<pk>/registers/``, the lists under
``/registers/``; included at the site root."""

from django.urls import path

from kinfolk.registers import views

app_name = "registers"

_CHILD = "children/<int:pk>/registers/"

urlpatterns = [
    path(_CHILD, views.ChildRegistersView.as_view(), name="child-registers"),
    path(f"{_CHILD}young-carer/", views.YoungCarerCreateView.as_view(), name="young-carer-create"),
    path(
        f"{_CHILD}young-carer/assessment/",
        views.YoungCarerAssessmentView.as_view(),
        name="young-carer-assessment",
    ),
    path(
        f"{_CHILD}young-carer/support/",
        views.YoungCarerSupportView.as_view(),
        name="young-carer-support",
    ),
    path(f"{_CHILD}young-carer/school-told/", views.SchoolToldView.as_view(), name="school-told"),
    path(
        f"{_CHILD}missing-education/",
        views.MissingEducationCreateView.as_view(),
        name="missing-create",
    ),
    path(
        f"{_CHILD}missing-education/resolve/",
        views.MissingEducationResolveView.as_view(),
        name="missing-resolve",
    ),
    path(
        f"{_CHILD}home-education/consent/",
        views.ConsentCreateView.as_view(),
        name="consent-create",
    ),
    path(f"{_CHILD}home-education/", views.HomeEducationCreateView.as_view(), name="home-create"),
    path(
        f"{_CHILD}home-education/review/",
        views.HomeEducationReviewView.as_view(),
        name="home-review",
    ),
    path(f"{_CHILD}home-education/end/", views.HomeEducationEndView.as_view(), name="home-end"),
    path(f"{_CHILD}homeless/", views.PresentationCreateView.as_view(), name="homeless-create"),
    path(
        f"{_CHILD}homeless/joint-assessment/",
        views.JointAssessmentView.as_view(),
        name="homeless-assessment",
    ),
    path(f"{_CHILD}homeless/rights/", views.RightsExplainedView.as_view(), name="homeless-rights"),
    path(
        f"{_CHILD}homeless/decision/",
        views.HomelessDecisionView.as_view(),
        name="homeless-decision",
    ),
    path("registers/young-carers/", views.YoungCarersView.as_view(), name="young-carers"),
    path("registers/young-carers/waiting/", views.WaitingListView.as_view(), name="waiting"),
    path("registers/missing-education/", views.MissingEducationView.as_view(), name="missing"),
    path("registers/home-education/", views.HomeEducationView.as_view(), name="home"),
    path("registers/homeless/", views.HomelessView.as_view(), name="homeless"),
]
