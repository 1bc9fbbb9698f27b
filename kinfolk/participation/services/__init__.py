"""The services of voice and participation (docs/participation.md): the only way its records
are written. Each runs in one transaction, locks the child, refuses with ``ValidationError``
keyed by field, writes the chronology and publishes ``casework_changed``."""

from kinfolk.participation.services.advocacy import (
    add_advocacy_theme,
    record_advocacy,
    refer_to_advocacy,
)
from kinfolk.participation.services.asylum import (
    record_age_assessment,
    record_immigration_status,
    record_interpreter,
)
from kinfolk.participation.services.complaints import record_told_how_to_complain
from kinfolk.participation.services.council import (
    cohorts,
    record_consultation,
    record_consultation_feedback,
)
from kinfolk.participation.services.transition import (
    TRANSITION_AGE,
    review_transition_plan,
    start_transition_plan,
)
from kinfolk.participation.services.visitors import (
    answer_independent_visitor,
    end_independent_visitor,
    match_independent_visitor,
    offer_independent_visitor,
)

__all__ = [
    "TRANSITION_AGE",
    "add_advocacy_theme",
    "answer_independent_visitor",
    "cohorts",
    "end_independent_visitor",
    "match_independent_visitor",
    "offer_independent_visitor",
    "record_advocacy",
    "record_age_assessment",
    "record_consultation",
    "record_consultation_feedback",
    "record_immigration_status",
    "record_interpreter",
    "record_told_how_to_complain",
    "refer_to_advocacy",
    "review_transition_plan",
    "start_transition_plan",
]
