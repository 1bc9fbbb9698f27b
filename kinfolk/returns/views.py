"""The returns pages: building, downloading and submitting the statutory returns of a chosen
collection year; the data quality of a year (the current one unless another is chosen); and
each child's own failures.

The returns and data quality pages are for the performance analyst and for managers. A
child's Data quality page is for everyone who may see the child's record.
"""

import datetime as dt
from collections import Counter
from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.reauth import RecentAuthenticationRequired
from kinfolk.access.services import record_listing, request_source
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.returns import services
from kinfolk.returns.data_quality import data_quality
from kinfolk.returns.forms import (
    AnnexAForm,
    CollectionYearForm,
    DataQualityFilterForm,
    ReturnYearForm,
)
from kinfolk.returns.framework import CollectionYear, Failure
from kinfolk.returns.models import BuildStatus, DataQualityFailure, ReturnKind, Submission
from kinfolk.returns.ssda903.tables import TABLES

#: CIN census elements about the child themself, fixed on the child's identity page.
CIN_IDENTITY_FIELDS = frozenset(
    {
        "LAchildID",
        "UPN",
        "FormerUPN",
        "UPNunknown",
        "PersonBirthDate",
        "ExpectedPersonBirthDate",
        "GenderCurrent",
        "Sex",
        "PersonDeathDate",
        "Ethnicity",
        "Disability",
        "Disabilities",
    }
)
#: Where each SSDA903 table's items are recorded.
SSDA903_TABLE_PAGES = {
    "header": "children:identity",
    "episodes": "care:child-care",
    "reviews": "care:child-care",
    "uasc": "care:child-care",
    "oc2": "care:child-care",
    "missing": "care:child-care",
    "oc3": "leaving:child-leaving",
    "ad1": "permanence:child-permanence",
    "placed_adoption": "permanence:child-permanence",
    "prev_perm": "permanence:child-permanence",
    "sw_episodes": "children:allocations",
}
#: Columns that are in every table: they do not say which record to fix.
SHARED_COLUMNS = frozenset({"CHILD", "DOB", "SEX"})


#: Where each SSDA903 column is recorded: the page of the first table that has it.
SSDA903_COLUMN_PAGES: dict[str, str] = {}
for _table, _columns in TABLES.items():
    for _column in _columns:
        if _column not in SHARED_COLUMNS:
            SSDA903_COLUMN_PAGES.setdefault(
                _column, SSDA903_TABLE_PAGES.get(_table, "care:child-care")
            )


def record_page(kind: str, field: str) -> str:
    """The URL name of the child's page where the item a failure names is recorded."""
    if kind == ReturnKind.CIN_CENSUS:
        return "children:identity" if field in CIN_IDENTITY_FIELDS else "casework:child-casework"
    if field in ("SEX", "DOB", "ETHNIC", "UPN", "MOTHER", "MC_DOB"):
        return "children:identity"
    return SSDA903_COLUMN_PAGES.get(field, "care:child-care")


class FailureRow:
    """One failure as a row of the page, with links to the child and to the record to fix."""

    def __init__(self, kind: str, label: str, failure: Failure, child: Child | None) -> None:
        self.kind = kind
        self.return_label = label
        self.failure = failure
        self.child = child
        self.child_url = reverse("children:detail", args=[child.pk]) if child else ""
        self.fix_url = reverse(record_page(kind, failure.field), args=[child.pk]) if child else ""


def failure_rows(
    checks: list[services.ReturnCheck], children: dict[str, Child]
) -> list[FailureRow]:
    return [
        FailureRow(check.kind, check.label, failure, children.get(failure.child))
        for check in checks
        for failure in check.failures
    ]


