"""The only way allegations are recorded and managed (docs/allegations.md)."""

from kinfolk.allegations.services.allegations import (
    RATIONALE_REQUIRED,
    AgreedAction,
    add_child_to_allegation,
    close_allegation,
    complete_meeting_action,
    name_reader,
    record_allegation,
    record_initial_consideration,
    record_meeting,
    record_outcome,
    remove_reader,
)

__all__ = [
    "RATIONALE_REQUIRED",
    "AgreedAction",
    "add_child_to_allegation",
    "close_allegation",
    "complete_meeting_action",
    "name_reader",
    "record_allegation",
    "record_initial_consideration",
    "record_meeting",
    "record_outcome",
    "remove_reader",
]
