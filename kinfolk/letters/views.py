"""Letters to a child's family: written from a template for one recipient, previewed, then
produced as a PDF that is kept with the letter; each download of the PDF is an export in the
child's access log (docs/printing.md). Pages under ``/children/<pk>/letters/``."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from kinfolk.access.policy import P
from kinfolk.casework.models import Assessment
from kinfolk.letters.choices import LetterKind
from kinfolk.letters.forms import LETTER_FORMS, LetterForm
from kinfolk.letters.models import Letter
from kinfolk.letters.services import produce_letter
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.printing import PrintableMixin, pdf_filename, print_document
from kinfolk.protection.models import Conference

#: The letter itself, as printed and as shown on its page and in the preview.
LETTER_DOCUMENT = "letters/documents/letter.html"


class LetterListView(ChildRecordMixin, TemplateView):
    """The letters produced for the child's family, newest first, and the kinds to write."""

    permission = P.VIEW_RECORD

    template_name = "letters/letter_list.html"
    record_label = "Child record: letters"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["letters"] = list(self.child.letters.select_related("produced_by").defer("pdf"))
        context["kinds"] = LetterKind.choices
        context["conferences"] = list(Conference.objects.filter(child=self.child)[:5])
        context["assessments"] = list(
            Assessment.objects.filter(child=self.child, authorised_on__isnull=False).order_by(
                "-authorised_on", "-pk"
            )[:5]
        )
        return context


class LetterCreateView(ChildRecordMixin, FormView):
    """Write a letter of one kind: the form, then its preview, then the letter produced."""

    permission = P.RECORD_CASEWORK

    template_name = "letters/letter_form.html"
    record_label = "Child record: writing a letter"

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        kind = request.GET.get("kind", "")
        self.kind = LetterKind(kind) if kind in LETTER_FORMS else None
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.kind is None:
            return self.choose_kind()
        return super().get(request, *args, **kwargs)

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.kind is None:
            return self.choose_kind()
        return super().post(request, *args, **kwargs)

    def choose_kind(self) -> HttpResponse:
        """Opened without a kind of letter: the kinds to choose from."""
        return TemplateResponse(
            self.request,
            "letters/letter_choose.html",
            {**self.get_context_data(form=None), "kinds": LetterKind.choices},
        )

    def get_form_class(self) -> type[LetterForm]:
        assert self.kind is not None
        return LETTER_FORMS[self.kind]

    def get_form_kwargs(self) -> dict[str, Any]:
        chosen = self.request.GET.get("conference") or self.request.GET.get("assessment")
        return {
            **super().get_form_kwargs(),
            "child": self.child,
            "chosen": chosen if chosen and chosen.isdigit() else None,
        }

    def letter_context(self, form: LetterForm) -> dict[str, Any]:
        """What the letter's document shows, from a valid form."""
        return {
            "child": self.child,
            "recipient_name": form.cleaned_data["recipient_name"],
            "recipient_address": form.cleaned_data["recipient_address"],
            "subject": form.subject(),
            "paragraphs": form.paragraphs(),
            "sent_on": timezone.localdate(),
            "sender": self.request.user,
            "document_title": form.subject(),
        }

    def form_valid(self, form: LetterForm) -> HttpResponse:
        letter = self.letter_context(form)
        if "produce" not in self.request.POST:
            return self.render_to_response(self.get_context_data(form=form, preview=letter))
        printed = print_document(
            LETTER_DOCUMENT,
            {**letter, "document_template": LETTER_DOCUMENT},
            title=letter["subject"],
            filename="letter.pdf",
            request=self.request,
        )
        try:
            produced = produce_letter(
                child=self.child,
                kind=self.kind,
                recipient_name=letter["recipient_name"],
                recipient_address=letter["recipient_address"],
                subject=letter["subject"],
                body="\n\n".join(letter["paragraphs"]),
                pdf=printed.pdf,
                actor=self.request.user,
                **form.records(),
            )
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Letter produced: download the PDF to send it"))
        return HttpResponseRedirect(
            reverse("letters:letter", args=[self.child.pk]) + f"?letter={produced.pk}"
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.kind.label if self.kind else _("Write a letter"),
            letter_document=LETTER_DOCUMENT,
            back_url=reverse("letters:letters", args=[self.child.pk]),
        )
        return context


class LetterDetailView(PrintableMixin, TemplateView):
    """A produced letter as it was sent; ``?format=pdf`` downloads the PDF kept with it."""

    permission = P.VIEW_RECORD

    template_name = "letters/letter_detail.html"
    document_template = LETTER_DOCUMENT
    record_label = "Child record: letter"
    export_label = "Child record: letter, PDF downloaded"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        letters = Letter.objects.select_related("produced_by").filter(child=self.child)
        chosen = self.request.GET.get("letter", "")
        letter = letters.filter(pk=chosen).first() if chosen.isdigit() else letters.first()
        context["back_url"] = reverse("letters:letters", args=[self.child.pk])
        context["letter"] = letter
        if letter is None:
            return context
        context.update(
            recipient_name=letter.recipient_name,
            recipient_address=letter.recipient_address,
            subject=letter.subject,
            paragraphs=letter.body.split("\n\n"),
            sent_on=timezone.localtime(letter.produced_at).date(),
            sender=letter.produced_by,
            document_title=letter.subject,
            pdf_url=reverse("letters:letter", args=[self.child.pk])
            + f"?letter={letter.pk}&format=pdf",
        )
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        letter = context["letter"]
        if letter is None:
            # Nothing to print: the page says so.
            return TemplateView.render_to_response(self, context, **kwargs)
        if not self.is_pdf:
            return super().render_to_response(context, **kwargs)
        response = HttpResponse(bytes(letter.pdf), content_type="application/pdf")
        filename = pdf_filename("letter", letter.kind, letter.pk, self.child.la_child_id)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response
