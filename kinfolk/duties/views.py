"""My work and the team's work: every duty due or overdue, with a link to where it is done."""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.complaints.read import complaints_for
from kinfolk.duties.work import (
    HORIZON_WORKING_DAYS,
    awaiting_authorisation,
    awaiting_sign_off,
    children_held_by,
    work_for,
)
from kinfolk.workforce.models import Allocation, User


class MyWorkView(TemplateView):
    """A worker's duties due and overdue for the children they hold, and their plan actions."""

    permission = P.VIEW_RECORD

    template_name = "duties/my_work.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        today = timezone.localdate()
        work = work_for(
            children_held_by([user], viewer=user),
            action_owners=[user],
            today=today,
            viewer=user,
            complaints=complaints_for(viewer=user, handled_by=[user]),
        )
        record_listing(
            user=user,
            child_ids=sorted(work.child_ids),
            what=_("My work"),
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(
            work=work,
            today=today,
            horizon=HORIZON_WORKING_DAYS,
            actions=[*work.overdue_actions, *work.open_actions],
        )
        return context


class TeamWorkView(TemplateView):
    """A manager's view of the team: its duties and actions, and what waits for sign-off."""

    permission = P.VIEW_TEAM

    template_name = "duties/team_work.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        if user.team_id is None:
            raise PermissionDenied(_("You are not a member of a team"))
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        members = list(User.objects.filter(team=user.team, is_active=True))
        children = children_held_by(members, viewer=user)
        work = work_for(
            children,
            action_owners=members,
            today=today,
            viewer=user,
            complaints=complaints_for(viewer=user, handled_by=members, teams=[user.team]),
        )
        assessments = awaiting_authorisation(children)
        decisions = awaiting_sign_off(team_members=members, viewer=user)
        holders = dict(
            Allocation.objects.open()
            .filter(child__in=children)
            .values_list("child_id", "worker__display_name")
        )
        for item in [*work.overdue, *work.due_soon, *assessments]:
            item.holder = holders.get(item.child_id, "")
        record_listing(
            user=user,
            child_ids=sorted(
                work.child_ids
                | {a.child_id for a in assessments}
                | {d.contact.child_id for d in decisions}
            ),
            what=_("Team work"),
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(
            work=work,
            today=today,
            team=user.team,
            assessments=assessments,
            decisions=decisions,
            horizon=HORIZON_WORKING_DAYS,
        )
        return context
