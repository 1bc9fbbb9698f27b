"""The assessment as a document: starting it, the worker's draft (saved as they type), the
manager's decision, and every submitted version (docs/assessments.md)."""

import datetime as dt
import json
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.casework.choices import AssessmentStatus, AuthorisationCheck, Verification
from kinfolk.casework.forms import (
    AssessmentDecisionForm,
    AssessmentDraftForm,
    AssessmentStartForm,
)
from kinfolk.casework.models import Assessment, AssessmentVersion
from kinfolk.casework.services import (
    ASSESSMENT_AWAITING_AUTHORISATION,
    decide_assessment,
    save_assessment_draft,
    start_assessment,
    submit_assessment,
)
from kinfolk.casework.services.assessments import ASSESSMENT_SECTIONS, NEGLECT_AREAS
from kinfolk.casework.views.assessment_history import relevant_history
from kinfolk.core.codes import AssessmentFactor
from kinfolk.core.forms import CaseworkForm, opened_version
from kinfolk.core.models import RecordChanged, Versioned
from kinfolk.documents.queries import documents_attached_to
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView


def shown_sections(content: dict[str, Any], *, is_pre_birth: bool) -> dict[str, Any]:
    """An assessment's sections (the record's, or a version's) ready for the page."""
    factors = dict(AssessmentFactor.choices)
    verification = dict(Verification.choices)
    tool = content.get("neglect_tool") or {}
    dates = {
        name: dt.date.fromisoformat(content[name])
        if isinstance(content.get(name), str)
        else content.get(name)
        for name in ("child_views_on", "pre_birth_meeting_on")
    }
    return {
        **content,
        **dates,
        "is_pre_birth": is_pre_birth,
        "factor_names": [factors.get(code, code) for code in content.get("factors") or []],
        "risk_items": [
            {**item, "verified": verification.get(item["verification"], "")}
            for item in content.get("risks") or []
        ],
        "protective_items": [
            {**item, "verified": verification.get(item["verification"], "")}
            for item in content.get("protective_factors") or []
        ],
        "neglect_scores": [
            (label, (tool.get("areas") or {}).get(area)) for area, label in NEGLECT_AREAS.items()
        ]
        if tool
        else [],
        "neglect_overall": tool.get("overall"),
    }


def record_sections(assessment: Assessment) -> dict[str, Any]:
    return shown_sections(
        {name: getattr(assessment, name) for name in ASSESSMENT_SECTIONS},
        is_pre_birth=assessment.is_pre_birth,
    )


def assessment_url(name: str, assessment: Assessment) -> str:
    return reverse(name, args=[assessment.child_id]) + f"?assessment={assessment.pk}"


class ChildAssessmentMixin(ChildRecordMixin):
    """A page about one of the child's assessments: the one chosen as ``?assessment=12``, or
    else the one the page is about by default (``default_assessment``)."""

    request: HttpRequest

    @cached_property
    def assessment(self) -> Assessment | None:
        assessments = Assessment.objects.select_related("author", "authorised_by").filter(
            child=self.child
        )
        chosen = self.request.GET.get("assessment", "")
        if chosen:
            if not chosen.isdigit():
                raise Http404("no such assessment")
            return get_object_or_404(assessments, pk=chosen)
        return self.default_assessment(assessments)

    def default_assessment(self, assessments: QuerySet[Assessment]) -> Assessment | None:
        """The child's open assessment."""
        return assessments.filter(authorised_on__isnull=True).first()


class AssessmentCreateView(ChildRecordFormView):
    """Start a child and family assessment in the open episode, then draft it."""

    permission = P.RECORD_CASEWORK

    form_class = AssessmentStartForm
    service = staticmethod(start_assessment)
    heading = gettext_lazy("Start an assessment")
    success_message = gettext_lazy("Assessment started: draft it in sections below")
    record_label = "Child record: assessment started"

    def get_success_url(self) -> str:
        return assessment_url("casework:assessment-draft", self.recorded)


