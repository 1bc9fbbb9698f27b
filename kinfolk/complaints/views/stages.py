"""The steps of one complaint, each a form page calling one service: an extension, the
response at the current stage, escalation, the review panel's date, withdrawal, the advocate,
the learning and its actions."""

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.access.policy import P, allows
from kinfolk.complaints import forms, services
from kinfolk.complaints.choices import ComplaintStatus, Stage
from kinfolk.complaints.models import LearningAction
from kinfolk.complaints.views.child import ComplaintMixin
from kinfolk.core.dates import long_date
from kinfolk.people.views.record_form import ChildRecordFormView


class ComplaintStepView(ComplaintMixin, ChildRecordFormView):
    """A form page about one complaint: the service takes the complaint, not the child, and
    the page goes back to the complaint."""

    permission = P.MANAGE_COMPLAINTS
    child_argument = None
    back_label = gettext_lazy("Back to the complaint")

    def back_url(self) -> str:
        return reverse("complaints:complaint", args=[self.child.pk, self.complaint.pk])

    #: The date field the form starts at today, if any.
    dated_today = ""

    def stage(self) -> int | None:
        """The stage the step is taken at, for the service (None: a step at no stage)."""
        return None

    def service_kwargs(self, form: Any) -> dict[str, Any]:
        kwargs = super().service_kwargs(form)
        kwargs["complaint"] = self.complaint
        stage = self.stage()
        if stage is not None:
            kwargs["stage"] = stage
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        initial = super().get_initial()
        if self.dated_today:
            initial[self.dated_today] = timezone.localdate()
        return initial

    def withdrawn(self) -> str:
        if self.complaint.withdrawn_on is not None:
            return _("The complaint was withdrawn on %(date)s.") % {
                "date": long_date(self.complaint.withdrawn_on)
            }
        return ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["complaint"] = self.complaint
        return context


class ExtensionView(ComplaintStepView):
    form_class = forms.ExtensionForm
    service = staticmethod(services.extend_stage)
    success_message = gettext_lazy("Extension recorded")
    record_label = "Child record: complaint extended"

    @property
    def heading(self) -> str:  # type: ignore[override]
        return _("Extend stage %(stage)d") % {"stage": self.complaint.stage}

    @property
    def intro(self) -> str:  # type: ignore[override]
        days = 20 if self.complaint.stage == 1 else 65
        return _(
            "With an extension the response is due within %(days)d working days of the start "
            "of the stage. Record why more time is needed."
        ) % {"days": days}

    def unavailable(self) -> str:
        complaint = self.complaint
        if self.withdrawn():
            return self.withdrawn()
        if complaint.stage not in (1, 2):
            return _("Only stage 1 or stage 2 can be extended.")
        if complaint.status != ComplaintStatus.OPEN:
            return _("The response at this stage is already recorded.")
        if complaint.is_extended(complaint.stage):
            return _("This stage is already extended.")
        return ""

    dated_today = "extended_on"

    def stage(self) -> int:
        return self.complaint.stage


class ResponseView(ComplaintStepView):
    form_class = forms.ResponseForm
    service = staticmethod(services.record_response)
    success_message = gettext_lazy("Response recorded")
    record_label = "Child record: complaint response recorded"

    @property
    def heading(self) -> str:  # type: ignore[override]
        return _("Record the stage %(stage)d response") % {"stage": self.complaint.stage}

    def unavailable(self) -> str:
        if self.withdrawn():
            return self.withdrawn()
        if self.complaint.status != ComplaintStatus.OPEN:
            return _("The response at this stage is already recorded.")
        return ""

    dated_today = "responded_on"

    def stage(self) -> int:
        return self.complaint.stage


class EscalationView(ComplaintStepView):
    form_class = forms.EscalationForm
    service = staticmethod(services.escalate_complaint)
    success_message = gettext_lazy("Escalation recorded")
    record_label = "Child record: complaint escalated"

    @property
    def next_stage(self) -> int:
        return self.complaint.stage + 1

    @property
    def heading(self) -> str:  # type: ignore[override]
        return _("Escalate to stage %(stage)d") % {"stage": self.next_stage}

    @property
    def intro(self) -> str:  # type: ignore[override]
        if self.next_stage == Stage.INVESTIGATION:
            return _(
                "The complainant asked for an investigation. Name the investigating officer and "
                "the independent person. The response is due within 25 working days of the "
                "request."
            )
        return _(
            "The complainant asked for a review panel. It meets within 30 working days of the "
            "request."
        )

    def unavailable(self) -> str:
        if self.withdrawn():
            return self.withdrawn()
        if self.complaint.stage >= Stage.REVIEW_PANEL:
            return _("The complaint is at stage 3: there is no further stage.")
        return ""

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["stage"] = min(self.next_stage, Stage.REVIEW_PANEL)
        return kwargs

    dated_today = "requested_on"

    def stage(self) -> int:
        return self.next_stage


