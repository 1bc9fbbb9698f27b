"""The pages of private fostering: the child's arrangements, the steps recorded on them, and
the register of current arrangements (docs/private-fostering.md)."""

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.access.services import record_listing, request_source
from kinfolk.casework.choices import VisitKind
from kinfolk.casework.models import Visit
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView
from kinfolk.privatefostering import services
from kinfolk.privatefostering.due import checks_status, next_visit_due
from kinfolk.privatefostering.forms import (
    AssessmentForm,
    CheckForm,
    EndForm,
    HouseholdMemberForm,
    NotificationForm,
    PrivateFosteringVisitForm,
)
from kinfolk.privatefostering.models import Arrangement, HouseholdMember, SuitabilityCheck
from kinfolk.privatefostering.register import register_rows
from kinfolk.workforce.models import User

BACK_URL_NAME = "privatefostering:child"
BACK_LABEL = _("Back to private fostering")
#: Arrangements on a page of the register.
PAGE_SIZE = 25


class ChildPrivateFosteringView(ChildRecordMixin, TemplateView):
    """The child's private fostering arrangements, the current one first: the notification,
    the carer and household, the checks, the assessment, the visits and the ending."""

    permission = P.VIEW_RECORD
    template_name = "privatefostering/child.html"
    record_label = "Child record: private fostering"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        arrangements = list(
            Arrangement.objects.filter(child=self.child)
            .select_related("assessment__decided_by")
            .prefetch_related(
                "household",
                Prefetch("checks", queryset=SuitabilityCheck.objects.select_related("member")),
            )
            .order_by("ended_on", "-notified_on")
        )
        visits = list(
            Visit.objects.filter(child=self.child, kind=VisitKind.PRIVATE_FOSTERING).order_by(
                "-visited_on", "-pk"
            )
        )
        seen = [v.visited_on for v in visits if v.is_child_seen]
        for arrangement in arrangements:
            start = min(arrangement.began_on, arrangement.notified_on)
            arrangement.visits = [  # type: ignore[attr-defined]
                v
                for v in visits
                if v.visited_on >= start
                and (arrangement.ended_on is None or v.visited_on <= arrangement.ended_on)
            ]
            arrangement.next_visit_due = next_visit_due(arrangement, seen)  # type: ignore[attr-defined]
            arrangement.checks_status = checks_status(  # type: ignore[attr-defined]
                (c.kind, c.result) for c in arrangement.checks.all()
            )
        current = next((a for a in arrangements if a.ended_on is None), None)
        context.update(
            arrangements=arrangements,
            current=current,
            today=timezone.localdate(),
            may_record=allows(self.request.user, P.RECORD_CASEWORK, team_id=self.holding_team_id),
        )
        return context


class _StepView(ChildRecordFormView):
    permission = P.RECORD_CASEWORK
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL
    guard = services.CURRENT_ARRANGEMENT


class NotificationView(ChildRecordFormView):
    """Record that the authority was told of a private fostering arrangement."""

    permission = P.RECORD_CASEWORK
    form_class = NotificationForm
    service = staticmethod(services.record_notification)
    heading = _("Record a private fostering notification")
    intro = _(
        "A child under 16 (18 if disabled) cared for for 28 days or more by someone who is "
        "not a parent or close relative is privately fostered. The child is visited within 7 "
        "working days of the authority being told."
    )
    success_message = _("Private fostering notification recorded")
    record_label = "Child record: private fostering notification recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL

    def get_initial(self) -> dict[str, Any]:
        return {"notified_on": timezone.localdate()}


class HouseholdMemberView(_StepView):
    form_class = HouseholdMemberForm
    service = staticmethod(services.add_household_member)
    heading = _("Add a member of the carer's household")
    success_message = _("Household member added")
    record_label = "Child record: private fostering household member added"


class CheckView(_StepView):
    form_class = CheckForm
    service = staticmethod(services.record_check)
    heading = _("Record a private fostering check")
    success_message = _("Check recorded")
    record_label = "Child record: private fostering check recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["members"] = HouseholdMember.objects.filter(
            arrangement__child=self.child, arrangement__ended_on__isnull=True
        )
        return kwargs


class AssessmentView(_StepView):
    form_class = AssessmentForm
    service = staticmethod(services.record_assessment)
    heading = _("Record the assessment of suitability")
    success_message = _("Assessment recorded")
    record_label = "Child record: private fostering assessment recorded"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        user = self.request.user
        team_id = getattr(user, "team_id", None)
        staff: QuerySet[User] = User.objects.filter(is_active=True, team_id=team_id).order_by(
            "display_name", "username"
        )
        kwargs["staff"] = staff
        return kwargs


class VisitView(_StepView):
    """Record a private fostering visit: the casework visit of kind ``private_fostering``."""

    form_class = PrivateFosteringVisitForm
    service = staticmethod(services.record_private_fostering_visit)
    heading = _("Record a private fostering visit")
    success_message = _("Private fostering visit recorded")
    record_label = "Child record: private fostering visit recorded"


class EndView(_StepView):
    form_class = EndForm
    service = staticmethod(services.end_arrangement)
    heading = _("Record the end of the arrangement")
    success_message = _("End of the arrangement recorded")
    record_label = "Child record: private fostering ended"
    edits = "arrangement"

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs["arrangements"] = Arrangement.objects.filter(child=self.child, ended_on__isnull=True)
        return kwargs

    def service_kwargs(self, form: Any) -> dict[str, Any]:
        kwargs = super().service_kwargs(form)
        kwargs.pop("arrangement")
        return kwargs


class RegisterView(TemplateView):
    """Every current private fostering arrangement the reader may see, overdue first, 25 to a
    page; each child on the page is logged as listed. For those who hold cases, workers and
    managers alike (``RECORD_CASEWORK``): ``VIEW_TEAM`` is managers' only, and the workers
    make the visits the register says are due."""

    permission = P.RECORD_CASEWORK
    template_name = "privatefostering/register.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        rows = register_rows(self.request.user, today)
        page = Paginator(rows, PAGE_SIZE).get_page(self.request.GET.get("page"))
        shown = list(page.object_list)
        record_listing(
            user=self.request.user,
            child_ids=sorted({row.arrangement.child_id for row in shown}),
            what=str(_("Private fostering register")),
            path=self.request.get_full_path(),
            source=request_source(self.request),
        )
        context.update(
            rows=shown,
            page=page,
            total=len(rows),
            overdue=sum(1 for row in rows if row.is_overdue),
            today=today,
            page_query="",
        )
        return context
