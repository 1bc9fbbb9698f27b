"""The pages of voice and participation: the child's under
``/children/<pk>/participation/``, the lists and the council's log under
``/participation/``; included at the site root."""

from django.urls import path

from kinfolk.participation import views

app_name = "participation"

CHILD = "children/<int:pk>/participation/"

urlpatterns = [
    path(CHILD, views.ChildParticipationView.as_view(), name="child"),
    path(CHILD + "visitor/offer/", views.OfferCreateView.as_view(), name="offer"),
    path(CHILD + "visitor/answer/", views.OfferAnswerView.as_view(), name="offer-answer"),
    path(CHILD + "visitor/match/", views.OfferMatchView.as_view(), name="offer-match"),
    path(CHILD + "visitor/end/", views.OfferEndView.as_view(), name="offer-end"),
    path(CHILD + "advocacy/refer/", views.ReferralCreateView.as_view(), name="refer"),
    path(CHILD + "advocacy/record/", views.AdvocacyUpdateView.as_view(), name="advocacy"),
    path(CHILD + "told/", views.ToldCreateView.as_view(), name="told"),
    path(CHILD + "transition/start/", views.TransitionPlanCreateView.as_view(), name="transition"),
    path(
        CHILD + "transition/review/",
        views.TransitionPlanReviewView.as_view(),
        name="transition-review",
    ),
    path(CHILD + "asylum/interpreter/", views.InterpreterView.as_view(), name="interpreter"),
    path(CHILD + "asylum/age/", views.AgeAssessmentCreateView.as_view(), name="age-assessment"),
    path(
        CHILD + "asylum/status/",
        views.ImmigrationStatusCreateView.as_view(),
        name="immigration-status",
    ),
    path("participation/", views.IndexView.as_view(), name="index"),
    path(
        "participation/consultations/", views.ConsultationListView.as_view(), name="consultations"
    ),
    path(
        "participation/consultations/record/",
        views.ConsultationCreateView.as_view(),
        name="consultation-create",
    ),
    path(
        "participation/consultations/<int:pk>/feedback/",
        views.ConsultationFeedbackView.as_view(),
        name="consultation-feedback",
    ),
    path("participation/independent-visitors/", views.VisitorListView.as_view(), name="visitors"),
    path("participation/not-told/", views.NotToldListView.as_view(), name="not-told"),
    path(
        "participation/no-transition-plan/",
        views.NoTransitionPlanListView.as_view(),
        name="no-transition-plan",
    ),
    path(
        "participation/advocacy-themes/", views.AdvocacyThemesView.as_view(), name="advocacy-themes"
    ),
    path("participation/advocacy-themes/add/", views.ThemeAddView.as_view(), name="theme-add"),
]
