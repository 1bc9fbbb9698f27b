"""The only way the records of private fostering are written (docs/private-fostering.md):
the notification, the household, the checks, the assessment of suitability, the visits and
the ending. Pages, the journey loader and the demo call these."""

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.choices import VisitKind
from kinfolk.casework.models import Visit
from kinfolk.casework.services import record_visit
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.core.working_days import age_on
from kinfolk.people.models import Adult, Child
from kinfolk.people.services import lock_child
from kinfolk.privatefostering.choices import (
    CheckKind,
    CheckResult,
    EndReason,
    Notifier,
    Suitability,
)
from kinfolk.privatefostering.models import (
    Arrangement,
    HouseholdMember,
    SuitabilityAssessment,
    SuitabilityCheck,
)


def current_arrangement(child: Child) -> Arrangement | None:
    """The child's private fostering arrangement that has not ended, if any."""
    return Arrangement.objects.filter(child=child, ended_on__isnull=True).first()


#: A step of an arrangement (the household, a check, the assessment, a visit, the ending)
#: needs one that has not ended.
CURRENT_ARRANGEMENT: Guard[Child] = Guard(
    "private-fostering-current",
    _("%(subject)s has no current private fostering arrangement: record the notification first"),
    holds=lambda child: current_arrangement(child) is not None,
)


def _not_future(day: dt.date, field: str, what: str) -> None:
    if day > timezone.localdate():
        raise ValidationError(
            {field: _("The %(what)s must be today or in the past") % {"what": what}}
        )


def _not_before_notification(arrangement: Arrangement, day: dt.date, field: str, what: str) -> None:
    first = min(arrangement.notified_on, arrangement.began_on)
    if day < first:
        raise ValidationError(
            {
                field: _("The %(what)s cannot be before the authority was told, on %(date)s")
                % {"what": what, "date": long_date(first)}
            }
        )


def _current(child: Child) -> Arrangement:
    CURRENT_ARRANGEMENT.check(child)
    arrangement = current_arrangement(child)
    assert arrangement is not None
    return Arrangement.objects.select_for_update().get(pk=arrangement.pk)


def _is_disabled(child: Child) -> bool:
    return child.disabilities.exclude(code="NONE").exists()


