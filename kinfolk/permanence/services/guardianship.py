"""Permanence other than adoption: special guardians or long-term foster carers confirmed as
the child's permanent carers (docs/domain.md stage 27, finding 49)."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import lock_child
from kinfolk.core.actors import Actor, staff_member
from kinfolk.people.models import Child
from kinfolk.permanence.choices import PermanenceMatchKind
from kinfolk.permanence.models import FosteringHousehold, PermanenceMatch
from kinfolk.permanence.services.child import check_date, period_on, permanence_changed


@transaction.atomic
def record_permanence_match(
    *,
    child: Child,
    kind: str,
    carers: str,
    matched_on: dt.date,
    panel_on: dt.date | None = None,
    assessment_on: dt.date | None = None,
    support_plan_on: dt.date | None = None,
    order_on: dt.date | None = None,
    household: FosteringHousehold | None = None,
    notes: str = "",
    actor: Actor | None = None,
) -> PermanenceMatch:
    """Record that carers were confirmed as the child's permanent carers other than by
    adoption (docs/domain.md stage 27, finding 49).

    Special guardianship needs the completed assessment and the support plan (Special
    Guardianship Regulations 2005, reg. 21); the order, when made, comes after. Long-term
    fostering is a match at the permanence panel for a looked-after child (Care Planning
    Regulations 2010, reg. 22C), which has no assessment, support plan or order here.
    """
    child = lock_child(child)
    if kind not in PermanenceMatchKind.values:
        raise ValidationError({"kind": _("Choose special guardianship or long-term fostering")})
    if not carers.strip():
        raise ValidationError({"carers": _("Enter the carers' names")})
    check_date(child, matched_on, "matched_on", _("date the carers were confirmed"))
    dates = {
        "panel_on": (panel_on, _("date of the panel")),
        "assessment_on": (assessment_on, _("date of the assessment")),
        "support_plan_on": (support_plan_on, _("date of the support plan")),
        "order_on": (order_on, _("date of the order")),
    }
    for field, (day, what) in dates.items():
        if day is not None:
            check_date(child, day, field, what)
    if panel_on is not None and panel_on > matched_on:
        raise ValidationError(
            {"panel_on": _("The panel meets on or before the day the carers are confirmed")}
        )
    if kind == PermanenceMatchKind.SPECIAL_GUARDIANSHIP:
        if assessment_on is None:
            raise ValidationError(
                {
                    "assessment_on": _(
                        "Enter the date the special guardianship assessment was completed"
                    )
                }
            )
        if assessment_on > matched_on:
            raise ValidationError(
                {
                    "assessment_on": _(
                        "The assessment is completed on or before the day the carers are confirmed"
                    )
                }
            )
        if support_plan_on is None:
            raise ValidationError(
                {"support_plan_on": _("Enter the date the support plan was agreed")}
            )
        if order_on is not None and order_on < matched_on:
            raise ValidationError(
                {"order_on": _("The order is made on or after the day the carers are confirmed")}
            )
    else:
        if panel_on is None:
            raise ValidationError({"panel_on": _("Enter the date of the permanence panel")})
        for field in ("assessment_on", "support_plan_on", "order_on"):
            if dates[field][0] is not None:
                raise ValidationError(
                    {field: _("Only special guardianship has this date: leave it blank")}
                )
        period_on(child, matched_on, "matched_on")
    match = PermanenceMatch.objects.create(
        child=child,
        kind=kind,
        carers=carers.strip(),
        household=household,
        matched_on=matched_on,
        panel_on=panel_on,
        assessment_on=assessment_on,
        support_plan_on=support_plan_on,
        order_on=order_on,
        notes=notes.strip(),
        recorded_by=staff_member(actor),
    )
    permanence_changed(
        child,
        matched_on,
        _("%(kind)s: %(carers)s confirmed as permanent carers")
        % {"kind": match.get_kind_display(), "carers": match.carers},
        actor,
        detail=match.notes,
    )
    return match