class ReturnsIndexView(TemplateView):
    """Build a return (the CIN census or SSDA903 of a chosen collection year, Annex A as of a
    date), and every return built so far, to download or mark as submitted."""

    permission = P.BUILD_RETURNS

    template_name = "returns/index.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = services.current_year()
        submissions: QuerySet[Submission] = Submission.objects.defer("content").select_related(
            "generated_by", "submitted_by"
        )
        context.update(
            year=year,
            year_form=kwargs.get("year_form")
            or ReturnYearForm(
                initial={"year": services.default_return_year().label},
                years=services.collection_years(),
                current=year,
            ),
            annex_form=kwargs.get("annex_form")
            or AnnexAForm(initial={"as_of": timezone.localdate()}),
            submissions=list(submissions),
            kinds=ReturnKind,
        )
        return context


class ReturnBuildView(View):
    """Start building a return: the CIN census or SSDA903 of the collection year chosen, or
    Annex A as of a date. The build runs in the background and the status page shows its
    progress. A year or date that is not offered is shown next to its field, and nothing is
    built."""

    permission = P.BUILD_RETURNS

    #: Off in tests, whose database a second thread cannot see.
    background = True

    def post(self, request: HttpRequest) -> HttpResponse:
        kind = request.POST.get("kind", "")
        year: CollectionYear | None = None
        as_of: dt.date | None = None
        if kind == ReturnKind.ANNEX_A:
            form = AnnexAForm(request.POST)
            if not form.is_valid():
                return self._index_with(annex_form=form)
            as_of = form.cleaned_data["as_of"]
        elif kind in ReturnKind.values:
            year_form = ReturnYearForm(
                request.POST, years=services.collection_years(), current=services.current_year()
            )
            if not year_form.is_valid():
                return self._index_with(year_form=year_form)
            year = year_form.cleaned_data["year"]
        else:
            return HttpResponseBadRequest(_("Choose a return to build."))
        submission = services.start_submission(
            kind=kind, actor=request.user, year=year, as_of=as_of
        )
        if self.background:
            services.build_in_background(submission)
        else:
            services.finish_submission(submission.pk)
        return redirect("returns:detail", pk=submission.pk)

    def _index_with(self, **forms: Any) -> HttpResponse:
        view = ReturnsIndexView()
        view.setup(self.request)
        context = view.get_context_data(**forms)
        return view.render_to_response(context, status=200)


class SubmissionDetailView(TemplateView):
    """One generated return: its progress while it builds, then its download and whether it
    was submitted."""

    permission = P.BUILD_RETURNS

    template_name = "returns/detail.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        submission = get_object_or_404(
            Submission.objects.defer("content").select_related("generated_by", "submitted_by"),
            pk=kwargs["pk"],
        )
        context.update(submission=submission, is_building=submission.status == BuildStatus.BUILDING)
        return context


class SubmissionDownloadView(RecentAuthenticationRequired, View):
    """The generated file, exactly as stored. A return holds every child's record, so it is
    downloaded only by someone who has just proved who they are."""

    permission = P.BUILD_RETURNS

    def get(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission = get_object_or_404(Submission, pk=pk, status=BuildStatus.READY)
        services.record_download(
            submission=submission,
            actor=request.user,
            path=request.path,
            source=request_source(request),
        )
        response = HttpResponse(bytes(submission.content), content_type=submission.content_type)
        response["Content-Disposition"] = f'attachment; filename="{submission.filename}"'
        return response


class SubmissionSubmitView(TemplateView):
    """Confirm, then record that the authority sent this return: it is frozen from then on."""

    permission = P.BUILD_RETURNS

    template_name = "returns/submit.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["submission"] = get_object_or_404(
            Submission.objects.defer("content"), pk=kwargs["pk"]
        )
        return context

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        submission = get_object_or_404(Submission.objects.defer("content"), pk=pk)
        try:
            services.mark_submitted(submission=submission, actor=request.user)
        except ValidationError as error:
            context = self.get_context_data(pk=pk)
            context["errors"] = [m for ms in error.message_dict.values() for m in ms]
            return self.render_to_response(context)
        return HttpResponseRedirect(reverse("returns:detail", args=[pk]))


