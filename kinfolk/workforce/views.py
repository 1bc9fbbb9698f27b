"""Caseloads and allocation."""

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kinfolk.access.policy import P, Requirement, SignedIn, require
from kinfolk.access.services import record_listing, request_source
from kinfolk.people.models import Child
from kinfolk.people.views.record_form import ChildRecordFormView
from kinfolk.workforce.caseloads import caseloads
from kinfolk.workforce.changes import frequent_changes
from kinfolk.workforce.forms import NO_ALLOCATION, AllocationForm
from kinfolk.workforce.handover import grouped, handover_items
from kinfolk.workforce.models import Allocation, User
from kinfolk.workforce.services import allocate_child


def caseload_of(worker: User, *, viewer: User) -> list[Allocation]:
    """The open allocations of a worker whose children ``viewer`` may see, by child's name."""
    visible = Child.objects.visible_to(viewer)
    return list(
        Allocation.objects.open()
        .filter(worker=worker, child__in=visible)
        .select_related("child")
        .order_by("child__last_name", "child__first_name", "child__pk")
    )


class CaseloadView(TemplateView):
    """A worker's caseload: the children whose cases they hold."""

    permission: Requirement = SignedIn("everyone's own caseload, empty for those who hold none")
    template_name = "workforce/caseload.html"

    def get_worker(self) -> User:
        return self.request.user  # type: ignore[return-value]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        worker = self.get_worker()
        allocations = caseload_of(worker, viewer=self.request.user)
        record_listing(
            user=self.request.user,
            child_ids=[a.child_id for a in allocations],
            what=_("Caseload of %(worker)s") % {"worker": worker},
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(
            worker=worker,
            allocations=allocations,
            today=timezone.localdate(),
            is_own=worker.pk == self.request.user.pk,
        )
        return context


class WorkerCaseloadView(CaseloadView):
    """A manager looks at one worker's caseload."""

    permission = P.VIEW_TEAM

    def get_worker(self) -> User:
        worker = get_object_or_404(User, pk=self.kwargs["pk"])
        require(self.request.user, P.VIEW_TEAM, team_id=worker.team_id)
        return worker


class TeamView(TemplateView):
    """The caseload of each member of the user's team against their cap, with the flags
    inspectors ask about: agency staff, unqualified and newly qualified social workers
    (docs/caseloads.md). A fixed number of queries, however large the team."""

    permission = P.VIEW_RECORD

    template_name = "workforce/team.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        team = self.request.user.team
        members = (
            list(User.objects.filter(team=team, is_active=True).order_by("display_name"))
            if team
            else []
        )
        # Each member's caseload against their cap: one query for each kind of case.
        for load in caseloads(members, timezone.localdate(), viewer=self.request.user):
            load.worker.load = load  # type: ignore[attr-defined]
            load.worker.caseload = load.count  # type: ignore[attr-defined]
        context.update(
            team=team,
            members=members,
            over_cap=sum(1 for m in members if m.load.is_over_cap),  # type: ignore[attr-defined]
        )
        return context


class TeamWorkerChangesView(TemplateView):
    """The children the manager's team holds whose social worker changed most often in the
    last 12 months, with the agency flags of the workers who held them (docs/caseloads.md)."""

    permission = P.VIEW_TEAM
    template_name = "workforce/worker_changes.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        team = user.team
        require(user, P.VIEW_TEAM, team_id=team.pk if team else None)
        rows = (
            frequent_changes(team_id=team.pk, viewer=user, today=timezone.localdate())
            if team
            else []
        )
        record_listing(
            user=user,
            child_ids=[child.pk for child, _changes in rows],
            what=_("Children with frequent changes of social worker"),
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(team=team, rows=rows, threshold=settings.KINFOLK_WORKER_CHANGES_THRESHOLD)
        return context


class AllocateView(ChildRecordFormView):
    """A manager gives the child's case to a worker."""

    permission = P.ALLOCATE

    template_name = "workforce/allocate.html"
    form_class = AllocationForm
    service = staticmethod(allocate_child)
    heading = gettext_lazy("Allocate this child's case")
    record_label = "Child record: allocation"
    back_url_name = "children:detail"

    @property
    def success_message(self) -> str:
        return _("%(child)s's case is allocated to %(worker)s") % {
            "child": self.child,
            "worker": self.worker,
        }

    def form_valid(self, form: AllocationForm) -> HttpResponse:
        # The banner names the worker the case went to.
        self.worker = form.cleaned_data["worker"]
        return super().form_valid(form)

    def current(self) -> Allocation | None:
        """The child's open allocation as the page is read."""
        if not hasattr(self, "_current"):
            self._current = (
                self.child.allocations.filter(end_on__isnull=True).select_related("worker").first()
            )
        return self._current

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "is_reallocation": self.current() is not None,
            "viewer": self.request.user,
        }

    def get_initial(self) -> dict[str, Any]:
        # The allocation the manager sees now, which the service checks is still open.
        current = self.current()
        return {
            "start_on": timezone.localdate(),
            "replacing": str(current.pk) if current else NO_ALLOCATION,
        }

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        current = self.current()
        form = context["form"]
        context.update(
            current=current,
            handover=grouped(handover_items(self.child, current.worker)) if current else [],
            over_cap=form.chosen_caseload(),
        )
        return context

    def get_success_url(self) -> str:
        return reverse("children:allocations", args=[self.child.pk])
