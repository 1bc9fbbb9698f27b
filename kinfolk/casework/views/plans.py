"""Child in need plans, and the outcomes and actions of every plan."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P
from kinfolk.casework.forms import (
    ChildInNeedPlanStartForm,
    PlanActionForm,
    PlanActionUpdateForm,
    PlanContingencyForm,
    PlanOutcomeForm,
)
from kinfolk.casework.models import Plan, PlanAction
from kinfolk.casework.services import (
    CHILD_HAS_OPEN_PLAN,
    CHILD_HAS_OPEN_PLAN_ACTION,
    add_plan_action,
    add_plan_outcome,
    end_child_in_need_plan,
    record_plan_contingency,
    start_child_in_need_plan,
    update_plan_action,
)
from kinfolk.core.forms import PlanEndForm
from kinfolk.people.views.record_form import ChildRecordFormView


class ChildInNeedPlanCreateView(ChildRecordFormView):
    """Start a child in need plan, with its contingency."""

    permission = P.RECORD_CASEWORK

    form_class = ChildInNeedPlanStartForm
    service = staticmethod(start_child_in_need_plan)
    heading = _("Start a child in need plan")
    success_message = _("Child in need plan started: add its outcomes and actions")
    record_label = "Child record: child in need plan started"


class ChildInNeedPlanEndView(ChildRecordFormView):
    """End the child in need plan (the case may stay open)."""

    permission = P.RECORD_CASEWORK

    form_class = PlanEndForm
    service = staticmethod(end_child_in_need_plan)
    heading = _("End the child in need plan")
    success_message = _("Child in need plan ended")
    record_label = "Child record: child in need plan ended"


class OpenPlanFormView(ChildRecordFormView):
    """A page that adds to one of the child's open plans: the person chooses the plan, or it
    is fixed when the page was opened from that plan (``?plan=``). The services take the
    plan, not the child."""

    guard = CHILD_HAS_OPEN_PLAN
    child_argument = None

    def open_plans(self) -> QuerySet[Plan]:
        return Plan.objects.filter(child=self.child, end_on__isnull=True).order_by("start_on", "pk")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "plans": self.open_plans(),
            "chosen": self.chosen("plan"),
        }


class PlanOutcomeCreateView(OpenPlanFormView):
    """Add an outcome for the child to a plan."""

    permission = P.RECORD_CASEWORK

    form_class = PlanOutcomeForm
    service = staticmethod(add_plan_outcome)
    heading = _("Add an outcome for the child")
    success_message = _("Outcome added")
    record_label = "Child record: plan outcome added"


class PlanContingencyUpdateView(OpenPlanFormView):
    """Record or change the contingency of an open plan; a child protection plan is made
    without one (docs/domain.md finding 41)."""

    permission = P.RECORD_CASEWORK

    form_class = PlanContingencyForm
    service = staticmethod(record_plan_contingency)
    edits = "plan"
    heading = _("Contingency")
    success_message = _("Contingency saved")
    record_label = "Child record: plan contingency changed"


class PlanActionCreateView(OpenPlanFormView):
    """Add an action to a plan: who does what by when (docs/domain.md finding 8)."""

    permission = P.RECORD_CASEWORK

    form_class = PlanActionForm
    service = staticmethod(add_plan_action)
    heading = _("Add an action")
    success_message = _("Action added")
    record_label = "Child record: plan action added"

    def get_form_kwargs(self) -> dict[str, Any]:
        owners = get_user_model().objects.filter(is_active=True).order_by("display_name")
        return {**super().get_form_kwargs(), "owners": owners}


class PlanActionUpdateView(ChildRecordFormView):
    """Record progress on an action of an open plan."""

    permission = P.RECORD_CASEWORK

    form_class = PlanActionUpdateForm
    service = staticmethod(update_plan_action)
    edits = "action"
    guard = CHILD_HAS_OPEN_PLAN_ACTION
    child_argument = None
    heading = _("Update an action")
    success_message = _("Action updated")
    record_label = "Child record: plan action updated"

    def get_form_kwargs(self) -> dict[str, Any]:
        actions = PlanAction.objects.filter(
            plan__child=self.child, plan__end_on__isnull=True
        ).select_related("owner")
        return {**super().get_form_kwargs(), "actions": actions, "chosen": self.chosen("action")}
