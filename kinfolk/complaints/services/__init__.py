"""The only way complaints are written (docs/complaints.md)."""

from kinfolk.complaints.services.complaints import (
    escalate_complaint,
    extend_stage,
    record_advocacy,
    record_complaint,
    record_response,
    set_panel_date,
    withdraw_complaint,
)
from kinfolk.complaints.services.learning import (
    add_learning_action,
    add_theme,
    mark_learning_action_done,
    offered_themes,
    record_learning,
    retire_theme,
)

__all__ = [
    "add_learning_action",
    "add_theme",
    "escalate_complaint",
    "extend_stage",
    "mark_learning_action_done",
    "offered_themes",
    "record_advocacy",
    "record_complaint",
    "record_learning",
    "record_response",
    "retire_theme",
    "set_panel_date",
    "withdraw_complaint",
]
