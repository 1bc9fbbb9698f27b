"""Child in need plans, and the outcomes and actions of every plan."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.forms import (
    ChildInNeedPlanStartForm,
    PlanActionForm,
    PlanActionUpdateForm,
    PlanContingencyForm,
    PlanEndForm,
    PlanOutcomeForm,
)
from kinfolk.casework.models import Plan, PlanAction, PlanOutcome
from kinfolk.casework.services import (
    add_plan_action,
    add_plan_outcome,
    end_child_in_need_plan,
    record_plan_contingency,
    start_child_in_need_plan,
    update_plan_action,
)
from kinfolk.casework.views.base import CaseworkFormView


class ChildInNeedPlanCreateView(CaseworkFormView):
    """Start a child in need plan, with its contingency."""

    form_class = ChildInNeedPlanStartForm
    heading = _("Start a child in need plan")
    success_message = _("Child in need plan started: add its outcomes and actions")
    record_label = "Child record: child in need plan started"

    def record(self, form: ChildInNeedPlanStartForm) -> Plan:
        return start_child_in_need_plan(
            child=self.child,
            start_on=form.cleaned_data["start_on"],
            contingency=form.cleaned_data["contingency"],
            actor=self.request.user,
        )


class ChildInNeedPlanEndView(CaseworkFormView):
    """End the child in need plan (the case may stay open)."""

    form_class = PlanEndForm
    heading = _("End the child in need plan")
    success_message = _("Child in need plan ended")
    record_label = "Child record: child in need plan ended"

    def record(self, form: PlanEndForm) -> Plan:
        return end_child_in_need_plan(
            child=self.child, end_on=form.cleaned_data["end_on"], actor=self.request.user
        )


class OpenPlanMixin:
    """For pages that add to one of the child's open plans."""

    child: Any

    def open_plans(self) -> QuerySet:
        return Plan.objects.filter(child=self.child, end_on__isnull=True).order_by("start_on", "pk")

    def unavailable(self) -> str:
        if self.open_plans().exists():
            return ""
        return _("There is no open plan: start a plan first.")


class PlanOutcomeCreateView(OpenPlanMixin, CaseworkFormView):
    """Add an outcome for the child to a plan."""

    form_class = PlanOutcomeForm
    heading = _("Add an outcome for the child")
    success_message = _("Outcome added")
    record_label = "Child record: plan outcome added"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "plans": self.open_plans(),
            "chosen": self.chosen("plan"),
        }

    def record(self, form: PlanOutcomeForm) -> PlanOutcome:
        return add_plan_outcome(
            plan=form.cleaned_data["plan"],
            description=form.cleaned_data["description"],
            actor=self.request.user,
        )


class PlanContingencyUpdateView(OpenPlanMixin, CaseworkFormView):
    """Record or change the contingency of an open plan; a child protection plan is made
    without one (docs/domain.md finding 41)."""

    form_class = PlanContingencyForm
    heading = _("Contingency")
    success_message = _("Contingency saved")
    record_label = "Child record: plan contingency changed"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "plans": self.open_plans(),
            "chosen": self.chosen("plan"),
        }

    def record(self, form: PlanContingencyForm) -> Plan:
        return record_plan_contingency(
            plan=form.cleaned_data["plan"],
            contingency=form.cleaned_data["contingency"],
            actor=self.request.user,
        )


class PlanActionCreateView(OpenPlanMixin, CaseworkFormView):
    """Add an action to a plan: who does what by when (docs/domain.md finding 8)."""

    form_class = PlanActionForm
    heading = _("Add an action")
    success_message = _("Action added")
    record_label = "Child record: plan action added"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "plans": self.open_plans(),
            "owners": get_user_model().objects.filter(is_active=True).order_by("display_name"),
            "chosen": self.chosen("plan"),
        }

    def record(self, form: PlanActionForm) -> PlanAction:
        data = form.cleaned_data
        return add_plan_action(
            plan=data["plan"],
            description=data["description"],
            due_on=data["due_on"],
            owner=data["owner"],
            owner_outside=data["owner_outside"],
            outcome=data["outcome"],
            actor=self.request.user,
        )


class PlanActionUpdateView(CaseworkFormView):
    """Record progress on an action of an open plan."""

    form_class = PlanActionUpdateForm
    heading = _("Update an action")
    success_message = _("Action updated")
    record_label = "Child record: plan action updated"

    def open_actions(self) -> QuerySet:
        return PlanAction.objects.filter(
            plan__child=self.child, plan__end_on__isnull=True
        ).select_related("owner")

    def unavailable(self) -> str:
        if self.open_actions().exists():
            return ""
        return _("There are no actions on an open plan.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "actions": self.open_actions(),
            "chosen": self.chosen("action"),
        }

    def record(self, form: PlanActionUpdateForm) -> PlanAction:
        return update_plan_action(
            action=form.cleaned_data["action"],
            status=form.cleaned_data["status"],
            actor=self.request.user,
        )
