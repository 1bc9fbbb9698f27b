"""Recording a visit to the child."""

from django.utils.translation import gettext_lazy as _

from kinfolk.casework.forms import VisitForm
from kinfolk.casework.models import Visit
from kinfolk.casework.services import record_visit
from kinfolk.casework.views.base import CaseworkFormView


class VisitCreateView(CaseworkFormView):
    """Record a child in need or child protection visit (docs/domain.md findings 43 and 53)."""

    form_class = VisitForm
    heading = _("Record a visit")
    success_message = _("Visit recorded")
    record_label = "Child record: visit recorded"

    def record(self, form: VisitForm) -> Visit:
        data = form.cleaned_data
        return record_visit(
            child=self.child,
            visited_on=data["visited_on"],
            kind=data["kind"],
            is_child_seen=data["is_child_seen"],
            is_seen_alone=data["is_seen_alone"],
            purpose=data["purpose"],
            child_views=data["child_views"],
            actor=self.request.user,
        )
