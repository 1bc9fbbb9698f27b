"""Recording care planning for a looked-after child: care plans, looked-after reviews and their
decisions, IRO challenges, statutory visits, family time and life-story work.

A care plan, a review, a family-time arrangement and a statutory visit need the child to be
looked after on their date (a period of care covering it), and nothing is dated in the future.
Records loaded from a journey pass ``is_imported=True``: they are never refused for detail only
the pages ask for (the child's views, the IRO's contact before a review), and say that they
were imported.

Every function runs in one transaction, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field and changes nothing.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kinfolk.care.models import PeriodOfCare
from kinfolk.care.models.reviews import (
    FAMILY_TIME_RISK_REVIEW_MONTHS,
    CarePlan,
    CarePlanObjective,
    ChallengeIssue,
    ChallengeStage,
    FamilyRelationship,
    FamilyTime,
    IROChallenge,
    LifeStoryDecision,
    LifeStoryStatus,
    LifeStoryWork,
    LookedAfterReview,
    PermanencePlan,
    ReviewDecision,
    TakingPart,
    ViewsMethod,
    minutes_due_on,
)
from kinfolk.casework.choices import VisitKind
from kinfolk.casework.models import Assessment, Visit
from kinfolk.casework.services import check_not_future, lock_child, long_date, record_visit
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import staff_member
from kinfolk.core.codes import ReviewParticipation
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.working_days import add_months
from kinfolk.people.models import Child

#: The child is under 4 at the review (SSDA903 rules 440, 441).
UNDER_FOUR = ReviewParticipation.PN0


@dataclass(frozen=True)
class Objective:
    """An objective for the child in a care plan: what, who and by when."""

    description: str
    owner: str
    due_on: dt.date | None
    is_identity: bool = False


@dataclass(frozen=True)
class Decision:
    """A decision of a review, to be tracked as an action."""

    description: str
    owner: str
    due_on: dt.date | None


def period_on(child: Child, day: dt.date, field: str) -> PeriodOfCare:
    """The period of care covering ``day``: the child must have been looked after then."""
    period = (
        PeriodOfCare.objects.filter(child=child, start_on__lte=day)
        .exclude(end_on__lt=day)
        .order_by("-start_on")
        .first()
    )
    if period is None:
        raise ValidationError(
            {
                field: _("%(child)s was not looked after on %(date)s")
                % {"child": child, "date": long_date(day)}
            }
        )
    return period


def _required(value: str, field: str, message: str) -> str:
    value = value.strip()
    if not value:
        raise ValidationError({field: message})
    return value


def _check_views(
    *, child_views: str, child_views_on: dt.date | None, child_views_method: str
) -> None:
    """The child's views, with the date and the way they were gathered (finding 53)."""
    _required(child_views, "child_views", _("Enter the child's views"))
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
    actor: AbstractBaseUser | None = None,
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
        _required(needs, "needs", _("Enter the child's needs from the assessment"))
        _check_objectives(objectives, identity_needs=identity_needs)
        if not permanence_plan:
            raise ValidationError({"permanence_plan": _("Choose the permanence plan")})
        _required(identity_needs, "identity_needs", _("Enter the child's identity needs"))
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


