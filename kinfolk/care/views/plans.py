"""Care plans of a child in care: recording a new version, the list of versions, and the plan
in plain words for the child and family (docs/domain.md stage 16, finding 17). Pages under
``/children/<pk>/care/care-plans/``; a page about one plan takes its id from the query string
(``?plan=12``)."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.care.forms.plans import CarePlanForm
from kinfolk.care.models.reviews import (
    CarePlan,
    CarePlanObjective,
)
from kinfolk.care.services.episodes import EVER_LOOKED_AFTER
from kinfolk.care.services.plans import record_care_plan
from kinfolk.care.views.episodes import CareFormView
from kinfolk.care.views.reviews import chosen_id
from kinfolk.casework.models import Assessment, Plan
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import ChildRecordMixin


def plans_with_objectives(child: Child) -> QuerySet:
    """The child's care plans with their objectives, soonest due first."""
    return (
        CarePlan.objects.filter(child=child)
        .select_related("assessment", "recorded_by", "period")
        .prefetch_related(
            Prefetch("objectives", queryset=CarePlanObjective.objects.order_by("due_on", "pk"))
        )
    )


class CarePlanListView(ChildRecordMixin, TemplateView):
    """The child's care plans, latest first: the current version and the history."""

    permission = P.VIEW_RECORD

    template_name = "care/plans/care_plan_list.html"
    record_label = "Child record: care plans"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        plans = list(plans_with_objectives(self.child).order_by("-made_on", "-pk"))
        for number, plan in enumerate(reversed(plans), start=1):
            plan.version = number
        context.update(plans=plans, back_url=reverse("care:child-care", args=[self.child.pk]))
        return context


class CarePlanForChildView(ChildRecordMixin, TemplateView):
    """The care plan in plain words for the child and family (docs/domain.md finding 17): the
    latest plan, or the one in ``?plan=``."""

    permission = P.VIEW_RECORD

    template_name = "care/plans/care_plan_for_child.html"
    record_label = "Child record: care plan for the child"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        plans = plans_with_objectives(self.child).order_by("-made_on", "-pk")
        chosen = chosen_id(self.request, "plan")
        plan = (plans.filter(pk=chosen).first() if chosen else None) or plans.first()
        context.update(
            plan=plan,
            # The family versions of the child's child in need and child protection plans,
            # beside this one (docs/printing.md).
            family_plans=list(
                Plan.objects.filter(child=self.child).order_by("end_on", "-start_on", "-pk")
            ),
            back_url=reverse("care:care-plan-list", args=[self.child.pk]),
        )
        return context


class CarePlanCreateView(CareFormView):
    """Record a new version of the care plan (docs/domain.md stage 16)."""

    permission = P.RECORD_CASEWORK

    form_class = CarePlanForm
    service = staticmethod(record_care_plan)
    guard = EVER_LOOKED_AFTER
    template_name = "care/plans/care_plan_form.html"
    heading = _("Record a care plan")
    intro = _(
        "Each care plan is kept as a new version. Write the objectives so that the child "
        "could understand them."
    )
    success_message = _("Care plan recorded")
    record_label = "Child record: care plan recorded"
    back_label = _("Back")

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["assessments"] = Assessment.objects.filter(
            child=self.child, authorised_on__isnull=False
        ).order_by("-authorised_on")
        return kwargs

    def get_success_url(self) -> str:
        return reverse("care:care-plan-list", args=[self.child.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["disabilities"] = list(self.child.disabilities.all())
        return context
