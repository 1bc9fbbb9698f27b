"""The register pages (docs/registers.md)."""

from kinfolk.registers.views.child import (
    ChildRegistersView,
    ConsentCreateView,
    HomeEducationCreateView,
    HomeEducationEndView,
    HomeEducationReviewView,
    HomelessDecisionView,
    JointAssessmentView,
    MissingEducationCreateView,
    MissingEducationResolveView,
    PresentationCreateView,
    RightsExplainedView,
    SchoolToldView,
    YoungCarerAssessmentView,
    YoungCarerCreateView,
    YoungCarerSupportView,
)
from kinfolk.registers.views.lists import (
    HomeEducationView,
    HomelessView,
    MissingEducationView,
    WaitingListView,
    YoungCarersView,
)

__all__ = [
    "ChildRegistersView",
    "ConsentCreateView",
    "HomeEducationCreateView",
    "HomeEducationEndView",
    "HomeEducationReviewView",
    "HomeEducationView",
    "HomelessDecisionView",
    "HomelessView",
    "JointAssessmentView",
    "MissingEducationCreateView",
    "MissingEducationResolveView",
    "MissingEducationView",
    "PresentationCreateView",
    "RightsExplainedView",
    "SchoolToldView",
    "WaitingListView",
    "YoungCarerAssessmentView",
    "YoungCarerCreateView",
    "YoungCarerSupportView",
    "YoungCarersView",
]
