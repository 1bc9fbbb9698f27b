"""Long-open and drifting cases in the manager's team (docs/domain.md finding 76): children
whose current child in need episode has been open longer than the authority's threshold,
with their last assessment and last management oversight; and children re-referred within
12 months of their last episode closing."""

from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import DateField, Max, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.casework.models import Assessment, ChildInNeedEpisode
from kinfolk.core.working_days import add_months
from kinfolk.oversight.models import CaseSupervision, ManagementDecision
from kinfolk.people.models import Child
from kinfolk.workforce.models import Allocation

#: A re-referral this many months after the last episode closed counts as drift.
RE_REFERRAL_MONTHS = 12


def _latest(queryset: Any, field: str) -> Subquery:
    return Subquery(
        queryset.values("child").annotate(last=Max(field)).values("last")[:1],
        output_field=DateField(),
    )


class DriftView(TemplateView):
    """The team's long-open cases and re-referrals, each child logged as listed. Two
    queries for the lists however many children there are."""

    permission = P.VIEW_TEAM
    template_name = "oversight/drift.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        if user.team_id is None:
            raise PermissionDenied(_("You are not a member of a team"))
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        months = settings.KINFOLK_LONG_OPEN_MONTHS
        held = Allocation.objects.open().filter(team=user.team).values("child")
        child = OuterRef("child")
        episodes = (
            ChildInNeedEpisode.objects.filter(closed_on__isnull=True, is_nfa=False, child__in=held)
            .filter(child__in=_visible(user))
            .annotate(
                last_assessment_on=_latest(
                    Assessment.objects.filter(child=child, authorised_on__isnull=False),
                    "authorised_on",
                ),
                last_supervision_on=_latest(
                    CaseSupervision.objects.filter(child=child), "session__held_on"
                ),
                last_decision_on=_latest(
                    ManagementDecision.objects.filter(child=child), "decided_on"
                ),
                previous_closed_on=Subquery(
                    ChildInNeedEpisode.objects.filter(
                        child=child,
                        closed_on__isnull=False,
                        closed_on__lte=OuterRef("referral_on"),
                    )
                    .order_by("-closed_on")
                    .values("closed_on")[:1]
                ),
                holder=Subquery(
                    Allocation.objects.open().filter(child=child).values("worker__display_name")[:1]
                ),
            )
            .select_related("child")
            .order_by("referral_on", "pk")
        )
        rows = list(episodes)
        for row in rows:
            days = [d for d in (row.last_supervision_on, row.last_decision_on) if d]
            row.last_oversight_on = max(days) if days else None
        long_open = [r for r in rows if r.referral_on <= add_months(today, -months)]
        re_referred = [
            r
            for r in rows
            if r.previous_closed_on
            and r.referral_on <= add_months(r.previous_closed_on, RE_REFERRAL_MONTHS)
        ]
        record_listing(
            user=user,
            child_ids=sorted({r.child_id for r in long_open + re_referred}),
            what=_("Long-open and re-referred cases"),
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(
            team=user.team,
            months=months,
            long_open=long_open,
            re_referred=re_referred,
            today=today,
        )
        return context


def _visible(user: Any) -> Any:
    return Child.objects.visible_to(user).values("pk")
