"""The lists of voice and participation (docs/participation.md): children in care waiting for
an independent visitor and those never offered one, children in care not yet told how to
complain, disabled young people of 14 or more without a transition plan, and the advocacy
themes by quarter. Each list of children is paginated and logged as a listing."""

import datetime as dt
from collections import Counter
from typing import Any

from django.core.paginator import Paginator
from django.db.models import Exists, Min, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import TEAM, P, may_reach, scope_of
from kinfolk.access.services import record_listing, request_source
from kinfolk.care.models import PeriodOfCare
from kinfolk.core.codes import Disability
from kinfolk.core.working_days import add_months
from kinfolk.participation.choices import OfferAnswer
from kinfolk.participation.models import (
    AdvocacyReferral,
    AdvocacyTheme,
    IndependentVisitorOffer,
    ToldHowToComplain,
    TransitionPlan,
)
from kinfolk.participation.services import TRANSITION_AGE
from kinfolk.people.models import Child, ChildDisability
from kinfolk.workforce.models import Allocation

#: Children on each page of a list.
PAGE_SIZE = 25


def listed_children(user: Any) -> QuerySet[Child]:
    """The children a list may show the user: those they may see and, for a manager whose
    team view reaches their own team only, those the team holds or no team holds."""
    children = Child.objects.visible_to(user)
    if scope_of(user, P.VIEW_TEAM) is TEAM:
        held = Allocation.objects.filter(end_on__isnull=True)
        children = children.filter(
            Q(pk__in=held.filter(team_id=user.team_id).values("child"))
            | ~Q(pk__in=held.values("child"))
        )
    return children


def in_care(user: Any) -> QuerySet[Child]:
    """Children in care now, with the day their period of care started."""
    periods = PeriodOfCare.objects.filter(child=OuterRef("pk"), end_on__isnull=True)
    return (
        listed_children(user)
        .annotate(in_care_since=Subquery(periods.values("start_on")[:1]))
        .filter(in_care_since__isnull=False)
    )


class ChildListView(TemplateView):
    """A paginated list of children, those on the page logged as listed."""

    permission = P.VIEW_TEAM
    template_name = "participation/child_list.html"
    listing_label: Any = ""
    heading: Any = ""
    intro: Any = ""
    #: The list's columns beyond the child: (heading, attribute) pairs.
    columns: tuple[tuple[Any, str], ...] = ()

    def children(self, today: dt.date) -> QuerySet[Child]:
        raise NotImplementedError

    def tabs(self) -> list[dict[str, Any]]:
        return []

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        page = Paginator(self.children(today), PAGE_SIZE).get_page(self.request.GET.get("page"))
        rows = list(page.object_list)
        for row in rows:
            row.cells = [getattr(row, attribute) for _label, attribute in self.columns]
            row.days_waiting = (
                (today - row.waiting_since).days if getattr(row, "waiting_since", None) else None
            )
        record_listing(
            user=self.request.user,
            child_ids=[row.pk for row in rows],
            what=str(self.listing_label),
            path=self.request.get_full_path(),
            source=request_source(self.request),
        )
        context.update(
            rows=rows,
            page=page,
            total=page.paginator.count,
            heading=self.heading,
            intro=self.intro,
            columns=[label for label, _attribute in self.columns],
            tabs=self.tabs(),
            page_query=self.page_query(),
            today=today,
        )
        return context

    def page_query(self) -> str:
        return ""


