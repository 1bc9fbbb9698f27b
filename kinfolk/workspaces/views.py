"""The landing page: the signed-in user's workspace, built for their role; and one team's
workspace, which a head of service reaches from the counts by team."""

from typing import Any

from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, Requirement, SignedIn, require, role_of
from kinfolk.access.services import record_listing, request_source
from kinfolk.workforce.models import Team
from kinfolk.workspaces.base import Workspace
from kinfolk.workspaces.casework import team_workspace
from kinfolk.workspaces.roles import workspace_for


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
