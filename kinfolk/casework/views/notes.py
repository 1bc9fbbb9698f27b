"""Case notes: recording one, the child's notes (newest first, searchable), one note with its
addenda, versions and documents, correcting a note within 24 hours, adding an addendum, and a
manager's search across the notes of their team's children."""

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import ALL, P, scope_of
from kinfolk.access.services import record_listing, request_source
from kinfolk.casework.meetings import meeting_label
from kinfolk.casework.models import CaseNote, CaseNoteAddendum, PlanAction
from kinfolk.casework.note_forms import (
    CaseNoteAddendumForm,
    CaseNoteCorrectionForm,
    CaseNoteForm,
    NoteSearchForm,
)
from kinfolk.casework.note_search import search_notes
from kinfolk.casework.services import (
    add_case_note_addendum,
    correct_case_note,
    correction_refusal,
    record_case_note,
)
from kinfolk.core.dates import LONDON
from kinfolk.core.models import Versioned
from kinfolk.documents.queries import documents_attached_to
from kinfolk.people.models import Child, Relationship
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView

#: How many notes a page of the list shows.
NOTES_PAGE_SIZE = 20


def listed_notes(notes: QuerySet[CaseNote]) -> QuerySet[CaseNote]:
    """Notes with what a list shows of each, read in a fixed number of queries."""
    return notes.select_related("author", "recorded_by", "plan_action", "child").prefetch_related(
        "professionals",
        Prefetch("present", queryset=_relationships()),
        Prefetch("addenda", queryset=CaseNoteAddendum.objects.select_related("added_by")),
    )


def _relationships() -> QuerySet[Relationship]:
    return Relationship.objects.select_related("other_child", "other_adult")


class CaseNoteCreateView(ChildRecordFormView):
    """Record a case note: a call, a visit, a meeting or direct work, in the worker's words."""

    permission = P.RECORD_CASEWORK

    form_class = CaseNoteForm
    template_name = "casework/notes/note_form.html"
    service = staticmethod(record_case_note)
    heading = _("Add a case note")
    success_message = _("Case note added")
    record_label = "Child record: case note added"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "relationships": _relationships().filter(child=self.child),
            "actions": PlanAction.objects.filter(
                plan__child=self.child, plan__end_on__isnull=True
            ).order_by("due_on", "pk"),
            "child_id": self.child.pk,
        }


class CaseNoteListView(ChildRecordMixin, TemplateView):
    """The child's case notes, newest first, a page at a time, with a search box."""

    permission = P.VIEW_RECORD

    template_name = "casework/notes/note_list.html"
    record_label = "Child record: case notes"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        search = NoteSearchForm(self.request.GET)
        query = search.cleaned_data["q"] if search.is_valid() else ""
        notes = search_notes(CaseNote.objects.filter(child=self.child), query)
        page = Paginator(listed_notes(notes).order_by("-occurred_at", "-pk"), NOTES_PAGE_SIZE)
        context.update(
            search=search,
            query=query,
            page=page.get_page(self.request.GET.get("page")),
            page_query=urlencode({"q": query}) + "&" if query else "",
        )
        return context


class CaseNoteDetailView(ChildRecordMixin, TemplateView):
    """One case note: what it says, its addenda, its earlier versions and its documents."""

    permission = P.VIEW_RECORD

    template_name = "casework/notes/note_detail.html"
    record_label = "Child record: case note"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        note = (
            listed_notes(CaseNote.objects.filter(child=self.child))
            .filter(pk=self.kwargs["note"])
            .first()
        )
        if note is None:
            raise Http404
        versions = list(
            note.history.select_related("history_user").order_by("-history_date", "-pk")
        )
        context.update(
            note=note,
            earlier_versions=versions[1:],
            meeting=meeting_label(note.meeting) if note.meeting_id else "",
            documents=documents_attached_to(note),
            correction_refusal=correction_refusal(note, self.request.user, now=timezone.now()),
        )
        return context


class NoteFormView(ChildRecordFormView):
    """A page about one of the child's notes, chosen by ``?note=``."""

    child_argument = None
    back_label = _("Back to the case note")

    @cached_property
    def note(self) -> CaseNote | None:
        chosen = self.chosen("note")
        if chosen is None:
            return None
        return CaseNote.objects.filter(child=self.child, pk=chosen).first()

    def unavailable(self) -> str:
        if self.note is None:
            return _t("Choose a case note from the child's case notes")
        return super().unavailable()

    def back_url(self) -> str:
        if self.note is None:
            return reverse("casework:case-notes", args=[self.child.pk])
        return reverse("casework:case-note", args=[self.child.pk, self.note.pk])

    def service_kwargs(self, form: Any) -> dict[str, Any]:
        return {**super().service_kwargs(form), "note": self.note}


class CaseNoteCorrectView(NoteFormView):
    """Correct a case note within 24 hours of recording it."""

    permission = P.RECORD_CASEWORK

    form_class = CaseNoteCorrectionForm
    service = staticmethod(correct_case_note)
    edits = "note"
    heading = _("Correct a case note")
    success_message = _("Case note corrected")
    record_label = "Child record: case note corrected"

    def unavailable(self) -> str:
        refusal = super().unavailable()
        if refusal or self.note is None:
            return refusal
        return correction_refusal(self.note, self.request.user, now=timezone.now())

    def editable_records(self, form: Any) -> list[Versioned]:
        return [self.note] if self.note is not None else []

    def edited_record(self, form: Any) -> Versioned | None:
        return self.note

    def get_initial(self) -> dict[str, Any]:
        if self.note is None:
            return {}
        moment = self.note.occurred_at.astimezone(LONDON)
        return {
            "kind": self.note.kind,
            "occurred_on": moment.date(),
            "occurred_time": f"{moment:%H:%M}",
            "text": self.note.text,
            "child_views": self.note.child_views,
            "is_significant": self.note.is_significant,
        }


class CaseNoteAddendumView(NoteFormView):
    """Add an addendum to a case note."""

    permission = P.RECORD_CASEWORK

    form_class = CaseNoteAddendumForm
    template_name = "casework/notes/addendum_form.html"
    service = staticmethod(add_case_note_addendum)
    heading = _("Add an addendum")
    success_message = _("Addendum added")
    record_label = "Child record: case note addendum added"


class TeamNoteSearchView(TemplateView):
    """A manager's search across the case notes of their team's children: the children their
    team holds (a head of service: every child they may see). Each child in the results is
    logged as listed."""

    permission = P.VIEW_TEAM

    template_name = "casework/notes/team_search.html"

    def children(self) -> QuerySet[Child]:
        user = self.request.user
        children = Child.objects.visible_to(user)
        if scope_of(user, P.VIEW_TEAM) is ALL:
            return children
        team_id = getattr(user, "team_id", None)
        return children.filter(
            allocations__team_id=team_id, allocations__end_on__isnull=True
        ).distinct()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        search = NoteSearchForm(self.request.GET)
        query = search.cleaned_data["q"] if search.is_valid() else ""
        page = None
        if query.strip():
            notes = search_notes(
                CaseNote.objects.filter(child__in=self.children().values("pk")), query
            )
            page = Paginator(
                listed_notes(notes).order_by("-occurred_at", "-pk"), NOTES_PAGE_SIZE
            ).get_page(self.request.GET.get("page"))
            record_listing(
                user=self.request.user,
                child_ids=sorted({note.child_id for note in page}),
                what=_t("Case note search"),
                path=self.request.get_full_path(),
                source=request_source(self.request),
            )
        context.update(
            search=search,
            query=query,
            page=page,
            page_query=urlencode({"q": query}) + "&",
        )
        return context
