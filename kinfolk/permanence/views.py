"""Permanence pages: the child's permanence record and the forms that add to it, the list of
children with an adoption plan, and the fostering households.

Each form page calls one service of ``kinfolk.permanence.services``. Pages about a child go
through ``ChildRecordMixin``; the household pages hold no child's information, so any
signed-in member of staff may see them, and only managers approve.
"""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView, TemplateView

from kinfolk.access.services import record_listing, request_source
from kinfolk.care.models import ADOPTED, CareEpisode, PeriodOfCare
from kinfolk.casework.views.base import CaseworkFormView
from kinfolk.core.codes import LegalStatus, ReasonEpisodeCeased
from kinfolk.core.forms import CaseworkForm
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.permanence import forms, services
from kinfolk.permanence.approvals import DUE_SOON_DAYS
from kinfolk.permanence.choices import ApprovalStatus
from kinfolk.permanence.models import (
    AdoptionDecision,
    FosteringHousehold,
    PermanenceMatch,
    PreviousPermanence,
    TrainingRecord,
)
from kinfolk.permanence.timeliness import adoption_timeliness, placement_order_on

STATUS_COLOURS = {
    ApprovalStatus.IN_ASSESSMENT: "grey",
    ApprovalStatus.TEMPORARY: "blue",
    ApprovalStatus.TEMPORARY_EXPIRED: "red",
    ApprovalStatus.APPROVED: "green",
}


def _day(day: dt.date) -> str:
    return day.strftime("%-d %B %Y")


# The child's permanence ----------------------------------------------------------------------


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


