"""Recording a looked-after child's care plan, kept as a new version each time (Care Planning
Regulations 2010, reg. 5; docs/domain.md stage 16).

A care plan needs the child to be looked after on its date (a period of care covering it), and
is not dated in the future. A plan loaded from a journey passes ``is_imported=True``: it is
never refused for detail only the page asks for, and says that it was imported.

Every function runs in one transaction, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field and changes nothing.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.care.models.reviews import (
    CarePlan,
    CarePlanObjective,
    PermanencePlan,
    ViewsMethod,
)
from kinfolk.care.services.episodes import period_on
from kinfolk.care.services.reviews import required_text
from kinfolk.casework.models import Assessment
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child


@dataclass(frozen=True)
class Objective:
    """An objective for the child in a care plan: what, who and by when."""

    description: str
    owner: str
    due_on: dt.date | None
    is_identity: bool = False


def _check_views(
    *, child_views: str, child_views_on: dt.date | None, child_views_method: str
) -> None:
    """The child's views, with the date and the way they were gathered (finding 53)."""
    required_text(child_views, "child_views", _("Enter the child's views"))
    if child_views_on is None:
        raise ValidationError(
            {"child_views_on": _("Enter the date the child's views were gathered")}
        )
    check_not_future(child_views_on, "child_views_on", _("date the views were gathered"))
    if child_views_method not in ViewsMethod.values:
        raise ValidationError(
            {"child_views_method": _("Choose how the child's views were gathered")}
        )


def _check_objectives(objectives: Sequence[Objective], *, identity_needs: str) -> None:
    if not objectives:
        raise ValidationError({"objectives": _("Add at least one objective for the child")})
    for number, objective in enumerate(objectives, start=1):
        if not objective.description.strip():
            raise ValidationError(
                {f"objective_{number}": _("Enter what objective %(n)s is") % {"n": number}}
            )
        if not objective.owner.strip():
            raise ValidationError(
                {
                    f"objective_{number}_owner": _("Enter who will make objective %(n)s happen")
                    % {"n": number}
                }
            )
        if objective.due_on is None:
            raise ValidationError(
                {
                    f"objective_{number}_due_on": _("Enter the date objective %(n)s is due by")
                    % {"n": number}
                }
            )
    if identity_needs.strip() and not any(o.is_identity for o in objectives):
        raise ValidationError(
            {"objectives": _("Add an objective that meets the child's identity needs")}
        )


@transaction.atomic
def record_care_plan(
    *,
    child: Child,
    made_on: dt.date,
    permanence_plan: str = "",
    permanence_detail: str = "",
    needs: str = "",
    assessment: Assessment | None = None,
    objectives: Sequence[Objective] = (),
    identity_needs: str = "",
    child_views: str = "",
    child_views_on: dt.date | None = None,
    child_views_method: str = "",
    family_time: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> CarePlan:
    """Record a new version of the child's care plan (Care Planning Regulations 2010, reg. 5).

    On a page the plan must be linked to what the assessment found (finding 52), have
    objectives with owners and dates, a permanence plan, identity needs met by an objective
    (finding 54) and the child's views with their date and method (finding 53).
    """
    child = lock_child(child)
    check_not_future(made_on, "made_on", _("date of the plan"))
    period = period_on(child, made_on, "made_on")
    if permanence_plan and permanence_plan not in PermanencePlan.values:
        raise ValidationError({"permanence_plan": _("Choose the permanence plan")})
    if assessment is not None and assessment.child_id != child.pk:
        raise ValidationError({"assessment": _("Choose one of the child's assessments")})
    if not is_imported:
        required_text(needs, "needs", _("Enter the child's needs from the assessment"))
        _check_objectives(objectives, identity_needs=identity_needs)
        if not permanence_plan:
            raise ValidationError({"permanence_plan": _("Choose the permanence plan")})
        required_text(identity_needs, "identity_needs", _("Enter the child's identity needs"))
        _check_views(
            child_views=child_views,
            child_views_on=child_views_on,
            child_views_method=child_views_method,
        )
    elif child_views_method and child_views_method not in ViewsMethod.values:
        raise ValidationError(
            {"child_views_method": _("Choose how the child's views were gathered")}
        )
    plan = CarePlan.objects.create(
        child=child,
        period=period,
        made_on=made_on,
        assessment=assessment,
        needs=needs.strip(),
        permanence_plan=permanence_plan,
        permanence_detail=permanence_detail.strip(),
        identity_needs=identity_needs.strip(),
        child_views=child_views.strip(),
        child_views_on=child_views_on,
        child_views_method=child_views_method,
        family_time=family_time.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    CarePlanObjective.objects.bulk_create(
        CarePlanObjective(
            plan=plan,
            description=o.description.strip(),
            owner=o.owner.strip(),
            due_on=o.due_on,
            is_identity=o.is_identity,
        )
        for o in objectives
        if o.due_on is not None
    )
    add_entry(
        child_id=child.pk,
        occurred_on=made_on,
        kind=EntryKind.PLAN,
        summary=_("Care plan: %(permanence)s")
        % {"permanence": plan.get_permanence_plan_display() or _("no permanence plan")},
        detail=plan.child_views,
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return plan
