"""Strategy discussions and section 47 enquiries (Working Together 2023, chapter 4;
docs/child-protection-meetings.md)."""

import datetime as dt
from collections.abc import Sequence

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from kinfolk.casework.models import Visit
from kinfolk.casework.services import check_not_future, episode_for_work, lock_child
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.working_days import LONDON, working_days_between
from kinfolk.people.models import Child
from kinfolk.protection.choices import StrategyOutcome
from kinfolk.protection.models import (
    AgencyCheck,
    Section47Enquiry,
    StrategyAction,
    StrategyAttendee,
    StrategyDiscussion,
)
from kinfolk.protection.services.rows import AgreedAction, Attendee, Check, check_agency


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


def strategy_delay(triggered_at: dt.datetime, held_at: dt.datetime) -> int:
    """Working days from the trigger to the discussion beyond the local standard
    (``KINFOLK_STRATEGY_WORKING_DAYS``); 0 when it was on time."""
    taken = working_days_between(
        triggered_at.astimezone(LONDON).date(), held_at.astimezone(LONDON).date()
    )
    return max(0, taken - settings.KINFOLK_STRATEGY_WORKING_DAYS)


def _check_strategy_detail(
    triggered_at: dt.datetime | None,
    held_at: dt.datetime | None,
    delay_reason: str,
    rationale: str,
    attendees: Sequence[Attendee],
    actions: Sequence[AgreedAction],
) -> None:
    if triggered_at is None:
        raise ValidationError(
            {"triggered_at": _("Enter when the concern triggered the discussion")}
        )
    if held_at is None:
        raise ValidationError({"held_at": _("Enter when the strategy discussion was held")})
    if held_at < triggered_at:
        raise ValidationError({"held_at": _("The discussion must be after its trigger")})
    if held_at > timezone.now():
        raise ValidationError({"held_at": _("The discussion cannot be in the future")})
    if strategy_delay(triggered_at, held_at) and not delay_reason.strip():
        raise ValidationError(
            {
                "delay_reason": ngettext(
                    "The discussion was held more than %(days)s working day after its "
                    "trigger: enter the reason for the delay",
                    "The discussion was held more than %(days)s working days after its "
                    "trigger: enter the reason for the delay",
                    settings.KINFOLK_STRATEGY_WORKING_DAYS,
                )
                % {"days": settings.KINFOLK_STRATEGY_WORKING_DAYS}
            }
        )
    if not rationale.strip():
        raise ValidationError({"rationale": _("Enter the rationale for the decision")})
    if not attendees:
        raise ValidationError({"attendees": _("Add who took part, with their agency")})
    for attendee in attendees:
        check_agency(attendee.agency, "attendees")
    for action in actions:
        check_agency(action.agency, "actions")


