"""A child's complaints: the section of their record that lists them, the page of one
complaint with its stages and deadlines, and recording a new complaint about the child."""

from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.complaints import services
from kinfolk.complaints.choices import Complainant, ComplaintStatus, Stage
from kinfolk.complaints.forms import ComplaintForm
from kinfolk.complaints.models import Complaint, ComplaintResponse, LearningAction
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView

BACK_URL_NAME = "complaints:child-complaints"
BACK_LABEL = _("Back to complaints")


class ChildComplaintsView(ChildRecordMixin, TemplateView):
    """Every complaint about the child, newest first: two queries however many there are."""

    permission = P.VIEW_RECORD
    template_name = "complaints/child_complaints.html"
    record_label = "Child record: complaints"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        complaints = list(
            Complaint.objects.filter(child=self.child)
            .select_related("theme", "team")
            .prefetch_related("responses")
            .order_by("-received_on", "-pk")
        )
        context.update(
            complaints=complaints,
            today=timezone.localdate(),
            may_manage=allows(self.request.user, P.MANAGE_COMPLAINTS),
        )
        return context


class ComplaintMixin:
    """A page about one complaint of the child (``complaint_pk``)."""

    kwargs: dict[str, Any]
    child: Any

    @cached_property
    def complaint(self) -> Complaint:
        complaint = (
            Complaint.objects.filter(child=self.child, pk=self.kwargs["complaint_pk"])
            .select_related("child", "theme", "team", "handled_by")
            .first()
        )
        if complaint is None:
            raise Http404("No such complaint")
        return complaint


class ComplaintDetailView(ComplaintMixin, ChildRecordMixin, TemplateView):
    """One complaint: who complained and about what, each stage with its deadline and its
    response, the extensions, escalation and withdrawal, the advocate, the learning and its
    actions."""

    permission = P.VIEW_RECORD
    template_name = "complaints/complaint.html"
    record_label = "Child record: complaint"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        complaint = self.complaint
        responses = {
            response.stage: response
            for response in ComplaintResponse.objects.filter(complaint=complaint).select_related(
                "recorded_by"
            )
        }
        today = timezone.localdate()
        stages = []
        for stage, label in Stage.choices:
            started_on = complaint.stage_started_on(stage)
            if started_on is None:
                continue
            response = responses.get(stage)
            due_on = complaint.due_on(stage)
            stages.append(
                {
                    "number": stage,
                    "label": label,
                    "started_on": started_on,
                    "due_on": due_on,
                    "is_extended": complaint.is_extended(stage),
                    "response": response,
                    "is_late": due_on is not None
                    and (
                        (response is not None and response.responded_on > due_on)
                        or (response is None and complaint.withdrawn_on is None and due_on < today)
                    ),
                }
            )
        is_open = complaint.status == ComplaintStatus.OPEN
        may_manage = allows(self.request.user, P.MANAGE_COMPLAINTS)
        context.update(
            complaint=complaint,
            stages=stages,
            actions=list(
                LearningAction.objects.filter(complaint=complaint)
                .select_related("owner", "done_by")
                .order_by("due_on", "pk")
            ),
            today=today,
            may_manage=may_manage,
            is_open=is_open,
            may_extend=may_manage
            and is_open
            and complaint.stage in (1, 2)
            and not complaint.is_extended(complaint.stage),
            may_escalate=may_manage
            and complaint.withdrawn_on is None
            and complaint.stage < Stage.REVIEW_PANEL,
            is_child_complainant=complaint.complainant == Complainant.CHILD,
            user_pk=self.request.user.pk,
        )
        return context


class ComplaintCreateView(ChildRecordFormView):
    """The complaints manager records a complaint about the child, received at stage 1."""

    permission = P.MANAGE_COMPLAINTS
    form_class = ComplaintForm
    service = staticmethod(services.record_complaint)
    heading = _("Record a complaint")
    intro = _(
        "Record who complained, what about and the complaint in their words. The stage 1 "
        "response is due within 10 working days of the date it was received."
    )
    success_message = _("Complaint recorded")
    record_label = "Child record: complaint recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL

    def get_initial(self) -> dict[str, Any]:
        allocation = self.current_allocation
        return {
            "received_on": timezone.localdate(),
            "team": allocation.team_id if allocation else None,
        }


__all__ = [
    "ChildComplaintsView",
    "ComplaintCreateView",
    "ComplaintDetailView",
    "ComplaintMixin",
]
