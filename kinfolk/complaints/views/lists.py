"""The complaints manager's pages: the open complaints by stage, overdue first; finding the
child a new complaint is about; the trends; and the list of themes. Each list writes, in each
child's access log, that the child was listed."""

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

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.complaints import services
from kinfolk.complaints.choices import Stage
from kinfolk.complaints.forms import ThemeForm
from kinfolk.complaints.models import ComplaintTheme
from kinfolk.complaints.read import open_by_stage, open_complaints, trends
from kinfolk.people.views.search import ChildSearchView

#: How many complaints a page of the list shows.
PAGE_SIZE = 25


def _listed(view: Any, child_ids: Any, what: str) -> None:
    record_listing(
        user=view.request.user,
        child_ids=sorted(set(child_ids)),
        what=what,
        path=view.request.get_full_path(),
        source=request_source(view.request),
    )


class ComplaintListView(TemplateView):
    """The open complaints, at one stage or all, overdue first, 25 to a page."""

    permission = P.MANAGE_COMPLAINTS
    template_name = "complaints/complaint_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        chosen = self.request.GET.get("stage", "")
        stage = int(chosen) if chosen.isdigit() and int(chosen) in Stage.values else None
        rows = open_complaints(user, today=today, stage=stage)
        page = Paginator(rows, PAGE_SIZE).get_page(self.request.GET.get("page"))
        shown = list(page.object_list)
        _listed(self, [row.child_id for row in shown], _("Open complaints"))
        counts = open_by_stage(user)
        context.update(
            rows=shown,
            page=page,
            total=len(rows),
            today=today,
            stage=stage,
            stages=[(value, label, counts[value]) for value, label in Stage.choices],
            all_open=sum(counts.values()),
            page_query=f"stage={stage}&" if stage else "",
        )
        return context


class ComplaintChildSearchView(ChildSearchView):
    """Find the child a new complaint is about; each result leads to the complaint form."""

    permission = P.MANAGE_COMPLAINTS
    template_name = "complaints/child_search.html"


class TrendsView(TemplateView):
    """Complaints over the last four quarters by theme, team and outcome, and the share
    responded to in time at each stage (docs/domain.md finding 35)."""

    permission = P.MANAGE_COMPLAINTS
    template_name = "complaints/trends.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        found = trends(self.request.user, today=timezone.localdate())
        # The tables count complaints and name no child: nothing of a child's record is
        # shown, so no child is listed.
        context["trends"] = found
        return context


class ThemesView(FormView):
    """The list of themes offered for new complaints: add one, or retire one."""

    permission = P.MANAGE_COMPLAINTS
    template_name = "complaints/themes.html"
    form_class = ThemeForm

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["themes"] = list(ComplaintTheme.objects.order_by("-is_active", "name"))
        return context

    def form_valid(self, form: ThemeForm) -> HttpResponse:
        try:
            theme = services.add_theme(name=form.cleaned_data["name"], actor=self.request.user)
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Theme %(name)s added") % {"name": theme})
        return HttpResponseRedirect(reverse("complaints:themes"))


class RetireThemeView(TemplateView):
    """Stop offering a theme (a POST from the themes page)."""

    permission = P.MANAGE_COMPLAINTS
    http_method_names = ["post"]

    def post(self, request: Any, *args: Any, **kwargs: Any) -> HttpResponse:
        theme = get_object_or_404(ComplaintTheme, pk=kwargs["theme_pk"])
        try:
            services.retire_theme(theme=theme, actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Theme %(name)s retired") % {"name": theme})
        return HttpResponseRedirect(reverse("complaints:themes"))
