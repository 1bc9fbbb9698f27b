"""The oversight pages (docs/oversight.md): a child's oversight record and the forms on it,
recording a supervision of a worker's caseload, a worker's personal supervision, and the
team's supervision and long-open cases."""

from kinfolk.oversight.views.child import (
    ActionDoneView,
    ChildOversightView,
    ManagementDecisionCreateView,
)
from kinfolk.oversight.views.drift import DriftView
from kinfolk.oversight.views.personal import (
    PersonalSupervisionListView,
    PersonalSupervisionRecordView,
)
from kinfolk.oversight.views.supervision import RecordSupervisionView, TeamSupervisionView

__all__ = [
    "ActionDoneView",
    "ChildOversightView",
    "DriftView",
    "ManagementDecisionCreateView",
    "PersonalSupervisionListView",
    "PersonalSupervisionRecordView",
    "RecordSupervisionView",
    "TeamSupervisionView",
]
