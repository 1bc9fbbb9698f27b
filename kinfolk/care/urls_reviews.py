"""URLs of the care pages for care plans, reviews, visits, family time and life-story work (included by ``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import reviews, reviews_other

urlpatterns: list = [
    path(
        "<int:pk>/care/care-plans/",
        reviews.CarePlanListView.as_view(),
        name="care-plan-list",
    ),
    path(
        "<int:pk>/care/care-plans/create/",
        reviews.CarePlanCreateView.as_view(),
        name="care-plan-create",
    ),
    path(
        "<int:pk>/care/care-plans/for-the-child/",
        reviews.CarePlanForChildView.as_view(),
        name="care-plan-for-child",
    ),
    path("<int:pk>/care/reviews/", reviews.ReviewDetailView.as_view(), name="review-detail"),
    path(
        "<int:pk>/care/reviews/create/",
        reviews.ReviewCreateView.as_view(),
        name="review-create",
    ),
    path(
        "<int:pk>/care/reviews/minutes/",
        reviews.ReviewMinutesView.as_view(),
        name="review-minutes",
    ),
    path(
        "<int:pk>/care/reviews/decisions/complete/",
        reviews.ReviewDecisionCompleteView.as_view(),
        name="review-decision-complete",
    ),
    path(
        "<int:pk>/care/iro-challenges/create/",
        reviews_other.IROChallengeCreateView.as_view(),
        name="iro-challenge-create",
    ),
    path(
        "<int:pk>/care/iro-challenges/resolve/",
        reviews_other.IROChallengeResolveView.as_view(),
        name="iro-challenge-resolve",
    ),
    path(
        "<int:pk>/care/visits/create/",
        reviews.CareVisitCreateView.as_view(),
        name="care-visit-create",
    ),
    path(
        "<int:pk>/care/family-time/",
        reviews_other.FamilyTimeListView.as_view(),
        name="family-time-list",
    ),
    path(
        "<int:pk>/care/family-time/create/",
        reviews_other.FamilyTimeCreateView.as_view(),
        name="family-time-create",
    ),
    path(
        "<int:pk>/care/family-time/risk-assessment/",
        reviews_other.FamilyTimeRiskView.as_view(),
        name="family-time-risk",
    ),
    path("<int:pk>/care/life-story/", reviews_other.LifeStoryView.as_view(), name="life-story"),
    path(
        "<int:pk>/care/life-story/edit/",
        reviews_other.LifeStoryWorkUpdateView.as_view(),
        name="life-story-edit",
    ),
    path(
        "<int:pk>/care/life-story/decisions/create/",
        reviews_other.LifeStoryDecisionCreateView.as_view(),
        name="life-story-decision-create",
    ),
]
