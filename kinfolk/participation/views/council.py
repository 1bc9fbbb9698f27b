"""The children in care council's consultation log ("you said, we did", docs/domain.md
finding 23), the pages that add to it, the list of advocacy themes, and the participation
index that leads to every list."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from kinfolk.access.policy import P, may_reach
from kinfolk.access.services import record_listing, request_source
from kinfolk.participation import forms, services
from kinfolk.participation.models import Consultation, ConsultationParticipant
from kinfolk.people.models import Child

#: Consultations on each page of the log.
LOG_PAGE_SIZE = 20


class IndexView(TemplateView):
    """The pages of voice and participation the user may open."""

    permission = P.VIEW_RECORD
    template_name = "participation/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        pages = [
            ("participation:consultations", _("Children in care council: you said, we did")),
            (
                "participation:visitors",
                _("Independent visitors: waiting for a match and never offered"),
            ),
            ("participation:not-told", _("Children in care not yet told how to complain")),
            (
                "participation:no-transition-plan",
                _("Disabled young people of 14 or more without a transition plan"),
            ),
            ("participation:advocacy-themes", _("Advocacy themes by quarter")),
        ]
        context["pages"] = [
            {"url": url, "label": label}
            for url, label in ((reverse(name), label) for name, label in pages)
            if may_reach(self.request.user, url)
        ]
        return context


class ConsultationListView(TemplateView):
    """The consultation log, newest first, with participation by cohort; the named children
    on the page are logged as listed."""

    permission = P.RECORD_PARTICIPATION
    template_name = "participation/consultations.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        page = Paginator(Consultation.objects.order_by("-held_on", "-pk"), LOG_PAGE_SIZE).get_page(
            self.request.GET.get("page")
        )
        consultations = list(page.object_list)
        by_cohort = services.cohorts(consultations)
        for consultation in consultations:
            consultation.cohort = by_cohort[consultation.pk]
        named = ConsultationParticipant.objects.filter(consultation__in=consultations)
        record_listing(
            user=self.request.user,
            child_ids=sorted(set(named.values_list("child_id", flat=True))),
            what=str(_("Children in care council consultations")),
            path=self.request.get_full_path(),
            source=request_source(self.request),
        )
        context.update(consultations=consultations, page=page, total=page.paginator.count)
        return context


class CouncilFormView(FormView):
    """A form of the council's log: the service's refusals shown next to their field."""

    permission = P.RECORD_PARTICIPATION
    template_name = "participation/council_form.html"
    heading: Any = ""
    success_message: Any = ""

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(heading=self.heading, back_url=reverse("participation:consultations"))
        return context

    def record(self, form: Any) -> Any:
        raise NotImplementedError

    def form_valid(self, form: Any) -> HttpResponse:
        try:
            self.record(form)
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(reverse("participation:consultations"))


class ConsultationCreateView(CouncilFormView):
    form_class = forms.ConsultationForm
    heading = _("Record a consultation")
    success_message = _("Consultation recorded")

    def record(self, form: Any) -> Any:
        data = dict(form.cleaned_data)
        ids = data.pop("participants")
        for band in form.counts():
            data.pop(f"count_{band}")
        visible = {
            c.la_child_id.lower(): c
            for c in Child.objects.visible_to(self.request.user).filter(la_child_id__in=ids)
        }
        unknown = [i for i in ids if i.lower() not in visible]
        if unknown:
            raise ValidationError(
                {
                    "participants": _("No child you may see has the child ID %(id)s")
                    % {"id": unknown[0]}
                }
            )
        return services.record_consultation(
            **data,
            participants=list(visible.values()),
            counts=form.counts(),
            actor=self.request.user,
        )

    def get_initial(self) -> dict[str, Any]:
        return {"held_on": timezone.localdate()}


class ConsultationFeedbackView(CouncilFormView):
    form_class = forms.FeedbackForm
    heading = _("Record what the council did")
    success_message = _("What the council did recorded")

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        self.consultation = get_object_or_404(Consultation, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {
            "council_did": self.consultation.council_did,
            "action_by": self.consultation.action_by,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["consultation"] = self.consultation
        return context

    def record(self, form: Any) -> Any:
        return services.record_consultation_feedback(
            consultation=self.consultation, actor=self.request.user, **form.cleaned_data
        )


class ThemeAddView(CouncilFormView):
    form_class = forms.ThemeForm
    heading = _("Add an advocacy theme")
    success_message = _("Theme added")

    def record(self, form: Any) -> Any:
        return services.add_advocacy_theme(actor=self.request.user, **form.cleaned_data)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["back_url"] = reverse("participation:advocacy-themes")
        return context

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        if isinstance(response, HttpResponseRedirect):
            return HttpResponseRedirect(reverse("participation:advocacy-themes"))
        return response
