"""Caseloads and allocation."""

from typing import Any

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
from kinfolk.workforce.forms import NO_ALLOCATION, AllocationForm
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
    """The caseload of each member of the user's team."""

    permission = P.VIEW_RECORD

    template_name = "workforce/team.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        team = self.request.user.team
        members = (
            User.objects.filter(team=team, is_active=True)
            .with_caseload(viewer=self.request.user)
            .order_by("display_name")
            if team
            else User.objects.none()
        )
        context.update(team=team, members=list(members))
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

    def get_initial(self) -> dict[str, Any]:
        # The allocation the manager sees now, which the service checks is still open.
        current = self.child.allocations.filter(end_on__isnull=True).first()
        return {
            "start_on": timezone.localdate(),
            "replacing": str(current.pk) if current else NO_ALLOCATION,
        }

    def get_success_url(self) -> str:
        return reverse("children:allocations", args=[self.child.pk])
