"""The only way management oversight is recorded (docs/oversight.md)."""

from kinfolk.oversight.services.decisions import record_management_decision
from kinfolk.oversight.services.personal import (
    next_personal_supervision,
    record_personal_supervision,
)
from kinfolk.oversight.services.supervision import (
    AgreedAction,
    CaseDiscussion,
    mark_action_done,
    open_supervision_actions,
    reassign_supervision_actions,
    record_supervision,
)

__all__ = [
    "AgreedAction",
    "CaseDiscussion",
    "mark_action_done",
    "next_personal_supervision",
    "open_supervision_actions",
    "reassign_supervision_actions",
    "record_management_decision",
    "record_personal_supervision",
    "record_supervision",
]