class PanelDateView(ComplaintStepView):
    form_class = forms.PanelDateForm
    service = staticmethod(services.set_panel_date)
    heading = gettext_lazy("Record the date of the review panel")
    success_message = gettext_lazy("Review panel date recorded")
    record_label = "Child record: complaint review panel date"

    def unavailable(self) -> str:
        if self.withdrawn():
            return self.withdrawn()
        if self.complaint.stage3_requested_on is None:
            return _("A review panel has not been requested.")
        return ""


class WithdrawalView(ComplaintStepView):
    form_class = forms.WithdrawalForm
    service = staticmethod(services.withdraw_complaint)
    heading = gettext_lazy("Record that the complaint was withdrawn")
    success_message = gettext_lazy("Withdrawal recorded")
    record_label = "Child record: complaint withdrawn"

    def unavailable(self) -> str:
        if self.withdrawn():
            return self.withdrawn()
        if self.complaint.status != ComplaintStatus.OPEN:
            return _("The complaint has been answered and is not open at any stage.")
        return ""

    dated_today = "withdrawn_on"


class AdvocacyView(ComplaintStepView):
    form_class = forms.AdvocacyForm
    service = staticmethod(services.record_advocacy)
    heading = gettext_lazy("An advocate for the child")
    intro = gettext_lazy(
        "A child who complains is offered an advocate to help them. Record when one was "
        "offered, whether the child accepted and who the advocate is."
    )
    success_message = gettext_lazy("Advocacy recorded")
    record_label = "Child record: complaint advocacy"

    def get_initial(self) -> dict[str, Any]:
        complaint = self.complaint
        yes_no = {True: "yes", False: "no", None: None}
        return {
            "is_advocate_offered": yes_no[complaint.is_advocate_offered],
            "advocate_offered_on": complaint.advocate_offered_on,
            "is_advocate_accepted": yes_no[complaint.is_advocate_accepted],
            "advocate_name": complaint.advocate_name,
        }


class LearningView(ComplaintStepView):
    form_class = forms.LearningForm
    service = staticmethod(services.record_learning)
    heading = gettext_lazy("What the service has learned")
    success_message = gettext_lazy("Learning recorded")
    record_label = "Child record: complaint learning"

    def get_initial(self) -> dict[str, Any]:
        return {"learning": self.complaint.learning}


class LearningActionView(ComplaintStepView):
    form_class = forms.LearningActionForm
    service = staticmethod(services.add_learning_action)
    heading = gettext_lazy("Add an action")
    intro = gettext_lazy("Something that changes because of the complaint: who does it, by when.")
    success_message = gettext_lazy("Action added")
    record_label = "Child record: complaint action added"


class ActionDoneView(ComplaintStepView):
    """The owner of a learning action (or a complaints manager) marks it done."""

    permission = P.VIEW_RECORD
    form_class = forms.ActionDoneForm
    service = staticmethod(services.mark_learning_action_done)
    heading = gettext_lazy("Mark an action done")
    success_message = gettext_lazy("Action marked done")
    record_label = "Child record: complaint action done"

    @property
    def action(self) -> LearningAction | None:
        return LearningAction.objects.filter(
            complaint=self.complaint, pk=self.kwargs["action_pk"]
        ).first()

    def unavailable(self) -> str:
        action = self.action
        if action is None:
            return _("There is no such action.")
        if action.done_on is not None:
            return _("The action was marked done on %(date)s.") % {
                "date": long_date(action.done_on)
            }
        user = self.request.user
        if action.owner_id != user.pk and not allows(user, P.MANAGE_COMPLAINTS):
            return _("Only its owner or a complaints manager marks it done.")
        return ""

    @property
    def intro(self) -> str:  # type: ignore[override]
        action = self.action
        return action.text if action else ""

    def service_kwargs(self, form: Any) -> dict[str, Any]:
        kwargs = super().service_kwargs(form)
        del kwargs["complaint"]
        kwargs["action"] = self.action
        return kwargs

    dated_today = "done_on"

    def get_success_url(self) -> str:
        if self.request.GET.get("next") == "work":
            return reverse("duties:my-work")
        return self.back_url()
