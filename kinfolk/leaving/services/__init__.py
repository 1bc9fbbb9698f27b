"""Recording the authority's work with care leavers: allocating a personal adviser, pathway
plans and their audit, contacts (the SSDA903 OC3 items), staying put and support to 25.

Every function runs in one transaction, locks the child, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field, in casework words,
and changes nothing. Whether the young person is a care leaver on the date is derived from
their periods of care (``kinfolk.care.history``), never typed in.
"""

from kinfolk.leaving.services.advisers import allocate_personal_adviser, current_adviser
from kinfolk.leaving.services.contacts import WITH_FORMER_FOSTER_CARERS, record_care_leaver_contact
from kinfolk.leaving.services.eligibility import (
    IS_CARE_LEAVER,
    MAY_ASK_FOR_SUPPORT_TO_25,
    MAY_HAVE_PATHWAY_PLAN,
    WAS_FORMER_RELEVANT,
    care_history,
    standing_of,
)
from kinfolk.leaving.services.pathway_plans import (
    HAS_PATHWAY_PLAN,
    audit_pathway_plan,
    record_pathway_plan,
)
from kinfolk.leaving.services.staying_put import (
    FOSTER_PLACEMENTS,
    IS_STAYING_PUT,
    NOT_STAYING_PUT,
    end_staying_put,
    start_staying_put,
    staying_put_ends_by,
)
from kinfolk.leaving.services.support_to_25 import (
    HAS_SUPPORT_TO_25,
    end_support_to_25,
    request_support_to_25,
)

__all__ = [
    "FOSTER_PLACEMENTS",
    "HAS_PATHWAY_PLAN",
    "HAS_SUPPORT_TO_25",
    "IS_CARE_LEAVER",
    "IS_STAYING_PUT",
    "MAY_ASK_FOR_SUPPORT_TO_25",
    "MAY_HAVE_PATHWAY_PLAN",
    "NOT_STAYING_PUT",
    "WAS_FORMER_RELEVANT",
    "WITH_FORMER_FOSTER_CARERS",
    "allocate_personal_adviser",
    "audit_pathway_plan",
    "care_history",
    "current_adviser",
    "end_staying_put",
    "end_support_to_25",
    "record_care_leaver_contact",
    "record_pathway_plan",
    "request_support_to_25",
    "standing_of",
    "start_staying_put",
    "staying_put_ends_by",
]
