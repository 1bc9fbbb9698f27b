"""Family time and life-story work of a child in care (docs/domain.md stages 24 and 25).
Pages under ``/children/<pk>/care/family-time/`` and ``.../life-story/``; a page about one
arrangement takes its id from the query string."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.care import services
from kinfolk.care.forms.family import (
    FamilyTimeForm,
    FamilyTimeRiskForm,
    LifeStoryDecisionForm,
    LifeStoryWorkForm,
)
from kinfolk.care.models.reviews import (
    FamilyTime,
    LifeStoryDecision,
    LifeStoryWork,
)
from kinfolk.care.views.reviews import CareFormView, care_page_url
from kinfolk.people.views.mixins import ChildRecordMixin


class FamilyTimeListView(ChildRecordMixin, TemplateView):
    """The child's family time arrangements, with risk assessment reviews that are due
    (docs/domain.md stage 25, finding 60)."""

    template_name = "care/family/family_time_list.html"
    record_label = "Child record: family time"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        arrangements = list(
            FamilyTime.objects.filter(child=self.child).order_by("-agreed_on", "-pk")
        )
        for arrangement in arrangements:
            arrangement.is_review_due = arrangement.is_risk_review_due_on(today)
        context.update(arrangements=arrangements, back_url=care_page_url(self.child))
        return context


class FamilyTimeCreateView(CareFormView):
    """Record a family time arrangement."""

    form_class = FamilyTimeForm
    heading = _("Record family time")
    success_message = _("Family time recorded")
    record_label = "Child record: family time recorded"

    def record(self, form: FamilyTimeForm) -> FamilyTime:
        data = form.cleaned_data
        return services.record_family_time(
            child=self.child,
            agreed_on=data["agreed_on"],
            with_whom=data["with_whom"],
            relationship=data["relationship"],
            frequency=data["frequency"],
            is_supervised=data["is_supervised"],
            risk_assessed_on=data["risk_assessed_on"],
            risk_review_on=data["risk_review_on"],
            child_views=data["child_views"],
            actor=self.request.user,
        )

    def get_success_url(self) -> str:
        return reverse("care:family-time-list", args=[self.child.pk])


class FamilyTimeRiskView(CareFormView):
    """Record a review of a family time arrangement's risk assessment."""

    form_class = FamilyTimeRiskForm
    heading = _("Review a family time risk assessment")
    success_message = _("Risk assessment review recorded")
    record_label = "Child record: family time risk assessment reviewed"

    def current(self) -> QuerySet:
        return FamilyTime.objects.filter(child=self.child, ended_on__isnull=True).order_by(
            "-agreed_on", "-pk"
        )

    def unavailable(self) -> str:
        if self.current().exists():
            return ""
        return str(_("There is no current family time arrangement."))

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(arrangements=self.current(), chosen=self.chosen("arrangement"))
        return kwargs

    def record(self, form: FamilyTimeRiskForm) -> FamilyTime:
        data = form.cleaned_data
        return services.review_family_time_risk(
            arrangement=data["arrangement"],
            risk_assessed_on=data["risk_assessed_on"],
            risk_review_on=data["risk_review_on"],
            actor=self.request.user,
        )

    def get_success_url(self) -> str:
        return reverse("care:family-time-list", args=[self.child.pk])


class LifeStoryView(ChildRecordMixin, TemplateView):
    """The child's life-story work and the log of decisions, with reasons written for the
    child to read later (docs/domain.md stage 24, finding 21)."""

    template_name = "care/family/life_story.html"
    record_label = "Child record: life-story work"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            work=LifeStoryWork.objects.filter(child=self.child).select_related("worker").first(),
            decisions=list(
                LifeStoryDecision.objects.filter(child=self.child).order_by("decided_on", "pk")
            ),
            back_url=care_page_url(self.child),
        )
        return context


class LifeStoryWorkUpdateView(CareFormView):
    """Record where the life-story work has got to."""

    form_class = LifeStoryWorkForm
    heading = _("Update life-story work")
    success_message = _("Life-story work updated")
    record_label = "Child record: life-story work updated"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["workers"] = get_user_model().objects.filter(is_active=True).order_by("display_name")
        work = LifeStoryWork.objects.filter(child=self.child).first()
        if work is not None and self.request.method != "POST":
            kwargs["initial"] = {
                "status": work.status,
                "worker": work.worker_id,
                "later_life_letter_on": work.later_life_letter_on,
            }
        return kwargs

    def record(self, form: LifeStoryWorkForm) -> LifeStoryWork:
        data = form.cleaned_data
        return services.update_life_story_work(
            child=self.child,
            updated_on=data["updated_on"],
            status=data["status"],
            worker=data["worker"],
            later_life_letter_on=data["later_life_letter_on"],
            actor=self.request.user,
        )

    def get_success_url(self) -> str:
        return reverse("care:life-story", args=[self.child.pk])


class LifeStoryDecisionCreateView(CareFormView):
    """Add a decision, with the reason in words for the child, to the life-story log."""

    form_class = LifeStoryDecisionForm
    heading = _("Add a decision to the life story")
    intro = _(
        "The child may read this when they are older. Say what was decided and why, simply "
        "and kindly, without jargon."
    )
    success_message = _("Decision added to the life story")
    record_label = "Child record: life-story decision added"

    def record(self, form: LifeStoryDecisionForm) -> LifeStoryDecision:
        data = form.cleaned_data
        return services.add_life_story_decision(
            child=self.child,
            decided_on=data["decided_on"],
            decision=data["decision"],
            reason_for_child=data["reason_for_child"],
            actor=self.request.user,
        )

    def get_success_url(self) -> str:
        return reverse("care:life-story", args=[self.child.pk])
