"""The LADO's steps on an allegation: the initial consideration, a meeting, an action done,
the outcome, the closure, and naming who else may read it."""

from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View

from kinfolk.access.policy import P
from kinfolk.allegations.forms import (
    ActionDoneForm,
    CloseForm,
    ConsiderationForm,
    MeetingForm,
    OutcomeForm,
    ReaderForm,
)
from kinfolk.allegations.models import AllegationReader, MeetingAction
from kinfolk.allegations.services import (
    AgreedAction,
    close_allegation,
    complete_meeting_action,
    name_reader,
    record_initial_consideration,
    record_meeting,
    record_outcome,
    remove_reader,
)
from kinfolk.allegations.views.base import AllegationMixin, AllegationStepView
from kinfolk.core.forms import CaseworkForm


class ConsiderationView(AllegationStepView):
    permission = P.RECORD_ALLEGATION
    form_class = ConsiderationForm
    heading = _("Record the initial consideration")
    intro = _(
        "Decide within 1 working day of receiving the allegation. Give the rationale whatever "
        "you decide, including when the LADO has no further role."
    )
    success_message = _("Initial consideration recorded")
    record_label = "Allegation: initial consideration"
    edits = True
    service = staticmethod(record_initial_consideration)

    def get_initial(self) -> dict[str, Any]:
        return {"considered_on": timezone.localdate()}

    def unavailable(self) -> str:
        if self.allegation.is_considered:
            return str(_("The initial consideration has already been recorded."))
        return ""


class MeetingView(AllegationStepView):
    permission = P.RECORD_ALLEGATION
    template_name = "allegations/meeting_form.html"
    form_class = MeetingForm
    heading = _("Record an allegation management meeting")
    success_message = _("Meeting recorded")
    record_label = "Allegation: meeting"
    service = staticmethod(record_meeting)

    def unavailable(self) -> str:
        return str(_("The allegation is closed.")) if self.allegation.closed_on else ""

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        kwargs = super().service_kwargs(form)
        kwargs["actions"] = [
            AgreedAction(text=a["_text"], owner=a["_owner"], due_on=a["_due"])
            for a in kwargs["actions"]
        ]
        return kwargs


class OutcomeView(AllegationStepView):
    permission = P.RECORD_ALLEGATION
    form_class = OutcomeForm
    heading = _("Record the outcome")
    success_message = _("Outcome recorded")
    record_label = "Allegation: outcome"
    edits = True
    service = staticmethod(record_outcome)

    def get_initial(self) -> dict[str, Any]:
        a = self.allegation
        return {
            "outcome_on": a.outcome_on or timezone.localdate(),
            "outcome": a.outcome,
            "employer_action": a.employer_action,
        }

    def unavailable(self) -> str:
        if self.allegation.closed_on:
            return str(_("The allegation is closed."))
        if not self.allegation.is_considered:
            return str(_("Record the initial consideration first."))
        return ""


class CloseView(AllegationStepView):
    permission = P.RECORD_ALLEGATION
    form_class = CloseForm
    heading = _("Close the allegation")
    success_message = _("Allegation closed")
    record_label = "Allegation: closure"
    edits = True
    service = staticmethod(close_allegation)

    def get_initial(self) -> dict[str, Any]:
        return {"closed_on": timezone.localdate()}

    def unavailable(self) -> str:
        return str(_("The allegation is closed.")) if self.allegation.closed_on else ""


class ActionDoneView(AllegationStepView):
    permission = P.RECORD_ALLEGATION
    form_class = ActionDoneForm
    heading = _("Record the action as done")
    success_message = _("Action recorded as done")
    record_label = "Allegation: action done"

    @cached_property
    def action(self) -> MeetingAction:
        return get_object_or_404(
            MeetingAction, meeting__allegation=self.allegation, pk=self.kwargs["action_pk"]
        )

    def get_initial(self) -> dict[str, Any]:
        return {"done_on": timezone.localdate()}

    def unavailable(self) -> str:
        return str(_("This action has been done.")) if self.action.done_on else ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["intro"] = f"{self.action.text} ({self.action.owner})"
        return context

    def record(self, form: CaseworkForm) -> Any:
        return complete_meeting_action(
            action=self.action, done_on=form.cleaned_data["done_on"], actor=self.request.user
        )


class ReaderView(AllegationStepView):
    permission = P.RECORD_ALLEGATION
    form_class = ReaderForm
    heading = _("Let someone else read the allegation")
    intro = _(
        "Only the LADO reads an allegation, even among the staff who may open the child. Name "
        "anyone else who needs to, such as the child's social worker, and why."
    )
    success_message = _("They may now read the allegation")
    record_label = "Allegation: naming a reader"
    service = staticmethod(name_reader)


class RemoveReaderView(AllegationMixin, View):
    """A button on the allegation's page: stop someone reading it."""

    permission = P.RECORD_ALLEGATION
    http_method_names = ["post"]
    record_label = "Allegation: removing a reader"

    def post(self, request: HttpRequest, pk: int, reader_pk: int) -> HttpResponse:
        reader = get_object_or_404(AllegationReader, allegation=self.allegation, pk=reader_pk)
        remove_reader(reader=reader, actor=request.user)
        messages.success(
            request, _("%(name)s may no longer read the allegation") % {"name": reader.user}
        )
        from django.urls import reverse

        return HttpResponseRedirect(reverse("allegations:detail", args=[pk]))
