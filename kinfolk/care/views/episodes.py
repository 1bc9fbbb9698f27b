"""The child's care page and the forms that record their time in care: starting and ending
care, moving placement, changing legal status, approving an unregistered setting.

The care page reads every period, episode and placement of the child, the postcodes they
need and the authority in a fixed number of queries, however long the history.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.care.forms.episodes import (
    ApproveUnregisteredForm,
    ChangeLegalStatusForm,
    ChangePlacementForm,
    EndCareForm,
    StartCareForm,
)
from kinfolk.care.models.episodes import (
    CareEpisode,
    PeriodOfCare,
    Placement,
    placements_with_new_carers,
    weeks_between,
)
from kinfolk.care.models.proceedings import (
    CareProceedings,
    PreProceedings,
)
from kinfolk.care.services import (
    approve_unregistered_placement,
    change_legal_status,
    change_placement,
    end_care,
    plo_alert_weeks,
    start_care,
)
from kinfolk.care.services.episodes import LOOKED_AFTER, NOT_LOOKED_AFTER
from kinfolk.care.services.missing import strategy_discussion_warning
from kinfolk.care.services.placements import (
    PLACEMENT_AWAITING_APPROVAL,
    placements_awaiting_approval,
)
from kinfolk.core.forms import CaseworkForm
from kinfolk.core.geography import PlacementLocation, look_up, placement_location
from kinfolk.core.models import Authority
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView

#: A placement further than this from home is flagged (docs/domain.md stage 17: the share placed
#: within 20 miles).
FAR_FROM_HOME_MILES = 20
#: Three or more placements with new carers in 12 months is flagged (stage 17, finding 20).
MOVES_FLAGGED = 3


class CareFormView(ChildRecordFormView):
    """A page under ``/children/<pk>/care/`` that records one step and returns to the care
    page."""

    back_url_name = "care:child-care"
    back_label = gettext_lazy("Back to care")


class StartCareView(CareFormView):
    """Record that the child started to be looked after."""

    permission = P.RECORD_CASEWORK

    form_class = StartCareForm
    service = staticmethod(start_care)
    guard = NOT_LOOKED_AFTER
    heading = gettext_lazy("Record the start of care")
    success_message = gettext_lazy("The start of care is recorded")
    record_label = "Child record: start of care recorded"

    def get_initial(self) -> dict[str, Any]:
        address = self.child.addresses.filter(end_on__isnull=True).first()
        return {"home_postcode": address.postcode if address else ""}


class ChangePlacementView(CareFormView):
    """Record a move of placement. When the move was not planned the page asks about the
    disruption (finding 83); when a strategy discussion is due it warns, and a manager must
    record why the move cannot wait (finding 5)."""

    permission = P.RECORD_CASEWORK

    form_class = ChangePlacementForm
    service = staticmethod(change_placement)
    guard = LOOKED_AFTER
    renamed = {"moved_on": "on"}
    template_name = "care/episodes/change_placement.html"
    heading = gettext_lazy("Record a move of placement")
    success_message = gettext_lazy("The move of placement is recorded")
    record_label = "Child record: placement move recorded"

    def can_give_reason(self) -> bool:
        return allows(self.request.user, P.APPROVE_PLACEMENT)

    def moved_on(self, form: CaseworkForm | None = None) -> dt.date:
        today = timezone.localdate()
        if form is not None and form.is_bound and form.is_valid():
            return min(form.cleaned_data["moved_on"], today)
        return today

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "can_give_reason": self.can_give_reason()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if not context["unavailable"]:
            context["strategy_warning"] = strategy_discussion_warning(
                self.child, self.moved_on(context["form"])
            )
        context["can_give_reason"] = self.can_give_reason()
        return context

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        # The service goes ahead without a strategy discussion only if the page warned.
        warning = strategy_discussion_warning(self.child, form.cleaned_data["moved_on"])
        return {**super().service_kwargs(form), "strategy_discussion_warning": warning or ""}


class ChangeLegalStatusView(CareFormView):
    """Record a change of the legal status under which the child is looked after."""

    permission = P.RECORD_CASEWORK

    form_class = ChangeLegalStatusForm
    service = staticmethod(change_legal_status)
    guard = LOOKED_AFTER
    renamed = {"changed_on": "on"}
    heading = gettext_lazy("Record a change of legal status")
    success_message = gettext_lazy("The change of legal status is recorded")
    record_label = "Child record: legal status change recorded"


class EndCareView(CareFormView):
    """Record that the child ceased to be looked after."""

    permission = P.RECORD_CASEWORK

    form_class = EndCareForm
    service = staticmethod(end_care)
    guard = LOOKED_AFTER
    renamed = {"ended_on": "on"}
    heading = gettext_lazy("Record the end of care")
    success_message = gettext_lazy("The end of care is recorded")
    record_label = "Child record: end of care recorded"


class UnregisteredPlacementApproveView(CareFormView):
    """A senior manager approves a placement in an unregistered setting (finding 24)."""

    permission = P.APPROVE_PLACEMENT

    form_class = ApproveUnregisteredForm
    service = staticmethod(approve_unregistered_placement)
    guard = PLACEMENT_AWAITING_APPROVAL
    heading = gettext_lazy("Approve a placement in an unregistered setting")
    intro = gettext_lazy(
        "The setting is not registered with Ofsted. Record why it is the right place for "
        "the child for now. Until this is recorded, the child's record shows an alert."
    )
    success_message = gettext_lazy("The approval is recorded")
    record_label = "Child record: unregistered placement approved"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "placements": placements_awaiting_approval(self.child),
            "chosen": self.chosen("placement"),
        }


# The care page.


@dataclass(frozen=True)
class CurrentCare:
    """What the care page says first about a looked-after child."""

    period: PeriodOfCare
    episode: CareEpisode
    weeks_looked_after: int
    legal_status_since: dt.date
    weeks_under_section_20: int
    weeks_placed_with_parents: int
    placement: Placement | None
    placement_since: dt.date
    location: PlacementLocation
    moves_in_12_months: int
    is_far_from_home: bool
    is_out_of_area: bool

    @property
    def has_many_moves(self) -> bool:
        """Three or more placements with new carers in 12 months (finding 20)."""
        return self.moves_in_12_months >= MOVES_FLAGGED


def _days_in(episodes: list[CareEpisode], legal_status: str, today: dt.date) -> int:
    return sum(
        ((e.end_on or today) - e.start_on).days for e in episodes if e.legal_status == legal_status
    )


def current_care(
    period: PeriodOfCare,
    episodes: list[CareEpisode],
    everything: list[CareEpisode],
    location: PlacementLocation,
    today: dt.date,
) -> CurrentCare:
    """The summary of an open period of care from its episodes (in date order) and all the
    child's episodes."""
    episode = episodes[-1]
    legal_status_since = episode.start_on
    placement_since = episode.start_on
    for earlier in reversed(episodes[:-1]):
        if earlier.legal_status != episode.legal_status:
            break
        legal_status_since = earlier.start_on
    for earlier in reversed(episodes[:-1]):
        if earlier.placement_id != episode.placement_id or episode.placement_id is None:
            break
        placement_since = earlier.start_on
    year_ago = today - dt.timedelta(days=365)
    moves = [e for e in placements_with_new_carers(everything) if year_ago < e.start_on <= today]
    distance = location.distance_miles
    return CurrentCare(
        period=period,
        episode=episode,
        weeks_looked_after=weeks_between(period.start_on, today),
        legal_status_since=legal_status_since,
        weeks_under_section_20=_days_in(episodes, "V2", today) // 7,
        weeks_placed_with_parents=sum(
            ((e.end_on or today) - e.start_on).days for e in episodes if e.placement_type == "P1"
        )
        // 7,
        placement=episode.placement,
        placement_since=placement_since,
        location=location,
        moves_in_12_months=len(moves),
        is_far_from_home=distance is not None and distance > FAR_FROM_HOME_MILES,
        is_out_of_area=location.is_in_area is False,
    )


