"""The records of care plans, reviews and visits kept while a child is looked after (family time
and life-story work are in ``family``).

A care plan is never edited: each new plan is a new row, so the history of plans is the
history of the child's care planning (docs/domain.md stage 16). Looked-after reviews carry the
SSDA903 Reviews items (REVIEW, REVIEW_CODE) and what inspectors look for around them: the
independent reviewing officer's contact with the child beforehand, how and where the child
chose to take part, decisions tracked as actions and minutes on time (stage 19). Statutory
visits are ``kinfolk.casework.models.Visit`` rows of kind ``cla``.

The summary shown on the child's care page is built here (``CarePlanQuerySet.reviews_summary``)
with a fixed number of queries, whatever the length of the child's history.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kinfolk.care.models.family import FamilyTime, LifeStoryWork
from kinfolk.care.models.health import recorded_by_field
from kinfolk.casework.choices import VisitKind
from kinfolk.casework.models import Visit
from kinfolk.core import timescales
from kinfolk.core.codes import ReviewParticipation

__all__ = [
    "CarePlan",
    "CarePlanObjective",
    "ChallengeIssue",
    "ChallengeStage",
    "IROChallenge",
    "LookedAfterReview",
    "PermanencePlan",
    "ReviewDecision",
    "ReviewsSummary",
    "TakingPart",
    "ViewsMethod",
    "minutes_due_on",
    "next_review_due_on",
]


def next_review_due_on(start_on: dt.date, held: list[dt.date]) -> dt.date:
    """When the next looked-after review of a period of care is due, given the dates of the
    reviews already held in it: the timescales of the duties ``cla-review-first-20wd``,
    ``cla-review-second-3m`` and ``cla-review-6m`` (kinfolk.core.timescales)."""
    if not held:
        return timescales.FIRST_LOOKED_AFTER_REVIEW.due_after(start_on)
    last = max(held)
    if len(held) == 1:
        return timescales.SECOND_LOOKED_AFTER_REVIEW.due_after(last)
    return timescales.LATER_LOOKED_AFTER_REVIEW.due_after(last)


def minutes_due_on(held_on: dt.date) -> dt.date:
    """The date the minutes of a review held on ``held_on`` are due (docs/domain.md finding 74;
    ``timescales.REVIEW_MINUTES``)."""
    return timescales.REVIEW_MINUTES.due_after(held_on)


class PermanencePlan(models.TextChoices):
    """Where the child will grow up: the permanence plan, needed by the second review
    (Children Act 1989 Guidance vol. 2, 2.3)."""

    RETURN_TO_FAMILY = "return_to_family", _("Return to family")
    ADOPTION = "adoption", _("Adoption")
    SPECIAL_GUARDIANSHIP = "special_guardianship", _("Special guardianship")
    CHILD_ARRANGEMENTS_ORDER = "child_arrangements_order", _("Child arrangements order")
    LONG_TERM_FOSTERING = "long_term_fostering", _("Long-term fostering")
    RESIDENTIAL_CARE = "residential_care", _("Residential care")
    INDEPENDENT_LIVING = "independent_living", _("Independent living")
    OTHER = "other", _("Other")


#: The permanence plan in words for the child (docs/domain.md finding 17).
PERMANENCE_FOR_THE_CHILD: dict[str, Promise] = {
    PermanencePlan.RETURN_TO_FAMILY: _("The plan is for you to go back to live with your family."),
    PermanencePlan.ADOPTION: _("The plan is for you to be adopted by a new family for good."),
    PermanencePlan.SPECIAL_GUARDIANSHIP: _(
        "The plan is for you to live with someone who knows you, who will look after you until "
        "you grow up (a special guardian)."
    ),
    PermanencePlan.CHILD_ARRANGEMENTS_ORDER: _(
        "The plan is for a court to decide who you live with, usually someone in your family."
    ),
    PermanencePlan.LONG_TERM_FOSTERING: _(
        "The plan is for you to stay with foster carers until you grow up."
    ),
    PermanencePlan.RESIDENTIAL_CARE: _(
        "The plan is for you to live in a children's home, where staff look after you."
    ),
    PermanencePlan.INDEPENDENT_LIVING: _(
        "The plan is to help you get ready to live on your own, with support."
    ),
    PermanencePlan.OTHER: _("Your social worker will explain the plan for where you will live."),
}


class ViewsMethod(models.TextChoices):
    """How the child's views were gathered (docs/domain.md finding 53)."""

    TALKED_ALONE = "talked_alone", _("Talked with the child on their own")
    TALKED_WITH_CARER = "talked_with_carer", _("Talked with the child with their carer there")
    ACTIVITY = "activity", _("Play, drawing or another activity")
    WRITTEN = "written", _("The child wrote or filled in a form")
    ADVOCATE = "advocate", _("Through an advocate")
    OBSERVED = "observed", _("Observed (the child is too young to say)")
    OTHER = "other", _("Another way")


