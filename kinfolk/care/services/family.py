"""Recording a looked-after child's family time and life-story work (docs/domain.md stages 24
and 25).

A family-time arrangement needs the child to be looked after on its date; life-story work
needs the child to have been looked after at some time. Nothing is dated in the future.

Every function runs in one transaction, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field and changes nothing.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models.family import (
    FAMILY_TIME_RISK_REVIEW_MONTHS,
    FamilyRelationship,
    FamilyTime,
    LifeStoryDecision,
    LifeStoryStatus,
    LifeStoryWork,
)
from kinfolk.care.services.episodes import EVER_LOOKED_AFTER, period_on
from kinfolk.care.services.reviews import required_text
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.core.working_days import add_months
from kinfolk.people.models import Child


def current_family_time(child: Child) -> QuerySet[FamilyTime]:
    """The child's family time arrangements that have not ended, latest agreed first."""
    return FamilyTime.objects.filter(child=child, ended_on__isnull=True).order_by(
        "-agreed_on", "-pk"
    )


#: The risk assessment of a current arrangement is reviewed.
FAMILY_TIME_CURRENT: Guard[Child] = Guard(
    name="family-time-current",
    message=gettext_lazy("There is no current family time arrangement."),
    holds=lambda child: current_family_time(child).exists(),
)


def _risk_review_on(
    is_supervised: bool, risk_assessed_on: dt.date | None, risk_review_on: dt.date | None
) -> dt.date | None:
    """The date the risk assessment is next reviewed: as given, otherwise three months after
    it (finding 60). Unsupervised family time needs a risk assessment."""
    if not is_supervised and risk_assessed_on is None:
        raise ValidationError(
            {
                "risk_assessed_on": _(
                    "Enter the date of the risk assessment: unsupervised family time needs one"
                )
            }
        )
    if risk_assessed_on is None:
        if risk_review_on is not None:
            raise ValidationError(
                {"risk_assessed_on": _("Enter the date of the risk assessment being reviewed")}
            )
        return None
    check_not_future(risk_assessed_on, "risk_assessed_on", _("date of the risk assessment"))
    if risk_review_on is None:
        return add_months(risk_assessed_on, FAMILY_TIME_RISK_REVIEW_MONTHS)
    if risk_review_on <= risk_assessed_on:
        raise ValidationError({"risk_review_on": _("The review must be after the risk assessment")})
    return risk_review_on