@transaction.atomic
def record_notification(
    *,
    child: Child,
    began_on: dt.date,
    notified_on: dt.date | None = None,
    notified_by: str = Notifier.OTHER,
    notifier_name: str = "",
    carer_name: str = "",
    carer: Adult | None = None,
    carer_address: str = "",
    carer_relationship: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> Arrangement:
    """Record that the authority was told of a private fostering arrangement of the child."""
    child = lock_child(child)
    notified_on = notified_on or began_on
    _not_future(notified_on, "notified_on", _("date the authority was told"))
    if notified_by not in Notifier.values:
        raise ValidationError({"notified_by": _("Choose who told the authority")})
    if not is_imported and not notifier_name.strip():
        raise ValidationError({"notifier_name": _("Enter the name of who told the authority")})
    if carer is not None and not carer_name.strip():
        carer_name = str(carer)
    if not carer_name.strip() and not is_imported:
        raise ValidationError({"carer_name": _("Enter the name of the private foster carer")})
    if child.date_of_birth is not None:
        age = age_on(child.date_of_birth, began_on)
        if age >= 18 or (age >= 16 and not _is_disabled(child)):
            raise ValidationError(
                {
                    "began_on": _(
                        "%(child)s was %(age)s when the arrangement began: private fostering "
                        "is of a child under 16, or under 18 if disabled"
                    )
                    % {"child": child, "age": age}
                }
            )
    existing = current_arrangement(child)
    if existing is not None:
        raise ValidationError(
            {
                "began_on": _(
                    "%(child)s is already privately fostered with %(carer)s since %(date)s: "
                    "record the end of that arrangement first"
                )
                % {
                    "child": child,
                    "carer": existing.carer_name,
                    "date": long_date(existing.began_on),
                }
            }
        )
    last = Arrangement.objects.filter(child=child).order_by("-ended_on").first()
    if last is not None and last.ended_on is not None and began_on < last.ended_on:
        raise ValidationError(
            {
                "began_on": _(
                    "The last arrangement ended on %(date)s: this one cannot begin before it"
                )
                % {"date": long_date(last.ended_on)}
            }
        )
    arrangement = Arrangement.objects.create(
        child=child,
        began_on=began_on,
        notified_on=notified_on,
        notified_by=notified_by,
        notifier_name=notifier_name.strip(),
        carer=carer,
        carer_name=carer_name.strip(),
        carer_address=carer_address.strip(),
        carer_relationship=carer_relationship.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    timing = _("in advance") if arrangement.is_notified_in_advance else _("after it began")
    add_entry(
        child_id=child.pk,
        occurred_on=notified_on,
        kind=EntryKind.PRIVATE_FOSTERING_NOTIFIED,
        summary=_("Private fostering with %(carer)s notified %(timing)s (began %(date)s)")
        % {
            "carer": arrangement.carer_name or _("a carer"),
            "timing": timing,
            "date": long_date(began_on),
        },
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return arrangement


@transaction.atomic
def add_household_member(
    *,
    child: Child,
    name: str,
    date_of_birth: dt.date | None = None,
    relationship: str = "",
    actor: Actor | None = None,
) -> HouseholdMember:
    """Add someone who lives in the private foster carer's household."""
    child = lock_child(child)
    arrangement = _current(child)
    if not name.strip():
        raise ValidationError({"name": _("Enter the name of the household member")})
    if date_of_birth is not None:
        _not_future(date_of_birth, "date_of_birth", _("date of birth"))
    member = HouseholdMember.objects.create(
        arrangement=arrangement,
        name=name.strip(),
        date_of_birth=date_of_birth,
        relationship=relationship.strip(),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return member


@transaction.atomic
def record_check(
    *,
    child: Child,
    kind: str,
    checked_on: dt.date,
    result: str,
    member: HouseholdMember | None = None,
    detail: str = "",
    actor: Actor | None = None,
) -> SuitabilityCheck:
    """Record a check on the carer or a member of the household, with its result."""
    child = lock_child(child)
    arrangement = _current(child)
    if kind not in CheckKind.values:
        raise ValidationError({"kind": _("Choose the check")})
    if result not in CheckResult.values:
        raise ValidationError({"result": _("Choose the result")})
    _not_future(checked_on, "checked_on", _("date of the check"))
    _not_before_notification(arrangement, checked_on, "checked_on", _("check"))
    if kind == CheckKind.DBS_HOUSEHOLD:
        if member is None:
            raise ValidationError({"member": _("Choose the household member checked")})
        if member.arrangement_id != arrangement.pk:
            raise ValidationError({"member": _("Choose someone in this carer's household")})
        if member.date_of_birth is not None and age_on(member.date_of_birth, checked_on) < 16:
            raise ValidationError(
                {
                    "member": _(
                        "%(name)s is under 16: only household members aged 16 or over are DBS checked"
                    )
                    % {"name": member.name}
                }
            )
    elif member is not None:
        member = None
    if result == CheckResult.CONCERNS and not detail.strip():
        raise ValidationError({"detail": _("Say what the check found")})
    check = SuitabilityCheck.objects.create(
        arrangement=arrangement,
        kind=kind,
        member=member,
        checked_on=checked_on,
        result=result,
        detail=detail.strip(),
        recorded_by=staff_member(actor),
    )
    about = f" ({member.name})" if member else ""
    add_entry(
        child_id=child.pk,
        occurred_on=checked_on,
        kind=EntryKind.PRIVATE_FOSTERING_CHECK,
        summary=f"{check.get_kind_display()}{about}: {check.get_result_display()}",
        detail=check.detail,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return check


@transaction.atomic
def record_assessment(
    *,
    child: Child,
    assessed_on: dt.date,
    outcome: str,
    reason: str,
    manager_decision: str,
    decided_by: Any = None,
    conditions: str = "",
    actor: Actor | None = None,
) -> SuitabilityAssessment:
    """Record the assessment of the arrangement's suitability and the manager's decision."""
    child = lock_child(child)
    arrangement = _current(child)
    if SuitabilityAssessment.objects.filter(arrangement=arrangement).exists():
        raise ValidationError(
            {"assessed_on": _("The suitability of this arrangement is already assessed")}
        )
    _not_future(assessed_on, "assessed_on", _("date of the assessment"))
    _not_before_notification(arrangement, assessed_on, "assessed_on", _("assessment"))
    if outcome not in Suitability.values:
        raise ValidationError({"outcome": _("Choose the outcome of the assessment")})
    if not reason.strip():
        raise ValidationError({"reason": _("Enter the reason for the outcome")})
    if outcome == Suitability.SUITABLE_WITH_CONDITIONS and not conditions.strip():
        raise ValidationError({"conditions": _("Enter the conditions")})
    if not manager_decision.strip():
        raise ValidationError({"manager_decision": _("Enter the manager's decision")})
    assessment = SuitabilityAssessment.objects.create(
        arrangement=arrangement,
        assessed_on=assessed_on,
        outcome=outcome,
        reason=reason.strip(),
        conditions=conditions.strip(),
        manager_decision=manager_decision.strip(),
        decided_by=decided_by,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=assessed_on,
        kind=EntryKind.PRIVATE_FOSTERING_ASSESSMENT,
        summary=_("Private fostering assessed: %(outcome)s")
        % {"outcome": assessment.get_outcome_display()},
        detail=assessment.reason,
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return assessment


@transaction.atomic
def record_private_fostering_visit(
    *,
    child: Child,
    visited_on: dt.date,
    is_child_seen: bool,
    is_seen_alone: bool | None = None,
    purpose: str = "",
    child_views: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> Visit:
    """A visit to a privately fostered child: the casework visit of kind
    ``private_fostering``, made while the arrangement is current."""
    child = lock_child(child)
    arrangement = _current(child)
    _not_before_notification(arrangement, visited_on, "visited_on", _("visit"))
    return record_visit(
        child=child,
        visited_on=visited_on,
        kind=VisitKind.PRIVATE_FOSTERING,
        is_child_seen=is_child_seen,
        is_seen_alone=is_seen_alone,
        purpose=purpose,
        child_views=child_views,
        is_imported=is_imported,
        actor=actor,
    )


@transaction.atomic
def end_arrangement(
    *,
    child: Child,
    ended_on: dt.date,
    reason: str = "",
    detail: str = "",
    is_imported: bool = False,
    version: int | None = None,
    actor: Actor | None = None,
) -> Arrangement:
    """Record the end of the child's current arrangement: its visits are no longer due."""
    child = lock_child(child)
    arrangement = _current(child)
    arrangement.next_version(version)
    _not_future(ended_on, "ended_on", _("date the arrangement ended"))
    if ended_on < arrangement.began_on:
        raise ValidationError(
            {
                "ended_on": _("The arrangement began on %(date)s: it cannot end before")
                % {"date": long_date(arrangement.began_on)}
            }
        )
    if reason and reason not in EndReason.values:
        raise ValidationError({"reason": _("Choose why the arrangement ended")})
    if not reason and not is_imported:
        raise ValidationError({"reason": _("Choose why the arrangement ended")})
    if reason == EndReason.OTHER and not detail.strip():
        raise ValidationError({"detail": _("Say why the arrangement ended")})
    arrangement.ended_on = ended_on
    arrangement.end_reason = reason
    arrangement.end_detail = detail.strip()
    arrangement.save()
    add_entry(
        child_id=child.pk,
        occurred_on=ended_on,
        kind=EntryKind.PRIVATE_FOSTERING_ENDED,
        summary=_("Private fostering with %(carer)s ended%(why)s")
        % {
            "carer": arrangement.carer_name or _("a carer"),
            "why": f": {arrangement.get_end_reason_display()}" if reason else "",
        },
        detail=arrangement.end_detail,
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return arrangement
