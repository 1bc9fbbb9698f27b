"""Family time and life-story work of a child in care (docs/domain.md stages 24 and 25).
Pages under ``/children/<pk>/care/family-time/`` and ``.../life-story/``; a page about one
arrangement takes its id from the query string."""

from typing import Any

from django.contrib.auth import get_user_model
from django.forms import BaseForm
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.care.forms.family import (
    FamilyTimeForm,
    FamilyTimeRiskForm,
    LifeStoryDecisionForm,
    LifeStoryWorkForm,
)
from kinfolk.care.models.family import FamilyTime, LifeStoryDecision, LifeStoryWork
from kinfolk.care.services.episodes import EVER_LOOKED_AFTER
from kinfolk.care.services.family import (
    FAMILY_TIME_CURRENT,
    add_life_story_decision,
    current_family_time,
    record_family_time,
    review_family_time_risk,
    update_life_story_work,
)
from kinfolk.care.views.episodes import CareFormView
from kinfolk.core.models import Versioned
from kinfolk.people.views.mixins import ChildRecordMixin


class FamilyTimeListView(ChildRecordMixin, TemplateView):
    """The child's family time arrangements, with risk assessment reviews that are due
    (docs/domain.md stage 25, finding 60)."""

    permission = P.VIEW_RECORD

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
        context.update(
            arrangements=arrangements, back_url=reverse("care:child-care", args=[self.child.pk])
        )
        return context


class FamilyTimeCreateView(CareFormView):
    """Record a family time arrangement."""

    permission = P.RECORD_CASEWORK

    form_class = FamilyTimeForm
    service = staticmethod(record_family_time)
    guard = EVER_LOOKED_AFTER
    heading = _("Record family time")
    success_message = _("Family time recorded")
    record_label = "Child record: family time recorded"
    back_label = _("Back")

    def get_success_url(self) -> str:
        return reverse("care:family-time-list", args=[self.child.pk])


class FamilyTimeRiskView(CareFormView):
    """Record a review of a family time arrangement's risk assessment."""

    permission = P.RECORD_CASEWORK

    form_class = FamilyTimeRiskForm
    service = staticmethod(review_family_time_risk)
    guard = FAMILY_TIME_CURRENT
    child_argument = None
    heading = _("Review a family time risk assessment")
    success_message = _("Risk assessment review recorded")
    record_label = "Child record: family time risk assessment reviewed"
    back_label = _("Back")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(
            arrangements=current_family_time(self.child), chosen=self.chosen("arrangement")
        )
        return kwargs

    def get_success_url(self) -> str:
        return reverse("care:family-time-list", args=[self.child.pk])


class LifeStoryView(ChildRecordMixin, TemplateView):
    """The child's life-story work and the log of decisions, with reasons written for the
    child to read later (docs/domain.md stage 24, finding 21)."""

    permission = P.VIEW_RECORD

    template_name = "care/family/life_story.html"
    record_label = "Child record: life-story work"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            work=LifeStoryWork.objects.filter(child=self.child).select_related("worker").first(),
            decisions=list(
                LifeStoryDecision.objects.filter(child=self.child).order_by("decided_on", "pk")
            ),
            back_url=reverse("care:child-care", args=[self.child.pk]),
        )
        return context


class LifeStoryWorkUpdateView(CareFormView):
    """Record where the life-story work has got to."""

    permission = P.RECORD_CASEWORK

    form_class = LifeStoryWorkForm
    service = staticmethod(update_life_story_work)
    edits = "life_story_work"
    guard = EVER_LOOKED_AFTER
    heading = _("Update life-story work")
    success_message = _("Life-story work updated")
    record_label = "Child record: life-story work updated"
    back_label = _("Back")

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

    # The child's one record of the work, which the first update makes.
    def editable_records(self, form: BaseForm) -> list[Versioned]:
        return list(LifeStoryWork.objects.filter(child=self.child))

    def edited_record(self, form: BaseForm) -> Versioned | None:
        return LifeStoryWork.objects.filter(child=self.child).first()

    def get_success_url(self) -> str:
        return reverse("care:life-story", args=[self.child.pk])


class LifeStoryDecisionCreateView(CareFormView):
    """Add a decision, with the reason in words for the child, to the life-story log."""

    permission = P.RECORD_CASEWORK

    form_class = LifeStoryDecisionForm
    service = staticmethod(add_life_story_decision)
    guard = EVER_LOOKED_AFTER
    heading = _("Add a decision to the life story")
    intro = _(
        "The child may read this when they are older. Say what was decided and why, simply "
        "and kindly, without jargon."
    )
    success_message = _("Decision added to the life story")
    record_label = "Child record: life-story decision added"
    back_label = _("Back")

    def get_success_url(self) -> str:
        return reverse("care:life-story", args=[self.child.pk])
