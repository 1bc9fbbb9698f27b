"""Recording the authority's work with care leavers: allocating a personal adviser, pathway
plans and their audit, contacts (the SSDA903 OC3 items), staying put and support to 25.

Every function runs in one transaction, locks the child, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field, in casework words,
and changes nothing. Whether the young person is a care leaver on the date is derived from
their periods of care (``kinfolk.care.history``), never typed in.
"""

import datetime as dt

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.care.history import Stay, birthday
from kinfolk.care.models import CareEpisode, PeriodOfCare
from kinfolk.casework.services import check_not_future, lock_child, long_date
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import staff_member
from kinfolk.core.codes import CareLeaverAccommodation, CareLeaverActivity, CareLeaverInTouch
from kinfolk.core.events import publish_casework_changed
from kinfolk.leaving.choices import AuditGrade
from kinfolk.leaving.models import (
    CareLeaverContact,
    PathwayPlan,
    PersonalAdviserAllocation,
    StayingPut,
    SupportTo25,
)
from kinfolk.leaving.standing import Standing, standing_on, stays_from_periods
from kinfolk.people.models import Child
from kinfolk.workforce.choices import CASE_HOLDING_ROLES

#: Placements with foster carers (SSDA903 U1-U6), from which a young person may stay put.
FOSTER_PLACEMENTS = frozenset({"U1", "U2", "U3", "U4", "U5", "U6"})
#: Accommodation with former foster carers after 18 (OC3 Z1/Z2; rule 3001).
WITH_FORMER_FOSTER_CARERS = frozenset({"Z1", "Z2"})


def care_history(child: Child) -> list[Stay]:
    """The child's periods of care that count towards leaving-care status."""
    return stays_from_periods(PeriodOfCare.objects.filter(child=child).prefetch_related("episodes"))


def standing_of(child: Child, on: dt.date) -> Standing:
    """The child's standing as a care leaver on ``on``, from the database."""
    has_support = (
        SupportTo25.objects.filter(child=child, requested_on__lte=on)
        .exclude(ended_on__lte=on)
        .exists()
    )
    return standing_on(child.date_of_birth, care_history(child), on, has_support_to_25=has_support)


def _check_date(child: Child, day: dt.date, field: str, what: str) -> None:
    """Refuse a date in the future, before the young person was born or after they died."""
    check_not_future(day, field, what)
    if child.date_of_birth is None or day < child.date_of_birth:
        raise ValidationError(
            {
                field: _("The %(what)s cannot be before %(child)s was born")
                % {"what": what, "child": child}
            }
        )
    if child.date_of_death is not None and day > child.date_of_death:
        raise ValidationError(
            {
                field: _("%(child)s died on %(date)s: nothing can be recorded after that")
                % {"child": child, "date": long_date(child.date_of_death)}
            }
        )


def _refuse_not_care_leaver(
    child: Child, on: dt.date, field: str, what: str, standing: Standing
) -> None:
    raise ValidationError(
        {
            field: _(
                "%(what)s is only for a care leaver, and on %(date)s %(child)s was not one. "
                "%(reason)s"
            )
            % {"what": what, "date": long_date(on), "child": child, "reason": standing.explanation}
        }
    )


def _check_care_leaver(child: Child, on: dt.date, field: str, what: str) -> Standing:
    """The young person must be a care leaver on ``on`` (eligible, relevant, former relevant,
    or former relevant until 21 and now under 25)."""
    standing = standing_of(child, on)
    if not standing.may_have_adviser:
        _refuse_not_care_leaver(child, on, field, what, standing)
    return standing


def _current_adviser(child: Child, on: dt.date) -> PersonalAdviserAllocation | None:
    return (
        PersonalAdviserAllocation.objects.filter(child=child, start_on__lte=on)
        .exclude(end_on__lte=on)
        .select_related("adviser")
        .first()
    )


