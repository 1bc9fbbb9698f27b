"""Pages of the front door: the queue of contacts waiting to be screened, recording and
screening a contact, the managers' sign-off queue, and the start and end of early help."""

from functools import cached_property
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import RedirectView, TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.frontdoor.forms import (
    AnswerForm,
    ContactForm,
    EarlyHelpEndForm,
    EarlyHelpStartForm,
    ScreeningForm,
    SignOffForm,
    UrgencyFields,
)
from kinfolk.frontdoor.history import (
    contact_histories,
    screening_records,
    unscreened_contacts,
    waiting_since,
)
from kinfolk.frontdoor.models import Contact, EarlyHelpEpisode, ScreeningDecision, ScreeningReturn
from kinfolk.frontdoor.services import (
    answer_screening_return,
    end_early_help,
    find_unscreened_contact,
    record_contact,
    return_screening,
    screen_contact,
    set_contact_urgency,
    sign_off_screening,
    start_early_help,
)
from kinfolk.people.models import Child
from kinfolk.people.views.record_form import ChildRecordFormView
from kinfolk.people.views.search import ChildSearchView


class ContactQueueView(TemplateView):
    """The hub's queue: contacts not yet screened, oldest first, each with how long it has
    waited and the history of the child and household (docs/domain.md stage 1, findings 1, 2,
    10 and 46)."""

    permission = P.RECORD_CONTACT

    template_name = "frontdoor/contact_queue.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        is_domestic_abuse_only = self.request.GET.get("show") == "domestic-abuse"
        contacts = unscreened_contacts(
            self.request.user, is_domestic_abuse=True if is_domestic_abuse_only else None
        )
        entries = contact_histories(contacts, self.request.user)
        # The children the contacts are about, and the children they live with, named on
        # the page.
        named = {contact.child_id for contact in contacts} | {
            member.pk for entry in entries for member in entry.household_children
        }
        record_listing(
            user=self.request.user,
            child_ids=sorted(named),
            what=_("Front door: contacts waiting to be screened"),
            path=self.request.get_full_path(),
            source=request_source(self.request),
        )
        context.update(
            entries=entries,
            is_domestic_abuse_only=is_domestic_abuse_only,
            screening_working_days=settings.KINFOLK_SCREENING_WORKING_DAYS,
        )
        return context


class ContactChildSearchView(ChildSearchView):
    """Find the child a contact is about, before recording it (the "Find a child" search,
    with each result leading to the contact form)."""

    permission = P.RECORD_CONTACT

    template_name = "frontdoor/contact_child_search.html"


class ContactCreateView(ChildRecordFormView):
    """Record a contact about the child."""

    permission = P.RECORD_CONTACT

    template_name = "frontdoor/contact_form.html"
    form_class = ContactForm
    service = staticmethod(record_contact)
    heading = gettext_lazy("Record a contact")
    record_label = "Child record: contact recorded"
    back_url_name = "children:detail"

    @property
    def success_message(self) -> str:
        return _("Contact recorded for %(child)s. It is waiting to be screened.") % {
            "child": self.child
        }

    def get_initial(self) -> dict[str, Any]:
        return {"received_on": timezone.localdate()}

    def service_kwargs(self, form: ContactForm) -> dict[str, Any]:
        # The service takes the moment received, which the form makes of the date and time.
        kwargs = super().service_kwargs(form)
        del kwargs["received_on"], kwargs["received_time"]
        return kwargs

    def get_success_url(self) -> str:
        return reverse("frontdoor:queue")


