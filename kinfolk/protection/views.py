"""Pages that record child protection work. Each calls one service of
``kinfolk.protection.services`` and returns to the child's casework page."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.forms import PlanEndForm
from kinfolk.casework.models import Plan
from kinfolk.casework.views.base import CaseworkFormView
from kinfolk.protection.forms import (
    CoreGroupForm,
    InitialConferenceForm,
    ReviewConferenceForm,
    Section47EndForm,
    Section47StartForm,
    StrategyDiscussionForm,
)
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)
from kinfolk.protection.services import (
    actions_before_strategy,
    end_child_protection_plan,
    end_section_47_enquiry,
    hold_core_group,
    hold_initial_conference,
    hold_review_conference,
    hold_strategy_discussion,
    start_section_47_enquiry,
)


def active_staff() -> QuerySet:
    return get_user_model().objects.filter(is_active=True).order_by("display_name")


class StrategyDiscussionCreateView(CaseworkFormView):
    """Record a strategy discussion. When the child was visited first, the page warns, and
    a manager must say why (docs/domain.md finding 5)."""

    form_class = StrategyDiscussionForm
    template_name = "protection/strategy_discussion_form.html"
    heading = _("Record a strategy discussion")
    success_message = _("Strategy discussion recorded")
    record_label = "Child record: strategy discussion recorded"

    def is_manager(self) -> bool:
        return bool(getattr(self.request.user, "is_manager", False))

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "can_give_reason": self.is_manager()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        held_on = timezone.localdate()
        if form.is_bound and form.is_valid():
            held_on = min(form.cleaned_data["held_on"], held_on)
        context["visits_before"] = actions_before_strategy(self.child, held_on)
        context["can_give_reason"] = self.is_manager()
        return context

    def record(self, form: StrategyDiscussionForm) -> StrategyDiscussion:
        data = form.cleaned_data
        return hold_strategy_discussion(
            child=self.child,
            held_on=data["held_on"],
            outcome=data["outcome"],
            attendees=data["attendees"],
            rationale=data["rationale"],
            prior_action_reason=data.get("prior_action_reason", ""),
            actor=self.request.user,
        )


class Section47CreateView(CaseworkFormView):
    """Start a section 47 enquiry in the open episode."""

    form_class = Section47StartForm
    heading = _("Start a section 47 enquiry")
    success_message = _("Section 47 enquiry started")
    record_label = "Child record: section 47 enquiry started"

    def record(self, form: Section47StartForm) -> Section47Enquiry:
        return start_section_47_enquiry(
            child=self.child, started_on=form.cleaned_data["started_on"], actor=self.request.user
        )


class Section47EndView(CaseworkFormView):
    """Record the outcome of the open section 47 enquiry."""

    form_class = Section47EndForm
    heading = _("Record the outcome of the section 47 enquiry")
    success_message = _("Outcome of the section 47 enquiry recorded")
    record_label = "Child record: section 47 enquiry ended"

    def record(self, form: Section47EndForm) -> Section47Enquiry:
        data = form.cleaned_data
        return end_section_47_enquiry(
            child=self.child,
            ended_on=data["ended_on"],
            is_conference_required=data["is_conference_required"],
            outcome=data["outcome"],
            actor=self.request.user,
        )


class InitialConferenceCreateView(CaseworkFormView):
    """Record an initial child protection conference; a plan it makes starts that day."""

    form_class = InitialConferenceForm
    heading = _("Record the initial child protection conference")
    success_message = _("Initial child protection conference recorded")
    record_label = "Child record: initial conference recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "chairs": active_staff()}

    def record(self, form: InitialConferenceForm) -> Conference:
        data = form.cleaned_data
        return hold_initial_conference(
            child=self.child,
            held_on=data["held_on"],
            is_plan_needed=data["is_plan_needed"],
            category=data["category"],
            chair=data["chair"],
            actor=self.request.user,
        )


class ReviewConferenceCreateView(CaseworkFormView):
    """Record a review child protection conference: the plan continues or ends."""

    form_class = ReviewConferenceForm
    heading = _("Record a review child protection conference")
    success_message = _("Review child protection conference recorded")
    record_label = "Child record: review conference recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "chairs": active_staff()}

    def record(self, form: ReviewConferenceForm) -> Conference:
        data = form.cleaned_data
        return hold_review_conference(
            child=self.child,
            held_on=data["held_on"],
            continue_plan=data["continue_plan"],
            category=data["category"],
            chair=data["chair"],
            actor=self.request.user,
        )


class CoreGroupCreateView(CaseworkFormView):
    """Record a core group meeting of the child protection plan."""

    form_class = CoreGroupForm
    heading = _("Record a core group meeting")
    success_message = _("Core group meeting recorded")
    record_label = "Child record: core group recorded"

    def record(self, form: CoreGroupForm) -> CoreGroupMeeting:
        return hold_core_group(
            child=self.child, held_on=form.cleaned_data["held_on"], actor=self.request.user
        )


class ChildProtectionPlanEndView(CaseworkFormView):
    """A manager ends the child protection plan other than at a review conference (the
    family moved away, say)."""

    form_class = PlanEndForm
    heading = _("End the child protection plan")
    intro = _(
        "Use this when the plan ends other than at a review conference, for example when the "
        "family moves to another authority. When a review conference ends the plan, record the "
        "review instead."
    )
    success_message = _("Child protection plan ended")
    record_label = "Child record: child protection plan ended"
    managers_only = True

    def record(self, form: PlanEndForm) -> Plan:
        return end_child_protection_plan(
            child=self.child, end_on=form.cleaned_data["end_on"], actor=self.request.user
        )
