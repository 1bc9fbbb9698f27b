"""The pages of looked-after reviews, IRO challenges and statutory visits (included by
``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import reviews

urlpatterns = [
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
        reviews.IROChallengeCreateView.as_view(),
        name="iro-challenge-create",
    ),
    path(
        "<int:pk>/care/iro-challenges/resolve/",
        reviews.IROChallengeResolveView.as_view(),
        name="iro-challenge-resolve",
    ),
    path(
        "<int:pk>/care/visits/create/",
        reviews.CareVisitCreateView.as_view(),
        name="care-visit-create",
    ),
]
