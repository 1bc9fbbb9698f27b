"""The pages of voice and participation (docs/participation.md)."""

from kinfolk.participation.views.child import (
    AdvocacyUpdateView,
    AgeAssessmentCreateView,
    ChildParticipationView,
    ImmigrationStatusCreateView,
    InterpreterView,
    OfferAnswerView,
    OfferCreateView,
    OfferEndView,
    OfferMatchView,
    ReferralCreateView,
    ToldCreateView,
    TransitionPlanCreateView,
    TransitionPlanReviewView,
)
from kinfolk.participation.views.council import (
    ConsultationCreateView,
    ConsultationFeedbackView,
    ConsultationListView,
    IndexView,
    ThemeAddView,
)
from kinfolk.participation.views.lists import (
    AdvocacyThemesView,
    NoTransitionPlanListView,
    NotToldListView,
    VisitorListView,
)

__all__ = [
    "AdvocacyThemesView",
    "AdvocacyUpdateView",
    "AgeAssessmentCreateView",
    "ChildParticipationView",
    "ConsultationCreateView",
    "ConsultationFeedbackView",
    "ConsultationListView",
    "ImmigrationStatusCreateView",
    "IndexView",
    "InterpreterView",
    "NoTransitionPlanListView",
    "NotToldListView",
    "OfferAnswerView",
    "OfferCreateView",
    "OfferEndView",
    "OfferMatchView",
    "ReferralCreateView",
    "ThemeAddView",
    "ToldCreateView",
    "TransitionPlanCreateView",
    "TransitionPlanReviewView",
    "VisitorListView",
]