@transaction.atomic
def record_review(
    *,
    child: Child,
    held_on: dt.date,
    participation: str,
    iro: AbstractBaseUser | None = None,
    iro_contact_on: dt.date | None = None,
    preferred_time: str = "",
    venue: str = "",
    is_venue_chosen_by_child: bool | None = None,
    taking_part: str = "",
    child_views: str = "",
    is_permanence_considered: bool | None = None,
    permanence_discussion: str = "",
    decisions: Sequence[Decision] = (),
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> LookedAfterReview:
    """Record a looked-after review and its decisions (Care Planning Regulations 2010,
    regs. 32-38; SSDA903 Reviews).

    At most one review per child per day. The participation code must match the child's age:
    PN0 only for a child under 4, and always for them (SSDA903 rules 440, 441). On a page, the
    IRO's contact with the child before the review (finding 48), how the child chose to take
    part and whether permanence options were considered (findings 19, 49) are required.
    """
    child = lock_child(child)
    check_not_future(held_on, "held_on", _("date of the review"))
    period = period_on(child, held_on, "held_on")
    if participation not in ReviewParticipation.values:
        raise ValidationError({"participation": _("Choose how the child took part in the review")})
    age = child.age_on(held_on)
    if age is not None and age < 4 and participation != UNDER_FOUR:
        raise ValidationError(
            {
                "participation": _(
                    "%(child)s was under 4 at the review: choose PN0 (child under 4)"
                )
                % {"child": child}
            }
        )
    if participation == UNDER_FOUR and (age is None or age >= 4):
        raise ValidationError(
            {
                "participation": _("%(child)s was %(age)s at the review: PN0 is for under 4s")
                % {"child": child, "age": age}
            }
        )
    existing = LookedAfterReview.objects.filter(child=child, held_on=held_on).exists()
    if existing:
        raise ValidationError(
            {
                "held_on": _("A review of %(child)s on %(date)s is already recorded")
                % {"child": child, "date": long_date(held_on)}
            }
        )
    if iro_contact_on is not None:
        check_not_future(iro_contact_on, "iro_contact_on", _("date of the IRO's contact"))
        if iro_contact_on > held_on:
            raise ValidationError(
                {"iro_contact_on": _("The reviewing officer's contact must be before the review")}
            )
    if taking_part and taking_part not in TakingPart.values:
        raise ValidationError({"taking_part": _("Choose how the child wanted to take part")})
    if not is_imported:
        if iro_contact_on is None:
            raise ValidationError(
                {
                    "iro_contact_on": _(
                        "Enter the date the reviewing officer saw or spoke to the child before "
                        "the review"
                    )
                }
            )
        if not taking_part:
            raise ValidationError({"taking_part": _("Choose how the child wanted to take part")})
        if is_permanence_considered is None:
            raise ValidationError(
                {
                    "is_permanence_considered": _(
                        "Select whether the review considered the permanence options"
                    )
                }
            )
    for number, decision in enumerate(decisions, start=1):
        if not decision.description.strip():
            continue
        if not decision.owner.strip():
            raise ValidationError(
                {
                    f"decision_{number}_owner": _("Enter who will carry out decision %(n)s")
                    % {"n": number}
                }
            )
        if decision.due_on is None:
            raise ValidationError(
                {
                    f"decision_{number}_due_on": _("Enter the date decision %(n)s is due by")
                    % {"n": number}
                }
            )
        if decision.due_on < held_on:
            raise ValidationError(
                {
                    f"decision_{number}_due_on": _("Decision %(n)s cannot be due before the review")
                    % {"n": number}
                }
            )
    review = LookedAfterReview.objects.create(
        child=child,
        period=period,
        held_on=held_on,
        participation=participation,
        iro=iro,
        iro_contact_on=iro_contact_on,
        preferred_time=preferred_time.strip(),
        venue=venue.strip(),
        is_venue_chosen_by_child=is_venue_chosen_by_child,
        taking_part=taking_part,
        child_views=child_views.strip(),
        is_permanence_considered=is_permanence_considered,
        permanence_discussion=permanence_discussion.strip(),
        minutes_due_on=minutes_due_on(held_on),
        is_imported=is_imported,
        recorded_by=staff_member(actor),
    )
    ReviewDecision.objects.bulk_create(
        ReviewDecision(
            review=review,
            description=d.description.strip(),
            owner=d.owner.strip(),
            due_on=d.due_on,
        )
        for d in decisions
        if d.description.strip()
    )
    add_entry(
        child_id=child.pk,
        occurred_on=held_on,
        kind=EntryKind.LOOKED_AFTER_REVIEW,
        summary=_("Looked-after review: %(participation)s")
        % {"participation": review.get_participation_display()},
        detail=review.child_views,
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return review


@transaction.atomic
def record_review_minutes(
    *,
    review: LookedAfterReview,
    completed_on: dt.date,
    actor: AbstractBaseUser | None = None,
) -> LookedAfterReview:
    """The minutes of a review are completed and sent out (finding 74)."""
    child = lock_child(review.child)
    review = LookedAfterReview.objects.get(pk=review.pk)
    check_not_future(completed_on, "completed_on", _("date the minutes were completed"))
    if review.minutes_completed_on is not None:
        raise ValidationError(
            {
                "completed_on": _("The minutes were already completed on %(date)s")
                % {"date": long_date(review.minutes_completed_on)}
            }
        )
    if completed_on < review.held_on:
        raise ValidationError(
            {"completed_on": _("The minutes cannot be completed before the review")}
        )
    review.minutes_completed_on = completed_on
    review.save(update_fields=["minutes_completed_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=completed_on,
        kind=EntryKind.LOOKED_AFTER_REVIEW,
        summary=_("Minutes of the looked-after review of %(date)s completed")
        % {"date": long_date(review.held_on)},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return review


@transaction.atomic
def complete_review_decision(
    *,
    decision: ReviewDecision,
    completed_on: dt.date,
    actor: AbstractBaseUser | None = None,
) -> ReviewDecision:
    """A decision of a review has been carried out."""
    child = lock_child(decision.review.child)
    decision = ReviewDecision.objects.select_related("review").get(pk=decision.pk)
    check_not_future(completed_on, "completed_on", _("date the decision was carried out"))
    if decision.completed_on is not None:
        raise ValidationError(
            {
                "completed_on": _("This decision was already carried out on %(date)s")
                % {"date": long_date(decision.completed_on)}
            }
        )
    if completed_on < decision.review.held_on:
        raise ValidationError(
            {"completed_on": _("A decision cannot be carried out before the review made it")}
        )
    decision.completed_on = completed_on
    decision.save(update_fields=["completed_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=completed_on,
        kind=EntryKind.LOOKED_AFTER_REVIEW,
        summary=_("Review decision carried out: %(decision)s") % {"decision": decision},
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return decision


@transaction.atomic
def raise_iro_challenge(
    *,
    child: Child,
    raised_on: dt.date,
    issue: str,
    detail: str,
    stage: str,
    response_due_on: dt.date | None,
    raised_by: AbstractBaseUser | None = None,
    actor: AbstractBaseUser | None = None,
) -> IROChallenge:
    """The independent reviewing officer challenges the child's plan, or the work on it
    (IRO Handbook 2010, ch. 5; finding 18)."""
    child = lock_child(child)
    check_not_future(raised_on, "raised_on", _("date the challenge was raised"))
    period = period_on(child, raised_on, "raised_on")
    if issue not in ChallengeIssue.values:
        raise ValidationError({"issue": _("Choose what the challenge is about")})
    detail = _required(detail, "detail", _("Enter what the challenge is about"))
    if stage not in ChallengeStage.values:
        raise ValidationError({"stage": _("Choose the stage of the challenge")})
    if response_due_on is None:
        raise ValidationError({"response_due_on": _("Enter the date a response is due by")})
    if response_due_on < raised_on:
        raise ValidationError(
            {"response_due_on": _("A response cannot be due before the challenge was raised")}
        )
    challenge = IROChallenge.objects.create(
        child=child,
        period=period,
        raised_on=raised_on,
        raised_by=staff_member(raised_by),
        issue=issue,
        detail=detail,
        stage=stage,
        response_due_on=response_due_on,
        recorded_by=staff_member(actor),
    )
    add_entry(
        child_id=child.pk,
        occurred_on=raised_on,
        kind=EntryKind.LOOKED_AFTER_REVIEW,
        summary=_("IRO challenge: %(issue)s") % {"issue": challenge.get_issue_display()},
        detail=detail,
        is_significant=True,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return challenge


@transaction.atomic
def resolve_iro_challenge(
    *,
    challenge: IROChallenge,
    resolved_on: dt.date,
    outcome: str,
    actor: AbstractBaseUser | None = None,
) -> IROChallenge:
    """An IRO challenge is resolved: what changed for the child as a result."""
    child = lock_child(challenge.child)
    challenge = IROChallenge.objects.get(pk=challenge.pk)
    check_not_future(resolved_on, "resolved_on", _("date the challenge was resolved"))
    if challenge.resolved_on is not None:
        raise ValidationError(
            {
                "resolved_on": _("This challenge was already resolved on %(date)s")
                % {"date": long_date(challenge.resolved_on)}
            }
        )
    if resolved_on < challenge.raised_on:
        raise ValidationError(
            {"resolved_on": _("A challenge cannot be resolved before it was raised")}
        )
    challenge.outcome = _required(outcome, "outcome", _("Enter the outcome of the challenge"))
    challenge.resolved_on = resolved_on
    challenge.save(update_fields=["outcome", "resolved_on"])
    add_entry(
        child_id=child.pk,
        occurred_on=resolved_on,
        kind=EntryKind.LOOKED_AFTER_REVIEW,
        summary=_("IRO challenge resolved: %(issue)s") % {"issue": challenge.get_issue_display()},
        detail=challenge.outcome,
        recorded_by=actor,
    )
    publish_casework_changed(child.pk)
    return challenge


@transaction.atomic
def record_care_visit(
    *,
    child: Child,
    visited_on: dt.date,
    is_child_seen: bool,
    is_seen_alone: bool | None = None,
    purpose: str = "",
    child_views: str = "",
    is_imported: bool = False,
    actor: AbstractBaseUser | None = None,
) -> Visit:
    """A statutory visit to a child in care (Care Planning Regulations 2010, reg. 28): the
    child must have been looked after on the day, then it is recorded as a ``cla`` visit."""
    child = lock_child(child)
    check_not_future(visited_on, "visited_on", _("date of the visit"))
    period_on(child, visited_on, "visited_on")
    return record_visit(
        child=child,
        visited_on=visited_on,
        kind=VisitKind.CHILD_IN_CARE,
        is_child_seen=is_child_seen,
        is_seen_alone=is_seen_alone,
        purpose=purpose,
        child_views=child_views,
        is_imported=is_imported,
        actor=actor,
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
    actor: AbstractBaseUser | None = None,
) -> FamilyTime:
    """Record an arrangement for family time (docs/domain.md stage 25): who with, how often,
    supervised or not, the risk assessment and its review date (finding 60), and what the
    child thinks of it."""
    child = lock_child(child)
    check_not_future(agreed_on, "agreed_on", _("date the arrangement was agreed"))
    period = period_on(child, agreed_on, "agreed_on")
    with_whom = _required(with_whom, "with_whom", _("Enter who the family time is with"))
    if relationship not in FamilyRelationship.values:
        raise ValidationError({"relationship": _("Choose their relationship to the child")})
    frequency = _required(frequency, "frequency", _("Enter how often the family time happens"))
    if is_supervised is None:
        raise ValidationError({"is_supervised": _("Select whether the family time is supervised")})
    risk_review_on = _risk_review_on(is_supervised, risk_assessed_on, risk_review_on)
    if not is_imported:
        _required(child_views, "child_views", _("Enter the child's views"))
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
    actor: AbstractBaseUser | None = None,
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
    if not PeriodOfCare.objects.filter(child=child).exists():
        raise ValidationError(
            {field: _("%(child)s has never been looked after") % {"child": child}}
        )


@transaction.atomic
def update_life_story_work(
    *,
    child: Child,
    updated_on: dt.date,
    status: str,
    worker: AbstractBaseUser | None = None,
    later_life_letter_on: dt.date | None = None,
    actor: AbstractBaseUser | None = None,
) -> LifeStoryWork:
    """Record where the child's life-story work has got to, who is doing it, and the date of
    the later-life letter (docs/domain.md stage 24, finding 21). Life-story work marked complete
    needs its later-life letter."""
    child = lock_child(child)
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
    work, _created = LifeStoryWork.objects.update_or_create(
        child=child,
        defaults={
            "status": status,
            "worker": worker,
            "later_life_letter_on": later_life_letter_on,
            "updated_on": updated_on,
            "recorded_by": staff_member(actor),
        },
    )
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
    actor: AbstractBaseUser | None = None,
) -> LifeStoryDecision:
    """Add a decision about the child's life to the log they can read later, with the reason
    written for them (finding 21)."""
    child = lock_child(child)
    check_not_future(decided_on, "decided_on", _("date of the decision"))
    _check_ever_looked_after(child, "decided_on")
    decision = _required(decision, "decision", _("Enter the decision"))
    reason_for_child = _required(
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
