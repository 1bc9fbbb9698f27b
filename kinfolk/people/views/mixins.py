"""The one entry point through which every page about a child finds the child.

``ChildRecordMixin`` looks the child up among those the user may see (a restricted record is
a 404 to everyone else), asks the access policy whether the user may take the page's action for
this child (``PolicyMiddleware`` has already asked whether they may take it at all; a team
manager's permissions reach only the children their team holds) and writes the access record
for the page in the request's transaction.

A child the user may not see is a 404 like a child that does not exist, but the attempt is
written in that child's access log (``refused``), and a user who may break the glass is told
that the record is restricted and offered to (kinfolk.access.break_glass); a sealed adoption
record is never offered.
"""

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import get_resolver, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from kinfolk.access.choices import AccessAction
from kinfolk.access.models import BreakGlassAccess
from kinfolk.access.policy import P, Permission, Requirement, allows, may_reach, require
from kinfolk.access.services import record_access, record_listing, request_source
from kinfolk.people.models import Child


class ChildRecordMixin:
    """For views under ``/children/<pk>/``: sets ``self.child`` and logs the access."""

    #: What the access log says was looked at, such as "Child record: chronology".
    record_label: str = "Child record"
    #: What the page needs (kinfolk.access.policy); every view declares it.
    permission: Requirement
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        child = Child.objects.visible_to(request.user).filter(pk=kwargs["pk"]).first()
        if child is None:
            return refuse_hidden_child(request, kwargs["pk"], what=self.record_label)
        self.child = child
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
        if self.child.is_restricted:
            # Open through break-the-glass: the page says until when.
            context["break_glass"] = (
                BreakGlassAccess.objects.filter(
                    child=self.child, user=self.request.user, expires_at__gt=timezone.now()
                )
                .order_by("-expires_at")
                .first()
            )
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
            ("oversight:child-oversight", _("Oversight")),
            ("registers:child-registers", _("Registers")),
            ("complaints:child-complaints", _("Complaints")),
            ("participation:child", _("Participation")),
            ("privatefostering:child", _("Private fostering")),
            ("children:chronology", _("Chronology")),
            ("returns:child-returns", _("Data quality")),
        ]
        if allows(self.request.user, P.VIEW_ACCESS_LOG):
            sections.append(("children:access-log", _("Who has looked at this record")))
        return [
            {"url": reverse(name, args=[self.child.pk]), "label": label} for name, label in sections
        ]


def record_refused(request: HttpRequest, child_ids: Any, *, what: str) -> None:
    """Write, in each child's access log, that the user asked for something of theirs and was
    refused (they may not see the child)."""
    record_listing(
        user=request.user,
        child_ids=child_ids,
        action=AccessAction.REFUSED,
        what=what,
        path=request.get_full_path(),
        source=request_source(request),
    )


def refuse_hidden_child(request: HttpRequest, pk: int, *, what: str) -> HttpResponse:
    """The page for a child the user may not see: the same 404 as for a child that does not
    exist, returned rather than raised so that the request's transaction keeps the ``refused``
    access record. A user who may break the glass is told the record is restricted instead."""
    hidden = Child.objects.filter(pk=pk).values("is_restricted", "is_sealed").first()
    if hidden is None:
        raise Http404
    record_refused(request, [pk], what=what)
    if hidden["is_restricted"] and not hidden["is_sealed"] and allows(request.user, P.BREAK_GLASS):
        return render(
            request,
            "people/restricted_record.html",
            {"break_glass_url": reverse("children:break-glass", args=[pk])},
            status=404,
        )
    handler = get_resolver().resolve_error_handler(404)
    response: HttpResponse = handler(request, exception=Http404())
    return response


def team_holding(child: Child) -> int | None:
    """The team that holds the child's case now (its open allocation's), or None."""
    return child.allocations.filter(end_on__isnull=True).values_list("team_id", flat=True).first()
