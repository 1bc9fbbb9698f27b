"""Pages that record the status of an unaccompanied asylum-seeking child, under
``/children/<pk>/care/uasc/``; they return to the missing episodes page, which lists it."""

from django.utils.translation import gettext_lazy as _

from kinfolk.access.policy import P
from kinfolk.care.forms import uasc as forms
from kinfolk.care.services.uasc import NOT_UASC, UASC, end_uasc, start_uasc
from kinfolk.care.views.missing import MissingFormView


class UASCStartView(MissingFormView):
    """Record that the child is an unaccompanied asylum-seeking child."""

    permission = P.RECORD_CASEWORK

    form_class = forms.UASCStartForm
    service = staticmethod(start_uasc)
    guard = NOT_UASC
    heading = _("Record UASC status")
    success_message = _("UASC status recorded")
    record_label = "Child record: UASC status started"


class UASCEndView(MissingFormView):
    """Record that the child's UASC status ceased."""

    permission = P.RECORD_CASEWORK

    form_class = forms.UASCEndForm
    service = staticmethod(end_uasc)
    guard = UASC
    heading = _("Record the end of UASC status")
    success_message = _("End of UASC status recorded")
    record_label = "Child record: UASC status ended"
