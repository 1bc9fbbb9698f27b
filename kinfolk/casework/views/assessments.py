"""Starting and authorising child and family assessments."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P
from kinfolk.casework.forms import AssessmentAuthoriseForm, AssessmentStartForm
from kinfolk.casework.models import Assessment
from kinfolk.casework.services import (
    ASSESSMENT_AWAITING_AUTHORISATION,
    authorise_assessment,
    start_assessment,
)
from kinfolk.people.views.record_form import ChildRecordFormView


class AssessmentCreateView(ChildRecordFormView):
    """Start a child and family assessment in the open episode."""

    permission = P.RECORD_CASEWORK

    form_class = AssessmentStartForm
    service = staticmethod(start_assessment)
    heading = _("Start an assessment")
    success_message = _("Assessment started")
    record_label = "Child record: assessment started"


class AssessmentAuthoriseView(ChildRecordFormView):
    """A manager authorises an assessment (docs/domain.md finding 42)."""

    permission = P.AUTHORISE_ASSESSMENT

    form_class = AssessmentAuthoriseForm
    service = staticmethod(authorise_assessment)
    guard = ASSESSMENT_AWAITING_AUTHORISATION
    child_argument = None
    actor_argument = "authorised_by"
    heading = _("Authorise the assessment")
    success_message = _("Assessment authorised")
    record_label = "Child record: assessment authorised"

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "assessments": self.open_assessments(),
            "chosen": self.chosen("assessment"),
        }

    def open_assessments(self) -> QuerySet[Assessment]:
        return Assessment.objects.filter(child=self.child, authorised_on__isnull=True).order_by(
            "started_on", "pk"
        )