class TakingPart(models.TextChoices):
    """How the child wants to take part in their review (docs/domain.md finding 19)."""

    WHOLE_MEETING = "whole_meeting", _("Come to the whole meeting")
    PART_MEETING = "part_meeting", _("Come to part of the meeting")
    CHAIR_THE_MEETING = "chair", _("Chair or co-chair the meeting")
    MEET_IRO_SEPARATELY = "meet_iro", _("Meet the reviewing officer on their own")
    ONLINE = "online", _("Join online")
    WRITTEN_VIEWS = "written", _("Send their views in writing, a recording or drawings")
    ADVOCATE = "advocate", _("Through an advocate")
    NOT_TAKING_PART = "not_taking_part", _("Chose not to take part")
    TOO_YOUNG = "too_young", _("Too young to take part")


class ChallengeIssue(models.TextChoices):
    """What an independent reviewing officer challenges (docs/domain.md finding 18)."""

    DRIFT = "drift", _("Drift or delay in the plan")
    PERMANENCE = "permanence", _("No permanence plan, or it is not progressing")
    VISITS = "visits", _("Statutory visits not made")
    PLACEMENT = "placement", _("Placement stability or suitability")
    REVIEW_DECISIONS = "review_decisions", _("Review decisions not carried out")
    HEALTH = "health", _("Health needs")
    EDUCATION = "education", _("Education")
    FAMILY_TIME = "family_time", _("Family time")
    OTHER = "other", _("Other")


class ChallengeStage(models.TextChoices):
    """How far an IRO's challenge has gone in the local dispute resolution process."""

    INFORMAL = "informal", _("Informal, with the social worker")
    TEAM_MANAGER = "team_manager", _("Formal: team manager")
    SERVICE_MANAGER = "service_manager", _("Formal: service manager")
    HEAD_OF_SERVICE = "head_of_service", _("Escalated: head of service")
    DIRECTOR = "director", _("Escalated: director of children's services")
    CAFCASS = "cafcass", _("Referred to Cafcass")


@dataclass
class ReviewsSummary:
    """What the care page shows about a period of care's plans, reviews, visits, family time
    and life-story work."""

    today: dt.date
    latest_plan: "CarePlan | None" = None
    plan_count: int = 0
    reviews: list["LookedAfterReview"] = field(default_factory=list)
    next_review_due_on: dt.date | None = None
    is_next_review_overdue: bool = False
    has_no_permanence_plan_at_second_review: bool = False
    is_plan_older_than_last_review: bool = False
    overdue_decisions: list["ReviewDecision"] = field(default_factory=list)
    open_challenges: list["IROChallenge"] = field(default_factory=list)
    last_visit: Visit | None = None
    family_time_due: list["FamilyTime"] = field(default_factory=list)
    life_story: "LifeStoryWork | None" = None

    @property
    def minutes_overdue(self) -> list["LookedAfterReview"]:
        return [r for r in self.reviews if r.minutes_overdue]


