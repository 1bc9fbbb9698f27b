"""Recording a case note."""

from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P
from kinfolk.casework.forms import CaseNoteForm
from kinfolk.casework.services import record_case_note
from kinfolk.people.views.record_form import ChildRecordFormView


class CaseNoteCreateView(ChildRecordFormView):
    """Record a case note: a call, a visit, a meeting or direct work, in the worker's words."""

    permission = P.RECORD_CASEWORK

    form_class = CaseNoteForm
    service = staticmethod(record_case_note)
    heading = _("Add a case note")
    success_message = _("Case note added")
    record_label = "Child record: case note added"
