"""Pages that record child protection work. Each form page calls one service of
``kinfolk.protection.services``; the conference page shows a conference in full, with its
alerts (docs/child-protection-meetings.md)."""

from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.casework.choices import PlanKind
from kinfolk.casework.services import open_plan
from kinfolk.core.dates import long_date
from kinfolk.core.forms import PlanEndForm
from kinfolk.documents.queries import documents_attached_to
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView
from kinfolk.protection.forms import (
    CoreGroupForm,
    InitialConferenceForm,
    MinutesReviewForm,
    ReviewConferenceForm,
    Section47EndForm,
    Section47StartForm,
    StrategyActionDoneForm,
    StrategyDiscussionForm,
)
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyAction,
)
from kinfolk.protection.services import (
    actions_before_strategy,
    complete_strategy_action,
    conference_alerts,
    end_child_protection_plan,
    end_section_47_enquiry,
    hold_core_group,
    hold_initial_conference,
    hold_review_conference,
    hold_strategy_discussion,
    review_core_group_minutes,
    start_section_47_enquiry,
)
from kinfolk.protection.services.alerts import is_report_late, notice_given


def conference_url(child_pk: int, conference_pk: int) -> str:
    return reverse("protection:conference", args=[child_pk]) + f"?conference={conference_pk}"


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
        if form.is_bound and form.is_valid() and form.cleaned_data.get("held_at"):
            held_on = min(timezone.localtime(form.cleaned_data["held_at"]).date(), held_on)
        context["visits_before"] = actions_before_strategy(self.child, held_on)
        context["can_give_reason"] = self.can_give_reason()
        context["standard_days"] = settings.KINFOLK_STRATEGY_WORKING_DAYS
        return context


class StrategyActionDoneView(ChildRecordFormView):
    """Mark an action agreed at a strategy discussion done (docs/domain.md finding 78)."""

    permission = P.RECORD_CASEWORK

    form_class = StrategyActionDoneForm
    service = staticmethod(complete_strategy_action)
    heading = _("Mark a strategy discussion action done")
    success_message = _("Action marked done")
    record_label = "Child record: strategy discussion action done"

    def open_actions(self) -> QuerySet:
        return StrategyAction.objects.filter(
            discussion__child=self.child, done_on__isnull=True
        ).select_related("discussion")

    def unavailable(self) -> str:
        if not self.open_actions().exists():
            return _t("%(child)s has no open strategy discussion action") % {"child": self.child}
        return ""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "actions": self.open_actions(),
            "chosen": self.chosen("action"),
        }


class Section47CreateView(ChildRecordFormView):
    """Start a section 47 enquiry in the open episode."""

    permission = P.RECORD_CASEWORK

    form_class = Section47StartForm
    service = staticmethod(start_section_47_enquiry)
    heading = _("Start a section 47 enquiry")
    success_message = _("Section 47 enquiry started")
    record_label = "Child record: section 47 enquiry started"


class Section47EndView(ChildRecordFormView):
    """A manager records and signs off the outcome of the open section 47 enquiry."""

    permission = P.SIGN_OFF

    form_class = Section47EndForm
    service = staticmethod(end_section_47_enquiry)
    template_name = "protection/section_47_end_form.html"
    heading = _("Record the outcome of the section 47 enquiry")
    intro = _("As the manager, you sign off the outcome by recording it.")
    success_message = _("Outcome of the section 47 enquiry recorded")
    record_label = "Child record: section 47 enquiry ended"


class ConferenceFormView(ChildRecordFormView):
    """A conference page: the chairs to choose from, and the conference's page after."""

    permission = P.CHAIR_CONFERENCE
    template_name = "protection/conference_form.html"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "chairs": active_staff()}

    def get_initial(self) -> dict[str, Any]:
        return {"chair": self.request.user.pk}

    def get_success_url(self) -> str:
        return conference_url(self.child.pk, self.recorded.pk)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            notice_days=settings.KINFOLK_CONFERENCE_NOTICE_WORKING_DAYS,
            report_days=settings.KINFOLK_REPORT_SHARED_WORKING_DAYS,
        )
        return context