@transaction.atomic
def record_family_time(
    *,
    child: Child,
    agreed_on: dt.date,
    with_whom: str,
    relationship: str,
    frequency: str,
    is_supervised: bool | None,
    risk_assessed_on: dt.date | None = None,
    risk_review_on: dt.date | None = None,
    child_views: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> FamilyTime:
    """Record an arrangement for family time (docs/domain.md stage 25): who with, how often,
    supervised or not, the risk assessment and its review date (finding 60), and what the
    child thinks of it."""
    child = lock_child(child)
    check_not_future(agreed_on, "agreed_on", _("date the arrangement was agreed"))
    period = period_on(child, agreed_on, "agreed_on")
    with_whom = required_text(with_whom, "with_whom", _("Enter who the family time is with"))
    if relationship not in FamilyRelationship.values:
        raise ValidationError({"relationship": _("Choose their relationship to the child")})
    frequency = required_text(frequency, "frequency", _("Enter how often the family time happens"))
    if is_supervised is None:
        raise ValidationError({"is_supervised": _("Select whether the family time is supervised")})
    risk_review_on = _risk_review_on(is_supervised, risk_assessed_on, risk_review_on)
    if not is_imported:
        required_text(child_views, "child_views", _("Enter the child's views"))
    arrangement = FamilyTime.objects.create(
        child=child,
        period=period,
        agreed_on=agreed_on,
        with_whom=with_whom,
        relationship=relationship,
        frequency=frequency,
        is_supervised=is_supervised,
        risk_assessed_on=risk_assessed_on,
        risk_review_on=risk_review_on,
        child_views=child_views.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    supervised = _("supervised") if is_supervised else _("unsupervised")
    add_entry(
        child_id=child.pk,
        occurred_on=agreed_on,
        kind=EntryKind.CARE,
        summary=_("Family time with %(whom)s, %(supervised)s")
        % {"whom": with_whom, "supervised": supervised},
        detail=arrangement.child_views,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return arrangement


@transaction.atomic
def review_family_time_risk(
    *,
    arrangement: FamilyTime,
    risk_assessed_on: dt.date | None,
    risk_review_on: dt.date | None = None,
    actor: Actor | None = None,
) -> FamilyTime:
    """The risk assessment of a family-time arrangement is reviewed: its date, and when it is
    next reviewed (finding 60)."""
    child = lock_child(arrangement.child)
    arrangement = FamilyTime.objects.get(pk=arrangement.pk)
    if arrangement.ended_on is not None:
        raise ValidationError({"risk_assessed_on": _("This family time arrangement has ended")})
    if risk_assessed_on is None:
        raise ValidationError({"risk_assessed_on": _("Enter the date of the risk assessment")})
    if arrangement.risk_assessed_on and risk_assessed_on < arrangement.risk_assessed_on:
        raise ValidationError(
            {
                "risk_assessed_on": _("This is before the last risk assessment, of %(date)s")
                % {"date": long_date(arrangement.risk_assessed_on)}
            }
        )
    arrangement.risk_review_on = _risk_review_on(
        arrangement.is_supervised, risk_assessed_on, risk_review_on
    )
    arrangement.risk_assessed_on = risk_assessed_on
    arrangement.save(update_fields=["risk_assessed_on", "risk_review_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=risk_assessed_on,
        kind=EntryKind.CARE,
        summary=_("Family time with %(whom)s: risk assessment reviewed")
        % {"whom": arrangement.with_whom},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return arrangement


def _check_ever_looked_after(child: Child, field: str) -> None:
    # The pages refuse in their own words first (EVER_LOOKED_AFTER); a journey gets this.
    if not EVER_LOOKED_AFTER.holds(child):
        raise ValidationError(
            {field: _("%(child)s has never been looked after") % {"child": child}}
        )


@transaction.atomic
def update_life_story_work(
    *,
    child: Child,
    updated_on: dt.date,
    status: str,
    worker: Actor | None = None,
    later_life_letter_on: dt.date | None = None,
    actor: Actor | None = None,
    version: int | None = None,
) -> LifeStoryWork:
    """Record where the child's life-story work has got to, who is doing it, and the date of
    the later-life letter (docs/domain.md stage 24, finding 21). Life-story work marked complete
    needs its later-life letter. A change made from ``version`` of the work (0: none was
    recorded), when someone has recorded it since, is refused with ``RecordChanged``."""
    child = lock_child(child)
    work = LifeStoryWork.objects.select_for_update().filter(child=child).first()
    if work is not None:
        work.next_version(version)
    check_not_future(updated_on, "updated_on", _("date of the update"))
    _check_ever_looked_after(child, "updated_on")
    if status not in LifeStoryStatus.values:
        raise ValidationError({"status": _("Choose where the life-story work has got to")})
    if later_life_letter_on is not None:
        check_not_future(
            later_life_letter_on, "later_life_letter_on", _("date of the later-life letter")
        )
    if status == LifeStoryStatus.COMPLETE and later_life_letter_on is None:
        raise ValidationError(
            {
                "later_life_letter_on": _(
                    "Enter the date of the later-life letter: life-story work is not complete "
                    "without it"
                )
            }
        )
    if status != LifeStoryStatus.NOT_STARTED and worker is None:
        raise ValidationError({"worker": _("Choose who is doing the life-story work")})
    work = work or LifeStoryWork(child=child)
    work.status = status
    work.worker = worker
    work.later_life_letter_on = later_life_letter_on
    work.updated_on = updated_on
    work.recorded_by = staff_member(actor)
    work.save()
    add_entry(
        child_id=child.pk,
        occurred_on=updated_on,
        kind=EntryKind.CARE,
        summary=_("Life-story work: %(status)s") % {"status": work.get_status_display()},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return work


@transaction.atomic
def add_life_story_decision(
    *,
    child: Child,
    decided_on: dt.date,
    decision: str,
    reason_for_child: str,
    actor: Actor | None = None,
) -> LifeStoryDecision:
    """Add a decision about the child's life to the log they can read later, with the reason
    written for them (finding 21)."""
    child = lock_child(child)
    check_not_future(decided_on, "decided_on", _("date of the decision"))
    _check_ever_looked_after(child, "decided_on")
    decision = required_text(decision, "decision", _("Enter the decision"))
    reason_for_child = required_text(
        reason_for_child, "reason_for_child", _("Enter the reason, in words for the child")
    )
    entry = LifeStoryDecision.objects.create(
        child=child,
        decided_on=decided_on,
        decision=decision,
        reason_for_child=reason_for_child,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=decided_on,
        kind=EntryKind.CARE,
        summary=_("Decision for the life story: %(decision)s") % {"decision": decision},
        detail=reason_for_child,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return entry
