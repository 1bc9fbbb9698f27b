"""The one entry point through which every page about a child finds the child.

``ChildRecordMixin`` looks the child up among those the user may see (a restricted record is
a 404 to everyone else) and writes the access record for the page in the request's
transaction.
"""

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.access.choices import AccessAction
from kinfolk.access.services import record_access, request_source
from kinfolk.people.models import Child


class ChildRecordMixin:
    """For views under ``/children/<pk>/``: sets ``self.child`` and logs the access."""

    #: What the access log says was looked at, such as "Child record: chronology".
    record_label: str = "Child record"
    #: Only managers may open this page.
    managers_only: bool = False
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.child = get_object_or_404(Child.objects.visible_to(request.user), pk=kwargs["pk"])
        if self.managers_only and not getattr(request.user, "is_manager", False):
            raise PermissionDenied
        if request.method != "POST":
            # Written before the page is built, so that a page listing accesses shows this one.
            self._record(AccessAction.VIEW)
            return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        response = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        changed = response.status_code in (301, 302, 303)
        self._record(AccessAction.CHANGE if changed else AccessAction.VIEW)
        return response

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
        context["current_allocation"] = (
            self.child.allocations.filter(end_on__isnull=True).select_related("worker").first()
        )
        context["active_alerts"] = [
            alert for alert in self.child.alerts.all() if alert.is_active_on(timezone.localdate())
        ]
        context["record_navigation"] = self.record_navigation()
        return context

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
        if getattr(self.request.user, "is_manager", False):
            sections.append(("children:access-log", _("Who has looked at this record")))
        return [
            {"url": reverse(name, args=[self.child.pk]), "label": label} for name, label in sections
        ]


class ManagersOnlyMixin:
    """Pages for people who oversee others' work."""

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not getattr(request.user, "is_manager", False):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
