"""What every casework form page shares: the child, the access log, one service call."""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.views.generic import FormView

from kinfolk.casework.forms import CaseworkForm
from kinfolk.people.views.mixins import ChildRecordMixin


class CaseworkFormView(ChildRecordMixin, FormView):
    """A page under ``/children/<pk>/`` that records one step of the casework.

    The view parses the form and calls one service (``record``). When the service refuses,
    its message is shown next to the field it is about and nothing is saved.
    """

    template_name = "casework/form_page.html"
    #: The page's heading, which is also its title.
    heading: str = ""
    #: A sentence under the heading, when the page needs one.
    intro: str = ""
    #: The success banner on the casework page.
    success_message: str = ""

    def unavailable(self) -> str:
        """Why this step cannot be recorded now, when there is nothing to record it against
        (no open assessment to authorise, say); empty when it can."""
        return ""

    def record(self, form: CaseworkForm) -> Any:
        """Call the one service that records this step."""
        raise NotImplementedError

    def chosen(self, name: str) -> str | None:
        """The record the page was opened for, such as ``?action=12``."""
        value = self.request.GET.get(name, "")
        return value if value.isdigit() else None

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.unavailable():
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: CaseworkForm) -> HttpResponse:
        try:
            self.record(form)
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self) -> str:
        return reverse("casework:child-casework", args=[self.child.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading,
            intro=self.intro,
            unavailable=self.unavailable(),
            casework_url=reverse("casework:child-casework", args=[self.child.pk]),
        )
        return context
