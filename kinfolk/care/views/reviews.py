"""Looked-after reviews, IRO challenges and statutory visits to a child in care.

Pages under ``/children/<pk>/care/``. Pages about one record (a review, a decision, a
challenge) take its id from the query string (``?review=12``), so that every page answers with
only the child's id. Each list reads a fixed number of queries, whatever the length of the
history. Raising and resolving an IRO challenge is for independent reviewing officers and
managers.
"""

from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.care import services
from kinfolk.care.forms.reviews import (
    CareVisitForm,
    IROChallengeForm,
    IROChallengeResolveForm,
    ReviewDecisionCompleteForm,
    ReviewForm,
    ReviewMinutesForm,
)
from kinfolk.care.models import PeriodOfCare
from kinfolk.care.models.reviews import (
    IROChallenge,
    LookedAfterReview,
    ReviewDecision,
)
from kinfolk.casework.models import Visit
from kinfolk.casework.views.base import CaseworkFormView
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.workforce.choices import Role


def care_page_url(child: Child) -> str:
    """The child's care page, or their record's summary until the care page exists."""
    try:
        return reverse("care:child-care", args=[child.pk])
    except NoReverseMatch:
        return reverse("children:detail", args=[child.pk])


def chosen_id(request: Any, name: str) -> str | None:
    value = request.GET.get(name, "")
    return value if value.isdigit() else None


class CareFormView(CaseworkFormView):
    """A page that records one step of care planning; after saving it returns to the page
    that shows the record, and refuses kindly for a child never looked after."""

    template_name = "care/reviews/form_page.html"
    #: Whether the page needs the child to have been looked after at some time.
    needs_care = True

    def unavailable(self) -> str:
        if self.needs_care and not PeriodOfCare.objects.filter(child=self.child).exists():
            return str(
                _("%(child)s has not been looked after: record the start of care first.")
                % {"child": self.child}
            )
        return ""

    def get_success_url(self) -> str:
        return care_page_url(self.child)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["back_url"] = care_page_url(self.child)
        return context


def officers() -> QuerySet:
    """The independent reviewing officers who can chair a review."""
    return get_user_model().objects.filter(role=Role.IRO, is_active=True).order_by("display_name")


class ReviewCreateView(CareFormView):
    """Record a looked-after review and its decisions (docs/domain.md stage 19)."""

    form_class = ReviewForm
    template_name = "care/reviews/review_form.html"
    heading = _("Record a looked-after review")
    success_message = _("Review recorded")
    record_label = "Child record: looked-after review recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["officers"] = officers()
        return kwargs

    def record(self, form: ReviewForm) -> LookedAfterReview:
        data = form.cleaned_data
        self.review = services.record_review(
            child=self.child,
            held_on=data["held_on"],
            participation=data["participation"],
            iro=data["iro"],
            iro_contact_on=data["iro_contact_on"],
            preferred_time=data["preferred_time"],
            venue=data["venue"],
            is_venue_chosen_by_child=data["is_venue_chosen_by_child"],
            taking_part=data["taking_part"],
            child_views=data["child_views"],
            is_permanence_considered=data["is_permanence_considered"],
            permanence_discussion=data["permanence_discussion"],
            decisions=[
                services.Decision(description=row[""], owner=row["_owner"], due_on=row["_due_on"])
                for row in data["decisions"]
            ],
            actor=self.request.user,
        )
        return self.review

    def get_success_url(self) -> str:
        url = reverse("care:review-detail", args=[self.child.pk])
        return f"{url}?review={self.review.pk}"


class ReviewDetailView(ChildRecordMixin, TemplateView):
    """A looked-after review (``?review=``, or the latest): how the child took part, the
    IRO's contact, its decisions tracked as actions and its minutes; with the child's other
    reviews and the IRO's challenges."""

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
            can_challenge=getattr(user, "role", "") == Role.IRO
            or getattr(user, "is_manager", False),
            back_url=care_page_url(self.child),
            today=today,
        )
        return context


class ReviewMinutesView(CareFormView):
    """Record that a review's minutes were completed (docs/domain.md finding 74)."""

    form_class = ReviewMinutesForm
    heading = _("Record the minutes of a review")
    success_message = _("Minutes recorded")
    record_label = "Child record: review minutes recorded"

    def waiting(self) -> QuerySet:
        return LookedAfterReview.objects.filter(
            child=self.child, minutes_completed_on__isnull=True
        ).order_by("-held_on")

    def unavailable(self) -> str:
        if self.waiting().exists():
            return ""
        return str(_("No review is waiting for its minutes."))

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(reviews=self.waiting(), chosen=self.chosen("review"))
        return kwargs

    def record(self, form: ReviewMinutesForm) -> LookedAfterReview:
        self.review = services.record_review_minutes(
            review=form.cleaned_data["review"],
            completed_on=form.cleaned_data["completed_on"],
            actor=self.request.user,
        )
        return self.review

    def get_success_url(self) -> str:
        url = reverse("care:review-detail", args=[self.child.pk])
        return f"{url}?review={self.review.pk}"


