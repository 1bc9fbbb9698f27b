"""Recording a visit to the child."""

from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P
from kinfolk.casework.forms import VisitForm
from kinfolk.casework.services import record_visit
from kinfolk.people.views.record_form import ChildRecordFormView


class VisitCreateView(ChildRecordFormView):
    """Record a child in need or child protection visit (docs/domain.md findings 43 and 53)."""

    permission = P.RECORD_CASEWORK

    form_class = VisitForm
    service = staticmethod(record_visit)
    heading = _("Record a visit")
    success_message = _("Visit recorded")
    record_label = "Child record: visit recorded"
