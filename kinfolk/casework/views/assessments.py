"""Starting and authorising child and family assessments."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.casework.forms import AssessmentAuthoriseForm, AssessmentStartForm
from kinfolk.casework.models import Assessment
from kinfolk.casework.services import authorise_assessment, start_assessment
from kinfolk.casework.views.base import CaseworkFormView


class AssessmentCreateView(CaseworkFormView):
    """Start a child and family assessment in the open episode."""

    form_class = AssessmentStartForm
    heading = _("Start an assessment")
    success_message = _("Assessment started")
    record_label = "Child record: assessment started"

    def record(self, form: AssessmentStartForm) -> Assessment:
        return start_assessment(
            child=self.child, started_on=form.cleaned_data["started_on"], actor=self.request.user
        )


class AssessmentAuthoriseView(CaseworkFormView):
    """A manager authorises an assessment (docs/domain.md finding 42)."""

    form_class = AssessmentAuthoriseForm
    heading = _("Authorise the assessment")
    success_message = _("Assessment authorised")
    record_label = "Child record: assessment authorised"
    managers_only = True

    def open_assessments(self) -> QuerySet:
        return Assessment.objects.filter(child=self.child, authorised_on__isnull=True).order_by(
            "started_on", "pk"
        )

    def unavailable(self) -> str:
        if self.open_assessments().exists():
            return ""
        return _("There is no assessment waiting to be authorised.")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "assessments": self.open_assessments(),
            "chosen": self.chosen("assessment"),
        }

    def record(self, form: AssessmentAuthoriseForm) -> Assessment:
        data = form.cleaned_data
        return authorise_assessment(
            assessment=data["assessment"],
            authorised_on=data["authorised_on"],
            factors=data["factors"],
            is_child_seen=data["is_child_seen"],
            analysis=data["analysis"],
            authorised_by=self.request.user,
        )