class ReviewDecisionCompleteView(CareFormView):
    """Record that a review decision was carried out."""

    form_class = ReviewDecisionCompleteForm
    heading = _("Record a review decision as done")
    success_message = _("Decision recorded as done")
    record_label = "Child record: review decision done"

    def open_decisions(self) -> QuerySet:
        return ReviewDecision.objects.filter(
            review__child=self.child, completed_on__isnull=True
        ).order_by("due_on", "pk")

    def unavailable(self) -> str:
        if self.open_decisions().exists():
            return ""
        return str(_("Every review decision has been carried out."))

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(decisions=self.open_decisions(), chosen=self.chosen("decision"))
        return kwargs

    def record(self, form: ReviewDecisionCompleteForm) -> ReviewDecision:
        self.decision = services.complete_review_decision(
            decision=form.cleaned_data["decision"],
            completed_on=form.cleaned_data["completed_on"],
            actor=self.request.user,
        )
        return self.decision

    def get_success_url(self) -> str:
        url = reverse("care:review-detail", args=[self.child.pk])
        return f"{url}?review={self.decision.review_id}"


class CareVisitCreateView(CareFormView):
    """Record a statutory visit to a child in care (docs/domain.md stage 18)."""

    form_class = CareVisitForm
    heading = _("Record a statutory visit")
    intro = _("A visit to a child in care, under the Care Planning Regulations 2010.")
    success_message = _("Statutory visit recorded")
    record_label = "Child record: statutory visit recorded"

    def record(self, form: CareVisitForm) -> Visit:
        data = form.cleaned_data
        return services.record_care_visit(
            child=self.child,
            visited_on=data["visited_on"],
            is_child_seen=data["is_child_seen"],
            is_seen_alone=data["is_seen_alone"],
            purpose=data["purpose"],
            child_views=data["child_views"],
            actor=self.request.user,
        )


def is_reviewing_officer_or_manager(user: Any) -> bool:
    return getattr(user, "role", "") == Role.IRO or getattr(user, "is_manager", False)


class IROOnlyMixin:
    """Only independent reviewing officers and managers raise or resolve IRO challenges.

    Checked once the child is found, so that a record the user may not see stays a 404."""

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_reviewing_officer_or_manager(request.user):
            raise PermissionDenied
        return super().get(request, *args, **kwargs)  # type: ignore[misc]

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_reviewing_officer_or_manager(request.user):
            raise PermissionDenied
        return super().post(request, *args, **kwargs)  # type: ignore[misc]


class IROChallengeCreateView(IROOnlyMixin, CareFormView):
    """The IRO challenges drift, permanence, visits or another part of the plan (docs/domain.md
    finding 18)."""

    form_class = IROChallengeForm
    heading = _("Record an IRO challenge")
    success_message = _("IRO challenge recorded")
    record_label = "Child record: IRO challenge raised"

    def record(self, form: IROChallengeForm) -> IROChallenge:
        data = form.cleaned_data
        user = self.request.user
        return services.raise_iro_challenge(
            child=self.child,
            raised_on=data["raised_on"],
            issue=data["issue"],
            detail=data["detail"],
            stage=data["stage"],
            response_due_on=data["response_due_on"],
            raised_by=user if getattr(user, "role", "") == Role.IRO else None,
            actor=user,
        )

    def get_success_url(self) -> str:
        return reverse("care:review-detail", args=[self.child.pk]) + "#iro-challenges"


class IROChallengeResolveView(IROOnlyMixin, CareFormView):
    """An IRO challenge is resolved, with its outcome."""

    form_class = IROChallengeResolveForm
    heading = _("Record the resolution of an IRO challenge")
    success_message = _("IRO challenge resolved")
    record_label = "Child record: IRO challenge resolved"

    def open_challenges(self) -> QuerySet:
        return IROChallenge.objects.filter(child=self.child, resolved_on__isnull=True).order_by(
            "raised_on", "pk"
        )

    def unavailable(self) -> str:
        if self.open_challenges().exists():
            return ""
        return str(_("No IRO challenge is open."))

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(challenges=self.open_challenges(), chosen=self.chosen("challenge"))
        return kwargs

    def record(self, form: IROChallengeResolveForm) -> IROChallenge:
        data = form.cleaned_data
        return services.resolve_iro_challenge(
            challenge=data["challenge"],
            resolved_on=data["resolved_on"],
            outcome=data["outcome"],
            actor=self.request.user,
        )

    def get_success_url(self) -> str:
        return reverse("care:review-detail", args=[self.child.pk]) + "#iro-challenges"