class InitialConferenceCreateView(ConferenceFormView):
    """Record an initial child protection conference; a plan it makes starts that day. The
    enquiry's outcome comes first: the page refuses while the enquiry is open."""

    form_class = InitialConferenceForm
    service = staticmethod(hold_initial_conference)
    heading = _("Record the initial child protection conference")
    success_message = _("Initial child protection conference recorded")
    record_label = "Child record: initial conference recorded"

    def unavailable(self) -> str:
        enquiry = Section47Enquiry.objects.filter(child=self.child, ended_on__isnull=True).first()
        if enquiry is not None:
            return _t(
                "The section 47 enquiry from %(date)s is still open. A manager records its "
                "outcome, with a conference needed, before the conference is recorded."
            ) % {"date": long_date(enquiry.started_on)}
        return ""


class ReviewConferenceCreateView(ConferenceFormView):
    """Record a review child protection conference: progress on each outcome of the plan,
    and whether the plan continues or ends."""

    form_class = ReviewConferenceForm
    service = staticmethod(hold_review_conference)
    heading = _("Record a review child protection conference")
    success_message = _("Review child protection conference recorded")
    record_label = "Child record: review conference recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        plan = open_plan(self.child, PlanKind.CHILD_PROTECTION)
        outcomes = list(plan.outcomes.all()) if plan else []
        return {**super().get_form_kwargs(), "outcomes": outcomes}


class ConferenceView(ChildRecordMixin, TemplateView):
    """A conference in full (``?conference=<id>``, else the child's latest): who was invited
    with the notice they had, attendance, reports and when the parents had them, the child's
    participation, the chair's view, the decision, and its alerts (docs/domain.md findings 39,
    40 and 45)."""

    permission = P.VIEW_RECORD

    template_name = "protection/conference.html"
    record_label = "Child record: child protection conference"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["back_url"] = reverse("casework:child-casework", args=[self.child.pk])
        conferences = Conference.objects.filter(child=self.child).select_related("chair", "plan")
        chosen = self.request.GET.get("conference", "")
        if chosen:
            if not chosen.isdigit():
                raise Http404
            conferences = conferences.filter(pk=chosen)
        conference = conferences.first()
        if conference is None:
            if chosen:
                raise Http404
            return context
        invitees = list(conference.invitees.all())
        for invitee in invitees:
            invitee.notice = notice_given(invitee, conference)
            invitee.is_report_late = is_report_late(invitee, conference)
        context.update(
            conference=conference,
            invitees=invitees,
            alerts=conference_alerts(conference, invitees),
            documents=documents_attached_to(conference),
            progress=list(conference.outcome_progress.select_related("outcome")),
            plan=conference.plan,
            plan_outcomes=list(conference.plan.outcomes.all()) if conference.plan else [],
            plan_actions=list(conference.plan.actions.select_related("owner"))
            if conference.plan
            else [],
            notice_days=settings.KINFOLK_CONFERENCE_NOTICE_WORKING_DAYS,
        )
        return context


class CoreGroupCreateView(ChildRecordFormView):
    """Record a core group meeting of the child protection plan."""

    permission = P.RECORD_CASEWORK

    form_class = CoreGroupForm
    service = staticmethod(hold_core_group)
    template_name = "protection/core_group_form.html"
    heading = _("Record a core group meeting")
    success_message = _("Core group meeting recorded")
    record_label = "Child record: core group recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        plan = open_plan(self.child, PlanKind.CHILD_PROTECTION)
        actions = list(plan.actions.all()) if plan else []
        return {**super().get_form_kwargs(), "actions": actions}


class MinutesReviewView(ChildRecordFormView):
    """The chair reviews the minutes of a core group (docs/domain.md finding 37)."""

    permission = P.RECORD_CASEWORK

    form_class = MinutesReviewForm
    service = staticmethod(review_core_group_minutes)
    heading = _("Review the minutes of a core group")
    success_message = _("Minutes reviewed")
    record_label = "Child record: core group minutes reviewed"

    def meetings(self) -> QuerySet:
        # Imported core groups have neither minutes nor a date for them: nothing to review.
        return CoreGroupMeeting.objects.filter(
            Q(minutes__gt="") | Q(minutes_due_on__isnull=False),
            child=self.child,
            reviewed_on__isnull=True,
        )

    def unavailable(self) -> str:
        if not self.meetings().exists():
            return _t("No core group of %(child)s has minutes to review") % {"child": self.child}
        return ""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "meetings": self.meetings(),
            "chosen": self.chosen("meeting"),
        }


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
