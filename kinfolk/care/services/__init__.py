"""Recording a child's time in care. ``episodes``: starting and ending care, placements and
legal status; ``proceedings``: pre-proceedings and care proceedings; ``reviews``: care plans,
looked-after reviews and visits; ``health``: health, education, missing episodes,
exploitation and UASC."""

from kinfolk.care.services.episodes import (
    approve_unregistered_placement,
    change_legal_status,
    change_placement,
    end_care,
    start_care,
)
from kinfolk.care.services.proceedings import (
    conclude_care_proceedings,
    end_pre_proceedings,
    issue_care_proceedings,
    plo_alert_weeks,
    record_hearing,
    record_legal_gateway,
    record_pre_proceedings_meeting,
    send_letter_before_proceedings,
)

__all__ = [
    "approve_unregistered_placement",
    "change_legal_status",
    "change_placement",
    "conclude_care_proceedings",
    "end_care",
    "end_pre_proceedings",
    "issue_care_proceedings",
    "plo_alert_weeks",
    "record_hearing",
    "record_legal_gateway",
    "record_pre_proceedings_meeting",
    "send_letter_before_proceedings",
    "start_care",
]
