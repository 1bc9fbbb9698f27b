"""A worker's personal supervision: seen only by the worker, a team manager of the worker's
team and the supervisor who recorded it (an object-level check on top of the policy; to
anyone else the worker's page does not exist)."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from kinfolk.access.policy import P, Requirement, SignedIn, require
from kinfolk.access.roles import Role
from kinfolk.oversight import services
from kinfolk.oversight.forms import PersonalSupervisionForm
from kinfolk.oversight.models import PersonalSupervision
from kinfolk.workforce.models import User


def personal_supervisions_seen_by(viewer: Any, worker: User) -> QuerySet[PersonalSupervision]:
    """The personal supervisions of ``worker`` that ``viewer`` may read: all of them for the
    worker and for a team manager of the worker's team; for anyone else (a head of service,
    another team's manager) only those they gave themselves."""
    records = PersonalSupervision.objects.filter(worker=worker)
    if viewer.pk == worker.pk:
        return records
    if (
        viewer.role == Role.TEAM_MANAGER
        and worker.team_id is not None
        and viewer.team_id == worker.team_id
    ):
        return records
    return records.filter(supervisor=viewer)


def may_read_personal_supervision(viewer: Any, worker: User) -> bool:
    """Whether the worker's page of personal supervision exists for ``viewer``."""
    if viewer.pk == worker.pk:
        return True
    if viewer.role == Role.TEAM_MANAGER and worker.team_id and viewer.team_id == worker.team_id:
        return True
    return PersonalSupervision.objects.filter(worker=worker, supervisor=viewer).exists()


class PersonalSupervisionListView(TemplateView):
    """A worker's personal supervisions, newest first, with when the next is due."""

    permission: Requirement = SignedIn(
        "a worker's own personal supervision; the view shows it only to the worker, their "
        "team manager and the supervisor who recorded it"
    )
    template_name = "oversight/personal_supervision.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        worker = get_object_or_404(User, pk=self.kwargs["pk"])
        viewer = self.request.user
        if not may_read_personal_supervision(viewer, worker):
            raise Http404(_("No such worker"))
        records = list(personal_supervisions_seen_by(viewer, worker).select_related("supervisor"))
        everything = PersonalSupervision.objects.filter(worker=worker)
        latest = everything.order_by("-held_on", "-pk").first()
        next_on = services.next_personal_supervision(latest)
        today = timezone.localdate()
        context.update(
            worker=worker,
            records=records,
            next_on=next_on,
            is_overdue=bool(next_on and next_on < today),
            never=latest is None,
            is_own=viewer.pk == worker.pk,
            today=today,
        )
        return context


class PersonalSupervisionRecordView(FormView):
    """A manager records a worker's personal supervision."""

    permission = P.SUPERVISE
    template_name = "oversight/personal_supervision_form.html"
    form_class = PersonalSupervisionForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.is_authenticated:
            self.worker = get_object_or_404(User, pk=kwargs["pk"])
            require(request.user, P.SUPERVISE, team_id=self.worker.team_id)
        return super().dispatch(request, *args, **kwargs)

    def get_initial(self) -> dict[str, Any]:
        return {"held_on": timezone.localdate()}

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(worker=self.worker, is_own=self.worker.pk == self.request.user.pk)
        return context

    def form_valid(self, form: PersonalSupervisionForm) -> HttpResponse:
        try:
            services.record_personal_supervision(
                worker=self.worker,
                supervisor=self.request.user,
                actor=self.request.user,
                **form.cleaned_data,
            )
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, _("Personal supervision recorded"))
        return HttpResponseRedirect(
            reverse("oversight:personal-supervision", args=[self.worker.pk])
        )