@transaction.atomic
def allocate_personal_adviser(
    *,
    child: Child,
    adviser: AbstractBaseUser,
    start_on: dt.date,
    introduced_on: dt.date | None = None,
    joint_visit_on: dt.date | None = None,
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> PersonalAdviserAllocation:
    """Allocate a personal adviser to a care leaver, ending the previous adviser's allocation
    on the same day (Children Act 1989 Sch. 2 para. 19C, s23D).

    ``introduced_on`` and ``joint_visit_on`` record the handover from the social worker:
    when the adviser met the young person, and the joint visit that should happen before 18
    (docs/domain.md finding 26).
    """
    child = lock_child(child)
    _check_date(child, start_on, "start_on", _("date the personal adviser was allocated"))
    if not adviser.is_active or adviser.role not in CASE_HOLDING_ROLES:
        raise ValidationError(
            {
                "adviser": _("%(worker)s cannot be a personal adviser: choose a personal adviser")
                % {"worker": adviser}
            }
        )
    for day, name, what in (
        (introduced_on, "introduced_on", _("date the personal adviser was introduced")),
        (joint_visit_on, "joint_visit_on", _("date of the joint visit")),
    ):
        if day is not None:
            _check_date(child, day, name, what)
    _check_care_leaver(child, start_on, "start_on", _("A personal adviser"))
    current = PersonalAdviserAllocation.objects.filter(child=child, end_on__isnull=True).first()
    if current is not None:
        if current.adviser_id == adviser.pk:
            raise ValidationError(
                {
                    "adviser": _("%(worker)s is already %(child)s's personal adviser")
                    % {"worker": adviser, "child": child}
                }
            )
        if start_on < current.start_on:
            raise ValidationError(
                {
                    "start_on": _(
                        "This is before the current personal adviser was allocated, on %(date)s"
                    )
                    % {"date": long_date(current.start_on)}
                }
            )
        current.end_on = start_on
        current.save(update_fields=["end_on"])
    allocation = PersonalAdviserAllocation.objects.create(
        child=child,
        adviser=adviser,
        start_on=start_on,
        introduced_on=introduced_on,
        joint_visit_on=joint_visit_on,
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.ALLOCATION,
        summary=_("Personal adviser allocated: %(worker)s") % {"worker": adviser},
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return allocation


@transaction.atomic
def record_pathway_plan(
    *,
    child: Child,
    made_on: dt.date,
    accommodation: str = "",
    accommodation_target_on: dt.date | None = None,
    education_training_employment: str = "",
    health: str = "",
    relationships: str = "",
    finance: str = "",
    young_person_views: str = "",
    is_copy_given: bool | None = None,
    has_young_persons_version: bool | None = None,
    is_local_offer_explained: bool | None = None,
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> PathwayPlan:
    """Record a pathway plan (Care Leavers (England) Regulations 2010, reg. 6 and Sch. 1),
    or its review, which is a new plan.

    A plan is for a care leaver, or for a young person looked after at 16 or 17, whose first
    plan is due 3 months after their 16th birthday. On a page the young person's views and
    whether they were given a copy are required (findings 72 and 82); a plan loaded from a
    journey has only its date and is marked imported.
    """
    child = lock_child(child)
    _check_date(child, made_on, "made_on", _("date of the pathway plan"))
    standing = standing_of(child, made_on)
    if not standing.may_have_pathway_plan:
        _refuse_not_care_leaver(child, made_on, "made_on", _("A pathway plan"), standing)
    if not is_imported:
        if not young_person_views.strip():
            raise ValidationError(
                {"young_person_views": _("Enter the young person's views of their plan")}
            )
        if is_copy_given is None:
            raise ValidationError(
                {"is_copy_given": _("Say whether the young person was given a copy of the plan")}
            )
    if accommodation_target_on is not None and accommodation_target_on < made_on:
        raise ValidationError(
            {
                "accommodation_target_on": _(
                    "The target date for accommodation must be on or after the date of the plan"
                )
            }
        )
    if PathwayPlan.objects.filter(child=child, made_on=made_on).exists():
        raise ValidationError(
            {
                "made_on": _("A pathway plan is already recorded on %(date)s")
                % {"date": long_date(made_on)}
            }
        )
    plan = PathwayPlan.objects.create(
        child=child,
        made_on=made_on,
        accommodation=accommodation.strip(),
        accommodation_target_on=accommodation_target_on,
        education_training_employment=education_training_employment.strip(),
        health=health.strip(),
        relationships=relationships.strip(),
        finance=finance.strip(),
        young_person_views=young_person_views.strip(),
        is_copy_given=is_copy_given,
        has_young_persons_version=has_young_persons_version,
        is_local_offer_explained=is_local_offer_explained,
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=made_on,
        kind=EntryKind.PLAN,
        summary=_("Pathway plan"),
        detail=plan.young_person_views,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return plan


@transaction.atomic
def audit_pathway_plan(
    *, plan: PathwayPlan, grade: str, note: str, actor: AbstractBaseUser
) -> PathwayPlan:
    """A manager grades a pathway plan and records what would improve it (docs/domain.md finding
    72: pathway plans audited)."""
    child = lock_child(plan.child)
    plan = PathwayPlan.objects.get(pk=plan.pk)
    if not getattr(actor, "is_manager", False):
        raise ValidationError({"grade": _("Only a manager can audit a pathway plan")})
    if grade not in AuditGrade.values:
        raise ValidationError({"grade": _("Choose the audit grade")})
    if not note.strip():
        raise ValidationError({"note": _("Enter what the audit found")})
    plan.audit_grade = grade
    plan.audit_note = note.strip()
    plan.audited_on = timezone.localdate()
    plan.audited_by = staff_member(actor)
    plan.save(update_fields=["audit_grade", "audit_note", "audited_on", "audited_by"])
    add_entry(
        child_id=child.pk,
        occurred_on=plan.audited_on,
        kind=EntryKind.PLAN,
        summary=_("Pathway plan of %(date)s audited: %(grade)s")
        % {"date": long_date(plan.made_on), "grade": AuditGrade(grade).label},
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return plan


@transaction.atomic
def record_care_leaver_contact(
    *,
    child: Child,
    contacted_on: dt.date,
    in_touch: str,
    accommodation: str = "",
    activity: str = "",
    adviser: AbstractBaseUser | None = None,
    notes: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> CareLeaverContact:
    """Record a contact with a care leaver and what SSDA903 OC3 asks: whether the authority
    is in touch, their accommodation and their main activity.

    The OC3 rules are kept here: when in touch, accommodation and activity are not "not
    known" (rule 345), and on a page they are required; when the young person has died or
    returned home, neither is given (344); accommodation with former foster carers is only
    after 18 (3001). The adviser is the young person's personal adviser on the day unless
    another is named.
    """
    child = lock_child(child)
    if in_touch not in CareLeaverInTouch.values:
        raise ValidationError({"in_touch": _("Choose whether the authority is in touch")})
    if accommodation and accommodation not in CareLeaverAccommodation.values:
        raise ValidationError({"accommodation": _("Choose the young person's accommodation")})
    if activity and activity not in CareLeaverActivity.values:
        raise ValidationError({"activity": _("Choose the young person's main activity")})
    check_not_future(contacted_on, "contacted_on", _("date of the contact"))
    if child.date_of_birth is None or contacted_on < child.date_of_birth:
        raise ValidationError(
            {
                "contacted_on": _("The date of the contact cannot be before %(child)s was born")
                % {"child": child}
            }
        )
    _check_care_leaver(child, contacted_on, "contacted_on", _("A care leaver contact"))
    not_known = CareLeaverAccommodation.NOT_KNOWN
    if in_touch == CareLeaverInTouch.YES:
        if accommodation == not_known:
            raise ValidationError(
                {
                    "accommodation": _(
                        "When in touch, say where the young person lives, not 'not known'"
                    )
                }
            )
        if activity == CareLeaverActivity.NOT_KNOWN:
            raise ValidationError(
                {"activity": _("When in touch, say what the young person does, not 'not known'")}
            )
        missing = {}
        if not is_imported and not accommodation:
            missing["accommodation"] = _("Choose the young person's accommodation")
        if not is_imported and not activity:
            missing["activity"] = _("Choose the young person's main activity")
        if missing:
            raise ValidationError(missing)
    if in_touch in (CareLeaverInTouch.DIED, CareLeaverInTouch.RHOM):
        for name, value in (("accommodation", accommodation), ("activity", activity)):
            if value and value != not_known:
                raise ValidationError(
                    {
                        name: _(
                            "Leave this blank: it is not reported for a young person who has "
                            "died or returned home"
                        )
                    }
                )
    if accommodation in WITH_FORMER_FOSTER_CARERS and (child.age_on(contacted_on) or 0) < 18:
        raise ValidationError(
            {
                "accommodation": _(
                    "Living with former foster carers after 18 is for young people aged 18 or "
                    "over: %(child)s was %(age)d"
                )
                % {"child": child, "age": child.age_on(contacted_on)}
            }
        )
    if adviser is None:
        allocation = _current_adviser(child, contacted_on)
        adviser = allocation.adviser if allocation else None
    contact = CareLeaverContact.objects.create(
        child=child,
        contacted_on=contacted_on,
        in_touch=in_touch,
        accommodation=accommodation,
        activity=activity,
        adviser=adviser,
        notes=notes.strip(),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    details = [
        label
        for label in (
            contact.get_accommodation_display() if accommodation else "",
            contact.get_activity_display() if activity else "",
        )
        if label
    ]
    add_entry(
        child_id=child.pk,
        occurred_on=contacted_on,
        kind=EntryKind.VISIT,
        summary=_("Care leaver contact: %(in_touch)s")
        % {"in_touch": contact.get_in_touch_display()},
        detail="; ".join(details),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return contact


def staying_put_ends_by(child: Child, *, is_in_full_time_education: bool) -> dt.date:
    """The last day a staying put arrangement can run to: the 21st birthday, or the 25th for a
    young person in full-time education (docs/domain.md stage 28)."""
    return birthday(child.date_of_birth, 25 if is_in_full_time_education else 21)


@transaction.atomic
def start_staying_put(
    *,
    child: Child,
    start_on: dt.date,
    end_on: dt.date | None = None,
    carers: str = "",
    is_in_full_time_education: bool = False,
    actor: AbstractBaseUser | None = None,
) -> StayingPut:
    """Record a staying put arrangement: a former relevant young person who was living with
    foster carers at 18 stays on with them (Children Act 1989 s23CZA). It runs to 21, or 25
    in full-time education."""
    child = lock_child(child)
    _check_date(child, start_on, "start_on", _("date staying put started"))
    eighteenth = birthday(child.date_of_birth, 18)
    if start_on < eighteenth:
        raise ValidationError(
            {
                "start_on": _("Staying put starts at 18: %(child)s turns 18 on %(date)s")
                % {"child": child, "date": long_date(eighteenth)}
            }
        )
    standing = standing_of(child, start_on)
    if not standing.status:
        _refuse_not_care_leaver(child, start_on, "start_on", _("Staying put"), standing)
    last_day_in_care = eighteenth - dt.timedelta(days=1)
    episode_at_18 = (
        CareEpisode.objects.filter(child=child, start_on__lte=last_day_in_care)
        .filter(Q(end_on__isnull=True) | Q(end_on__gt=last_day_in_care))
        .order_by("-start_on", "-pk")
        .first()
    )
    if episode_at_18 is None or episode_at_18.placement_type not in FOSTER_PLACEMENTS:
        raise ValidationError(
            {
                "start_on": _(
                    "Staying put is for a young person living with foster carers when they "
                    "turned 18, and %(child)s was not"
                )
                % {"child": child}
            }
        )
    limit = staying_put_ends_by(child, is_in_full_time_education=is_in_full_time_education)
    reach = (
        _("25th birthday, in full-time education")
        if is_in_full_time_education
        else _("21st birthday, or the 25th in full-time education")
    )
    for name, day in (("start_on", start_on), ("end_on", end_on)):
        if day is not None and (day > limit or (name == "start_on" and day == limit)):
            raise ValidationError(
                {
                    name: _("Staying put runs until the %(reach)s: %(date)s")
                    % {"reach": reach, "date": long_date(limit)}
                }
            )
    if end_on is not None:
        check_not_future(end_on, "end_on", _("date staying put ended"))
        if end_on < start_on:
            raise ValidationError({"end_on": _("Staying put cannot end before it started")})
    previous = StayingPut.objects.filter(child=child).order_by("-start_on", "-pk").first()
    if previous is not None and previous.end_on is None:
        raise ValidationError(
            {
                "start_on": _(
                    "%(child)s already has a staying put arrangement from %(date)s: end it first"
                )
                % {"child": child, "date": long_date(previous.start_on)}
            }
        )
    if previous is not None and start_on < previous.end_on:
        raise ValidationError(
            {
                "start_on": _("This overlaps the staying put arrangement that ended on %(date)s")
                % {"date": long_date(previous.end_on)}
            }
        )
    arrangement = StayingPut.objects.create(
        child=child,
        start_on=start_on,
        end_on=end_on,
        carers=carers.strip(),
        is_in_full_time_education=is_in_full_time_education,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=start_on,
        kind=EntryKind.RECORD,
        summary=_("Staying put with former foster carers"),
        detail=arrangement.carers,
        is_significant=True,
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return arrangement


@transaction.atomic
def end_staying_put(
    *, child: Child, end_on: dt.date, actor: AbstractBaseUser | None = None
) -> StayingPut:
    """The staying put arrangement ends."""
    child = lock_child(child)
    arrangement = StayingPut.objects.filter(child=child, end_on__isnull=True).first()
    if arrangement is None:
        raise ValidationError({"end_on": _("%(child)s is not staying put") % {"child": child}})
    _check_date(child, end_on, "end_on", _("date staying put ended"))
    if end_on < arrangement.start_on:
        raise ValidationError(
            {
                "end_on": _("Staying put cannot end before it started, on %(date)s")
                % {"date": long_date(arrangement.start_on)}
            }
        )
    arrangement.end_on = end_on
    arrangement.save(update_fields=["end_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=end_on,
        kind=EntryKind.RECORD,
        summary=_("Staying put ended"),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return arrangement


@transaction.atomic
def request_support_to_25(
    *, child: Child, requested_on: dt.date, actor: AbstractBaseUser | None = None
) -> SupportTo25:
    """A former relevant young person aged 21 to 24 asks for a personal adviser's support
    (Children Act 1989 s23CZB)."""
    child = lock_child(child)
    _check_date(child, requested_on, "requested_on", _("date the young person asked"))
    standing = standing_of(child, requested_on)
    if not standing.was_former_relevant:
        _refuse_not_care_leaver(child, requested_on, "requested_on", _("Support to 25"), standing)
    if not 21 <= (standing.age or 0) < 25:
        raise ValidationError(
            {
                "requested_on": _(
                    "Support to 25 is for a young person aged 21 to 24: %(child)s was %(age)d"
                )
                % {"child": child, "age": standing.age}
            }
        )
    if SupportTo25.objects.filter(child=child, ended_on__isnull=True).exists():
        raise ValidationError(
            {"requested_on": _("%(child)s already has support to 25") % {"child": child}}
        )
    support = SupportTo25.objects.create(
        child=child, requested_on=requested_on, recorded_by=staff_member(actor)
    )
    add_entry(
        child_id=child.pk,
        occurred_on=requested_on,
        kind=EntryKind.RECORD,
        summary=_("Asked for a personal adviser's support to 25"),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return support


@transaction.atomic
def end_support_to_25(
    *, child: Child, ended_on: dt.date, actor: AbstractBaseUser | None = None
) -> SupportTo25:
    """Support to 25 ends, at the young person's wish or at their 25th birthday."""
    child = lock_child(child)
    support = SupportTo25.objects.filter(child=child, ended_on__isnull=True).first()
    if support is None:
        raise ValidationError(
            {"ended_on": _("%(child)s has no support to 25 to end") % {"child": child}}
        )
    _check_date(child, ended_on, "ended_on", _("date support ended"))
    if ended_on < support.requested_on:
        raise ValidationError(
            {
                "ended_on": _("Support cannot end before it was asked for, on %(date)s")
                % {"date": long_date(support.requested_on)}
            }
        )
    if ended_on > birthday(child.date_of_birth, 25):
        raise ValidationError({"ended_on": _("Support to 25 ends by the 25th birthday")})
    support.ended_on = ended_on
    support.save(update_fields=["ended_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=ended_on,
        kind=EntryKind.RECORD,
        summary=_("Support to 25 ended"),
        recorded_by=staff_member(actor),
    )
    publish_casework_changed(child.pk)
    return support