class PermanenceFormView(CaseworkFormView):
    """A page under ``/children/<pk>/permanence/`` that records one step of permanence and
    returns to the child's permanence page."""

    template_name = "permanence/form_page.html"

    def get_success_url(self) -> str:
        return reverse("permanence:child-permanence", args=[self.child.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["casework_url"] = self.get_success_url()
        return context

    def open_decision(self) -> AdoptionDecision | None:
        return (
            AdoptionDecision.objects.open().filter(child=self.child).select_related("match").first()
        )


class AdoptionDecisionCreateView(PermanenceFormView):
    """Record the agency decision maker's decision that the child should be placed for
    adoption."""

    form_class = forms.AdoptionDecisionForm
    heading = gettext_lazy("Record a decision that the child should be placed for adoption")
    intro = gettext_lazy(
        "The agency decision maker's decision, after the adoption panel or the court's "
        "placement order."
    )
    success_message = gettext_lazy("Decision that the child should be placed for adoption recorded")
    record_label = "Child record: adoption decision recorded"

    def record(self, form: CaseworkForm) -> AdoptionDecision:
        return services.record_adoption_decision(
            child=self.child, decided_on=form.cleaned_data["decided_on"], actor=self.request.user
        )


class AdoptionDecisionReverseView(PermanenceFormView):
    """Record that the child should no longer be placed for adoption, and why."""

    form_class = forms.AdoptionReversalForm
    heading = gettext_lazy("Record that the child should no longer be placed for adoption")
    success_message = gettext_lazy("Reversal of the adoption decision recorded")
    record_label = "Child record: adoption decision reversed"

    def unavailable(self) -> str:
        if self.open_decision() is None:
            return _("%(child)s has no open decision to be placed for adoption.") % {
                "child": self.child
            }
        return ""

    def get_form(self, form_class: Any = None) -> CaseworkForm:
        form = super().get_form(form_class)
        decision = self.open_decision()
        if decision is not None:
            form.fixed_summary.append(
                (_("Decision to place for adoption"), _day(decision.decided_on))
            )
        return form

    def record(self, form: CaseworkForm) -> AdoptionDecision:
        data = form.cleaned_data
        return services.reverse_adoption_decision(
            child=self.child,
            reversed_on=data["reversed_on"],
            reason=data["reason"],
            detail=data["detail"],
            actor=self.request.user,
        )


class AdoptionMatchCreateView(PermanenceFormView):
    """Record the match of the child with adopters."""

    form_class = forms.AdoptionMatchForm
    heading = gettext_lazy("Record the match with adopters")
    success_message = gettext_lazy("Match with adopters recorded")
    record_label = "Child record: adoption match recorded"

    def unavailable(self) -> str:
        decision = self.open_decision()
        if decision is None:
            return _(
                "%(child)s has no open decision that they should be placed for adoption. "
                "Record the decision first."
            ) % {"child": self.child}
        if getattr(decision, "match", None) is not None:
            return _("%(child)s was matched with adopters on %(date)s.") % {
                "child": self.child,
                "date": _day(decision.match.matched_on),
            }
        return ""

    def record(self, form: CaseworkForm) -> Any:
        data = form.cleaned_data
        return services.record_adoption_match(
            child=self.child,
            matched_on=data["matched_on"],
            panel_on=data["panel_on"],
            number_of_adopters=data["number_of_adopters"],
            adopters_sex=data["adopters_sex"],
            adopters_legal_status=data["adopters_legal_status"],
            is_former_foster_carers=data["is_former_foster_carers"],
            moved_in_on=data["moved_in_on"],
            adopters_names=data["adopters_names"],
            actor=self.request.user,
        )


class PreviousPermanenceView(PermanenceFormView):
    """Record the permanence the child had before coming into care (SSDA903 PrevPerm)."""

    form_class = forms.PreviousPermanenceForm
    heading = gettext_lazy("Record previous permanence")
    intro = gettext_lazy(
        "Whether the child was adopted, or lived under a special guardianship or child "
        "arrangements order, before coming into care. This replaces what was recorded before."
    )
    success_message = gettext_lazy("Previous permanence recorded")
    record_label = "Child record: previous permanence recorded"

    def get_initial(self) -> dict[str, Any]:
        current = PreviousPermanence.objects.filter(child=self.child).first()
        if current is None:
            return {}
        return {
            "code": current.code,
            "order_on": current.order_on,
            "local_authority": current.local_authority,
        }

    def record(self, form: CaseworkForm) -> PreviousPermanence:
        data = form.cleaned_data
        return services.record_previous_permanence(
            child=self.child,
            code=data["code"],
            order_on=data["order_on"],
            local_authority=data["local_authority"],
            actor=self.request.user,
        )


class PermanenceMatchCreateView(PermanenceFormView):
    """Record special guardians or long-term foster carers confirmed as the child's
    permanent carers (docs/domain.md finding 49)."""

    form_class = forms.PermanenceMatchForm
    heading = gettext_lazy("Record a special guardianship or long-term fostering match")
    success_message = gettext_lazy("Permanence match recorded")
    record_label = "Child record: permanence match recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "households": FosteringHousehold.objects.all()}

    def record(self, form: CaseworkForm) -> PermanenceMatch:
        data = form.cleaned_data
        return services.record_permanence_match(
            child=self.child,
            kind=data["kind"],
            carers=data["carers"],
            household=data["household"],
            matched_on=data["matched_on"],
            panel_on=data["panel_on"],
            assessment_on=data["assessment_on"],
            support_plan_on=data["support_plan_on"],
            order_on=data["order_on"],
            notes=data["notes"],
            actor=self.request.user,
        )


# Children with an adoption plan --------------------------------------------------------------


class AdoptionPlanListView(TemplateView):
    """Children still looked after with an open decision that they should be placed for
    adoption: how long they have been in care, the placement order, and whether they are
    matched or still waiting (docs/domain.md findings 51 and 85)."""

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


# Fostering households ------------------------------------------------------------------------


def _is_manager(request: HttpRequest) -> bool:
    return bool(getattr(request.user, "is_manager", False))


class HouseholdListView(TemplateView):
    """Every fostering household, with its approval and any temporary approval running out
    (flagged when it has run out, or runs out within 14 days)."""

    template_name = "permanence/households.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        households = list(FosteringHousehold.objects.prefetch_related("carers"))
        for household in households:
            household.status = household.approval_status_on(today)
            household.status_colour = STATUS_COLOURS[household.status]
            household.is_due_soon = household.is_temporary_approval_due_soon(today)
        context.update(
            households=households,
            today=today,
            due_soon_days=DUE_SOON_DAYS,
            expired=sum(1 for h in households if h.status == ApprovalStatus.TEMPORARY_EXPIRED),
            due_soon=sum(1 for h in households if h.is_due_soon),
            can_approve=_is_manager(self.request),
        )
        return context


class HouseholdDetailView(TemplateView):
    """One fostering household: its carers, approval history, development plan and training
    log (docs/domain.md finding 25)."""

    template_name = "permanence/household.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        household = get_object_or_404(
            FosteringHousehold.objects.select_related("approved_by"), pk=kwargs["pk"]
        )
        status = household.approval_status_on(today)
        context.update(
            household=household,
            today=today,
            status=status,
            status_colour=STATUS_COLOURS[status],
            is_due_soon=household.is_temporary_approval_due_soon(today),
            history=self.approval_history(household),
            carers=list(household.carers.all()),
            goals=list(household.development_goals.all()),
            training=list(
                TrainingRecord.objects.filter(household=household).select_related("carer")
            ),
            can_approve=_is_manager(self.request),
        )
        return context

    def approval_history(self, household: FosteringHousehold) -> list[dict[str, Any]]:
        """Each step of the household's approval so far, in date order."""
        steps: list[dict[str, Any]] = []
        if household.temporary_approved_on:
            steps.append(
                {
                    "on": household.temporary_approved_on,
                    "title": _("Temporarily approved as a connected person"),
                    "detail": _("For 16 weeks (Care Planning Regulations 2010, reg. 24)"),
                }
            )
        if household.temporary_extended_on:
            steps.append(
                {
                    "on": household.temporary_extended_on,
                    "title": _("Temporary approval extended by 8 weeks"),
                    "detail": household.extension_reason,
                }
            )
        if household.panel_on:
            steps.append({"on": household.panel_on, "title": _("Fostering panel"), "detail": ""})
        if household.approved_on:
            detail = household.terms_of_approval
            if household.approved_by:
                detail = _("%(terms)s. Approved by %(name)s") % {
                    "terms": detail,
                    "name": household.approved_by.display_name,
                }
            steps.append({"on": household.approved_on, "title": _("Approved"), "detail": detail})
        return sorted(steps, key=lambda step: step["on"])


class HouseholdFormView(FormView):
    """A page under ``/fostering/`` that records one step for a household: parse, authorise,
    call one service, return to the household's page."""

    template_name = "permanence/household_form_page.html"
    form_class: type[CaseworkForm]
    heading: Any = ""
    intro: Any = ""
    success_message: Any = ""
    #: Only managers approve households.
    managers_only = True
    household: FosteringHousehold | None = None

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if "pk" in kwargs:
            self.household = get_object_or_404(FosteringHousehold, pk=kwargs["pk"])
        if self.managers_only and not _is_manager(request):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def record(self, form: CaseworkForm) -> FosteringHousehold | Any:
        raise NotImplementedError

    def form_valid(self, form: CaseworkForm) -> HttpResponse:
        try:
            saved = self.record(form)
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        household = saved if isinstance(saved, FosteringHousehold) else self.household
        return HttpResponseRedirect(reverse("permanence:household", args=[household.pk]))

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading,
            intro=self.intro,
            household=self.household,
            cancel_url=(
                reverse("permanence:household", args=[self.household.pk])
                if self.household
                else reverse("permanence:households")
            ),
        )
        return context


