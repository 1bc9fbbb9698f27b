"""The casework pages' form view: the generic child-record form page, returning to the
child's casework page."""

from typing import Any

from django.urls import reverse

from kinfolk.people.views.record_form import ChildRecordFormView


class CaseworkFormView(ChildRecordFormView):
    """A page under ``/children/<pk>/`` that records one step of the casework and returns to
    the child's casework page."""

    template_name = "casework/form_page.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context["casework_url"] = reverse("casework:child-casework", args=[self.child.pk])
        return context
