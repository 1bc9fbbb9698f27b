"""The only way case file audits and the audit template are written (docs/audits.md)."""

from kinfolk.audits.services.audits import (
    add_action,
    assign_audit,
    complete_action,
    grade_audit,
    moderate_audit,
    record_case_audit,
    respond_to_audit,
)
from kinfolk.audits.services.choosing import (
    approved_work,
    assign_sample,
    children_in_service,
    open_cases,
)
from kinfolk.audits.services.templates import (
    active_template,
    add_question,
    move_question,
    remove_question,
)

__all__ = [
    "active_template",
    "add_action",
    "add_question",
    "approved_work",
    "assign_audit",
    "assign_sample",
    "children_in_service",
    "complete_action",
    "grade_audit",
    "moderate_audit",
    "move_question",
    "open_cases",
    "record_case_audit",
    "remove_question",
    "respond_to_audit",
]
