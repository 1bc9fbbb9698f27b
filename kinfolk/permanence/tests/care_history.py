"""Care histories for the permanence tests, built through the care services. Synthetic."""

import datetime as dt

from conftest import make_child
from kinfolk.care.services import change_legal_status, change_placement, end_care, start_care
from kinfolk.people.models import Child

D = dt.date

#: The hand-worked adoption pathway: into care on 10 January 2025, a placement order on 2
#: June, matched on 15 September, placed for adoption on 1 October.
ENTERED_CARE = D(2025, 1, 10)
INTERIM_ORDER = D(2025, 2, 1)
DECIDED = D(2025, 3, 3)
PLACEMENT_ORDER = D(2025, 6, 2)
MATCHED = D(2025, 9, 15)
PLACED_FOR_ADOPTION = D(2025, 10, 1)
ADOPTED = D(2026, 3, 2)


def baby(la_child_id: str = "C21", **overrides) -> Child:
    values = {
        "la_child_id": la_child_id,
        "first_name": "Noah",
        "last_name": "Price",
        "sex": "M",
        "date_of_birth": D(2024, 11, 20),
    }
    values.update(overrides)
    return make_child(**values)


def in_care(child: Child, start_on: dt.date = ENTERED_CARE, placement: str = "U6") -> Child:
    start_care(
        child=child,
        start_on=start_on,
        legal_status="V2",
        category_of_need="N1",
        placement_type=placement,
        provider="PR1",
    )
    return child


def with_orders(child: Child) -> Child:
    """An interim care order, then a placement order (E1)."""
    change_legal_status(child=child, on=INTERIM_ORDER, legal_status="C1")
    change_legal_status(child=child, on=PLACEMENT_ORDER, legal_status="E1")
    return child


def placed_for_adoption(child: Child, on: dt.date = PLACED_FOR_ADOPTION) -> Child:
    change_placement(child=child, on=on, placement_type="A6", provider="PR1", reason="CARPL")
    return child


def adopted(child: Child, on: dt.date = ADOPTED) -> Child:
    end_care(child=child, on=on, reason="E11")
    return child