class HouseholdCreateView(HouseholdFormView):
    """Add a household that the fostering service is assessing."""

    form_class = forms.HouseholdForm
    heading = gettext_lazy("Add a fostering household")
    success_message = gettext_lazy("Fostering household added")
    managers_only = False

    def record(self, form: CaseworkForm) -> FosteringHousehold:
        data = form.cleaned_data
        return services.add_household(
            name=data["name"],
            postcode=data["postcode"],
            kind=data["kind"],
            carers=form.carers(),
            actor=self.request.user,
        )


class TemporaryApprovalView(HouseholdFormView):
    """A manager approves a connected person temporarily (reg. 24)."""

    form_class = forms.TemporaryApprovalForm
    heading = gettext_lazy("Record a temporary approval")
    intro = gettext_lazy(
        "A connected person can be approved temporarily for 16 weeks while their assessment "
        "is completed (Care Planning Regulations 2010, regulation 24)."
    )
    success_message = gettext_lazy("Temporary approval recorded")

    def record(self, form: CaseworkForm) -> FosteringHousehold:
        return services.grant_temporary_approval(
            household=self.household,
            approved_on=form.cleaned_data["approved_on"],
            actor=self.request.user,
        )


class ExtensionView(HouseholdFormView):
    """A manager extends a temporary approval, once, by 8 weeks (reg. 25)."""

    form_class = forms.ExtensionForm
    heading = gettext_lazy("Extend the temporary approval")
    intro = gettext_lazy(
        "A temporary approval can be extended once, by 8 weeks, before it runs out "
        "(Care Planning Regulations 2010, regulation 25)."
    )
    success_message = gettext_lazy("Temporary approval extended")

    def record(self, form: CaseworkForm) -> FosteringHousehold:
        data = form.cleaned_data
        return services.extend_temporary_approval(
            household=self.household,
            extended_on=data["extended_on"],
            reason=data["reason"],
            actor=self.request.user,
        )


class ApprovalView(HouseholdFormView):
    """A manager records the fostering panel and the approval that follows."""

    form_class = forms.ApprovalForm
    heading = gettext_lazy("Record the panel and approval")
    success_message = gettext_lazy("Approval recorded")

    def record(self, form: CaseworkForm) -> FosteringHousehold:
        data = form.cleaned_data
        return services.approve_household(
            household=self.household,
            panel_on=data["panel_on"],
            approved_on=data["approved_on"],
            terms=data["terms"],
            actor=self.request.user,
        )


class TrainingRecordCreateView(HouseholdFormView):
    """Add an entry to the household's training log."""

    form_class = forms.TrainingRecordForm
    heading = gettext_lazy("Add to the training log")
    success_message = gettext_lazy("Training recorded")
    managers_only = False

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "carers": self.household.carers.all()}

    def record(self, form: CaseworkForm) -> Any:
        data = form.cleaned_data
        return services.add_training_record(
            household=self.household,
            course=data["course"],
            completed_on=data["completed_on"],
            carer=data["carer"],
            hours=data["hours"],
            actor=self.request.user,
        )


class DevelopmentGoalCreateView(HouseholdFormView):
    """Add a goal to the household's development plan."""

    form_class = forms.DevelopmentGoalForm
    heading = gettext_lazy("Add to the development plan")
    success_message = gettext_lazy("Development goal added")
    managers_only = False

    def record(self, form: CaseworkForm) -> Any:
        data = form.cleaned_data
        return services.add_development_goal(
            household=self.household,
            goal=data["goal"],
            due_on=data["due_on"],
            actor=self.request.user,
        )
