"""The child's permanence page: each adoption pathway as a timeline with its timeliness,
previous permanence, special guardianship and long-term fostering, and what can be recorded
next; and the list of children with an adoption plan."""

from typing import Any

from django.db.models import Prefetch
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.care.models import ADOPTED, CareEpisode, PeriodOfCare
from kinfolk.core.codes import LegalStatus, ReasonEpisodeCeased
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.permanence.models import AdoptionDecision, PreviousPermanence
from kinfolk.permanence.timeliness import adoption_timeliness, placement_order_on


def adoption_pathway(
    decision: AdoptionDecision, period: PeriodOfCare, episodes: list[CareEpisode]
) -> list[dict[str, Any]]:
    """The steps of one adoption pathway, in date order: entering care, the decision, the
    placement order, the matching panel and match, moving in, and the adoption order or the
    reversal."""
    match = getattr(decision, "match", None)
    steps: list[dict[str, Any]] = [
        {"on": period.start_on, "title": _("Came into care"), "detail": ""},
        {
            "on": decision.decided_on,
            "title": _("Decision that the child should be placed for adoption"),
            "detail": _("Imported from the previous system") if decision.is_imported else "",
        },
    ]
    order_on = placement_order_on(episodes)
    if order_on is not None:
        steps.append({"on": order_on, "title": _("Placement order made"), "detail": ""})
    if match is not None:
        if match.panel_on:
            steps.append({"on": match.panel_on, "title": _("Matching panel"), "detail": ""})
        adopters = _("%(number)s: %(sex)s; %(status)s") % {
            "number": match.get_number_of_adopters_display(),
            "sex": match.get_adopters_sex_display().lower(),
            "status": match.get_adopters_legal_status_display().lower(),
        }
        if match.is_former_foster_carers:
            adopters += _("; the child's foster carers")
        if match.adopters_names:
            adopters = f"{match.adopters_names}. {adopters}"
        steps.append(
            {"on": match.matched_on, "title": _("Matched with adopters"), "detail": adopters}
        )
    timeliness = adoption_timeliness(period, episodes, match)
    if timeliness.moved_in_on is not None:
        steps.append(
            {"on": timeliness.moved_in_on, "title": _("Moved in with the adopters"), "detail": ""}
        )
    if period.reason_ceased in ADOPTED and period.end_on is not None:
        steps.append(
            {
                "on": period.end_on,
                "title": _("Adoption order: adopted"),
                "detail": ReasonEpisodeCeased(period.reason_ceased).label,
            }
        )
    if decision.reversed_on is not None:
        detail = decision.get_reversal_reason_display()
        if decision.reversal_detail:
            detail = f"{detail}. {decision.reversal_detail}"
        steps.append(
            {
                "on": decision.reversed_on,
                "title": _("No longer to be placed for adoption"),
                "detail": detail,
            }
        )
    return sorted(steps, key=lambda step: step["on"])


class ChildPermanenceView(ChildRecordMixin, TemplateView):
    """The child's permanence: each adoption pathway as a timeline with its timeliness,
    previous permanence, special guardianship and long-term fostering matches, and links to
    record what is possible now (docs/domain.md stage 27, findings 49 and 51). Its number of
    queries does not grow with the history."""

    permission = P.VIEW_RECORD

    template_name = "permanence/child_permanence.html"
    record_label = "Child record: permanence"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        periods = {
            period.pk: period
            for period in self.child.periods_of_care.prefetch_related(
                Prefetch("episodes", queryset=CareEpisode.objects.order_by("start_on", "pk"))
            )
        }
        decisions = list(self.child.adoption_decisions.select_related("match"))
        pathways = []
        for decision in decisions:
            period = periods[decision.period_id]
            episodes = list(period.episodes.all())
            match = getattr(decision, "match", None)
            timeliness = adoption_timeliness(period, episodes, match)
            pathways.append(
                {
                    "decision": decision,
                    "match": match,
                    "period": period,
                    "steps": adoption_pathway(decision, period, episodes),
                    "timeliness": timeliness,
                    "days_in_care": timeliness.days_in_care_on(today),
                    "is_adopted": period.reason_ceased in ADOPTED,
                }
            )
        open_decision = next((d for d in decisions if d.is_open), None)
        context.update(
            today=today,
            pathways=pathways,
            open_decision=open_decision,
            previous_permanence=PreviousPermanence.objects.filter(child=self.child).first(),
            permanence_matches=list(self.child.permanence_matches.select_related("household")),
            next_steps=self.next_steps(open_decision),
        )
        return context

    def next_steps(self, open_decision: AdoptionDecision | None) -> list[dict[str, str]]:
        steps: list[dict[str, str]] = []

        def add(name: str, label: str) -> None:
            steps.append({"url": reverse(name, args=[self.child.pk]), "label": label})

        if open_decision is None:
            add(
                "permanence:adoption-decision-create",
                _("Record a decision that the child should be placed for adoption"),
            )
        else:
            if getattr(open_decision, "match", None) is None:
                add("permanence:adoption-match-create", _("Record the match with adopters"))
            add(
                "permanence:adoption-decision-reverse",
                _("Record that the child should no longer be placed for adoption"),
            )
        add("permanence:previous-permanence", _("Record previous permanence"))
        add(
            "permanence:permanence-match-create",
            _("Record a special guardianship or long-term fostering match"),
        )
        return steps


class AdoptionPlanListView(TemplateView):
    """Children still looked after with an open decision that they should be placed for
    adoption: how long they have been in care, the placement order, and whether they are
    matched or still waiting (docs/domain.md findings 51 and 85)."""

    permission = P.VIEW_RECORD

    template_name = "permanence/adoption_plans.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        decisions = list(
            AdoptionDecision.objects.adoption_plans()
            .filter(child__in=Child.objects.visible_to(self.request.user))
            .select_related("child", "period", "match")
            .prefetch_related(
                Prefetch(
                    "period__episodes",
                    queryset=CareEpisode.objects.filter(legal_status=LegalStatus.E1),
                )
            )
            .order_by("decided_on", "pk")
        )
        rows = []
        for decision in decisions:
            match = getattr(decision, "match", None)
            waited_until = match.matched_on if match is not None else today
            rows.append(
                {
                    "decision": decision,
                    "child": decision.child,
                    "match": match,
                    "days_in_care": (today - decision.period.start_on).days,
                    "placement_order_on": placement_order_on(decision.period.episodes.all()),
                    "days_waiting": (waited_until - decision.decided_on).days,
                }
            )
        record_listing(
            user=self.request.user,
            child_ids=[row["child"].pk for row in rows],
            what=_("Children with an adoption plan"),
            path=self.request.path,
            source=request_source(self.request),
        )
        context.update(
            rows=rows,
            today=today,
            waiting=sum(1 for row in rows if row["match"] is None),
        )
        return context
