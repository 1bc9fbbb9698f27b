"""The pages of family time and life-story work (included by ``kinfolk.care.urls``)."""

from django.urls import path

from kinfolk.care.views import family

urlpatterns = [
    path(
        "<int:pk>/care/family-time/",
        family.FamilyTimeListView.as_view(),
        name="family-time-list",
    ),
    path(
        "<int:pk>/care/family-time/create/",
        family.FamilyTimeCreateView.as_view(),
        name="family-time-create",
    ),
    path(
        "<int:pk>/care/family-time/risk-assessment/",
        family.FamilyTimeRiskView.as_view(),
        name="family-time-risk",
    ),
    path("<int:pk>/care/life-story/", family.LifeStoryView.as_view(), name="life-story"),
    path(
        "<int:pk>/care/life-story/edit/",
        family.LifeStoryWorkUpdateView.as_view(),
        name="life-story-edit",
    ),
    path(
        "<int:pk>/care/life-story/decisions/create/",
        family.LifeStoryDecisionCreateView.as_view(),
        name="life-story-decision-create",
    ),
]