@transaction.atomic
def hold_strategy_discussion(
    *,
    child: Child,
    held_on: dt.date | None = None,
    outcome: str,
    attendees: Sequence[str] = (),
    rationale: str = "",
    prior_action_reason: str = "",
    triggered_at: dt.datetime | None = None,
    held_at: dt.datetime | None = None,
    delay_reason: str = "",
    information_shared: str = "",
    people: Sequence[Attendee] = (),
    actions: Sequence[AgreedAction] = (),
    is_imported: bool = False,
    actor: Actor | None = None,
) -> StrategyDiscussion:
    """Record a strategy discussion: when its trigger came and when it was held (a reason
    when later than the local standard), who took part, what they shared and decided and why,
    and the actions each agency owns. When a visit came before it, a manager's reason is
    required. Imported history has only the date and the decision."""
    child = lock_child(child)
    if held_on is None and held_at is not None:
        held_on = held_at.astimezone(LONDON).date()
    if held_on is None:
        raise ValidationError({"held_at": _("Enter when the strategy discussion was held")})
    check_not_future(held_on, "held_on", _("date of the strategy discussion"))
    if outcome not in StrategyOutcome.values:
        raise ValidationError({"outcome": _("Choose the decision")})
    if not is_imported:
        _check_strategy_detail(triggered_at, held_at, delay_reason, rationale, people, actions)
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
    agencies = list(attendees) or list(dict.fromkeys(person.agency for person in people))
    discussion = StrategyDiscussion.objects.create(
        child=child,
        episode=episode,
        held_on=held_on,
        outcome=outcome,
        attendees=agencies,
        rationale=rationale.strip(),
        prior_action_reason=prior_action_reason.strip(),
        triggered_at=triggered_at,
        held_at=held_at,
        delay_reason=delay_reason.strip(),
        information_shared=information_shared.strip(),
        is_imported=is_imported,
    )
    StrategyAttendee.objects.bulk_create(
        StrategyAttendee(discussion=discussion, name=p.name, agency=p.agency, role=p.role)
        for p in people
    )
    StrategyAction.objects.bulk_create(
        StrategyAction(
            discussion=discussion,
            description=a.description,
            owner=a.owner,
            agency=a.agency,
            due_on=a.due_on,
        )
        for a in actions
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
def complete_strategy_action(
    *, child: Child, action: StrategyAction, done_on: dt.date, actor: Actor | None = None
) -> StrategyAction:
    """Mark an action of a strategy discussion done (docs/domain.md finding 78)."""
    child = lock_child(child)
    if action.discussion.child_id != child.pk:
        raise ValidationError({"action": _("Choose an action of this child's discussions")})
    check_not_future(done_on, "done_on", _("date the action was done"))
    if done_on < action.discussion.held_on:
        raise ValidationError(
            {
                "done_on": _("This is before the discussion on %(date)s")
                % {"date": long_date(action.discussion.held_on)}
            }
        )
    if action.done_on is not None:
        raise ValidationError({"action": _("This action is already done")})
    action.done_on = done_on
    action.save(update_fields=["done_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=done_on,
        kind=EntryKind.STRATEGY,
        summary=_("Strategy discussion action done: %(action)s, by %(owner)s")
        % {"action": action.description, "owner": action.owner},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return action


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


def open_enquiry(child: Child, field: str, on: dt.date, what: str) -> Section47Enquiry:
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


def _check_enquiry_detail(
    ended_on: dt.date,
    is_child_seen: bool | None,
    is_seen_alone: bool | None,
    is_medical: bool | None,
    medical_on: dt.date | None,
    outcome: str,
    sign_off_rationale: str,
    checks: Sequence[Check],
) -> None:
    if is_child_seen is None:
        raise ValidationError({"is_child_seen": _("Select whether the child was seen")})
    if is_child_seen and is_seen_alone is None:
        raise ValidationError({"is_seen_alone": _("Select whether the child was seen alone")})
    if is_medical is None:
        raise ValidationError({"is_medical": _("Select whether there was a medical")})
    if is_medical and medical_on is None:
        raise ValidationError({"medical_on": _("Enter the date of the medical")})
    if not outcome.strip():
        raise ValidationError({"outcome": _("Enter the outcome of the enquiry")})
    if not sign_off_rationale.strip():
        raise ValidationError(
            {"sign_off_rationale": _("Enter the manager's rationale for the outcome")}
        )
    for check in checks:
        check_agency(check.agency, "checks")
        if check.checked_on > ended_on:
            raise ValidationError({"checks": _("An agency check is after the enquiry ended")})


@transaction.atomic
def end_section_47_enquiry(
    *,
    child: Child,
    ended_on: dt.date,
    is_conference_required: bool,
    outcome: str = "",
    is_child_seen: bool | None = None,
    is_seen_alone: bool | None = None,
    is_medical: bool | None = None,
    medical_on: dt.date | None = None,
    medical_findings: str = "",
    sign_off_rationale: str = "",
    checks: Sequence[Check] = (),
    is_imported: bool = False,
    actor: Actor | None = None,
) -> Section47Enquiry:
    """Conclude the open enquiry: whether the child was seen, and seen alone, the agency
    checks and the medical, the outcome (an initial conference needed, or not) and the
    manager's sign-off, who is the person recording it. Imported history has the date and
    the conference decision only."""
    child = lock_child(child)
    check_not_future(ended_on, "ended_on", _("end date of the enquiry"))
    enquiry = open_enquiry(child, "ended_on", ended_on, _("The enquiry's outcome"))
    if not is_imported:
        _check_enquiry_detail(
            ended_on,
            is_child_seen,
            is_seen_alone,
            is_medical,
            medical_on,
            outcome,
            sign_off_rationale,
            checks,
        )
    enquiry.ended_on = ended_on
    enquiry.is_conference_required = is_conference_required
    enquiry.outcome = outcome.strip()
    enquiry.is_child_seen = is_child_seen
    enquiry.is_seen_alone = is_seen_alone if is_child_seen else None
    enquiry.is_medical = is_medical
    enquiry.medical_on = medical_on if is_medical else None
    enquiry.medical_findings = medical_findings.strip() if is_medical else ""
    enquiry.sign_off_rationale = sign_off_rationale.strip()
    if not is_imported:
        enquiry.signed_off_by = staff_member(actor)
        enquiry.signed_off_on = timezone.localdate()
    enquiry.save()
    AgencyCheck.objects.bulk_create(
        AgencyCheck(enquiry=enquiry, agency=c.agency, checked_on=c.checked_on, result=c.result)
        for c in checks
    )
    add_entry(
        child_id=child.pk,
        occurred_on=ended_on,
        kind=EntryKind.ENQUIRY,
        summary=_("Section 47 enquiry concluded: initial conference needed")
        if is_conference_required
        else _("Section 47 enquiry concluded: no conference needed"),
        detail=outcome.strip(),
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return enquiry
