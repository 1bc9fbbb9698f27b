"""The register of private fostering (docs/private-fostering.md): every current arrangement
the reader may see, with the days since the notification, when the next visit is due and how
far the checks and the assessment have come, overdue first. A fixed number of queries for a
page, however many arrangements."""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from kinfolk.casework.choices import VisitKind
from kinfolk.casework.models import Visit
from kinfolk.people.models import Child
from kinfolk.privatefostering.due import ChecksStatus, checks_status, next_visit_due
from kinfolk.privatefostering.models import Arrangement, SuitabilityAssessment, SuitabilityCheck


@dataclass
class RegisterRow:
    arrangement: Arrangement
    days_since_notification: int
    next_visit_due: dt.date | None
    checks: ChecksStatus
    assessment: SuitabilityAssessment | None
    is_overdue: bool


def current_arrangements(viewer: Any) -> Any:
    """The current arrangements of the children ``viewer`` may see."""
    return Arrangement.objects.current().filter(child__in=Child.objects.visible_to(viewer))


def register_rows(viewer: Any, today: dt.date) -> list[RegisterRow]:
    """Every current arrangement, overdue first, then by the next visit due."""
    arrangements = list(current_arrangements(viewer).select_related("child"))
    ids = [a.pk for a in arrangements]
    child_ids = [a.child_id for a in arrangements]
    seen: dict[int, list[dt.date]] = defaultdict(list)
    for child_id, visited_on in Visit.objects.filter(
        child_id__in=child_ids, kind=VisitKind.PRIVATE_FOSTERING, is_child_seen=True
    ).values_list("child_id", "visited_on"):
        seen[child_id].append(visited_on)
    checks: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for arrangement_id, kind, result in SuitabilityCheck.objects.filter(
        arrangement_id__in=ids
    ).values_list("arrangement_id", "kind", "result"):
        checks[arrangement_id].append((kind, result))
    assessments = {
        a.arrangement_id: a for a in SuitabilityAssessment.objects.filter(arrangement_id__in=ids)
    }
    rows = []
    for arrangement in arrangements:
        due = next_visit_due(arrangement, seen[arrangement.child_id])
        rows.append(
            RegisterRow(
                arrangement=arrangement,
                days_since_notification=(today - arrangement.notified_on).days,
                next_visit_due=due,
                checks=checks_status(checks[arrangement.pk]),
                assessment=assessments.get(arrangement.pk),
                is_overdue=due is not None and due < today,
            )
        )
    far = dt.date.max
    rows.sort(key=lambda r: (not r.is_overdue, r.next_visit_due or far, r.arrangement.pk))
    return rows
