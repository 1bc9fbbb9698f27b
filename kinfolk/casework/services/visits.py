"""Visits to the child."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.choices import PlanKind, VisitKind
from kinfolk.casework.models import (
    Plan,
    Visit,
)
from kinfolk.casework.services.common import (
    check_not_future,
    episode_for_work,
    lock_child,
)
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child
from kinfolk.workforce.models import Allocation


@transaction.atomic
def record_visit(
    *,
    child: Child,
    visited_on: dt.date,
    kind: str,
    is_child_seen: bool,
    is_seen_alone: bool | None = None,
    purpose: str = "",
    child_views: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> Visit:
    """Record a visit. Child in need and child protection visits belong to the open episode;
    on a page the child's views are required when the child was seen (finding 53), and the
    purpose of a duty visit to a child with no allocated worker (finding 16)."""
    child = lock_child(child)
    check_not_future(visited_on, "visited_on", _("date of the visit"))
    if kind not in VisitKind.values:
        raise ValidationError({"kind": _("Choose the kind of visit")})
    episode = None
    if kind in (VisitKind.CHILD_IN_NEED, VisitKind.CHILD_PROTECTION):
        episode = episode_for_work(child, visited_on, "visited_on", _("date of the visit"))
    if kind == VisitKind.CHILD_PROTECTION:
        plan = Plan.objects.filter(
            child=child, kind=PlanKind.CHILD_PROTECTION, start_on__lte=visited_on
        ).exclude(end_on__lt=visited_on)
        if not plan.exists():
            raise ValidationError(
                {
                    "kind": _("%(child)s was not on a child protection plan on %(date)s")
                    % {"child": child, "date": long_date(visited_on)}
                }
            )
    if is_seen_alone and not is_child_seen:
        raise ValidationError({"is_seen_alone": _("A child not seen cannot be seen alone")})
    if is_child_seen and not is_imported and not child_views.strip():
        raise ValidationError({"child_views": _("Enter the child's views")})
    if (
        actor is not None
        and not is_imported
        and not purpose.strip()
        and not Allocation.objects.filter(child=child, end_on__isnull=True).exists()
    ):
        # A duty visit to a child waiting for a worker must say what it was for, so that it
        # is more than a check that the child is there (docs/domain.md finding 16).
        raise ValidationError(
            {
                "purpose": _(
                    "Enter the purpose of the visit: %(child)s has no allocated worker, so "
                    "this is a duty visit"
                )
                % {"child": child}
            }
        )
    visit = Visit.objects.create(
        child=child,
        episode=episode,
        visited_on=visited_on,
        kind=kind,
        is_child_seen=is_child_seen,
        is_seen_alone=is_seen_alone,
        purpose=purpose.strip(),
        child_views=child_views.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    seen = _("seen alone") if is_seen_alone else (_("seen") if is_child_seen else _("not seen"))
    add_entry(
        child_id=child.pk,
        occurred_on=visited_on,
        kind=EntryKind.VISIT,
        summary=_("%(kind)s: child %(seen)s") % {"kind": visit.get_kind_display(), "seen": seen},
        detail=child_views.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return visit
