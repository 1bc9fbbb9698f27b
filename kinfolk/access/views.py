"""Break-the-glass pages: the notices sent to the people told of a use, and the review queue
of the head of service and information governance.

These pages name the child by Child ID only: the people reading them may not see the child's
record (a team manager not named on a restricted record is still told of a use on it).
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kinfolk.access.break_glass import mark_notices_read, review_break_glass
from kinfolk.access.forms import BreakGlassReviewForm
from kinfolk.access.models import AccessRecord, BreakGlassAccess, BreakGlassNotice
from kinfolk.access.policy import P, Requirement, SignedIn
from kinfolk.core.forms import add_service_errors

REVIEW_PAGE_SIZE = 50


class BreakGlassNoticesView(TemplateView):
    """The uses of break-the-glass this member of staff was told of, unread first."""

    permission: Requirement = SignedIn("everyone's own notices, empty for those told of none")
    template_name = "access/notices.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        notices = (
            BreakGlassNotice.objects.filter(user=self.request.user)
            .select_related("access__user", "access__child")
            .order_by("read_at", "-access__opened_at", "-pk")
        )
        context["notices"] = list(notices[:200])
        context["unread"] = sum(notice.read_at is None for notice in context["notices"])
        return context

    def post(self, request: HttpRequest) -> HttpResponse:
        marked = mark_notices_read(user=request.user)
        if marked:
            messages.success(request, _("Notices marked as read"))
        return HttpResponseRedirect(reverse("access:notices"))


class BreakGlassReviewsView(TemplateView):
    """Every use of break-the-glass, those waiting for review first."""

    permission = P.REVIEW_BREAK_GLASS
    template_name = "access/reviews.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        show_all = self.request.GET.get("show") == "all"
        uses = BreakGlassAccess.objects.select_related("user", "child", "reviewed_by")
        if not show_all:
            uses = uses.filter(reviewed_at__isnull=True)
        context.update(
            page=Paginator(uses.order_by("opened_at", "pk"), REVIEW_PAGE_SIZE).get_page(
                self.request.GET.get("page")
            ),
            show_all=show_all,
            waiting=BreakGlassAccess.objects.filter(reviewed_at__isnull=True).count(),
        )
        return context


class BreakGlassReviewView(TemplateView):
    """One use of break-the-glass: the reason, who was told, what was looked at while the
    record was open, and the review."""

    permission = P.REVIEW_BREAK_GLASS
    template_name = "access/review.html"

    def get_use(self) -> BreakGlassAccess:
        return get_object_or_404(
            BreakGlassAccess.objects.select_related("user", "child", "reviewed_by"),
            pk=self.kwargs["pk"],
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        use = kwargs.get("use") or self.get_use()
        context.update(
            use=use,
            form=kwargs.get("form") or BreakGlassReviewForm(),
            told=[notice.user for notice in use.notices.select_related("user")],
            # What the person looked at and did on the record while it was open to them.
            records=list(
                AccessRecord.objects.filter(
                    user=use.user, child_id=use.child_id, at__range=(use.opened_at, use.expires_at)
                ).order_by("at", "pk")[:500]
            ),
        )
        return context

    def post(self, request: HttpRequest, pk: int) -> HttpResponse:
        use = self.get_use()
        form = BreakGlassReviewForm(request.POST)
        if form.is_valid():
            try:
                review_break_glass(
                    access=use, reviewer=request.user, note=form.cleaned_data["note"]
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Review recorded"))
                return HttpResponseRedirect(reverse("access:reviews"))
        return self.render_to_response(self.get_context_data(use=use, form=form))
