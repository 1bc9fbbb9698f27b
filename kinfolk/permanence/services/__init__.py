"""Recording permanence: adoption decisions, their reversal and the match with adopters;
previous permanence; special guardianship and long-term fostering matches; and fostering
households with their approval, development plan and training log.

Every function runs in one transaction; a refusal raises ``ValidationError`` keyed by field,
in casework words, and changes nothing. Services about a child lock the child, write the
chronology and publish ``casework_changed``. Journey loads pass ``is_imported=True``: they
are never refused for detail that only the pages ask for, and the record says so.
"""

from kinfolk.permanence.services.adoption import (
    NOT_YET_MATCHED,
    OPEN_DECISION_TO_MATCH,
    OPEN_DECISION_TO_REVERSE,
    SEX_FOR_LEGAL_STATUS,
    record_adoption_decision,
    record_adoption_match,
    reverse_adoption_decision,
)
from kinfolk.permanence.services.fostering import (
    add_development_goal,
    add_household,
    add_training_record,
    approve_household,
    extend_temporary_approval,
    grant_temporary_approval,
)
from kinfolk.permanence.services.guardianship import record_permanence_match
from kinfolk.permanence.services.previous import (
    OTHER_PERMANENCE_AUTHORITIES,
    record_previous_permanence,
)

__all__ = [
    "NOT_YET_MATCHED",
    "OPEN_DECISION_TO_MATCH",
    "OPEN_DECISION_TO_REVERSE",
    "OTHER_PERMANENCE_AUTHORITIES",
    "SEX_FOR_LEGAL_STATUS",
    "add_development_goal",
    "add_household",
    "add_training_record",
    "approve_household",
    "extend_temporary_approval",
    "grant_temporary_approval",
    "record_adoption_decision",
    "record_adoption_match",
    "record_permanence_match",
    "record_previous_permanence",
    "reverse_adoption_decision",
]
