"""The landing page: the signed-in user's workspace, built for their role; one team's
workspace, which a head of service reaches from the counts by team; and the one queue of what
waits for a manager's sign-off."""

from typing import Any

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, Requirement, SignedIn, require, role_of
from kinfolk.access.services import record_listing, request_source
from kinfolk.core.registry import sign_off_kinds
from kinfolk.workforce.models import Team
from kinfolk.workspaces.base import Workspace
from kinfolk.workspaces.casework import team_workspace
from kinfolk.workspaces.roles import workspace_for
from kinfolk.workspaces.sign_off import PAGE_SIZE, counts_by_kind, queued, waiting, whole


class WorkspaceMixin(TemplateView):
    """Builds a workspace, logs the children it lists, and shows it."""

    #: What the access log says listed the children.
    listing_label: Any = _("Workspace")

    def build(self) -> Workspace:
        raise NotImplementedError

    def get_template_names(self) -> list[str]:
        return [self.workspace.template]

    def get(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        self.today = timezone.localdate()
        self.workspace = self.build()
        record_listing(
            user=request.user,
            child_ids=sorted(self.workspace.child_ids),
            what=str(self.listing_label),
            path=request.path,
            source=request_source(request),
        )
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(self.workspace.context, today=self.today, role=role_of(self.request.user))
        return context


class WorkspaceView(WorkspaceMixin):
    """The signed-in user's workspace: the page for their role (kinfolk.workspaces.roles)."""

    permission: Requirement = SignedIn("everyone's own workspace, built for their role")

    def build(self) -> Workspace:
        return workspace_for(self.request.user, self.today)


class TeamWorkspaceView(WorkspaceMixin):
    """A team's workspace as its manager sees it, for a manager of the team or a head of
    service."""

    permission = P.VIEW_TEAM
    listing_label = _("Team workspace")

    def build(self) -> Workspace:
        team = get_object_or_404(Team, pk=self.kwargs["pk"])
        require(self.request.user, P.VIEW_TEAM, team_id=team.pk)
        return team_workspace(self.request.user, team, self.today)


class SignOffQueueView(TemplateView):
    """Everything waiting for the signed-in manager to agree or return it, oldest first, of
    every kind the apps declare (docs/sign-off.md): filtered by kind, 25 to a page, and each
    child listed on the page logged as listed."""

    permission = P.SIGN_OFF
    template_name = "workspaces/sign_off_queue.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        items = waiting(user)
        chosen = self.request.GET.get("kind", "")
        if chosen not in sign_off_kinds:
            chosen = ""
        shown = [item for item in items if item.kind == chosen] if chosen else items
        page = Paginator(shown, PAGE_SIZE).get_page(self.request.GET.get("page"))
        rows = queued(whole(user, page.object_list), user)
        record_listing(
            user=user,
            child_ids=sorted({row.item.child_id for row in rows}),
            what=str(_("Sign-off queue")),
            path=self.request.get_full_path(),
            source=request_source(self.request),
        )
        context.update(
            rows=rows,
            page=page,
            total=len(items),
            shown_count=len(shown),
            kinds=counts_by_kind(items),
            chosen=chosen,
            page_query=urlencode({"kind": chosen}) + "&" if chosen else "",
        )
        return context
