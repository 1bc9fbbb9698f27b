"""Subject access pages for information governance: register a request, prepare the
disclosure (redactions and notes over the whole record), complete it (the bundle and the
disclosure register), and the list of requests with their time limits (docs/records.md).

Requests are found among those about children the officer may see; a request about a child
they may not see is a 404, as the child's record would be.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView, View

from kinfolk.access.choices import AccessAction
from kinfolk.access.policy import P, Requirement
from kinfolk.access.reauth import RecentAuthenticationRequired
from kinfolk.access.services import record_access, request_source
from kinfolk.core.forms import add_service_errors
from kinfolk.people.models import Child
from kinfolk.people.search import ChildSearch, search_children
from kinfolk.records import disclosure, services
from kinfolk.records.collect import collect_child_record
from kinfolk.records.forms import (
    ChildFindForm,
    CompletionForm,
    ExtensionForm,
    IdentityForm,
    NoteForm,
    RedactionForm,
    RequestForm,
)
from kinfolk.records.models import DisclosureRegisterEntry, Redaction, SubjectAccessRequest


def visible_requests(user: Any):
    """Requests about the children the user may see."""
    return SubjectAccessRequest.objects.filter(
        child__in=Child.objects.visible_to(user)
    ).select_related("child")


class SubjectAccessMixin:
    """Pages of one request: ``self.sar``."""

    permission: Requirement = P.SUBJECT_ACCESS
    request: HttpRequest
    kwargs: dict[str, Any]

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.sar = get_object_or_404(visible_requests(request.user), pk=kwargs["pk"])
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(sar=self.sar, today=timezone.localdate())
        return context

    def detail_url(self) -> str:
        return reverse("records:request", args=[self.sar.pk])


class SubjectAccessRequestListView(TemplateView):
    """Every request, open ones first by time limit, overdue ones flagged."""

    permission = P.SUBJECT_ACCESS
    template_name = "records/request_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        requests = list(visible_requests(self.request.user).order_by("status", "due_on", "pk"))
        context.update(
            requests=[(sar, sar.is_overdue(today)) for sar in requests],
            overdue=sum(sar.is_overdue(today) for sar in requests),
        )
        return context


class SubjectAccessRequestCreateView(FormView):
    """Register a request: first find the child, then say who asked and when."""

    permission = P.SUBJECT_ACCESS
    template_name = "records/request_form.html"
    form_class = RequestForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        identifier = (request.GET.get("child") or request.POST.get("child") or "").strip()
        self.child = None
        if identifier:
            self.child = (
                Child.objects.visible_to(request.user).filter(la_child_id=identifier).first()
            )
            if self.child is None:
                raise Http404
        return super().dispatch(request, *args, **kwargs)

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.child is not None:
            return super().get(request, *args, **kwargs)
        find = ChildFindForm(request.GET or None)
        results = None
        if find.is_valid():
            query = find.cleaned_data["q"].strip()
            criteria = (
                ChildSearch(la_child_id=query)
                if query.isalnum() and any(c.isdigit() for c in query)
                else ChildSearch(name=query)
            )
            results = search_children(criteria, user=request.user)[:20]
        return render(request, "records/request_find.html", {"form": find, "results": results})

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.child is None:
            return HttpResponseRedirect(reverse("records:request-create"))
        return super().post(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["child"] = self.child
        return context

    def form_valid(self, form: RequestForm) -> HttpResponse:
        try:
            sar = services.register_request(
                child=self.child, **form.cleaned_data, actor=self.request.user
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Request %(ref)s registered") % {"ref": sar.reference})
        return HttpResponseRedirect(reverse("records:request", args=[sar.pk]))


class SubjectAccessRequestDetailView(SubjectAccessMixin, TemplateView):
    """One request: who asked, the time limit, the preparation and the disclosures sent."""

    template_name = "records/request_detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            identity_form=kwargs.get("identity_form") or IdentityForm(),
            redactions=self.sar.redactions.count(),
            notes=self.sar.notes.select_related("written_by"),
            disclosures=self.sar.disclosures.select_related("recorded_by"),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = IdentityForm(request.POST)
        if form.is_valid():
            try:
                services.verify_identity(
                    request=self.sar,
                    evidence=form.cleaned_data["identity_evidence"],
                    actor=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Identity recorded as verified"))
                return HttpResponseRedirect(self.detail_url())
        return self.render_to_response(self.get_context_data(identity_form=form))


class SubjectAccessRequestExtendView(SubjectAccessMixin, FormView):
    """Extend the time limit by two further months, with the reason."""

    template_name = "records/request_extend.html"
    form_class = ExtensionForm

    def form_valid(self, form: ExtensionForm) -> HttpResponse:
        try:
            services.extend_deadline(request=self.sar, **form.cleaned_data, actor=self.request.user)
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Time limit extended"))
        return HttpResponseRedirect(self.detail_url())


class DisclosurePrepareView(SubjectAccessMixin, TemplateView):
    """The whole record, record by record, with what is marked for redaction. Opening it is
    written to the child's access log: it shows every record held about them."""

    template_name = "records/prepare.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        prepared = disclosure.prepare(
            collect_child_record(self.sar.child), self.sar.redactions.all()
        )
        notes: dict[str, list] = {}
        for note in self.sar.notes.select_related("written_by"):
            notes.setdefault(note.record_key, []).append(note)
        record_access(
            user=self.request.user,
            child_id=self.sar.child_id,
            action=AccessAction.VIEW,
            what=f"Subject access {self.sar.reference}: the whole record, to prepare it",
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(
            prepared=[(item, notes.get(item.record.key, [])) for item in prepared],
            counts=disclosure.counts(prepared),
            request_notes=notes.get("", []),
            note_form=kwargs.get("note_form") or NoteForm(),
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        form = NoteForm(request.POST)
        if form.is_valid():
            try:
                services.add_note(
                    request=self.sar, text=form.cleaned_data["text"], actor=request.user
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Note added"))
                return HttpResponseRedirect(reverse("records:prepare", args=[self.sar.pk]))
        return self.render_to_response(self.get_context_data(note_form=form))


class DisclosureRecordView(SubjectAccessMixin, TemplateView):
    """One record of the disclosure: withhold it or one of its fields, or add a note."""

    template_name = "records/record.html"

    def _item(self) -> disclosure.PreparedRecord:
        key = f"{self.kwargs['record_type']}:{self.kwargs['record_id']}"
        records = [r for r in collect_child_record(self.sar.child) if r.key == key]
        if not records:
            raise Http404
        return disclosure.prepare(records, self.sar.redactions.all())[0]

    def _field_choices(self, item: disclosure.PreparedRecord) -> list[tuple[str, str]]:
        return [(name, capfirst(label)) for name, label, _value, _r in item.rows]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        item = kwargs.get("item") or self._item()
        context.update(
            item=item,
            form=kwargs.get("form") or RedactionForm(fields=self._field_choices(item)),
            note_form=kwargs.get("note_form") or NoteForm(prefix="note"),
            notes=[
                n
                for n in self.sar.notes.select_related("written_by")
                if n.record_key == item.record.key
            ],
        )
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        item = self._item()
        back = (
            reverse("records:prepare", args=[self.sar.pk])
            + f"#record-{item.record.type}-{item.record.id}"
        )
        if "note" in request.POST:
            note_form = NoteForm(request.POST, prefix="note")
            if note_form.is_valid():
                try:
                    services.add_note(
                        request=self.sar,
                        text=note_form.cleaned_data["text"],
                        record_key=item.record.key,
                        actor=request.user,
                    )
                except ValidationError as error:
                    add_service_errors(note_form, error)
                else:
                    messages.success(request, _("Note added"))
                    return HttpResponseRedirect(back)
            return self.render_to_response(self.get_context_data(item=item, note_form=note_form))
        form = RedactionForm(request.POST, fields=self._field_choices(item))
        if form.is_valid():
            try:
                services.mark_redaction(
                    request=self.sar,
                    record_key=item.record.key,
                    **form.cleaned_data,
                    actor=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Marked for redaction"))
                return HttpResponseRedirect(back)
        return self.render_to_response(self.get_context_data(item=item, form=form))


class RedactionRemoveView(SubjectAccessMixin, View):
    """Disclose again something marked for redaction (POST only)."""

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        redaction = get_object_or_404(Redaction, pk=kwargs["redaction"], request=self.sar)
        try:
            services.remove_redaction(redaction=redaction, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Redaction removed"))
        return HttpResponseRedirect(
            reverse("records:prepare", args=[self.sar.pk])
            + f"#record-{redaction.record_type}-{redaction.record_id}"
        )


class DisclosureCompleteView(RecentAuthenticationRequired, SubjectAccessMixin, FormView):
    """Send the disclosure: the bundle is produced and entered in the disclosure register."""

    template_name = "records/complete.html"
    form_class = CompletionForm

    def get_initial(self) -> dict[str, Any]:
        return {
            "sent_to": self.sar.requester_name,
            "sent_to_address": self.sar.requester_contact,
            "sent_on": timezone.localdate(),
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["counts"] = disclosure.counts(
            disclosure.prepare(collect_child_record(self.sar.child), self.sar.redactions.all())
        )
        return context

    def form_valid(self, form: CompletionForm) -> HttpResponse:
        try:
            entry = services.complete_disclosure(
                request=self.sar,
                **form.cleaned_data,
                actor=self.request.user,
                path=self.request.path,
                source=request_source(self.request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Disclosure entered in the register"))
        return HttpResponseRedirect(reverse("records:bundle", args=[self.sar.pk, entry.pk]))


class DisclosureBundleView(RecentAuthenticationRequired, SubjectAccessMixin, TemplateView):
    """The bundle as sent: a print view, or the JSON file (``?download=json``). Each opening
    is written to the child's access log as an export."""

    template_name = "records/bundle.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        entry = get_object_or_404(DisclosureRegisterEntry, pk=kwargs["entry"], request=self.sar)
        download = request.GET.get("download") == "json"
        record_access(
            user=request.user,
            child_id=self.sar.child_id,
            action=AccessAction.EXPORT,
            what=f"Subject access disclosure {self.sar.reference}: "
            + ("the JSON bundle" if download else "the print view"),
            path=request.path,
            source=request_source(request),
        )
        if download:
            response = HttpResponse(
                services.bundle_bytes(entry.bundle), content_type="application/json"
            )
            response["Content-Disposition"] = (
                f'attachment; filename="{self.sar.reference}-{self.sar.child.la_child_id}.json"'
            )
            return response
        return self.render_to_response(self.get_context_data(entry=entry))


class DisclosureRegisterView(TemplateView):
    """The disclosure register: every disclosure sent, newest first."""

    permission = P.SUBJECT_ACCESS
    template_name = "records/register.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["entries"] = DisclosureRegisterEntry.objects.filter(
            child__in=Child.objects.visible_to(self.request.user)
        ).select_related("request", "child", "recorded_by")[:500]
        return context
