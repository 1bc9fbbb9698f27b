"""Recording a supervision of a worker's whole caseload in one sitting, and the team's
supervision at a glance."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Max, OuterRef, Q, Subquery
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from kinfolk.access.choices import AccessAction
from kinfolk.access.policy import P, allows, require
from kinfolk.access.services import record_listing, request_source
from kinfolk.oversight import services
from kinfolk.oversight.forms import SupervisionForm
from kinfolk.oversight.models import PersonalSupervision, SupervisionSession
from kinfolk.oversight.services.personal import next_personal_supervision
from kinfolk.oversight.views.common import staff_for
from kinfolk.people.models import Child
from kinfolk.workforce.models import Allocation, User


class RecordSupervisionView(FormView):
    """A manager records a supervision of one of their team's workers: every child the
    worker holds is a block of the one form; the children ticked as discussed are recorded
    in one go, and the others are left as they are."""

    permission = P.SUPERVISE
    template_name = "oversight/record_supervision.html"
    form_class = SupervisionForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            return super().dispatch(request, *args, **kwargs)
        self.worker = get_object_or_404(User, pk=kwargs["pk"])
        require(request.user, P.SUPERVISE, team_id=self.worker.team_id)
        visible = Child.objects.visible_to(request.user)
        self.allocations = list(
            Allocation.objects.open()
            .filter(worker=self.worker, child__in=visible)
            .select_related("child")
            .order_by("child__last_name", "child__first_name", "child__pk")
        )
        return super().dispatch(request, *args, **kwargs)

    @property
    def is_own(self) -> bool:
        return self.worker.pk == self.request.user.pk

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(
            children=[a.child for a in self.allocations],
            staff=staff_for(self.worker, self.request.user, team=self.worker.team),
            worker=self.worker,
        )
        return kwargs

    def get_initial(self) -> dict[str, Any]:
        return {"held_on": timezone.localdate()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        if self.request.method == "GET":
            record_listing(
                user=self.request.user,
                child_ids=[a.child_id for a in self.allocations],
                what=_("Record supervision of %(worker)s") % {"worker": self.worker},
                path=self.request.path,
                source=request_source(self.request),
            )
        context.update(worker=self.worker, is_own=self.is_own)
        return context

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.is_own:
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: SupervisionForm) -> HttpResponse:
        cases = form.cleaned_data["cases"]
        try:
            services.record_supervision(
                supervisor=self.request.user,
                worker=self.worker,
                held_on=form.cleaned_data["held_on"],
                cases=cases,
                actor=self.request.user,
            )
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        record_listing(
            user=self.request.user,
            child_ids=[case.child.pk for case in cases],
            action=AccessAction.CHANGE,
            what=_("Case supervision recorded"),
            path=self.request.path,
            source=request_source(self.request),
        )
        messages.success(
            self.request,
            _("Supervision of %(worker)s recorded for %(count)d children")
            % {"worker": self.worker, "count": len(cases)}
            if len(cases) != 1
            else _("Supervision of %(worker)s recorded for 1 child") % {"worker": self.worker},
        )
        return HttpResponseRedirect(reverse("oversight:team-supervision"))


class TeamSupervisionView(TemplateView):
    """The manager's team: each worker's caseload, their last case supervision, and their
    personal supervision due, with the way to record either. A fixed number of queries."""

    permission = P.SUPERVISE
    template_name = "oversight/team_supervision.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        user = self.request.user
        if user.team_id is None:
            raise PermissionDenied(_("You are not a member of a team"))
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        last_personal = PersonalSupervision.objects.filter(worker=OuterRef("pk")).order_by(
            "-held_on", "-pk"
        )
        members = list(
            User.objects.filter(team=user.team, is_active=True)
            .annotate(
                caseload=Count(
                    "allocations",
                    filter=Q(allocations__end_on__isnull=True),
                    distinct=True,
                ),
                last_case_supervision=Subquery(
                    SupervisionSession.objects.filter(worker=OuterRef("pk"))
                    .values("worker")
                    .annotate(last=Max("held_on"))
                    .values("last")
                ),
                last_personal_pk=Subquery(last_personal.values("pk")[:1]),
            )
            .order_by("display_name", "username")
        )
        personal = PersonalSupervision.objects.in_bulk(
            [m.last_personal_pk for m in members if m.last_personal_pk]
        )
        for member in members:
            last = personal.get(member.last_personal_pk)
            member.last_personal_on = last.held_on if last else None
            member.next_personal_on = next_personal_supervision(last)
            member.may_supervise = member.pk != user.pk and allows(
                user, P.SUPERVISE, team_id=member.team_id
            )
        context.update(team=user.team, members=members, today=today)
        return context
