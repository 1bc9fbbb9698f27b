"""The LADO's pages: the list of allegations, recording one, an allegation's page and the
analytics of the annual report."""

import csv
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView

from kinfolk.access.choices import AccessAction
from kinfolk.access.policy import P, allows
from kinfolk.access.services import record_access, record_listing, request_source
from kinfolk.allegations.analytics import QUARTER, YEAR, analytics
from kinfolk.allegations.forms import AllegationForm
from kinfolk.allegations.models import Allegation
from kinfolk.allegations.overview import child_ids, row, with_children
from kinfolk.allegations.services import record_allegation
from kinfolk.allegations.views.base import AllegationMixin
from kinfolk.people.models import Child
from kinfolk.people.search import ChildSearch, search_children

PAGE_SIZE = 25


def _log_listing(request: HttpRequest, ids: set[int], what: str) -> None:
    record_listing(
        user=request.user,
        child_ids=sorted(ids),
        what=what,
        path=request.get_full_path(),
        source=request_source(request),
    )


class AllegationListView(TemplateView):
    """Every allegation the LADO may read: the open ones first, waiting longest first, then the
    closed, newest first."""

    permission = P.RECORD_ALLEGATION
    template_name = "allegations/list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        show = self.request.GET.get("show", "open")
        allegations = Allegation.objects.visible_to(self.request.user)
        if show == "closed":
            allegations = allegations.filter(closed_on__isnull=False).order_by("-closed_on", "-pk")
        else:
            show = "open"
            allegations = allegations.open().order_by("received_at", "pk")
        page = Paginator(allegations, PAGE_SIZE).get_page(self.request.GET.get("page"))
        rows = [row(a, today) for a in with_children(page.object_list, self.request.user)]
        _log_listing(self.request, child_ids(rows), "Allegations")
        context.update(page=page, rows=rows, show=show, query=f"show={show}&")
        return context


class AllegationCreateView(FormView):
    """Record an allegation received, about children already known to Kinfolk."""

    permission = P.RECORD_ALLEGATION
    template_name = "allegations/record.html"
    form_class = AllegationForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        query = self.request.GET.get("q", "").strip()
        found: list[Child] = []
        total = 0
        if query:
            is_id = any(ch.isdigit() for ch in query)
            criteria = ChildSearch(la_child_id=query) if is_id else ChildSearch(name=query)
            matches = search_children(criteria, user=self.request.user)
            total = len(matches)
            found = matches[:20]
            _log_listing(self.request, {c.pk for c in found}, "Allegation: finding a child")
        context.update(query=query, found=found, total=total)
        return context

    def form_valid(self, form: AllegationForm) -> HttpResponse:
        data = dict(form.cleaned_data)
        ids = data.pop("child_ids")
        children = list(Child.objects.visible_to(self.request.user).filter(la_child_id__in=ids))
        missing = sorted(set(ids) - {c.la_child_id for c in children})
        if missing:
            form.add_error(
                "child_ids", _("No child has the Child ID %(ids)s") % {"ids": ", ".join(missing)}
            )
            return self.form_invalid(form)
        try:
            allegation = record_allegation(children=children, actor=self.request.user, **data)
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        record_listing(
            user=self.request.user,
            child_ids=[c.pk for c in children],
            action=AccessAction.CHANGE,
            what="Allegation recorded",
            path=self.request.path,
            source=request_source(self.request),
        )
        messages.success(self.request, _("Allegation recorded"))
        return HttpResponseRedirect(reverse("allegations:detail", args=[allegation.pk]))


class AllegationDetailView(AllegationMixin, TemplateView):
    """The allegation: its details, the children, the initial consideration, the meetings and
    their actions, the outcome, the closure and who else may read it. The LADO and the readers
    it names reach it; for everyone else it does not exist."""

    permission = P.VIEW_RECORD
    template_name = "allegations/detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        allegation = self.allegation
        today = timezone.localdate()
        is_lado = allows(self.request.user, P.RECORD_ALLEGATION)
        overview = row(allegation, today)
        meetings = list(allegation.meetings.prefetch_related("actions"))
        base = [allegation.pk]
        next_steps = []
        if is_lado and not allegation.is_considered:
            next_steps.append(
                {
                    "url": reverse("allegations:consider", args=base),
                    "label": _("Record the initial consideration"),
                }
            )
        if is_lado and allegation.closed_on is None:
            next_steps.append(
                {"url": reverse("allegations:meeting", args=base), "label": _("Record a meeting")}
            )
            if allegation.is_considered:
                next_steps.append(
                    {
                        "url": reverse("allegations:outcome", args=base),
                        "label": _("Record the outcome")
                        if not allegation.outcome
                        else _("Change the outcome"),
                    }
                )
                next_steps.append(
                    {
                        "url": reverse("allegations:close", args=base),
                        "label": _("Close the allegation"),
                    }
                )
        context.update(
            overview=overview,
            meetings=meetings,
            readers=list(allegation.readers.select_related("user", "added_by")),
            is_lado=is_lado,
            next_steps=next_steps,
            today=today,
        )
        return context


class AnalyticsView(TemplateView):
    """The figures of the LADO's annual report, by financial year or quarter; as CSV with
    ``?format=csv`` (written in the access log as an export)."""

    permission = P.RECORD_ALLEGATION
    template_name = "allegations/analytics.html"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        by = QUARTER if request.GET.get("by") == QUARTER else YEAR
        allegations = Allegation.objects.visible_to(request.user)
        figures = analytics(allegations, by=by)
        if request.GET.get("format") == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = f'attachment; filename="allegations-by-{by}.csv"'
            writer = csv.writer(response)
            for table in figures.tables:
                writer.writerow([table.caption, *table.periods])
                for label, values in table.rows:
                    writer.writerow([label, *values])
                writer.writerow([])
            # The figures name no child: one record of the download, about no child.
            record_access(
                user=request.user,
                child_id=None,
                action=AccessAction.EXPORT,
                what="Allegations: analytics (CSV)",
                path=request.get_full_path(),
                source=request_source(request),
            )
            return response
        return self.render_to_response(self.get_context_data(figures=figures, by=by))
