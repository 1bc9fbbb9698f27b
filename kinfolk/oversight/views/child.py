"""The child's oversight record: case supervisions with their actions, and management
decisions; the pages that record a decision and mark an action done."""

from typing import Any

from django.db.models import Prefetch, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.oversight import services
from kinfolk.oversight.forms import ActionDoneForm, ManagementDecisionForm
from kinfolk.oversight.models import CaseSupervision, ManagementDecision, SupervisionAction
from kinfolk.oversight.views.common import staff_for
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView

BACK_URL_NAME = "oversight:child-oversight"
BACK_LABEL = _("Back to oversight")


class ChildOversightView(ChildRecordMixin, TemplateView):
    """Every case supervision of the child, with what it decided and the actions agreed, and
    every management decision. Three queries however many there are."""

    permission = P.VIEW_RECORD
    template_name = "oversight/child_oversight.html"
    record_label = "Child record: oversight"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        supervisions = list(
            CaseSupervision.objects.filter(child=self.child)
            .select_related("session__supervisor", "session__worker")
            .prefetch_related(
                Prefetch(
                    "actions",
                    queryset=SupervisionAction.objects.select_related("owner", "done_by"),
                )
            )
            .order_by("-session__held_on", "-pk")
        )
        decisions = list(
            ManagementDecision.objects.filter(child=self.child)
            .select_related("decided_by", "owner")
            .order_by("-decided_on", "-pk")
        )
        user = self.request.user
        context.update(
            supervisions=supervisions,
            decisions=decisions,
            today=timezone.localdate(),
            may_decide=allows(user, P.SUPERVISE, team_id=self.holding_team_id),
            may_mark_done=allows(user, P.RECORD_CASEWORK, team_id=self.holding_team_id),
            user_pk=user.pk,
            may_supervise=allows(user, P.SUPERVISE, team_id=self.holding_team_id),
        )
        return context


class ManagementDecisionCreateView(ChildRecordFormView):
    """A manager records a decision on the child's case, with the outcome it seeks."""

    permission = P.SUPERVISE
    form_class = ManagementDecisionForm
    service = staticmethod(services.record_management_decision)
    heading = _("Record a management decision")
    intro = _(
        "Say what should be different for the child, what you decided and why, who makes it "
        "happen and by when."
    )
    success_message = _("Management decision recorded")
    record_label = "Child record: management decision recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        allocation = self.current_allocation
        worker = allocation.worker if allocation else None
        kwargs["staff"] = staff_for(self.request.user, worker, team=self.request.user.team)
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        allocation = self.current_allocation
        return {"owner": allocation.worker_id} if allocation else {}


class ActionDoneView(ChildRecordFormView):
    """The owner of a supervision action (or a manager who may supervise the child's case)
    marks it done."""

    permission = P.RECORD_CASEWORK
    form_class = ActionDoneForm
    service = staticmethod(services.mark_action_done)
    heading = _("Mark a supervision action done")
    success_message = _("Action marked done")
    record_label = "Child record: supervision action done"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL
    child_argument = None
    edits = "action"

    def actions(self) -> QuerySet[SupervisionAction]:
        actions = SupervisionAction.objects.filter(child=self.child, done_on__isnull=True)
        if not allows(self.request.user, P.SUPERVISE, team_id=self.holding_team_id):
            actions = actions.filter(owner=self.request.user)
        return actions.select_related("case__session").order_by("due_on", "pk")

    def unavailable(self) -> str:
        if not self.actions().exists():
            return str(_("There is no open supervision action for you to mark done."))
        return ""

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(actions=self.actions(), chosen=self.chosen("action"))
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"done_on": timezone.localdate()}

    def get_success_url(self) -> str:
        nxt = self.request.GET.get("next", "")
        if nxt == "work":
            return reverse("duties:my-work")
        return self.back_url()
