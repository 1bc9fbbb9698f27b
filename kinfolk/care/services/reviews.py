"""Recording looked-after reviews and their decisions, the independent reviewing officer's
challenges, and statutory visits to a child in care.

A review, an IRO challenge and a statutory visit need the child to be looked after on their
date (a period of care covering it), and nothing is dated in the future. Records loaded from a
journey pass ``is_imported=True``: they are never refused for detail only the pages ask for
(the IRO's contact before a review), and say that they were imported.

Every function runs in one transaction, writes the chronology and publishes
``casework_changed``; a refusal raises ``ValidationError`` keyed by field and changes nothing.
"""

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.models.reviews import (
    ChallengeIssue,
    ChallengeStage,
    IROChallenge,
    LookedAfterReview,
    ReviewDecision,
    TakingPart,
    minutes_due_on,
)
from kinfolk.care.services.episodes import period_on
from kinfolk.casework.choices import VisitKind
from kinfolk.casework.models import Visit
from kinfolk.casework.services import check_not_future, lock_child, record_visit
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.codes import ReviewParticipation
from kinfolk.core.dates import long_date
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.guards import Guard
from kinfolk.people.models import Child

#: The child is under 4 at the review (SSDA903 rules 440, 441).
UNDER_FOUR = ReviewParticipation.PN0


def reviews_awaiting_minutes(child: Child) -> QuerySet[LookedAfterReview]:
    """The child's reviews whose minutes are not done, latest first."""
    return LookedAfterReview.objects.filter(
        child=child, minutes_completed_on__isnull=True
    ).order_by("-held_on")


def reviews_awaiting_minutes_of(children: QuerySet[Child]) -> QuerySet[LookedAfterReview]:
    """The reviews of these children whose minutes are not done, soonest due first: the
    IRO's list of minutes to write, in one query however many children."""
    return (
        LookedAfterReview.objects.filter(child__in=children, minutes_completed_on__isnull=True)
        .select_related("child")
        .order_by("minutes_due_on", "pk")
    )


def open_iro_challenges_of(children: QuerySet[Child]) -> QuerySet[IROChallenge]:
    """The IRO challenges about these children not yet resolved, soonest response due first,
    in one query however many children."""
    return (
        IROChallenge.objects.filter(child__in=children, resolved_on__isnull=True)
        .select_related("child", "raised_by")
        .order_by("response_due_on", "pk")
    )


def open_review_decisions(child: Child) -> QuerySet[ReviewDecision]:
    """The decisions of the child's reviews not yet carried out, soonest due first."""
    return ReviewDecision.objects.filter(review__child=child, completed_on__isnull=True).order_by(
        "due_on", "pk"
    )


def open_iro_challenges(child: Child) -> QuerySet[IROChallenge]:
    """The IRO's challenges about the child not yet resolved, oldest first."""
    return IROChallenge.objects.filter(child=child, resolved_on__isnull=True).order_by(
        "raised_on", "pk"
    )


#: The minutes of a review are completed once.
MINUTES_AWAITED: Guard[Child] = Guard(
    name="minutes-awaited",
    message=gettext_lazy("No review is waiting for its minutes."),
    holds=lambda child: reviews_awaiting_minutes(child).exists(),
)

#: A review decision is carried out once.
REVIEW_DECISION_OPEN: Guard[Child] = Guard(
    name="review-decision-open",
    message=gettext_lazy("Every review decision has been carried out."),
    holds=lambda child: open_review_decisions(child).exists(),
)

#: An IRO challenge is resolved once.
IRO_CHALLENGE_OPEN: Guard[Child] = Guard(
    name="iro-challenge-open",
    message=gettext_lazy("No IRO challenge is open."),
    holds=lambda child: open_iro_challenges(child).exists(),
)


@dataclass(frozen=True)
class Decision:
    """A decision of a review, to be tracked as an action."""

    description: str
    owner: str
    due_on: dt.date | None


def required_text(value: str, field: str, message: str) -> str:
    """The text without surrounding spaces; refused with ``message`` when empty."""
    value = value.strip()
    if not value:
        raise ValidationError({field: message})
    return value


@transaction.atomic
def record_review(
    *,
    child: Child,
    held_on: dt.date,
    participation: str,
    iro: Actor | None = None,
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
    actor: Actor | None = None,
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
    # The decisions to track, each with the due date it was checked to have.
    tracked: list[tuple[Decision, dt.date]] = []
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
        tracked.append((decision, decision.due_on))
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
            due_on=due_on,
        )
        for d, due_on in tracked
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
    actor: Actor | None = None,
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
    actor: Actor | None = None,
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
    raised_by: Actor | None = None,
    actor: Actor | None = None,
) -> IROChallenge:
    """The independent reviewing officer challenges the child's plan, or the work on it
    (IRO Handbook 2010, ch. 5; finding 18)."""
    child = lock_child(child)
    check_not_future(raised_on, "raised_on", _("date the challenge was raised"))
    period = period_on(child, raised_on, "raised_on")
    if issue not in ChallengeIssue.values:
        raise ValidationError({"issue": _("Choose what the challenge is about")})
    detail = required_text(detail, "detail", _("Enter what the challenge is about"))
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
    actor: Actor | None = None,
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
    challenge.outcome = required_text(outcome, "outcome", _("Enter the outcome of the challenge"))
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
    actor: Actor | None = None,
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