class VisitorListView(ChildListView):
    """Children in care waiting for an independent visitor, the longest waiting first; or
    those never offered one (``?show=never``)."""

    def showing_never(self) -> bool:
        return self.request.GET.get("show") == "never"

    @property
    def heading(self) -> Any:  # type: ignore[override]
        if self.showing_never():
            return _("Children in care never offered an independent visitor")
        return _("Children in care waiting for an independent visitor")

    @property
    def listing_label(self) -> Any:  # type: ignore[override]
        return (
            _("Independent visitors: never offered")
            if self.showing_never()
            else _("Independent visitors: waiting for a match")
        )

    @property
    def columns(self) -> Any:  # type: ignore[override]
        if self.showing_never():
            return ((_("In care since"), "in_care_since"),)
        return ((_("Accepted an offer made on"), "waiting_since"),)

    def children(self, today: dt.date) -> QuerySet[Child]:
        offers = IndependentVisitorOffer.objects.filter(child=OuterRef("pk"))
        children = in_care(self.request.user)
        if self.showing_never():
            return children.filter(~Exists(offers)).order_by("in_care_since", "last_name", "pk")
        waiting = offers.filter(
            answer=OfferAnswer.ACCEPTED, matched_on__isnull=True, ended_on__isnull=True
        )
        return (
            children.annotate(
                waiting_since=Subquery(
                    waiting.values("child").annotate(first=Min("offered_on")).values("first")[:1]
                )
            )
            .filter(waiting_since__isnull=False)
            .order_by("waiting_since", "last_name", "pk")
        )

    def tabs(self) -> list[dict[str, Any]]:
        never = self.showing_never()
        return [
            {"url": "?", "label": _("Waiting for a match"), "current": not never},
            {"url": "?show=never", "label": _("Never offered"), "current": never},
        ]

    def page_query(self) -> str:
        return "show=never&" if self.showing_never() else ""


class NotToldListView(ChildListView):
    """Children in care not yet told how to complain and about the children in care council
    (docs/domain.md finding 70), the longest in care first."""

    heading = _("Children in care not yet told how to complain")
    intro = _(
        "No one has recorded telling them how to complain and about the children in care council."
    )
    listing_label = _("Not yet told how to complain")
    columns = ((_("In care since"), "in_care_since"),)

    def children(self, today: dt.date) -> QuerySet[Child]:
        told = ToldHowToComplain.objects.filter(child=OuterRef("pk"))
        return (
            in_care(self.request.user)
            .filter(~Exists(told))
            .order_by("in_care_since", "last_name", "pk")
        )


class NoTransitionPlanListView(ChildListView):
    """Disabled young people aged 14 to 17 without a transition plan (docs/domain.md finding
    75), the oldest first."""

    heading = _("Disabled young people of 14 or more without a transition plan")
    intro = _("Young people aged 14 to 17 with a disability recorded and no transition plan.")
    listing_label = _("No transition plan")
    columns = ((_("Date of birth"), "date_of_birth"),)

    def children(self, today: dt.date) -> QuerySet[Child]:
        disabled = ChildDisability.objects.filter(child=OuterRef("pk")).exclude(
            code=Disability.NONE
        )
        plans = TransitionPlan.objects.filter(child=OuterRef("pk"))
        return (
            listed_children(self.request.user)
            .filter(
                Exists(disabled),
                ~Exists(plans),
                date_of_death__isnull=True,
                date_of_birth__lte=add_months(today, -12 * TRANSITION_AGE),
                date_of_birth__gt=add_months(today, -12 * 18),
            )
            .order_by("date_of_birth", "last_name", "pk")
        )


def quarter_of(day: dt.date) -> str:
    """The financial quarter of a day: April to June is the year's first."""
    year = day.year if day.month >= 4 else day.year - 1
    quarter = (day.month - 4) % 12 // 3 + 1
    return f"{year}-{str(year + 1)[2:]} Q{quarter}"


class AdvocacyThemesView(TemplateView):
    """How often each theme was raised, by the quarter of the referral (the last four
    quarters with any). Counts only: no child is listed."""

    permission = P.VIEW_TEAM
    template_name = "participation/advocacy_themes.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        counts: Counter[tuple[str, str]] = Counter()
        referrals: Counter[str] = Counter()
        visible = listed_children(self.request.user).values("pk")
        for referral in AdvocacyReferral.objects.filter(child__in=visible).prefetch_related(
            "themes"
        ):
            quarter = quarter_of(referral.referred_on)
            referrals[quarter] += 1
            for theme in referral.themes.all():
                counts[(theme.name, quarter)] += 1
        quarters = sorted(referrals)[-4:]
        themes = list(AdvocacyTheme.objects.order_by("name"))
        context.update(
            quarters=quarters,
            referrals=[referrals[q] for q in quarters],
            rows=[
                {"theme": theme, "counts": [counts[(theme.name, q)] for q in quarters]}
                for theme in themes
            ],
            may_add_theme=may_reach(self.request.user, "/participation/advocacy-themes/add/"),
        )
        return context
