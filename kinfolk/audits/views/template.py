"""The head of service's pages for the audit template: its themes and their questions in
order, a question added, moved up or down, or taken off (retired when an audit graded it)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from kinfolk.access.policy import P
from kinfolk.audits.forms import QuestionForm
from kinfolk.audits.models import AuditQuestion, AuditTheme
from kinfolk.audits.services import active_template, add_question, move_question, remove_question


class AuditTemplateView(TemplateView):
    permission = P.MANAGE_AUDIT_TEMPLATE
    template_name = "audits/template.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        template = active_template()
        context["template"] = template
        context["themes"] = list(
            template.themes.prefetch_related(
                Prefetch(
                    "questions",
                    queryset=AuditQuestion.objects.filter(is_retired=False),
                    to_attr="asked",
                )
            )
        )
        context["retired"] = list(
            AuditQuestion.objects.filter(theme__template=template, is_retired=True).select_related(
                "theme"
            )
        )
        return context


class AddQuestionView(FormView):
    permission = P.MANAGE_AUDIT_TEMPLATE
    template_name = "audits/question_form.html"
    form_class = QuestionForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.theme = get_object_or_404(AuditTheme, pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)

    def form_valid(self, form: QuestionForm) -> HttpResponse:
        try:
            add_question(theme=self.theme, **form.cleaned_data)
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Question added"))
        return HttpResponseRedirect(reverse("audits:template"))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        return {**super().get_context_data(**kwargs), "theme": self.theme}


class QuestionChangeView(View):
    """A button on the template page: move a question up or down, or take it off."""

    permission = P.MANAGE_AUDIT_TEMPLATE
    http_method_names = ["post"]

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        question = get_object_or_404(AuditQuestion, pk=pk, is_retired=False)
        change = request.POST.get("change", "")
        if change in ("up", "down"):
            move_question(question=question, up=change == "up")
        elif change == "remove":
            retired = remove_question(question=question)
            messages.success(
                request,
                _("Question retired: the audits that graded it keep it")
                if retired
                else _("Question removed"),
            )
        return HttpResponseRedirect(reverse("audits:template"))
