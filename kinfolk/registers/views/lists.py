"""The registers as lists of children (docs/registers.md): the young carers register and its
waiting list, the children not in school (missing education and educated at home) and the
homeless 16- and 17-year-olds. Each page is paginated, shows "showing N of M" and logs the
children it lists; each reads a fixed number of queries however many entries there are."""

from typing import Any, ClassVar

from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.people.models import Child
from kinfolk.registers.matching import current_home_education, open_cases, open_missing
from kinfolk.registers.models import HomelessPresentation, YoungCarer
from kinfolk.registers.services import waiting_list
from kinfolk.workforce.models import Allocation

PAGE_SIZE = 25


class RegisterListView(TemplateView):
    """One register's entries, a page at a time, each child listed in their access log."""

    permission = P.VIEW_REGISTERS
    title: ClassVar[Any] = ""
    what: ClassVar[str] = ""
    #: Whether the rows show the open case and who holds it (children not in school).
    matched: ClassVar[bool] = False

    def entries(self, children: QuerySet[Child]) -> QuerySet[Any]:
        raise NotImplementedError

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        entries = self.entries(Child.objects.visible_to(user)).select_related("child")
        page = Paginator(entries, PAGE_SIZE).get_page(self.request.GET.get("page"))
        rows = list(page.object_list)
        ids = [row.child_id for row in rows]
        if self.matched:
            cases = open_cases(ids)
            holders = {
                a.child_id: a
                for a in Allocation.objects.open()
                .filter(child_id__in=ids)
                .select_related("worker", "team")
            }
            for row in rows:
                row.open_case = cases[row.child_id]
                row.holder = holders.get(row.child_id)
        record_listing(
            user=user,
            child_ids=sorted(set(ids)),
            what=self.what,
            path=self.request.get_full_path(),
            source=request_source(self.request),
        )
        context.update(
            title=self.title,
            page=page,
            rows=rows,
            total=page.paginator.count,
            today=timezone.localdate(),
        )
        return context


class YoungCarersView(RegisterListView):
    template_name = "registers/young_carers.html"
    title = _("Young carers register")
    what = "Young carers register"

    def entries(self, children: QuerySet[Child]) -> QuerySet[Any]:
        return YoungCarer.objects.filter(child__in=children, ended_on__isnull=True).order_by(
            "-registered_on", "-pk"
        )


class WaitingListView(RegisterListView):
    template_name = "registers/waiting_list.html"
    title = _("Young carers waiting for an assessment")
    what = "Young carers waiting list"

    def entries(self, children: QuerySet[Child]) -> QuerySet[Any]:
        return waiting_list(children)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        for row in context["rows"]:
            row.days_waiting = (context["today"] - row.assessment_requested_on).days
        return context


class MissingEducationView(RegisterListView):
    template_name = "registers/not_in_school.html"
    title = _("Children missing education")
    what = "Children missing education register"
    matched = True

    def entries(self, children: QuerySet[Child]) -> QuerySet[Any]:
        return open_missing().filter(child__in=children).order_by("reported_on", "pk")


class HomeEducationView(RegisterListView):
    template_name = "registers/not_in_school.html"
    title = _("Children educated at home")
    what = "Children educated at home register"
    matched = True

    def entries(self, children: QuerySet[Child]) -> QuerySet[Any]:
        return current_home_education().filter(child__in=children).order_by("next_review_on", "pk")


class HomelessView(RegisterListView):
    template_name = "registers/homeless.html"
    title = _("Homeless 16- and 17-year-olds")
    what = "Homeless 16- and 17-year-olds"

    def entries(self, children: QuerySet[Child]) -> QuerySet[Any]:
        return HomelessPresentation.objects.filter(child__in=children).order_by(
            "-presented_on", "-pk"
        )
