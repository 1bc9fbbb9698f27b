"""Recording a child's time in care. ``episodes``: starting and ending care, placements and
legal status; ``records``: care plans, reviews, health, education and missing episodes."""

from kinfolk.care.services.episodes import (
    change_legal_status,
    change_placement,
    end_care,
    start_care,
)

__all__ = ["change_legal_status", "change_placement", "end_care", "start_care"]
