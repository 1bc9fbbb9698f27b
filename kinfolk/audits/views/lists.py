"""The auditors' list of audits, the worker's list of the audits of their work, and the page
that chooses case files to audit. Each list writes, in each child's access log, that the
child was listed."""

import random
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import FormView, TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.audits.choices import AuditSource, AuditStatus
from kinfolk.audits.forms import ChooseAuditsForm
from kinfolk.audits.models import CaseAudit
from kinfolk.audits.services import (
    approved_work,
    assign_sample,
    children_in_service,
    open_cases,
)
from kinfolk.audits.services.choosing import Candidate
from kinfolk.people.models import Child


def _listed(view: Any, audits: list[CaseAudit], what: str) -> None:
    record_listing(
        user=view.request.user,
        child_ids=sorted({audit.child_id for audit in audits}),
        what=what,
        path=view.request.path,
        source=request_source(view.request),
    )


def _audits() -> Any:
    return CaseAudit.objects.select_related("child", "auditor", "worker", "team", "moderator")


class AuditListView(TemplateView):
    """What the auditor has to do (their audits assigned and in progress), the audits waiting
    for a second auditor's moderation, and the latest audits done."""

    permission = P.AUDIT_CASES
    template_name = "audits/audit_list.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        visible = Child.objects.visible_to(user)
        audits = _audits().filter(child__in=visible)
        to_do = list(
            audits.filter(
                auditor=user, status__in=[AuditStatus.ASSIGNED, AuditStatus.IN_PROGRESS]
            ).order_by("assigned_on", "pk")
        )
        to_moderate = list(
            audits.filter(status=AuditStatus.COMPLETED)
            .exclude(auditor=user)
            .order_by("audited_on", "pk")[:50]
        )
        done = list(
            audits.filter(status__in=[AuditStatus.COMPLETED, AuditStatus.MODERATED]).order_by(
                "-audited_on", "-pk"
            )[:25]
        )
        _listed(self, to_do + to_moderate + done, _("Case file audits"))
        context.update(to_do=to_do, to_moderate=to_moderate, done=done)
        return context


class YourAuditsView(TemplateView):
    """The audits of the signed-in worker's work, to read and respond to."""

    permission = P.VIEW_RECORD
    template_name = "audits/your_audits.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        user = self.request.user
        audits = list(
            _audits()
            .filter(
                worker=user,
                child__in=Child.objects.visible_to(user),
                status__in=[AuditStatus.COMPLETED, AuditStatus.MODERATED],
            )
            .order_by("-audited_on", "-pk")
        )
        _listed(self, audits, _("Audits of your work"))
        context["audits"] = audits
        return context


class ChooseAuditsView(FormView):
    """Choose case files to audit: at random from open cases, from the children in a
    service, or from a sample of work managers approved in a period; they are given to the
    chosen auditors in turn."""

    permission = P.AUDIT_CASES
    template_name = "audits/choose.html"
    form_class = ChooseAuditsForm

    def get_initial(self) -> dict[str, Any]:
        return {"count": 5, "method": "random"}

    def candidates(self, data: dict[str, Any]) -> tuple[list[Candidate], str]:
        user = self.request.user
        if data["method"] == "approved_work":
            return (
                approved_work(viewer=user, kind=data["work"], start=data["start"], end=data["end"]),
                AuditSource.APPROVED_WORK,
            )
        if data["method"] == "service":
            children = children_in_service(viewer=user, service=data["service"], team=data["team"])
            source = AuditSource.SERVICE
        else:
            children = open_cases(viewer=user, team=data["team"])
            source = AuditSource.RANDOM
        return [Candidate(child) for child in children], source

    def form_valid(self, form: ChooseAuditsForm) -> HttpResponse:
        data = form.cleaned_data
        try:
            candidates, source = self.candidates(data)
            audits = assign_sample(
                candidates=candidates,
                count=data["count"],
                auditors=list(data["auditors"]),
                source=source,
                rng=random.Random(),
                on=timezone.localdate(),
                actor=self.request.user,
            )
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        _listed(self, audits, _("Case files chosen for audit"))
        messages.success(
            self.request,
            _("%(count)d case files assigned for audit") % {"count": len(audits)},
        )
        return HttpResponseRedirect(reverse("audits:list"))