class AssessmentDetailView(ChildAssessmentMixin, TemplateView):
    """An assessment: where it has got to, its sections, and each submitted version; with
    ``?version=2``, that version as it was submitted, with the manager's response. Without a
    choice, the child's latest assessment."""

    permission = P.VIEW_RECORD
    template_name = "casework/assessment_detail.html"
    record_label = "Child record: assessment"

    def default_assessment(self, assessments: QuerySet[Assessment]) -> Assessment | None:
        return assessments.order_by("-started_on", "-pk").first()

    @cached_property
    def version(self) -> AssessmentVersion | None:
        chosen = self.request.GET.get("version", "")
        if not chosen:
            return None
        if not chosen.isdigit() or self.assessment is None:
            raise Http404("no such version")
        return get_object_or_404(
            AssessmentVersion.objects.select_related("submitted_by", "responded_by"),
            assessment=self.assessment,
            number=chosen,
        )

    def get_template_names(self) -> list[str]:
        if self.version is not None:
            return ["casework/assessment_version.html"]
        return [self.template_name]

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assessment = self.assessment
        context["assessment"] = assessment
        if assessment is None:
            return context
        if self.version is not None:
            checks = dict(AuthorisationCheck.choices)
            context.update(
                version=self.version,
                sections=shown_sections(self.version.content, is_pre_birth=assessment.is_pre_birth),
                confirmed=[checks.get(c, c) for c in self.version.checklist],
            )
            return context
        versions = list(assessment.versions.select_related("submitted_by", "responded_by"))
        returned = next((v for v in reversed(versions) if v.outcome == "returned"), None)
        context.update(
            sections=record_sections(assessment),
            documents=documents_attached_to(assessment),
            versions=versions,
            returned=returned if assessment.status == AssessmentStatus.RETURNED else None,
        )
        return context


class AssessmentDraftView(ChildAssessmentMixin, ChildRecordFormView):
    """The worker drafts the assessment in sections: "Save draft" keeps it as it stands,
    "Submit to a manager" sends it, every section then required. The page saves in the
    background as the worker types (``AssessmentAutosaveView``) and warns before the session
    times out."""

    permission = P.RECORD_CASEWORK
    template_name = "casework/assessment_draft.html"
    form_class = AssessmentDraftForm
    record_label = "Child record: assessment draft"
    edits = "assessment"

    @property
    def heading(self) -> str:  # type: ignore[override]
        if self.assessment is not None and self.assessment.is_pre_birth:
            return _("Pre-birth assessment")
        return _("Child and family assessment")

    @property
    def current(self) -> Assessment:
        """The assessment being drafted (the page refuses when there is none)."""
        assert self.assessment is not None
        return self.assessment

    def unavailable(self) -> str:
        if self.assessment is None:
            return _("There is no open assessment to draft: start one on the casework page.")
        if not self.assessment.is_editable:
            return _("This assessment is %(status)s: it can no longer be changed.") % {
                "status": self.assessment.get_status_display().lower()
            }
        return ""

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "assessment": self.assessment}

    def editable_records(self, form: Any) -> list[Versioned]:
        return [self.assessment] if self.assessment is not None else []

    def edited_record(self, form: Any) -> Versioned | None:
        return self.assessment

    @property
    def submitting(self) -> bool:
        return self.request.POST.get("action") == "submit"

    def record(self, form: CaseworkForm) -> Any:
        assert isinstance(form, AssessmentDraftForm)
        kwargs = {
            "assessment": self.current,
            "content": form.content(),
            "version": self.service_kwargs(form)["version"],
            "actor": self.request.user,
        }
        if self.submitting:
            return submit_assessment(**kwargs)
        return save_assessment_draft(**kwargs)

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        return {"version": opened_version(form, self.assessment)}

    @property
    def success_message(self) -> str:  # type: ignore[override]
        if self.submitting:
            return _("Assessment submitted to a manager")
        return _("Draft saved")

    def get_success_url(self) -> str:
        name = "casework:assessment-detail" if self.submitting else "casework:assessment-draft"
        return assessment_url(name, self.current)

    def back_url(self) -> str:
        if self.assessment is None:
            return reverse("casework:child-casework", args=[self.child.pk])
        return assessment_url("casework:assessment-detail", self.assessment)

    back_label = gettext_lazy("Back to the assessment")

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        assessment = self.assessment
        context["assessment"] = assessment
        if assessment is None:
            return context
        versions = list(assessment.versions.all())
        returned = versions[-1] if versions and versions[-1].outcome == "returned" else None
        context.update(
            returned=returned,
            history=relevant_history(self.child, self.request.user, assessment),
            autosave_url=assessment_url("casework:assessment-autosave", assessment),
            keep_alive_url=assessment_url("casework:assessment-keep-alive", assessment),
            session_seconds=settings.SESSION_COOKIE_AGE,
        )
        return context


