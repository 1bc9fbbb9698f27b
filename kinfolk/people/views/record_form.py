"""The one form page for recording a step of a child's casework.

A record type's page is a declaration, not code::

    class VisitCreateView(ChildRecordFormView):
        form_class = VisitForm
        service = staticmethod(record_visit)
        heading = _("Record a visit")
        success_message = _("Visit recorded")
        record_label = "Child record: visit recorded"

The view finds the child among those the user may see and logs the access
(``ChildRecordMixin``), shows the refusal of the first guard that does not hold instead of the
form, and on a valid form calls the service once with the cleaned data, the child and the
actor. A ``ValidationError`` from the service is shown next to the field it is about and
nothing is saved.
"""

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from kinfolk.core.forms import CaseworkForm
from kinfolk.core.guards import Guard, first_refusal
from kinfolk.people.views.mixins import ChildRecordMixin


class ChildRecordFormView(ChildRecordMixin, FormView):
    """A page under ``/children/<pk>/`` that records one step of the casework."""

    template_name = "records/form_page.html"
    #: The service that records the step; called with keyword arguments only.
    service: ClassVar[Callable[..., Any] | None] = None
    #: The page's heading, which is also its title.
    heading: Any = ""
    #: A sentence under the heading, when the page needs one.
    intro: Any = ""
    #: The success banner on the page the view returns to.
    success_message: Any = ""
    #: The page the view returns to after saving, and the link back from it.
    back_url_name: str = "casework:child-casework"
    back_label: Any = _("Back to casework")
    #: The conditions on the child that must hold before the step can be recorded.
    guard: ClassVar[Guard[Any] | Sequence[Guard[Any]] | None] = None
    #: The service's keyword for the child (``None`` when it takes no child).
    child_argument: str | None = "child"
    #: The service's keyword for the person recording (``None`` when it takes none).
    actor_argument: str | None = "actor"
    #: Form fields whose service keyword has another name.
    renamed: ClassVar[dict[str, str]] = {}
    #: What the service returned, once it has recorded the step: for a success message or a
    #: success URL that names the record made.
    recorded: Any = None

    def guards(self) -> Sequence[Guard[Any]]:
        if self.guard is None:
            return ()
        return (self.guard,) if isinstance(self.guard, Guard) else tuple(self.guard)

    def unavailable(self) -> str:
        """Why this step cannot be recorded now (no open assessment to authorise, say); empty
        when it can. The guards' own messages, the same the service refuses with."""
        return first_refusal(self.guards(), self.child)

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        """The service's keyword arguments: the cleaned data, the child and the actor."""
        kwargs = {self.renamed.get(name, name): value for name, value in form.cleaned_data.items()}
        if self.child_argument:
            kwargs[self.child_argument] = self.child
        if self.actor_argument:
            kwargs[self.actor_argument] = self.request.user
        return kwargs

    def record(self, form: CaseworkForm) -> Any:
        """Call the one service that records this step."""
        service = type(self).service
        if service is None:
            raise NotImplementedError(f"{type(self).__name__} declares no service")
        return service(**self.service_kwargs(form))

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
            self.recorded = self.record(form)
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def back_url(self) -> str:
        return reverse(self.back_url_name, args=[self.child.pk])

    def get_success_url(self) -> str:
        return self.back_url()

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading,
            intro=self.intro,
            unavailable=self.unavailable(),
            back_url=self.back_url(),
            back_label=self.back_label,
        )
        return context