class CarePlanManager(models.Manager):
    """Care plans, and the summary of care planning that the care page shows.

    The summary is a method of the manager, not of a queryset, so that a template can reach it
    through a period's related manager (``period.care_plans.reviews_summary``), which knows its
    period as ``instance``.
    """

    def reviews_summary(self) -> ReviewsSummary:
        """The care page's summary for the period of care this related manager belongs to: the
        latest plan, the reviews held and the next one due, flags for drift, the last statutory
        visit, family-time risk reviews due and life-story work. Eight queries, whatever the
        number of records; an empty summary when not reached through a period."""
        from kinfolk.care.models.episodes import PeriodOfCare

        period = getattr(self, "instance", None)
        today = timezone.localdate()
        if not isinstance(period, PeriodOfCare):
            return ReviewsSummary(today=today)
        plans = list(
            CarePlan.objects.filter(period=period)
            .select_related("recorded_by")
            .order_by("-made_on", "-pk")
        )
        reviews = list(
            LookedAfterReview.objects.filter(period=period)
            .select_related("iro")
            .order_by("-held_on", "-pk")
        )
        for review in reviews:
            review.minutes_overdue = review.are_minutes_overdue_on(today)
        held = [r.held_on for r in reviews]
        summary = ReviewsSummary(
            today=today,
            latest_plan=plans[0] if plans else None,
            plan_count=len(plans),
            reviews=reviews,
        )
        if period.is_open:
            summary.next_review_due_on = next_review_due_on(period.start_on, held)
            summary.is_next_review_overdue = summary.next_review_due_on < today
        if len(held) >= 2:
            second = sorted(held)[1]
            summary.has_no_permanence_plan_at_second_review = not any(
                p.permanence_plan and p.made_on <= second for p in plans
            )
        if plans and held:
            summary.is_plan_older_than_last_review = plans[0].made_on < max(held)
        summary.overdue_decisions = list(
            ReviewDecision.objects.filter(
                review__period=period, completed_on__isnull=True, due_on__lt=today
            ).select_related("review")
        )
        summary.open_challenges = list(
            IROChallenge.objects.filter(child_id=period.child_id, resolved_on__isnull=True)
            .select_related("raised_by")
            .order_by("raised_on", "pk")
        )
        summary.last_visit = (
            Visit.objects.filter(
                child_id=period.child_id, kind=VisitKind.CHILD_IN_CARE, is_child_seen=True
            )
            .order_by("-visited_on", "-pk")
            .first()
        )
        summary.family_time_due = list(
            FamilyTime.objects.filter(
                period=period, ended_on__isnull=True, risk_review_on__lte=today
            ).order_by("risk_review_on", "pk")
        )
        summary.life_story = (
            LifeStoryWork.objects.filter(child_id=period.child_id).select_related("worker").first()
        )
        return summary


class CarePlan(models.Model):
    """One version of the child's care plan (Care Planning Regulations 2010, reg. 5).

    Needs come from the assessment (finding 52); objectives say who does what by when;
    the permanence plan is needed by the second review; identity needs drive objectives
    (finding 54); the child's views carry their date and how they were gathered (finding 53).
    A plan loaded from a journey (``is_imported``) may lack what only the pages ask for.
    """

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="care_plans")
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.CASCADE, related_name="care_plans"
    )
    made_on = models.DateField(_("date of the plan"))
    assessment = models.ForeignKey(
        "casework.Assessment",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="care_plans",
    )
    needs = models.TextField(_("needs from the assessment"), blank=True)
    permanence_plan = models.CharField(
        _("permanence plan"), max_length=30, choices=PermanencePlan.choices, blank=True
    )
    permanence_detail = models.TextField(_("about the permanence plan"), blank=True)
    identity_needs = models.TextField(_("identity needs"), blank=True)
    child_views = models.TextField(_("the child's views"), blank=True)
    child_views_on = models.DateField(
        _("date the child's views were gathered"), null=True, blank=True
    )
    child_views_method = models.CharField(
        _("how the child's views were gathered"),
        max_length=20,
        choices=ViewsMethod.choices,
        blank=True,
    )
    family_time = models.TextField(_("family time arrangements"), blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = recorded_by_field()

    objects = CarePlanManager()

    class Meta:
        ordering = ["-made_on", "-pk"]
        verbose_name = _("care plan")

    def __str__(self) -> str:
        return f"Care plan of {self.made_on}"

    @property
    def permanence_for_the_child(self) -> str:
        return str(PERMANENCE_FOR_THE_CHILD.get(self.permanence_plan, ""))


class CarePlanObjective(models.Model):
    """An objective for the child in a care plan: what will happen, who makes it happen and by
    when (finding 52). ``is_identity`` marks the objectives that meet identity needs."""

    plan = models.ForeignKey(CarePlan, on_delete=models.CASCADE, related_name="objectives")
    description = models.CharField(_("objective"), max_length=500)
    owner = models.CharField(_("who will make it happen"), max_length=200)
    due_on = models.DateField(_("by when"))
    is_identity = models.BooleanField(_("meets an identity need"), default=False)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description


class LookedAfterReview(models.Model):
    """A statutory looked-after review, chaired by the independent reviewing officer (Care
    Planning Regulations 2010, regs. 32-38; SSDA903 Reviews: REVIEW, REVIEW_CODE).

    Pages ask for the IRO's contact with the child before the review (finding 48) and how the
    child chose to take part (finding 19); reviews imported from a journey may lack them. The
    minutes are due 20 working days after the review (finding 74).
    """

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="looked_after_reviews"
    )
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.CASCADE, related_name="looked_after_reviews"
    )
    held_on = models.DateField(_("date of the review"))
    participation = models.CharField(
        _("how the child took part"), max_length=3, choices=ReviewParticipation.choices
    )
    iro = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reviews_chaired",
        verbose_name=_("independent reviewing officer"),
    )
    iro_contact_on = models.DateField(
        _("date the reviewing officer saw or spoke to the child before the review"),
        null=True,
        blank=True,
    )
    preferred_time = models.CharField(_("the child's preferred time"), max_length=200, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    is_venue_chosen_by_child = models.BooleanField(
        _("the child chose the venue"), null=True, blank=True
    )
    taking_part = models.CharField(
        _("how the child wanted to take part"),
        max_length=20,
        choices=TakingPart.choices,
        blank=True,
    )
    child_views = models.TextField(_("the child's views"), blank=True)
    is_permanence_considered = models.BooleanField(
        _("permanence options considered"), null=True, blank=True
    )
    permanence_discussion = models.TextField(_("permanence options discussed"), blank=True)
    minutes_due_on = models.DateField(_("minutes due"))
    minutes_completed_on = models.DateField(_("minutes completed"), null=True, blank=True)
    is_imported = models.BooleanField(default=False)
    recorded_by = recorded_by_field()

    #: Not a field: set on the reviews a page lists, from ``are_minutes_overdue_on`` (by
    #: ``CarePlanManager.reviews_summary`` and the review pages).
    minutes_overdue: bool = False

    class Meta:
        ordering = ["-held_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child", "held_on"], name="looked_after_review_one_per_child_per_day"
            )
        ]
        verbose_name = _("looked-after review")

    def __str__(self) -> str:
        return f"Looked-after review on {self.held_on}"

    def are_minutes_overdue_on(self, day: dt.date) -> bool:
        """The minutes are not done and their due date has passed."""
        return self.minutes_completed_on is None and self.minutes_due_on < day

    @property
    def were_minutes_late(self) -> bool:
        return self.minutes_completed_on is not None and (
            self.minutes_completed_on > self.minutes_due_on
        )


