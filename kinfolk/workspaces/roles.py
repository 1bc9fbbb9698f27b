"""Which workspace each role lands on (docs/workspaces.md)."""

import datetime as dt
from typing import Any

from kinfolk.access.policy import role_of
from kinfolk.access.roles import Role
from kinfolk.workspaces.base import Builder, Workspace
from kinfolk.workspaces.casework import (
    head_of_service_workspace,
    social_worker_workspace,
    team_manager_workspace,
)
from kinfolk.workspaces.practice import (
    adoption_workspace,
    front_door_workspace,
    personal_adviser_workspace,
)
from kinfolk.workspaces.reviewing import cp_chair_workspace, iro_workspace
from kinfolk.workspaces.service import (
    administrator_workspace,
    analyst_workspace,
    complaints_manager_workspace,
    information_governance_workspace,
    lado_workspace,
)

#: The workspace of each role: every role has one.
WORKSPACES: dict[Role, Builder] = {
    Role.SOCIAL_WORKER: social_worker_workspace,
    Role.TEAM_MANAGER: team_manager_workspace,
    Role.HEAD_OF_SERVICE: head_of_service_workspace,
    Role.IRO: iro_workspace,
    Role.CP_CHAIR: cp_chair_workspace,
    Role.PERSONAL_ADVISER: personal_adviser_workspace,
    Role.FRONTDOOR: front_door_workspace,
    Role.ADOPTION: adoption_workspace,
    Role.LADO: lado_workspace,
    Role.ANALYST: analyst_workspace,
    Role.INFORMATION_GOVERNANCE: information_governance_workspace,
    Role.ADMIN: administrator_workspace,
    Role.COMPLAINTS_MANAGER: complaints_manager_workspace,
}


def workspace_for(user: Any, today: dt.date) -> Workspace:
    """The workspace of the user's role on ``today``; a page saying so for a user whose role
    has none (an account without a known role)."""
    role = role_of(user)
    builder = WORKSPACES.get(role) if role is not None else None
    if builder is None:
        return Workspace(template="workspaces/no_role.html", context={})
    return builder(user, today)
