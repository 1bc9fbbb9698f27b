"""The demo authority's independent reviewing officers, allocated to its children in care.

The journey format has no event for allocating an IRO (docs/journeys.md), and the demo writes
nothing outside that format. Once the journey is loaded, each period of care is given an IRO
through the care service, as a manager would: from the day the period started, to the day it
ended. The officers take the children in turn, in the order of the children's IDs, so the same
journey gives the same allocations. A child in care for more than a year had, in every fourth
case, a change of IRO a year in, so that the history of IROs has changes to show.
"""

import datetime as dt

from kinfolk.care.models import IROAllocation, IROChangeReason, PeriodOfCare
from kinfolk.care.services import allocate_iro, end_iro_allocation
from kinfolk.core.working_days import add_months
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import User

#: Every how many children in care a change of IRO is shown.
CHANGE_EVERY = 4
#: The reasons the demo gives for a change of IRO, in turn.
CHANGE_REASONS = (IROChangeReason.IRO_LEFT, IROChangeReason.CASELOAD)


def allocate_demo_iros(as_of: dt.date) -> int:
    """Allocate the authority's IROs to the periods of care loaded that have none, and return
    how many allocations were made."""
    officers = list(User.objects.filter(role=Role.IRO, is_active=True).order_by("username"))
    if not officers:
        return 0
    allocated = set(IROAllocation.objects.values_list("child_id", flat=True))
    periods = (
        PeriodOfCare.objects.exclude(child_id__in=allocated)
        .select_related("child")
        .order_by("child__la_child_id", "start_on", "pk")
    )
    made = 0
    for turn, period in enumerate(periods):
        child = period.child
        officer = officers[turn % len(officers)]
        allocate_iro(child=child, iro=officer, start_on=period.start_on)
        made += 1
        changed_on = add_months(period.start_on, 12)
        ends_on = period.end_on or as_of
        if turn % CHANGE_EVERY == 0 and len(officers) > 1 and changed_on < ends_on:
            allocate_iro(
                child=child,
                iro=officers[(turn + 1) % len(officers)],
                start_on=changed_on,
                reason=CHANGE_REASONS[(turn // CHANGE_EVERY) % len(CHANGE_REASONS)],
            )
            made += 1
        if period.end_on is not None:
            end_iro_allocation(child=child, end_on=period.end_on)
    return made
