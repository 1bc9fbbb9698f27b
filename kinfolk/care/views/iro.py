"""The child's independent reviewing officer: who it is now, every IRO the child has had and
why it changed, and the page that allocates one (for managers). Under
``/children/<pk>/care/iro/``."""

from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.care.forms.iro import IROAllocationForm
from kinfolk.care.services.episodes import LOOKED_AFTER, open_period
from kinfolk.care.services.iro import allocate_iro, iro_history
from kinfolk.care.views.episodes import CareFormView
from kinfolk.people.views.mixins import ChildRecordMixin, team_holding


class ChildIROView(ChildRecordMixin, TemplateView):
    """The child's IRO now and the history of IRO allocations, newest first."""

    permission = P.VIEW_RECORD

    template_name = "care/iro/child_iro.html"
    record_label = "Child record: independent reviewing officer"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        history = list(iro_history(self.child))
        current = next((allocation for allocation in history if allocation.is_open), None)
        context.update(
            history=history,
            current_iro=current,
            is_looked_after=open_period(self.child) is not None,
            can_allocate=allows(self.request.user, P.ALLOCATE, team_id=team_holding(self.child)),
            back_url=reverse("care:child-care", args=[self.child.pk]),
        )
        return context


class IROAllocateView(CareFormView):
    """A manager allocates an independent reviewing officer to a child in care, or changes
    the child's IRO with the reason."""

    permission = P.ALLOCATE

    form_class = IROAllocationForm
    service = staticmethod(allocate_iro)
    guard = LOOKED_AFTER
    heading = gettext_lazy("Allocate an independent reviewing officer")
    record_label = "Child record: IRO allocated"
    back_url_name = "care:iro"
    back_label = gettext_lazy("Back to the IRO")

    @property
    def success_message(self) -> str:
        return _("%(worker)s is allocated as %(child)s's IRO") % {
            "worker": self.recorded.iro,
            "child": self.child,
        }

    def get_initial(self) -> dict[str, Any]:
        return {"start_on": timezone.localdate()}
