"""Children not in school (docs/registers.md; docs/domain.md finding 15): children missing
education, and children educated at home with their reviews. A child under a section 47
enquiry or on a child protection plan is educated at home only with the council's consent
(Children's Wellbeing and Schools Act 2026, s38): home education is not recorded for such a
child without a consent decision, and not where consent was refused."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.access.policy import P, allows
from kinfolk.casework.services import check_not_future, lock_child
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.events import publish_casework_changed
from kinfolk.people.models import Child
from kinfolk.registers.choices import ConsentDecision, Suitability
from kinfolk.registers.matching import needs_consent
from kinfolk.registers.models import (
    HomeEducation,
    HomeEducationConsent,
    HomeEducationReview,
    MissingEducation,
)
from kinfolk.registers.registrations import RegistersEntryKind
from kinfolk.registers.services.common import check_on_or_after, required


@transaction.atomic
def report_missing_education(
    *,
    child: Child,
    reported_on: dt.date,
    reported_by: str,
    reason: str,
    last_known_school: str = "",
    actions: str = "",
    actor: Actor | None = None,
    is_imported: bool = False,
) -> MissingEducation:
    """Put the child on the children missing education register."""
    child = lock_child(child)
    check_not_future(reported_on, "reported_on", _("date reported"))
    reported_by = required(reported_by, "reported_by", _("Enter who reported it"))
    reason = required(reason, "reason", _("Enter why the child is missing education"))
    if MissingEducation.objects.filter(child=child, resolved_on__isnull=True).exists():
        raise ValidationError(
            {"reported_on": _("The child is already on the children missing education register")}
        )
    record = MissingEducation.objects.create(
        child=child,
        reported_on=reported_on,
        reported_by=reported_by,
        reason=reason,
        last_known_school=last_known_school.strip(),
        actions=actions.strip(),
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=reported_on,
        kind=RegistersEntryKind.MISSING_EDUCATION,
        summary=_("Reported missing education by %(who)s") % {"who": reported_by},
        detail=reason,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return record


@transaction.atomic
def resolve_missing_education(
    *,
    missing: MissingEducation,
    resolved_on: dt.date,
    outcome: str,
    actions: str = "",
    version: int | None = None,
    actor: Actor | None = None,
) -> MissingEducation:
    """Take the child off the children missing education register, with the outcome."""
    lock_child(missing.child)
    record = MissingEducation.objects.select_for_update().get(pk=missing.pk)
    record.next_version(version)
    if record.resolved_on is not None:
        raise ValidationError({"resolved_on": _("This is already resolved")})
    check_not_future(resolved_on, "resolved_on", _("date resolved"))
    check_on_or_after(resolved_on, record.reported_on, "resolved_on", _("the report"))
    record.outcome = required(outcome, "outcome", _("Enter the outcome"))
    if actions.strip():
        record.actions = actions.strip()
    record.resolved_on = resolved_on
    record.save()
    add_entry(
        child_id=record.child_id,
        occurred_on=resolved_on,
        kind=RegistersEntryKind.MISSING_EDUCATION,
        summary=_("No longer missing education"),
        detail=record.outcome,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return record


@transaction.atomic
def record_home_education_consent(
    *,
    child: Child,
    requested_on: dt.date,
    decided_on: dt.date,
    decision: str,
    reason: str,
    decided_by: Actor | None = None,
    actor: Actor | None = None,
    is_imported: bool = False,
) -> HomeEducationConsent:
    """Record the council's decision, by a manager, on a request to educate the child at
    home."""
    child = lock_child(child)
    decided_by = decided_by or staff_member(actor)
    if decided_by is None or not allows(decided_by, P.SUPERVISE):
        raise ValidationError({"decision": _("A manager decides on consent to home education")})
    check_not_future(requested_on, "requested_on", _("date consent was requested"))
    check_not_future(decided_on, "decided_on", _("date of the decision"))
    check_on_or_after(decided_on, requested_on, "decided_on", _("the request"))
    if decision not in ConsentDecision.values:
        raise ValidationError({"decision": _("Choose whether consent is granted or refused")})
    reason = required(reason, "reason", _("Enter the reason for the decision"))
    record = HomeEducationConsent.objects.create(
        child=child,
        requested_on=requested_on,
        decided_on=decided_on,
        decision=decision,
        decided_by=decided_by,
        reason=reason,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=decided_on,
        kind=RegistersEntryKind.HOME_EDUCATION_CONSENT,
        summary=_("Consent to home education: %(decision)s by %(manager)s")
        % {"decision": record.get_decision_display(), "manager": decided_by},
        detail=reason,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return record


def latest_consent(child: Child) -> HomeEducationConsent | None:
    """The council's last decision on consent to educate the child at home."""
    return (
        HomeEducationConsent.objects.filter(child=child)
        .select_related("decided_by")
        .order_by("-decided_on", "-pk")
        .first()
    )


