"""Permanence pages: the child's permanence record and the forms that add to it, the list of
children with an adoption plan, and the fostering households.

Each form page calls one service of ``kinfolk.permanence.services``. Pages about a child go
through ``ChildRecordMixin``; the household pages hold no child's information, so any
signed-in member of staff may see them, and only managers approve.
"""

from kinfolk.permanence.views.child import AdoptionPlanListView, ChildPermanenceView
from kinfolk.permanence.views.households import (
    ApprovalView,
    DevelopmentGoalCreateView,
    ExtensionView,
    HouseholdCreateView,
    HouseholdDetailView,
    HouseholdListView,
    TemporaryApprovalView,
    TrainingRecordCreateView,
)
from kinfolk.permanence.views.records import (
    AdoptionDecisionCreateView,
    AdoptionDecisionReverseView,
    AdoptionMatchCreateView,
    PermanenceMatchCreateView,
    PreviousPermanenceView,
)

__all__ = [
    "AdoptionDecisionCreateView",
    "AdoptionDecisionReverseView",
    "AdoptionMatchCreateView",
    "AdoptionPlanListView",
    "ApprovalView",
    "ChildPermanenceView",
    "DevelopmentGoalCreateView",
    "ExtensionView",
    "HouseholdCreateView",
    "HouseholdDetailView",
    "HouseholdListView",
    "PermanenceMatchCreateView",
    "PreviousPermanenceView",
    "TemporaryApprovalView",
    "TrainingRecordCreateView",
]
