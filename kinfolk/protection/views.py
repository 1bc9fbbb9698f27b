"""Pages that record child protection work. Each calls one service of
``kinfolk.protection.services`` and returns to the child's casework page."""

from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P, allows
from kinfolk.core.forms import PlanEndForm
from kinfolk.people.views.record_form import ChildRecordFormView
from kinfolk.protection.forms import (
    CoreGroupForm,
    InitialConferenceForm,
    ReviewConferenceForm,
    Section47EndForm,
    Section47StartForm,
    StrategyDiscussionForm,
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


class StrategyDiscussionCreateView(ChildRecordFormView):
    """Record a strategy discussion. When the child was visited first, the page warns, and
    a manager must say why (docs/domain.md finding 5)."""

    permission = P.RECORD_CASEWORK

    form_class = StrategyDiscussionForm
    service = staticmethod(hold_strategy_discussion)
    template_name = "protection/strategy_discussion_form.html"
    heading = _("Record a strategy discussion")
    success_message = _("Strategy discussion recorded")
    record_label = "Child record: strategy discussion recorded"

    def can_give_reason(self) -> bool:
        return allows(self.request.user, P.SIGN_OFF)

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "can_give_reason": self.can_give_reason()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        held_on = timezone.localdate()
        if form.is_bound and form.is_valid():
            held_on = min(form.cleaned_data["held_on"], held_on)
        context["visits_before"] = actions_before_strategy(self.child, held_on)
        context["can_give_reason"] = self.can_give_reason()
        return context


class Section47CreateView(ChildRecordFormView):
    """Start a section 47 enquiry in the open episode."""

    permission = P.RECORD_CASEWORK

    form_class = Section47StartForm
    service = staticmethod(start_section_47_enquiry)
    heading = _("Start a section 47 enquiry")
    success_message = _("Section 47 enquiry started")
    record_label = "Child record: section 47 enquiry started"


class Section47EndView(ChildRecordFormView):
    """Record the outcome of the open section 47 enquiry."""

    permission = P.RECORD_CASEWORK

    form_class = Section47EndForm
    service = staticmethod(end_section_47_enquiry)
    heading = _("Record the outcome of the section 47 enquiry")
    success_message = _("Outcome of the section 47 enquiry recorded")
    record_label = "Child record: section 47 enquiry ended"


class InitialConferenceCreateView(ChildRecordFormView):
    """Record an initial child protection conference; a plan it makes starts that day."""

    permission = P.CHAIR_CONFERENCE

    form_class = InitialConferenceForm
    service = staticmethod(hold_initial_conference)
    heading = _("Record the initial child protection conference")
    success_message = _("Initial child protection conference recorded")
    record_label = "Child record: initial conference recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "chairs": active_staff()}


class ReviewConferenceCreateView(ChildRecordFormView):
    """Record a review child protection conference: the plan continues or ends."""

    permission = P.CHAIR_CONFERENCE

    form_class = ReviewConferenceForm
    service = staticmethod(hold_review_conference)
    heading = _("Record a review child protection conference")
    success_message = _("Review child protection conference recorded")
    record_label = "Child record: review conference recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "chairs": active_staff()}


class CoreGroupCreateView(ChildRecordFormView):
    """Record a core group meeting of the child protection plan."""

    permission = P.RECORD_CASEWORK

    form_class = CoreGroupForm
    service = staticmethod(hold_core_group)
    heading = _("Record a core group meeting")
    success_message = _("Core group meeting recorded")
    record_label = "Child record: core group recorded"


class ChildProtectionPlanEndView(ChildRecordFormView):
    """A manager ends the child protection plan other than at a review conference (the
    family moved away, say)."""

    permission = P.SIGN_OFF

    form_class = PlanEndForm
    service = staticmethod(end_child_protection_plan)
    heading = _("End the child protection plan")
    intro = _(
        "Use this when the plan ends other than at a review conference, for example when the "
        "family moves to another authority. When a review conference ends the plan, record the "
        "review instead."
    )
    success_message = _("Child protection plan ended")
    record_label = "Child record: child protection plan ended"