@transaction.atomic
def start_home_education(
    *,
    child: Child,
    started_on: dt.date,
    notice_on: dt.date,
    next_review_on: dt.date,
    notice: str = "",
    actor: Actor | None = None,
    is_imported: bool = False,
) -> HomeEducation:
    """Put the child on the register of children educated at home. Refused, for a child
    under a section 47 enquiry or on a child protection plan, without the council's consent
    recorded as granted."""
    child = lock_child(child)
    check_not_future(notice_on, "notice_on", _("date of the parents' notice"))
    check_on_or_after(started_on, notice_on, "started_on", _("the parents' notice"))
    check_on_or_after(next_review_on, started_on, "next_review_on", _("home education started"))
    consent = None
    if needs_consent(child.pk):
        consent = latest_consent(child)
        if consent is None:
            raise ValidationError(
                {
                    "started_on": _(
                        "The child is under a section 47 enquiry or on a child protection plan: "
                        "record the council's decision on consent before recording home "
                        "education"
                    )
                }
            )
        if consent.decision != ConsentDecision.GRANTED:
            raise ValidationError(
                {
                    "started_on": _(
                        "The council refused consent to educate the child at home on %(date)s"
                    )
                    % {"date": f"{consent.decided_on:%-d %B %Y}"}
                }
            )
    if HomeEducation.objects.filter(child=child, ended_on__isnull=True).exists():
        raise ValidationError(
            {"started_on": _("The child is already on the register of children educated at home")}
        )
    record = HomeEducation.objects.create(
        child=child,
        started_on=started_on,
        notice_on=notice_on,
        notice=notice.strip(),
        next_review_on=next_review_on,
        consent=consent,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=started_on,
        kind=RegistersEntryKind.HOME_EDUCATION,
        summary=_("Educated at home from %(date)s") % {"date": f"{started_on:%-d %B %Y}"},
        detail=record.notice,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return record


@transaction.atomic
def review_home_education(
    *,
    home_education: HomeEducation,
    reviewed_on: dt.date,
    suitability: str,
    next_review_on: dt.date,
    notes: str = "",
    version: int | None = None,
    actor: Actor | None = None,
) -> HomeEducationReview:
    """Record a review of the child's home education: whether it is suitable and when the
    next review is due."""
    lock_child(home_education.child)
    record = HomeEducation.objects.select_for_update().get(pk=home_education.pk)
    record.next_version(version)
    check_not_future(reviewed_on, "reviewed_on", _("date reviewed"))
    check_on_or_after(reviewed_on, record.started_on, "reviewed_on", _("home education started"))
    if suitability not in Suitability.values:
        raise ValidationError({"suitability": _("Choose whether the education is suitable")})
    if next_review_on <= reviewed_on:
        raise ValidationError({"next_review_on": _("The next review must be after this one")})
    review = HomeEducationReview.objects.create(
        home_education=record,
        reviewed_on=reviewed_on,
        suitability=suitability,
        next_review_on=next_review_on,
        notes=notes.strip(),
        recorded_by=staff_member(actor),
    )
    record.suitability = suitability
    record.last_reviewed_on = reviewed_on
    record.next_review_on = next_review_on
    record.save()
    add_entry(
        child_id=record.child_id,
        occurred_on=reviewed_on,
        kind=RegistersEntryKind.HOME_EDUCATION,
        summary=_("Home education reviewed: %(suitability)s")
        % {"suitability": review.get_suitability_display()},
        detail=review.notes,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return review


@transaction.atomic
def end_home_education(
    *,
    home_education: HomeEducation,
    ended_on: dt.date,
    version: int | None = None,
    actor: Actor | None = None,
) -> HomeEducation:
    """Take the child off the register of children educated at home."""
    lock_child(home_education.child)
    record = HomeEducation.objects.select_for_update().get(pk=home_education.pk)
    record.next_version(version)
    if record.ended_on is not None:
        raise ValidationError({"ended_on": _("Home education has already ended")})
    check_not_future(ended_on, "ended_on", _("date home education ended"))
    check_on_or_after(ended_on, record.started_on, "ended_on", _("home education started"))
    record.ended_on = ended_on
    record.save()
    add_entry(
        child_id=record.child_id,
        occurred_on=ended_on,
        kind=RegistersEntryKind.HOME_EDUCATION,
        summary=_("No longer educated at home"),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(record.child_id)
    return record