class ReviewDecision(models.Model):
    """A decision of a looked-after review, tracked as an action: what, who (by name or
    agency) and by when (docs/domain.md stage 19: overdue recommendations)."""

    review = models.ForeignKey(
        LookedAfterReview, on_delete=models.CASCADE, related_name="decisions"
    )
    description = models.CharField(_("decision"), max_length=500)
    owner = models.CharField(_("who will do it"), max_length=200)
    due_on = models.DateField(_("by when"))
    completed_on = models.DateField(_("completed on"), null=True, blank=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return self.description

    def is_overdue_on(self, day: dt.date) -> bool:
        return self.completed_on is None and self.due_on < day


class IROChallenge(models.Model):
    """A challenge by the independent reviewing officer about the child's plan, through the
    local dispute resolution process up to a referral to Cafcass (IRO Handbook 2010, ch. 5;
    docs/domain.md finding 18)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="iro_challenges"
    )
    period = models.ForeignKey(
        "care.PeriodOfCare", on_delete=models.CASCADE, related_name="iro_challenges"
    )
    raised_on = models.DateField(_("date raised"))
    raised_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="iro_challenges_raised",
        verbose_name=_("independent reviewing officer"),
    )
    issue = models.CharField(_("issue"), max_length=20, choices=ChallengeIssue.choices)
    detail = models.TextField(_("what the challenge is about"))
    stage = models.CharField(_("stage"), max_length=20, choices=ChallengeStage.choices)
    response_due_on = models.DateField(_("response due by"))
    resolved_on = models.DateField(_("date resolved"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    recorded_by = recorded_by_field()

    class Meta:
        ordering = ["-raised_on", "-pk"]
        verbose_name = _("IRO challenge")

    def __str__(self) -> str:
        return f"{self.get_issue_display()} ({self.raised_on})"

    @property
    def is_open(self) -> bool:
        return self.resolved_on is None

    def is_response_overdue_on(self, day: dt.date) -> bool:
        return self.resolved_on is None and self.response_due_on < day