class StoredFailureRow(FailureRow):
    """A stored failure as a row of the data quality page."""

    def __init__(self, stored: DataQualityFailure) -> None:
        failure = Failure(
            stored.rule, stored.la_child_id, stored.field, stored.message, stored.is_error
        )
        super().__init__(stored.kind, str(ReturnKind(stored.kind).label), failure, stored.child)


class DataQualityView(TemplateView):
    """The failures of a year's CIN census and SSDA903 (the current year unless another is
    chosen), each linked to the child and to the record to fix, with a count per rule;
    filtered by return and rule.

    The page reads the stored data quality (``returns.data_quality``): the first request for a
    year checks everything; after that each request checks again only the children whose
    casework changed since, so a fixed failure still goes at once. Failures about the whole
    return (no child) are recomputed only by "Check everything again" and the nightly
    ``kinfolk returns data-quality --sweep``; those of rules comparing children (the same UPN
    twice) are kept right on each recheck (docs/adr/0003-data-quality-store.md).
    """

    permission = P.BUILD_RETURNS

    template_name = "returns/data_quality.html"

    def _form(self, data: Any) -> DataQualityFilterForm:
        current = services.current_year()
        return DataQualityFilterForm(
            data,
            years=services.collection_years(),
            current=current,
            initial={"year": current.label},
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = self._form(self.request.GET or None)
        year = services.current_year()
        kind = rule = ""
        if form.is_valid():
            year = form.cleaned_data["year"] or year
            kind = form.cleaned_data["kind"]
            rule = form.cleaned_data["rule"].strip()
        report = data_quality(year)
        # A child the user may not see is absent from the rows and the counts.
        failures = report.failures(
            kind=kind, rule=rule, visible=Child.objects.visible_to(self.request.user)
        )
        rows = [StoredFailureRow(stored) for stored in failures]
        record_listing(
            user=self.request.user,
            child_ids=sorted({row.child.pk for row in rows if row.child is not None}),
            what=_("Data quality %(year)s") % {"year": year.label},
            path=self.request.get_full_path(),
            source=request_source(self.request),
        )
        counts = Counter((row.return_label, row.failure.rule, row.failure.is_error) for row in rows)
        context.update(
            year=year,
            form=form,
            checks=report.checks,
            snapshot=report.snapshot,
            rows=rows,
            rule_counts=[
                {"return": label, "rule": code, "is_error": is_error, "count": count}
                for (label, code, is_error), count in sorted(counts.items())
            ],
            is_filtered=bool(kind or rule),
        )
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        """Check everything again: the whole authority's returns of the year."""
        form = self._form(request.POST)
        if not form.is_valid():
            return HttpResponseBadRequest(_("Choose a collection year from the list."))
        year = form.cleaned_data["year"] or services.current_year()
        data_quality(year, check_all=True)
        return HttpResponseRedirect(f"{reverse('returns:data-quality')}?year={year.label}")


class ChildReturnsView(ChildRecordMixin, TemplateView):
    """The child's own failures in a year's CIN census and SSDA903 (the current year, or
    ``?year=``), built for this child only, as the casework stands now, each linked to the
    record to fix."""

    permission = P.VIEW_RECORD

    template_name = "returns/child_returns.html"
    record_label = "Child record: data quality"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        year = services.current_year()
        form = CollectionYearForm(
            self.request.GET or None,
            years=services.collection_years(),
            current=year,
            initial={"year": year.label},
        )
        if form.is_valid():
            year = form.cleaned_data["year"]
        checks = services.check_returns(year, child_ids=[self.child.pk])
        for check in checks:
            check.failures = [f for f in check.failures if f.child == self.child.la_child_id]
        rows = failure_rows(checks, {self.child.la_child_id: self.child})
        context.update(year=year, form=form, checks=checks, rows=rows)
        return context
