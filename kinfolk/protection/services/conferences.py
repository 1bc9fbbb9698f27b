"""Child protection conferences, the child protection plan and its core groups (Working
Together 2023, chapter 4; docs/child-protection-meetings.md)."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import Plan, PlanAction, PlanOutcome
from kinfolk.casework.services import (
    check_not_future,
    end_plan_record,
    episode_for_work,
    lock_child,
    open_plan,
)
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import CategoryOfAbuse
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.working_days import add_months
from kinfolk.people.models import Child
from kinfolk.protection.choices import ChildParticipation, ConferenceKind, QualityRating
from kinfolk.protection.models import (
    ActionProgress,
    Conference,
    ConferenceInvitee,
    CoreGroupAttendee,
    CoreGroupMeeting,
    OutcomeProgress,
    Section47Enquiry,
)
from kinfolk.protection.services.rows import (
    Attendee,
    Invitee,
    Rating,
    check_agency,
    check_attendance,
    check_rating,
)

#: What an imported conference records as the end of an enquiry still open when it was held.
ENDED_BY_IMPORTED_CONFERENCE = "Ended by the initial conference in imported history"


def _check_category(category: str, *, required: bool) -> None:
    if category and category not in CategoryOfAbuse.values:
        raise ValidationError({"category": _("Choose the category of abuse")})
    if required and not category:
        raise ValidationError({"category": _("Choose the category of abuse for the plan")})


def _check_weekday(day: dt.date, field: str) -> None:
    if day.weekday() >= 5:
        raise ValidationError(
            {
                field: _("%(date)s is a %(weekday)s: conferences are held on weekdays")
                % {"date": long_date(day), "weekday": day.strftime("%A")}
            }
        )


def _check_conference_detail(
    held_on: dt.date,
    child_participation: str,
    advocate: str,
    invitees: Sequence[Invitee],
) -> None:
    if child_participation not in ChildParticipation.values:
        raise ValidationError(
            {"child_participation": _("Choose how the child took part in the conference")}
        )
    if child_participation == ChildParticipation.ADVOCATE and not advocate.strip():
        raise ValidationError({"advocate": _("Enter the name of the child's advocate")})
    if not invitees:
        raise ValidationError({"invitees": _("Add who was invited to the conference")})
    for invitee in invitees:
        check_agency(invitee.agency, "invitees")
        check_attendance(invitee.attendance, "invitees")
        for day in (invitee.invited_on, invitee.report_received_on, invitee.report_shared_on):
            if day is not None and day > held_on:
                raise ValidationError(
                    {
                        "invitees": _(
                            "%(name)s: invitations and reports are dated on or before the "
                            "conference"
                        )
                        % {"name": invitee.name}
                    }
                )


def _record_invitees(conference: Conference, invitees: Sequence[Invitee]) -> None:
    ConferenceInvitee.objects.bulk_create(
        ConferenceInvitee(
            conference=conference,
            name=i.name,
            agency=i.agency,
            invited_on=i.invited_on,
            attendance=i.attendance,
            report_received_on=i.report_received_on,
            report_shared_on=i.report_shared_on,
        )
        for i in invitees
    )


def initial_conference_enquiry(child: Child, episode_id: int) -> Section47Enquiry | None:
    """The ended enquiry that needs an initial conference and has had none."""
    return (
        Section47Enquiry.objects.filter(
            child=child, episode_id=episode_id, is_conference_required=True, conferences=None
        )
        .order_by("-started_on")
        .first()
    )


def _answered_enquiry(
    child: Child, episode_id: int, held_on: dt.date, is_imported: bool
) -> Section47Enquiry:
    """The enquiry an initial conference answers. On a page, the enquiry must have ended with
    a conference needed; imported history may hold a conference while the enquiry is open,
    which ends it that day, saying so."""
    enquiry = Section47Enquiry.objects.filter(child=child, ended_on__isnull=True).first()
    if enquiry is not None:
        if not is_imported:
            raise ValidationError(
                {
                    "held_on": _(
                        "The section 47 enquiry from %(date)s is still open: record its outcome, "
                        "with a conference needed, before the conference"
                    )
                    % {"date": long_date(enquiry.started_on)}
                }
            )
        if held_on < enquiry.started_on:
            raise ValidationError(
                {
                    "held_on": _(
                        "The conference must be on or after the enquiry started, on %(date)s"
                    )
                    % {"date": long_date(enquiry.started_on)}
                }
            )
        enquiry.ended_on = held_on
        enquiry.is_conference_required = True
        enquiry.ended_reason = ENDED_BY_IMPORTED_CONFERENCE
        enquiry.save(update_fields=["ended_on", "is_conference_required", "ended_reason"])
        return enquiry
    enquiry = initial_conference_enquiry(child, episode_id)
    if enquiry is None:
        raise ValidationError(
            {
                "held_on": _("Initial conference on %(date)s, but no section 47 enquiry is open")
                % {"date": long_date(held_on)}
            }
        )
    assert enquiry.ended_on is not None  # none is open, so this one has ended
    if held_on < enquiry.ended_on:
        raise ValidationError(
            {
                "held_on": _("The conference must be on or after the enquiry ended, on %(date)s")
                % {"date": long_date(enquiry.ended_on)}
            }
        )
    return enquiry


def _make_plan(
    child: Child,
    episode_id: int,
    held_on: dt.date,
    category: str,
    contingency: str,
    outcomes: Sequence[str],
    action: str,
    action_owner: str,
    action_due_on: dt.date | None,
    is_imported: bool,
    actor: Actor | None,
) -> Plan:
    if open_plan(child, PlanKind.CHILD_PROTECTION) is not None:
        raise ValidationError(
            {
                "is_plan_needed": _("%(child)s is already on a child protection plan")
                % {"child": child}
            }
        )
    if not is_imported:
        if not contingency.strip():
            raise ValidationError(
                {"contingency": _("Enter the contingency: what happens if the plan does not work")}
            )
        if not any(o.strip() for o in outcomes):
            raise ValidationError({"outcome": _("Enter an outcome for the child")})
        if not (action.strip() and action_owner.strip() and action_due_on):
            raise ValidationError(
                {"action": _("Enter the first action: what will be done, by whom, by when")}
            )
    cin_plan = open_plan(child, PlanKind.CHILD_IN_NEED)
    if cin_plan is not None:
        end_plan_record(cin_plan, held_on, actor=actor)
    earlier = Plan.objects.filter(child=child, kind=PlanKind.CHILD_PROTECTION)
    plan = Plan.objects.create(
        child=child,
        episode_id=episode_id,
        kind=PlanKind.CHILD_PROTECTION,
        start_on=held_on,
        contingency=contingency.strip(),
        initial_category=category,
        latest_category=category,
        previous_plans=earlier.count(),
        is_repeat_within_two_years=earlier.filter(end_on__gte=add_months(held_on, -24)).exists(),
        is_imported=is_imported,
    )
    made = [
        PlanOutcome.objects.create(plan=plan, description=o.strip()) for o in outcomes if o.strip()
    ]
    if action.strip() and action_due_on:
        PlanAction.objects.create(
            plan=plan,
            outcome=made[0] if made else None,
            description=action.strip(),
            owner_outside=action_owner.strip(),
            due_on=action_due_on,
        )
    return plan


@transaction.atomic
def hold_initial_conference(
    *,
    child: Child,
    held_on: dt.date,
    is_plan_needed: bool,
    category: str = "",
    chair: Actor | None = None,
    child_participation: str = "",
    advocate: str = "",
    assessment_rating: str = "",
    assessment_comment: str = "",
    rationale: str = "",
    invitees: Sequence[Invitee] = (),
    contingency: str = "",
    outcome: str = "",
    action: str = "",
    action_owner: str = "",
    action_due_on: dt.date | None = None,
    is_imported: bool = False,
    actor: Actor | None = None,
) -> Conference:
    """Record an initial child protection conference: who was invited and came, the reports
    and when the parents had them, the child's participation, the chair's view of the
    assessment, and the decision. It answers a section 47 enquiry that ended needing it; a
    plan it makes (with its outcomes, a first action and a contingency) starts that day, and
    a child in need plan ends that day. Imported history has the date and decision only."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the conference"))
    _check_weekday(held_on, "held_on")
    _check_category(category, required=is_plan_needed)
    episode = episode_for_work(child, held_on, "held_on", _("date of the conference"))
    enquiry = _answered_enquiry(child, episode.pk, held_on, is_imported)
    if not is_imported:
        _check_conference_detail(held_on, child_participation, advocate, invitees)
        if assessment_rating not in QualityRating.values:
            raise ValidationError(
                {"assessment_rating": _("Choose your rating of the assessment's quality")}
            )
        if not rationale.strip():
            raise ValidationError({"rationale": _("Enter the reasons for the decision")})
    plan = None
    if is_plan_needed:
        plan = _make_plan(
            child,
            episode.pk,
            held_on,
            category,
            contingency,
            [outcome],
            action,
            action_owner,
            action_due_on,
            is_imported,
            actor,
        )
    conference = Conference.objects.create(
        child=child,
        episode=episode,
        enquiry=enquiry,
        plan=plan,
        kind=ConferenceKind.INITIAL,
        held_on=held_on,
        is_plan_needed=is_plan_needed,
        category=category,
        chair=staff_member(chair),
        child_participation=child_participation,
        advocate=advocate.strip() if child_participation == ChildParticipation.ADVOCATE else "",
        assessment_rating=assessment_rating,
        assessment_comment=assessment_comment.strip(),
        rationale=rationale.strip(),
    )
    _record_invitees(conference, invitees)
    summary = (
        _("Initial child protection conference: plan made (%(category)s)")
        % {"category": plan.get_initial_category_display().lower()}
        if plan
        else _("Initial child protection conference: no plan needed")
    )
    add_entry(
        child_id=child.pk,
        occurred_on=held_on,
        kind=EntryKind.CONFERENCE,
        summary=summary,
        detail=rationale.strip(),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return conference


def _current_protection_plan(child: Child, on: dt.date, field: str) -> Plan:
    plan = open_plan(child, PlanKind.CHILD_PROTECTION)
    if plan is None:
        raise ValidationError(
            {field: _("%(child)s is not on a child protection plan") % {"child": child}}
        )
    if on < plan.start_on:
        raise ValidationError(
            {
                field: _("This is before the plan started on %(date)s")
                % {"date": long_date(plan.start_on)}
            }
        )
    return plan


@transaction.atomic
def hold_core_group(
    *,
    child: Child,
    held_on: dt.date,
    attendees: Sequence[Attendee] = (),
    progress: Sequence[Rating] = (),
    minutes: str = "",
    minutes_due_on: dt.date | None = None,
    is_imported: bool = False,
    actor: Actor | None = None,
) -> CoreGroupMeeting:
    """Record a core group meeting of the child protection plan: who came, red, amber or
    green progress on each action of the plan, and the minutes with the date they are due
    (docs/domain.md finding 37). Imported history has the date only."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the core group"))
    plan = _current_protection_plan(child, held_on, "held_on")
    actions = {a.pk: a for a in plan.actions.all()}
    if not is_imported:
        if not attendees:
            raise ValidationError({"attendees": _("Add who was at the core group")})
        rated = {r.target for r in progress}
        if missing := [a for pk, a in actions.items() if pk not in rated]:
            raise ValidationError(
                {"progress": _("Rate progress on %(action)s") % {"action": missing[0].description}}
            )
        if minutes_due_on is None and not minutes.strip():
            raise ValidationError(
                {"minutes_due_on": _("Enter the minutes, or the date they are due by")}
            )
    for attendee in attendees:
        check_agency(attendee.agency, "attendees")
        check_attendance(attendee.attendance, "attendees")
    for rating in progress:
        check_rating(rating.rating, "progress")
        if rating.target not in actions:
            raise ValidationError({"progress": _("Rate the actions of this plan")})
    meeting = CoreGroupMeeting.objects.create(
        child=child,
        plan=plan,
        held_on=held_on,
        minutes=minutes.strip(),
        minutes_due_on=minutes_due_on,
    )
    CoreGroupAttendee.objects.bulk_create(
        CoreGroupAttendee(meeting=meeting, name=a.name, agency=a.agency, attendance=a.attendance)
        for a in attendees
    )
    ActionProgress.objects.bulk_create(
        ActionProgress(meeting=meeting, action_id=r.target, rating=r.rating, note=r.evidence)
        for r in progress
    )
    add_entry(
        child_id=child.pk,
        occurred_on=held_on,
        kind=EntryKind.CORE_GROUP,
        summary=_("Core group meeting"),
        detail=minutes.strip(),
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return meeting


@transaction.atomic
def review_core_group_minutes(
    *,
    child: Child,
    meeting: CoreGroupMeeting,
    minutes: str,
    review_comment: str,
    actor: Actor | None = None,
) -> CoreGroupMeeting:
    """The chair reads the minutes of a core group and says whether they record progress
    and consequences (docs/domain.md finding 37)."""
    child = lock_child(child)
    if meeting.child_id != child.pk:
        raise ValidationError({"meeting": _("Choose a core group of this child")})
    if meeting.reviewed_on is not None:
        raise ValidationError({"meeting": _("These minutes have been reviewed")})
    if not (minutes.strip() or meeting.minutes):
        raise ValidationError({"minutes": _("Enter the minutes")})
    if not review_comment.strip():
        raise ValidationError({"review_comment": _("Enter your comment on the minutes")})
    if minutes.strip():
        meeting.minutes = minutes.strip()
    meeting.review_comment = review_comment.strip()
    meeting.reviewed_on = timezone.localdate()
    meeting.reviewed_by = staff_member(actor)
    meeting.save()
    add_entry(
        child_id=child.pk,
        occurred_on=meeting.reviewed_on,
        kind=EntryKind.CORE_GROUP,
        summary=_("Minutes of the core group on %(date)s reviewed")
        % {"date": long_date(meeting.held_on)},
        detail=meeting.review_comment,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return meeting


@transaction.atomic
def hold_review_conference(
    *,
    child: Child,
    held_on: dt.date,
    continue_plan: bool,
    category: str = "",
    chair: Actor | None = None,
    child_participation: str = "",
    advocate: str = "",
    rationale: str = "",
    invitees: Sequence[Invitee] = (),
    progress: Sequence[Rating] = (),
    is_imported: bool = False,
    actor: Actor | None = None,
) -> Conference:
    """Record a review conference: who was invited and came, the child's participation,
    progress on each outcome of the plan with its evidence (docs/domain.md finding 33), and
    whether the plan continues (perhaps under a new category) or ends that day."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the review conference"))
    _check_weekday(held_on, "held_on")
    _check_category(category, required=False)
    plan = _current_protection_plan(child, held_on, "held_on")
    if held_on == plan.start_on:
        raise ValidationError({"held_on": _("A review cannot be held on the day the plan started")})
    outcomes = {o.pk: o for o in plan.outcomes.all()}
    if not is_imported:
        _check_conference_detail(held_on, child_participation, advocate, invitees)
        rated = {r.target for r in progress}
        if missing := [o for pk, o in outcomes.items() if pk not in rated]:
            raise ValidationError(
                {
                    "progress": _("Rate progress on %(outcome)s")
                    % {"outcome": missing[0].description}
                }
            )
        if not rationale.strip():
            raise ValidationError({"rationale": _("Enter the reasons for the decision")})
    for rating in progress:
        check_rating(rating.rating, "progress")
        if rating.target not in outcomes:
            raise ValidationError({"progress": _("Rate the outcomes of this plan")})
        if not is_imported and not rating.evidence.strip():
            raise ValidationError(
                {
                    "progress": _("Enter the evidence for %(outcome)s")
                    % {"outcome": outcomes[rating.target].description}
                }
            )
    if category and category != plan.latest_category:
        plan.latest_category = category
        plan.save(update_fields=["latest_category"])
    conference = Conference.objects.create(
        child=child,
        episode=plan.episode,
        plan=plan,
        kind=ConferenceKind.REVIEW,
        held_on=held_on,
        is_plan_needed=continue_plan,
        category=category,
        chair=staff_member(chair),
        child_participation=child_participation,
        advocate=advocate.strip() if child_participation == ChildParticipation.ADVOCATE else "",
        rationale=rationale.strip(),
    )
    _record_invitees(conference, invitees)
    OutcomeProgress.objects.bulk_create(
        OutcomeProgress(
            conference=conference, outcome_id=r.target, rating=r.rating, evidence=r.evidence
        )
        for r in progress
    )
    if not continue_plan:
        end_plan_record(plan, held_on, actor=actor)
    add_entry(
        child_id=child.pk,
        occurred_on=held_on,
        kind=EntryKind.CONFERENCE,
        summary=_("Review child protection conference: plan continues")
        if continue_plan
        else _("Review child protection conference: plan ended"),
        detail=rationale.strip(),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return conference


@transaction.atomic
def end_child_protection_plan(*, child: Child, end_on: dt.date, actor: Actor | None = None) -> Plan:
    """End the child protection plan other than at a review (for example, the child moved)."""
    child = lock_child(child)
    check_not_future(end_on, "end_on", _("end date of the plan"))
    plan = _current_protection_plan(child, end_on, "end_on")
    end_plan_record(plan, end_on, actor=actor)
    publish_casework_changed(child.pk)
    return plan
