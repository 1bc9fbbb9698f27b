"""The young carers register (docs/registers.md; docs/domain.md finding 36): who the child
cares for and why, the young carer's needs assessment, the support given and the school told.
A young carer whose assessment was requested and not completed is on the waiting list."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child
from kinfolk.registers.choices import AssessmentOutcome, CaredForNeed
from kinfolk.registers.models import YoungCarer, YoungCarerSupport
from kinfolk.registers.registrations import RegistersEntryKind
from kinfolk.registers.services.common import check_on_or_after, required


def _locked(young_carer: YoungCarer) -> YoungCarer:
    lock_child(young_carer.child)
    return YoungCarer.objects.select_for_update().get(pk=young_carer.pk)


@transaction.atomic
def register_young_carer(
    *,
    child: Child,
    registered_on: dt.date,
    cares_for: str,
    need: str,
    assessment_requested_on: dt.date | None = None,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> YoungCarer:
    """Put the child on the young carers register, perhaps with their needs assessment
    requested (which puts them on the waiting list)."""
    child = lock_child(child)
    check_not_future(registered_on, "registered_on", _("date added to the register"))
    cares_for = required(cares_for, "cares_for", _("Enter who the young carer cares for"))
    if need not in CaredForNeed.values:
        raise ValidationError({"need": _("Choose the cared-for person's need")})
    if assessment_requested_on is not None:
        check_not_future(
            assessment_requested_on,
            "assessment_requested_on",
            _("date the assessment was requested"),
        )
    if YoungCarer.objects.filter(child=child, ended_on__isnull=True).exists():
        raise ValidationError({"cares_for": _("The child is already on the young carers register")})
    record = YoungCarer.objects.create(
        child=child,
        registered_on=registered_on,
        cares_for=cares_for,
        need=need,
        assessment_requested_on=assessment_requested_on,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=registered_on,
        kind=RegistersEntryKind.YOUNG_CARER,
        summary=_("Added to the young carers register: cares for %(who)s (%(need)s)")
        % {"who": cares_for, "need": record.get_need_display()},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return record


@transaction.atomic
def record_young_carer_assessment(
    *,
    young_carer: YoungCarer,
    completed_on: dt.date,
    outcome: str,
    young_carer_views: str,
    requested_on: dt.date | None = None,
    version: int | None = None,
    actor: Actor | None = None,
) -> YoungCarer:
    """Record the young carer's needs assessment completed, with its outcome and the young
    carer's own views; it leaves the waiting list."""
    record = _locked(young_carer)
    record.next_version(version)
    if record.assessment_completed_on is not None:
        raise ValidationError(
            {"completed_on": _("The assessment is already recorded as completed")}
        )
    requested_on = requested_on or record.assessment_requested_on
    if requested_on is None:
        raise ValidationError({"requested_on": _("Enter the date the assessment was requested")})
    check_not_future(completed_on, "completed_on", _("date the assessment was completed"))
    check_on_or_after(completed_on, requested_on, "completed_on", _("the request"))
    if outcome not in AssessmentOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome of the assessment")})
    views = required(young_carer_views, "young_carer_views", _("Enter the young carer's views"))
    record.assessment_requested_on = requested_on
    record.assessment_completed_on = completed_on
    record.assessment_outcome = outcome
    record.young_carer_views = views
    record.save()
    add_entry(
        child_id=record.child_id,
        occurred_on=completed_on,
        kind=RegistersEntryKind.YOUNG_CARER,
        summary=_("Young carer's needs assessment completed: %(outcome)s")
        % {"outcome": record.get_assessment_outcome_display()},
        detail=views,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return record


@transaction.atomic
def add_young_carer_support(
    *,
    young_carer: YoungCarer,
    what: str,
    provided_by: str,
    start_on: dt.date,
    end_on: dt.date | None = None,
    actor: Actor | None = None,
) -> YoungCarerSupport:
    """Record support given to a young carer: what, by whom, from and to."""
    record = _locked(young_carer)
    what = required(what, "what", _("Enter the support given"))
    provided_by = required(provided_by, "provided_by", _("Enter who gives the support"))
    check_on_or_after(
        start_on, record.registered_on, "start_on", _("the young carer was registered")
    )
    check_on_or_after(end_on, start_on, "end_on", _("the support started"))
    support = YoungCarerSupport.objects.create(
        young_carer=record,
        what=what,
        provided_by=provided_by,
        start_on=start_on,
        end_on=end_on,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=record.child_id,
        occurred_on=start_on,
        kind=RegistersEntryKind.YOUNG_CARER,
        summary=_("Young carer support: %(what)s, by %(who)s") % {"what": what, "who": provided_by},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return support


@transaction.atomic
def record_school_told(
    *,
    young_carer: YoungCarer,
    told_on: dt.date,
    told_who: str,
    version: int | None = None,
    actor: Actor | None = None,
) -> YoungCarer:
    """Record that the young carer's school was told, on which date and who was told."""
    record = _locked(young_carer)
    record.next_version(version)
    check_not_future(told_on, "told_on", _("date the school was told"))
    check_on_or_after(told_on, record.registered_on, "told_on", _("the young carer was registered"))
    record.school_told_who = required(told_who, "told_who", _("Enter who at the school was told"))
    record.school_told_on = told_on
    record.save()
    add_entry(
        child_id=record.child_id,
        occurred_on=told_on,
        kind=RegistersEntryKind.YOUNG_CARER,
        summary=_("School told the child is a young carer: %(who)s")
        % {"who": record.school_told_who},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return record


def waiting_list(children: object) -> object:
    """Young carers on the register whose assessment was requested and is not completed,
    oldest request first."""
    return (
        YoungCarer.objects.filter(
            child__in=children,
            ended_on__isnull=True,
            assessment_requested_on__isnull=False,
            assessment_completed_on__isnull=True,
        )
        .select_related("child")
        .order_by("assessment_requested_on", "pk")
    )
