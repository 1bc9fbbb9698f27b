"""Looked-after reviews, IRO challenges and statutory visits to a child in care.

Pages under ``/children/<pk>/care/``. Pages about one record (a review, a decision, a
challenge) take its id from the query string (``?review=12``), so that every page answers with
only the child's id. Each list reads a fixed number of queries, whatever the length of the
history. Raising and resolving an IRO challenge is for independent reviewing officers and
managers.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.care.forms.reviews import (
    CareVisitForm,
    IROChallengeForm,
    IROChallengeResolveForm,
    ReviewDecisionCompleteForm,
    ReviewForm,
    ReviewMinutesForm,
)
from kinfolk.care.models.reviews import IROChallenge, LookedAfterReview, ReviewDecision
from kinfolk.care.services.episodes import EVER_LOOKED_AFTER
from kinfolk.care.services.reviews import (
    IRO_CHALLENGE_OPEN,
    MINUTES_AWAITED,
    REVIEW_DECISION_OPEN,
    complete_review_decision,
    open_iro_challenges,
    open_review_decisions,
    raise_iro_challenge,
    record_care_visit,
    record_review,
    record_review_minutes,
    resolve_iro_challenge,
    reviews_awaiting_minutes,
)
from kinfolk.care.views.episodes import CareFormView
from kinfolk.core.forms import CaseworkForm
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.workforce.choices import Role


def chosen_id(request: Any, name: str) -> str | None:
    """The id of the record a page was opened for, such as ``?review=12``."""
    value = request.GET.get(name, "")
    return value if value.isdigit() else None


def review_url(child_pk: int, review_pk: int) -> str:
    """The page of one of the child's reviews."""
    return reverse("care:review-detail", args=[child_pk]) + f"?review={review_pk}"


def officers() -> QuerySet:
    """The independent reviewing officers who can chair a review."""
    return get_user_model().objects.filter(role=Role.IRO, is_active=True).order_by("display_name")


class ReviewCreateView(CareFormView):
    """Record a looked-after review and its decisions (docs/domain.md stage 19)."""

    permission = P.RECORD_REVIEW

    form_class = ReviewForm
    service = staticmethod(record_review)
    guard = EVER_LOOKED_AFTER
    template_name = "care/reviews/review_form.html"
    heading = _("Record a looked-after review")
    success_message = _("Review recorded")
    record_label = "Child record: looked-after review recorded"
    back_label = _("Back")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "officers": officers()}

    def get_success_url(self) -> str:
        return review_url(self.child.pk, self.recorded.pk)


class ReviewDetailView(ChildRecordMixin, TemplateView):
    """A looked-after review (``?review=``, or the latest): how the child took part, the
    IRO's contact, its decisions tracked as actions and its minutes; with the child's other
    reviews and the IRO's challenges."""

    permission = P.VIEW_RECORD

    template_name = "care/reviews/review_detail.html"
    record_label = "Child record: looked-after review"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        reviews = list(
            LookedAfterReview.objects.filter(child=self.child)
            .select_related("iro", "recorded_by")
            .order_by("-held_on", "-pk")
        )
        chosen = chosen_id(self.request, "review")
        review = next((r for r in reviews if chosen and str(r.pk) == chosen), None)
        if review is None and reviews:
            review = reviews[0]
        decisions: list[ReviewDecision] = []
        if review is not None:
            review.minutes_overdue = review.are_minutes_overdue_on(today)
            decisions = list(review.decisions.all())
            for decision in decisions:
                decision.is_overdue = decision.is_overdue_on(today)
        challenges = list(
            IROChallenge.objects.filter(child=self.child)
            .select_related("raised_by")
            .order_by("-raised_on", "-pk")
        )
        for challenge in challenges:
            challenge.is_overdue = challenge.is_response_overdue_on(today)
        user = self.request.user
        context.update(
            review=review,
            reviews=reviews,
            decisions=decisions,
            challenges=challenges,
            can_challenge=allows(user, P.RECORD_REVIEW),
            back_url=reverse("care:child-care", args=[self.child.pk]),
            today=today,
        )
        return context


class ReviewMinutesView(CareFormView):
    """Record that a review's minutes were completed (docs/domain.md finding 74)."""

    permission = P.RECORD_REVIEW

    form_class = ReviewMinutesForm
    service = staticmethod(record_review_minutes)
    guard = MINUTES_AWAITED
    child_argument = None
    heading = _("Record the minutes of a review")
    success_message = _("Minutes recorded")
    record_label = "Child record: review minutes recorded"
    back_label = _("Back")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "reviews": reviews_awaiting_minutes(self.child),
            "chosen": self.chosen("review"),
        }

    def get_success_url(self) -> str:
        return review_url(self.child.pk, self.recorded.pk)


class ReviewDecisionCompleteView(CareFormView):
    """Record that a review decision was carried out."""

    permission = P.RECORD_CASEWORK

    form_class = ReviewDecisionCompleteForm
    service = staticmethod(complete_review_decision)
    guard = REVIEW_DECISION_OPEN
    child_argument = None
    heading = _("Record a review decision as done")
    success_message = _("Decision recorded as done")
    record_label = "Child record: review decision done"
    back_label = _("Back")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "decisions": open_review_decisions(self.child),
            "chosen": self.chosen("decision"),
        }

    def get_success_url(self) -> str:
        return review_url(self.child.pk, self.recorded.review_id)


class CareVisitCreateView(CareFormView):
    """Record a statutory visit to a child in care (docs/domain.md stage 18)."""

    permission = P.RECORD_CASEWORK

    form_class = CareVisitForm
    service = staticmethod(record_care_visit)
    guard = EVER_LOOKED_AFTER
    heading = _("Record a statutory visit")
    intro = _("A visit to a child in care, under the Care Planning Regulations 2010.")
    success_message = _("Statutory visit recorded")
    record_label = "Child record: statutory visit recorded"
    back_label = _("Back")


class IROChallengeCreateView(CareFormView):
    """The IRO challenges drift, permanence, visits or another part of the plan (docs/domain.md
    finding 18)."""

    permission = P.RECORD_REVIEW

    form_class = IROChallengeForm
    service = staticmethod(raise_iro_challenge)
    guard = EVER_LOOKED_AFTER
    heading = _("Record an IRO challenge")
    success_message = _("IRO challenge recorded")
    record_label = "Child record: IRO challenge raised"
    back_label = _("Back")

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        # A manager may record a challenge on the officer's behalf; only an officer raises it.
        user = self.request.user
        raised_by = user if getattr(user, "role", "") == Role.IRO else None
        return {**super().service_kwargs(form), "raised_by": raised_by}

    def get_success_url(self) -> str:
        return reverse("care:review-detail", args=[self.child.pk]) + "#iro-challenges"


class IROChallengeResolveView(CareFormView):
    """An IRO challenge is resolved, with its outcome."""

    permission = P.RECORD_REVIEW

    form_class = IROChallengeResolveForm
    service = staticmethod(resolve_iro_challenge)
    guard = IRO_CHALLENGE_OPEN
    child_argument = None
    heading = _("Record the resolution of an IRO challenge")
    success_message = _("IRO challenge resolved")
    record_label = "Child record: IRO challenge resolved"
    back_label = _("Back")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "challenges": open_iro_challenges(self.child),
            "chosen": self.chosen("challenge"),
        }

    def get_success_url(self) -> str:
        return reverse("care:review-detail", args=[self.child.pk]) + "#iro-challenges"