class ChildCareView(ChildRecordMixin, TemplateView):
    """The child's care: a summary of the current period (legal status, placement, distance
    from home, flags), the reviews and health summaries, every period with its episodes,
    pre-proceedings and care proceedings, and links to record each step possible now."""

    permission = P.VIEW_RECORD

    template_name = "care/child_care.html"
    record_label = "Child record: care"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        periods = list(self.child.periods_of_care.all())
        everything = list(
            CareEpisode.objects.filter(child=self.child)
            .select_related("placement__approved_by", "placement__disruption")
            .order_by("start_on", "pk")
        )
        by_period: dict[int, list[CareEpisode]] = {}
        for episode in everything:
            by_period.setdefault(episode.period_id, []).append(episode)
        directory = look_up(
            postcode
            for episode in everything
            for postcode in (episode.home_postcode, episode.placement_postcode)
        )
        authority = Authority.current()
        authority_code = authority.la_code if authority else ""
        for episode in everything:
            episode.location = placement_location(
                home_postcode=episode.home_postcode,
                placement_postcode=episode.placement_postcode,
                authority_code=authority_code,
                directory=directory,
            )
        for period in periods:
            period.episode_list = by_period.get(period.pk, [])
            period.disruptions = _disruptions(period.episode_list)
        period = periods[0] if periods else None
        current = None
        if period is not None and period.is_open and period.episode_list:
            current = current_care(
                period, period.episode_list, everything, period.episode_list[-1].location, today
            )
        pre_proceedings = list(
            PreProceedings.objects.filter(child=self.child).prefetch_related("meetings")
        )
        alert_weeks = plo_alert_weeks()
        for record in pre_proceedings:
            record.weeks = record.weeks_on(today)
            record.is_over_alert = record.is_over_alert_on(today, alert_weeks)
        proceedings = list(
            CareProceedings.objects.filter(child=self.child).prefetch_related("hearings")
        )
        for case in proceedings:
            case.weeks = case.weeks_on(today)
            case.is_over_26_weeks = case.is_over_26_weeks_on(today)
        context.update(
            today=today,
            period=period,
            periods=periods,
            current=current,
            pre_proceedings=pre_proceedings,
            proceedings=proceedings,
            plo_alert_weeks=alert_weeks,
            far_from_home_miles=FAR_FROM_HOME_MILES,
            next_steps=self.next_steps(current, pre_proceedings, proceedings),
            authority=authority,
        )
        return context

    def next_steps(
        self,
        current: CurrentCare | None,
        pre_proceedings: list[PreProceedings],
        proceedings: list[CareProceedings],
    ) -> list[dict[str, str]]:
        """Links to record each step possible now."""
        steps: list[dict[str, str]] = []

        def add(name: str, label: str, query: str = "") -> None:
            steps.append({"url": reverse(name, args=[self.child.pk]) + query, "label": label})

        if current is None:
            add("care:care-start", _("Record the start of care"))
        else:
            add("care:placement-change", _("Record a move of placement"))
            add("care:legal-status-change", _("Record a change of legal status"))
            add("care:care-end", _("Record the end of care"))
            placement = current.placement
            if placement is not None and placement.needs_approval:
                add(
                    "care:unregistered-approve",
                    _("Approve the unregistered placement"),
                    f"?placement={placement.pk}",
                )
        open_pre = next((p for p in pre_proceedings if p.is_open), None)
        if open_pre is None:
            add("care:legal-gateway-create", _("Record a legal gateway meeting"))
        else:
            if not open_pre.has_letter:
                add("care:letter-create", _("Record the letter before proceedings"))
            add("care:pre-proceedings-meeting-create", _("Record a pre-proceedings meeting"))
            add("care:pre-proceedings-end", _("Record the end of pre-proceedings"))
        if not any(case.is_open for case in proceedings):
            add("care:proceedings-issue", _("Record that care proceedings were issued"))
        else:
            add("care:hearing-create", _("Record a hearing"))
            add("care:proceedings-conclude", _("Record the final order"))
        return steps


def _disruptions(episodes: list[CareEpisode]) -> list[Any]:
    """The disruption records of the placements of a period, in date order."""
    seen: set[int] = set()
    found = []
    for episode in episodes:
        placement = episode.placement
        if placement is None or placement.pk in seen:
            continue
        seen.add(placement.pk)
        disruption = getattr(placement, "disruption", None)
        if disruption is not None:
            found.append(disruption)
    return found