class AssessmentAutosaveView(AssessmentDraftView):
    """The draft saved in the background: the same form and service as "Save draft",
    answered in JSON. A save from a page opened on an older version is refused (409)."""

    record_label = "Child record: assessment draft saved"

    @property
    def submitting(self) -> bool:
        return False

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """The version the draft is saved at, for a page to compare with its own."""
        if self.assessment is None:
            return JsonResponse({"saved": False, "message": self.unavailable()}, status=200)
        return JsonResponse(
            {
                "version": self.assessment.version,
                "opened_versions": json.dumps({str(self.assessment.pk): self.assessment.version}),
            }
        )

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.unavailable():
            return JsonResponse({"saved": False, "message": self.unavailable()}, status=409)
        form = self.get_form()
        if not form.is_valid():
            return self.refused(form)
        try:
            saved = self.record(form)
        except RecordChanged:
            return JsonResponse(
                {
                    "saved": False,
                    "message": _(
                        "This assessment was saved somewhere else since you opened it: your "
                        "latest changes were not saved. Copy them, then reload the page."
                    ),
                },
                status=409,
            )
        except ValidationError as error:
            form.show_service_error(error)
            return self.refused(form)
        return JsonResponse(
            {
                "saved": True,
                "version": saved.version,
                "opened_versions": json.dumps({str(saved.pk): saved.version}),
            }
        )

    def refused(self, form: Any) -> JsonResponse:
        errors = {name: [str(e) for e in errors] for name, errors in form.errors.items()}
        return JsonResponse(
            {
                "saved": False,
                "message": _("Not saved: check the fields marked, then save the draft"),
                "errors": errors,
            },
            status=400,
        )


class AssessmentKeepAliveView(ChildAssessmentMixin, View):
    """ "Stay signed in" on the timeout warning: a request that renews the session."""

    permission = P.RECORD_CASEWORK
    http_method_names = ["get", "post"]
    record_label = "Child record: assessment draft kept open"

    def get(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.assessment  # noqa: B018 - a chosen assessment must be the child's
        return JsonResponse({"session_seconds": settings.SESSION_COOKIE_AGE})

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return self.get(request, *args, **kwargs)


class AssessmentAuthoriseView(ChildRecordFormView):
    """A manager reads the whole submitted assessment and authorises it with a rationale,
    the checklist confirmed, or returns it with reasons (docs/domain.md finding 42)."""

    permission = P.AUTHORISE_ASSESSMENT
    template_name = "casework/assessment_decision.html"
    form_class = AssessmentDecisionForm
    service = staticmethod(decide_assessment)
    guard = ASSESSMENT_AWAITING_AUTHORISATION
    child_argument = None
    heading = gettext_lazy("Authorise or return the assessment")
    record_label = "Child record: assessment decision"

    @property
    def success_message(self) -> str:  # type: ignore[override]
        if self.recorded is not None and self.recorded.status == AssessmentStatus.RETURNED:
            return _("Assessment returned to the worker")
        return _("Assessment authorised")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "assessments": self.waiting(),
            "chosen": self.chosen("assessment"),
        }

    def waiting(self) -> QuerySet[Assessment]:
        return Assessment.objects.filter(
            child=self.child, status=AssessmentStatus.SUBMITTED
        ).select_related("author")

    def get_success_url(self) -> str:
        return assessment_url("casework:assessment-detail", self.recorded)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = context["form"]
        assessment = form.fixed.get("assessment")
        if assessment is not None:
            context.update(
                assessment=assessment,
                sections=record_sections(assessment),
                versions=list(assessment.versions.all()),
            )
        return context
