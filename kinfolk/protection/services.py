"""Recording child protection work: strategy discussions, section 47 enquiries, conferences,
child protection plans and core groups (Working Together 2023, chapter 4)."""

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.casework.choices import PlanKind
from kinfolk.casework.models import Plan, Visit
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
from kinfolk.protection.choices import ConferenceKind, StrategyOutcome
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)


def actions_before_strategy(child: Child, held_on: dt.date) -> list[Visit]:
    """Visits in the open episode on or before a strategy discussion and after the previous
    one: action taken before the agencies met (docs/domain.md finding 5)."""
    episode = child.cin_episodes.filter(closed_on__isnull=True).first()
    if episode is None:
        return []
    previous = (
        StrategyDiscussion.objects.filter(child=child, held_on__lt=held_on)
        .order_by("-held_on")
        .values_list("held_on", flat=True)
        .first()
    )
    visits = Visit.objects.filter(child=child, episode=episode, visited_on__lte=held_on)
    if previous:
        visits = visits.filter(visited_on__gt=previous)
    return list(visits)


@transaction.atomic
def hold_strategy_discussion(
    *,
    child: Child,
    held_on: dt.date,
    outcome: str,
    attendees: Sequence[str] = (),
    rationale: str = "",
    prior_action_reason: str = "",
    is_imported: bool = False,
    actor: Actor | None = None,
) -> StrategyDiscussion:
    """Record a strategy discussion. When a visit came before it, a manager's reason is
    required (a journey records it as imported instead)."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the strategy discussion"))
    if outcome not in StrategyOutcome.values:
        raise ValidationError({"outcome": _("Choose the decision")})
    if not is_imported and not rationale.strip():
        raise ValidationError({"rationale": _("Enter the rationale for the decision")})
    if (
        not is_imported
        and actions_before_strategy(child, held_on)
        and not (prior_action_reason.strip())
    ):
        raise ValidationError(
            {
                "prior_action_reason": _(
                    "The child was visited before this strategy discussion: a manager must record why"
                )
            }
        )
    episode = child.cin_episodes.filter(closed_on__isnull=True, referral_on__lte=held_on).first()
    discussion = StrategyDiscussion.objects.create(
        child=child,
        episode=episode,
        held_on=held_on,
        outcome=outcome,
        attendees=list(attendees),
        rationale=rationale.strip(),
        prior_action_reason=prior_action_reason.strip(),
        is_imported=is_imported,
    )
    add_entry(
        child_id=child.pk,
        occurred_on=held_on,
        kind=EntryKind.STRATEGY,
        summary=_("Strategy discussion: %(decision)s")
        % {"decision": discussion.get_outcome_display().lower()},
        detail=rationale.strip(),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return discussion


@transaction.atomic
def start_section_47_enquiry(
    *, child: Child, started_on: dt.date, actor: Actor | None = None
) -> Section47Enquiry:
    """Start a section 47 enquiry in the child's open episode."""
    child = lock_child(child)
    episode = episode_for_work(child, started_on, "started_on", _("start date of the enquiry"))
    current = Section47Enquiry.objects.filter(child=child, ended_on__isnull=True).first()
    if current is not None:
        raise ValidationError(
            {
                "started_on": _("A section 47 enquiry is already open, from %(date)s")
                % {"date": long_date(current.started_on)}
            }
        )
    enquiry = Section47Enquiry.objects.create(child=child, episode=episode, started_on=started_on)
    add_entry(
        child_id=child.pk,
        occurred_on=started_on,
        kind=EntryKind.ENQUIRY,
        summary=_("Section 47 enquiry started"),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return enquiry


def _open_enquiry(child: Child, field: str, on: dt.date, what: str) -> Section47Enquiry:
    enquiry = Section47Enquiry.objects.filter(child=child, ended_on__isnull=True).first()
    if enquiry is None:
        raise ValidationError(
            {
                field: _("%(what)s on %(date)s, but no section 47 enquiry is open")
                % {"what": what, "date": long_date(on)}
            }
        )
    if on < enquiry.started_on:
        raise ValidationError(
            {
                field: _("This is before the enquiry started on %(date)s")
                % {"date": long_date(enquiry.started_on)}
            }
        )
    return enquiry


@transaction.atomic
def end_section_47_enquiry(
    *,
    child: Child,
    ended_on: dt.date,
    is_conference_required: bool,
    outcome: str = "",
    actor: Actor | None = None,
) -> Section47Enquiry:
    """Conclude the open enquiry: an initial conference is needed, or it is not."""
    child = lock_child(child)
    check_not_future(ended_on, "ended_on", _("end date of the enquiry"))
    enquiry = _open_enquiry(child, "ended_on", ended_on, _("The enquiry's outcome"))
    enquiry.ended_on = ended_on
    enquiry.is_conference_required = is_conference_required
    enquiry.outcome = outcome.strip()
    enquiry.save(update_fields=["ended_on", "is_conference_required", "outcome"])
    add_entry(
        child_id=child.pk,
        occurred_on=ended_on,
        kind=EntryKind.ENQUIRY,
        summary=_("Section 47 enquiry concluded: initial conference needed")
        if is_conference_required
        else _("Section 47 enquiry concluded: no conference needed"),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return enquiry


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


@transaction.atomic
def hold_initial_conference(
    *,
    child: Child,
    held_on: dt.date,
    is_plan_needed: bool,
    category: str = "",
    chair: Actor | None = None,
    actor: Actor | None = None,
) -> Conference:
    """Record an initial child protection conference. It answers the child's section 47
    enquiry (concluding it, if still open); a plan it makes starts on its date, and a child
    in need plan ends that day."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the conference"))
    _check_weekday(held_on, "held_on")
    _check_category(category, required=is_plan_needed)
    episode = episode_for_work(child, held_on, "held_on", _("date of the conference"))
    enquiry = Section47Enquiry.objects.filter(child=child, ended_on__isnull=True).first()
    if enquiry is None:
        enquiry = (
            Section47Enquiry.objects.filter(
                child=child, episode=episode, is_conference_required=True, conferences=None
            )
            .order_by("-started_on")
            .first()
        )
        if enquiry is None:
            raise ValidationError(
                {
                    "held_on": _(
                        "Initial conference on %(date)s, but no section 47 enquiry is open"
                    )
                    % {"date": long_date(held_on)}
                }
            )
        assert enquiry.ended_on is not None  # none is open, so this one has ended
        if held_on < enquiry.ended_on:
            raise ValidationError(
                {
                    "held_on": _(
                        "The conference must be on or after the enquiry ended, on %(date)s"
                    )
                    % {"date": long_date(enquiry.ended_on)}
                }
            )
    else:
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
        enquiry.save(update_fields=["ended_on", "is_conference_required"])
    plan = None
    if is_plan_needed:
        if open_plan(child, PlanKind.CHILD_PROTECTION) is not None:
            raise ValidationError(
                {
                    "is_plan_needed": _("%(child)s is already on a child protection plan")
                    % {"child": child}
                }
            )
        cin_plan = open_plan(child, PlanKind.CHILD_IN_NEED)
        if cin_plan is not None:
            end_plan_record(cin_plan, held_on, actor=actor)
        earlier = Plan.objects.filter(child=child, kind=PlanKind.CHILD_PROTECTION)
        plan = Plan.objects.create(
            child=child,
            episode=episode,
            kind=PlanKind.CHILD_PROTECTION,
            start_on=held_on,
            initial_category=category,
            latest_category=category,
            previous_plans=earlier.count(),
            is_repeat_within_two_years=earlier.filter(
                end_on__gte=add_months(held_on, -24)
            ).exists(),
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
    )
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
    *, child: Child, held_on: dt.date, actor: Actor | None = None
) -> CoreGroupMeeting:
    """Record a core group meeting of the child protection plan."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the core group"))
    plan = _current_protection_plan(child, held_on, "held_on")
    meeting = CoreGroupMeeting.objects.create(child=child, plan=plan, held_on=held_on)
    add_entry(
        child_id=child.pk,
        occurred_on=held_on,
        kind=EntryKind.CORE_GROUP,
        summary=_("Core group meeting"),
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
    actor: Actor | None = None,
) -> Conference:
    """Record a review conference: the plan continues (perhaps under a new category), or it
    ends on the day of the review."""
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the review conference"))
    _check_weekday(held_on, "held_on")
    _check_category(category, required=False)
    plan = _current_protection_plan(child, held_on, "held_on")
    if held_on == plan.start_on:
        raise ValidationError({"held_on": _("A review cannot be held on the day the plan started")})
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
