"""The one entry point through which every page about a child finds the child.

``ChildRecordMixin`` looks the child up among those the user may see (a restricted record is
a 404 to everyone else), asks the access policy whether the user may take the page's action for
this child (``PolicyMiddleware`` has already asked whether they may take it at all; a team
manager's permissions reach only the children their team holds) and writes the access record
for the page in the request's transaction.
"""

from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from kinfolk.access.choices import AccessAction
from kinfolk.access.policy import P, Permission, Requirement, allows, may_reach, require
from kinfolk.access.services import record_access, request_source
from kinfolk.people.models import Child


class ChildRecordMixin:
    """For views under ``/children/<pk>/``: sets ``self.child`` and logs the access."""

    #: What the access log says was looked at, such as "Child record: chronology".
    record_label: str = "Child record"
    #: What the page needs (kinfolk.access.policy); every view declares it.
    permission: Requirement
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.child = get_object_or_404(Child.objects.visible_to(request.user), pk=kwargs["pk"])
        if isinstance(self.permission, Permission):
            require(request.user, self.permission, team_id=self.holding_team_id)
        if request.method != "POST":
            # Written before the page is built, so that a page listing accesses shows this one.
            self._record(AccessAction.VIEW)
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        response = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        changed = response.status_code in (301, 302, 303)
        self._record(AccessAction.CHANGE if changed else AccessAction.VIEW)
        return response

    @cached_property
    def current_allocation(self) -> Any:
        """The child's open allocation (with its worker), or None."""
        return self.child.allocations.filter(end_on__isnull=True).select_related("worker").first()

    @property
    def holding_team_id(self) -> int | None:
        """The team that holds the child's case now (its open allocation's), or None."""
        return self.current_allocation.team_id if self.current_allocation else None

    def _record(self, action: AccessAction) -> None:
        record_access(
            user=self.request.user,
            child_id=self.child.pk,
            action=action,
            what=self.record_label,
            path=self.request.path,
            source=request_source(self.request),
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context["child"] = self.child
        context["current_allocation"] = self.current_allocation
        context["active_alerts"] = [
            alert for alert in self.child.alerts.all() if alert.is_active_on(timezone.localdate())
        ]
        context["record_navigation"] = self.record_navigation()
        return context

    def render_to_response(self, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
        """The page offers only the next steps its user may take."""
        if "next_steps" in context:
            context["next_steps"] = [
                step
                for step in context["next_steps"]
                if may_reach(self.request.user, step["url"], team_id=self.holding_team_id)
            ]
        return super().render_to_response(context, **kwargs)  # type: ignore[misc]

    def record_navigation(self) -> list[dict[str, str]]:
        """The sections of the child's record, for the sub-navigation on every child page."""
        sections = [
            ("children:detail", _("Summary")),
            ("children:identity", _("Identity")),
            ("children:relationships", _("Household and relationships")),
            ("children:allocations", _("Allocations")),
            ("casework:child-casework", _("Casework")),
            ("care:child-care", _("Care")),
            ("leaving:child-leaving", _("Leaving care")),
            ("permanence:child-permanence", _("Permanence")),
            ("children:chronology", _("Chronology")),
            ("returns:child-returns", _("Data quality")),
        ]
        if allows(self.request.user, P.VIEW_ACCESS_LOG):
            sections.append(("children:access-log", _("Who has looked at this record")))
        return [
            {"url": reverse(name, args=[self.child.pk]), "label": label} for name, label in sections
        ]


def team_holding(child: Child) -> int | None:
    """The team that holds the child's case now (its open allocation's), or None."""
    return child.allocations.filter(end_on__isnull=True).values_list("team_id", flat=True).first()