class ContactScreenView(ChildRecordFormView):
    """Screen a contact: read what happened before to the child and household, then record
    the decision, its urgency and rationale (docs/domain.md stage 2, findings 1 and 2).

    Without a contact in the address, the page screens the child's oldest contact still
    waiting.
    """

    permission = P.SCREEN

    template_name = "frontdoor/contact_screen.html"
    form_class = ScreeningForm
    service = staticmethod(screen_contact)
    child_argument = None
    actor_argument = "decided_by"
    record_label = "Child record: screening"

    @cached_property
    def contact(self) -> Contact | None:
        if "contact_pk" in self.kwargs:
            return get_object_or_404(
                Contact.objects.filter(child=self.child).select_related("recorded_by"),
                pk=self.kwargs["contact_pk"],
            )
        try:
            return find_unscreened_contact(self.child)
        except ValidationError:
            return None

    @cached_property
    def decision(self) -> ScreeningDecision | None:
        if self.contact is None:
            return None
        return (
            ScreeningDecision.objects.filter(contact=self.contact)
            .select_related("decided_by", "signed_off_by")
            .first()
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.contact is None or self.decision is not None:
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(contact=self.contact, decision=self.decision)
        if self.decision is not None:
            context["returns"] = list(
                self.decision.returns.select_related("returned_by", "answered_by")
            )
        if self.contact is not None:
            records = screening_records(self.contact, self.request.user)
            context.update(
                history=contact_histories([self.contact], self.request.user)[0],
                records=records,
                waiting=waiting_since(
                    self.contact.received_at,
                    now=self.decision.decided_at if self.decision else None,
                ),
            )
            # The household's children named on the page are listed in their access logs.
            record_listing(
                user=self.request.user,
                child_ids=[member.pk for member in records.household_children],
                what=_("Named on another child's screening"),
                path=self.request.path,
                source=request_source(self.request),
            )
        return context

    def service_kwargs(self, form: ScreeningForm) -> dict[str, Any]:
        return {
            **super().service_kwargs(form),
            "contact": self.contact,
            "decided_at": timezone.now(),
        }

    @property
    def success_message(self) -> str:
        # The banner says what was decided and whether it waits for a manager.
        made: ScreeningDecision = self.recorded
        message = _("Screening decision recorded for %(child)s: %(outcome)s.") % {
            "child": self.child,
            "outcome": made.get_outcome_display().lower(),
        }
        if made.is_awaiting_sign_off:
            message += " " + _("It is waiting for a manager's sign-off.")
        return message

    def get_success_url(self) -> str:
        return reverse("frontdoor:queue")


class SignOffQueueView(RedirectView):
    """The front door's own sign-off queue is now the one queue of everything that waits
    for a manager (docs/sign-off.md); its address leads there, showing screening decisions."""

    permission = P.SIGN_OFF

    def get_redirect_url(self, *args: Any, **kwargs: Any) -> str:
        return reverse("sign-off-queue") + "?kind=screening"


def urgency_changes(contact: Contact, form_data: dict[str, Any]) -> dict[str, Any]:
    """The urgency and deadline the manager entered, when they differ from the contact's."""
    urgency, respond_by = form_data.get("urgency", ""), form_data.get("respond_by_at")
    if (urgency, respond_by) == (contact.urgency, contact.respond_by):
        return {}
    if not urgency and respond_by is None:
        return {}
    return {"urgency": urgency, "respond_by": respond_by}


class ScreeningSignOffView(ChildRecordFormView):
    """A manager agrees a no further action or early help decision, giving their own
    rationale, or returns it to the worker with reasons; and may set the contact's urgency
    and deadline (docs/sign-off.md; docs/domain.md stage 2, finding 1)."""

    permission = P.SIGN_OFF

    template_name = "frontdoor/sign_off_form.html"
    form_class = SignOffForm
    child_argument = None
    actor_argument = "manager"
    record_label = "Child record: screening sign-off"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        # The decision is found among the children the user may see; the child record mixin
        # then checks the role and writes the access log for the decision's child.
        self.decision = get_object_or_404(
            ScreeningDecision.objects.filter(
                contact__child__in=Child.objects.visible_to(request.user)
            ).select_related("contact__child", "contact__recorded_by", "decided_by"),
            pk=kwargs["screening_pk"],
        )
        kwargs["pk"] = self.decision.contact.child_id
        return super().dispatch(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.decision.is_awaiting_sign_off:
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        contact = self.decision.contact
        initial: dict[str, Any] = {"urgency": contact.urgency or self.decision.urgency}
        if contact.respond_by:
            local = timezone.localtime(contact.respond_by)
            initial.update(respond_by_on=local.date(), respond_by_time=f"{local:%H:%M}")
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            decision=self.decision,
            contact=self.decision.contact,
            returns=list(self.decision.returns.select_related("returned_by", "answered_by")),
            waiting=waiting_since(self.decision.decided_at),
            is_own_decision=self.decision.decided_by_id == self.request.user.pk,
        )
        return context

    def record(self, form: SignOffForm) -> Any:  # type: ignore[override]
        data = form.cleaned_data
        changes = urgency_changes(self.decision.contact, data)
        if data["choice"] == SignOffForm.RETURN:
            return return_screening(
                decision=self.decision,
                manager=self.request.user,
                reasons=data["rationale"],
                **changes,
            )
        return sign_off_screening(
            decision=self.decision,
            manager=self.request.user,
            rationale=data["rationale"],
            **changes,
        )

    @property
    def success_message(self) -> str:
        if isinstance(self.recorded, ScreeningReturn):
            return _(
                "Screening decision for %(child)s returned to the worker with your reasons"
            ) % {"child": self.child}
        return _("Screening decision for %(child)s signed off") % {"child": self.child}

    def get_success_url(self) -> str:
        return reverse("sign-off-queue")


class ScreeningAnswerView(ChildRecordFormView):
    """The worker reads a manager's reasons for returning their screening decision and
    answers them, changing the decision or its urgency if the reasons persuade them
    (docs/sign-off.md)."""

    permission = P.SCREEN

    template_name = "frontdoor/answer_form.html"
    form_class = AnswerForm
    service = staticmethod(answer_screening_return)
    child_argument = None
    record_label = "Child record: screening return answered"

    @cached_property
    def decision(self) -> ScreeningDecision:
        return get_object_or_404(
            ScreeningDecision.objects.filter(contact__child=self.child).select_related(
                "contact__recorded_by", "decided_by", "signed_off_by"
            ),
            pk=self.kwargs["screening_pk"],
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not self.decision.is_returned:
            return self.render_to_response(self.get_context_data())
        return super().post(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"outcome": self.decision.outcome, "urgency": self.decision.urgency}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            decision=self.decision,
            contact=self.decision.contact,
            returns=list(self.decision.returns.select_related("returned_by", "answered_by")),
        )
        return context

    def service_kwargs(self, form: AnswerForm) -> dict[str, Any]:
        return {**super().service_kwargs(form), "decision": self.decision}

    @property
    def success_message(self) -> str:
        made: ScreeningDecision = self.recorded
        if made.is_awaiting_sign_off:
            return _("Your answer is recorded. The decision is back with the managers.")
        return _("Your answer is recorded. The decision no longer needs a sign-off.")

    def get_success_url(self) -> str:
        return reverse("frontdoor:contact-screen", args=[self.child.pk, self.decision.contact_id])


class ContactUrgencyView(ChildRecordFormView):
    """A manager sets how urgent a contact is and the date and time by which the front door
    must decide on it (docs/domain.md finding 1)."""

    permission = P.SIGN_OFF

    template_name = "frontdoor/urgency_form.html"
    form_class = UrgencyFields
    service = staticmethod(set_contact_urgency)
    child_argument = None
    renamed = {"respond_by_at": "respond_by"}
    record_label = "Child record: contact urgency"

    @cached_property
    def contact(self) -> Contact:
        return get_object_or_404(
            Contact.objects.filter(child=self.child, screening__isnull=True),
            pk=self.kwargs["contact_pk"],
        )

    def get_initial(self) -> dict[str, Any]:
        initial: dict[str, Any] = {"urgency": self.contact.urgency}
        if self.contact.respond_by:
            local = timezone.localtime(self.contact.respond_by)
            initial.update(respond_by_on=local.date(), respond_by_time=f"{local:%H:%M}")
        return initial

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(contact=self.contact, waiting=waiting_since(self.contact.received_at))
        return context

    def service_kwargs(self, form: UrgencyFields) -> dict[str, Any]:
        return {**super().service_kwargs(form), "contact": self.contact}

    @property
    def success_message(self) -> str:
        return _("Urgency set for the contact about %(child)s") % {"child": self.child}

    def get_success_url(self) -> str:
        return reverse("frontdoor:queue")


class EarlyHelpFormView(ChildRecordFormView):
    """A page that starts or ends the child's early help, knowing the open episode, if any,
    and returning to the chronology."""

    back_url_name = "children:detail"

    @cached_property
    def open_episode(self) -> EarlyHelpEpisode | None:
        return EarlyHelpEpisode.objects.filter(child=self.child, end_on__isnull=True).first()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["open_episode"] = self.open_episode
        return context

    def get_success_url(self) -> str:
        return reverse("children:chronology", args=[self.child.pk])


class EarlyHelpStartView(EarlyHelpFormView):
    """Start early help for the child: from screening, or a step-down from social care."""

    permission = P.SCREEN

    template_name = "frontdoor/early_help_start.html"
    form_class = EarlyHelpStartForm
    service = staticmethod(start_early_help)
    record_label = "Child record: early help started"

    @property
    def success_message(self) -> str:
        return _("Early help started for %(child)s") % {"child": self.child}

    def get_initial(self) -> dict[str, Any]:
        return {"start_on": timezone.localdate()}


class EarlyHelpEndView(EarlyHelpFormView):
    """End the child's early help: a step-up to social care, or the work is done."""

    permission = P.SCREEN

    template_name = "frontdoor/early_help_end.html"
    form_class = EarlyHelpEndForm
    service = staticmethod(end_early_help)
    record_label = "Child record: early help ended"

    @property
    def success_message(self) -> str:
        return _("Early help ended for %(child)s") % {"child": self.child}

    def get_initial(self) -> dict[str, Any]:
        return {"end_on": timezone.localdate()}
