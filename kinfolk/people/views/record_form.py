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

A page that changes a record that exists (not one that records a new step) names it in
``edits``. Its form then carries the version the record was at when the page was opened, the
service refuses the change if someone saved the record in between (``RecordChanged``), and
the page answers with the conflict page (HTTP 409): what the person entered beside what is
saved now, and a way to start again from the saved version. Nothing is lost silently.
"""

from collections.abc import Callable, Sequence
from typing import Any, ClassVar

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import models
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from kinfolk.core.forms import (
    VERSIONS_FIELD,
    CaseworkForm,
    carry_versions,
    opened_version,
    shown_value,
)
from kinfolk.core.guards import Guard, first_refusal
from kinfolk.core.models import RecordChanged, Versioned
from kinfolk.people.views.mixins import ChildRecordMixin, record_refused


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
    #: The record the page changes, when it changes one that exists: ``"child"`` for the
    #: child, or the name of the form field that chooses the record (its query parameter
    #: fixes it, as ``?action=12``); another name is a record the page finds itself
    #: (``editable_records`` and ``edited_record``). The service takes the version as
    #: ``version``.
    edits: ClassVar[str | None] = None
    #: Fields of the form that the changed record keeps under another name, for the conflict
    #: page: the form's name, then the record's.
    saved_as: ClassVar[dict[str, str]] = {}

    def guards(self) -> Sequence[Guard[Any]]:
        if self.guard is None:
            return ()
        return (self.guard,) if isinstance(self.guard, Guard) else tuple(self.guard)

    def unavailable(self) -> str:
        """Why this step cannot be recorded now (no open assessment to authorise, say); empty
        when it can. The guards' own messages, the same the service refuses with."""
        return first_refusal(self.guards(), self.child)

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        """The service's keyword arguments: the cleaned data, the child and the actor (and the
        version the changed record was at, on a page that ``edits`` one)."""
        kwargs = {
            self.renamed.get(name, name): value
            for name, value in form.cleaned_data.items()
            if name != VERSIONS_FIELD
        }
        if self.child_argument:
            kwargs[self.child_argument] = self.child
        if self.actor_argument:
            kwargs[self.actor_argument] = self.request.user
        if self.edits:
            kwargs["version"] = opened_version(form, self.edited_record(form))
        return kwargs

    def editable_records(self, form: forms.BaseForm) -> list[Versioned]:
        """The records, as they are now, that the page may change: the child, the one record
        fixed on the form, or each record the form offers to choose from."""
        if self.edits == "child":
            return [self.child]
        assert self.edits is not None
        fixed = getattr(form, "fixed", {}).get(self.edits)
        if fixed is not None:
            return [fixed]
        field = form.fields[self.edits]
        assert isinstance(field, forms.ModelChoiceField)
        return list(field.queryset)

    def edited_record(self, form: forms.BaseForm) -> Versioned | None:
        """The record a valid form changes (``None``: it does not exist yet, and the service
        makes it)."""
        if self.edits == "child":
            return self.child
        assert self.edits is not None
        return form.cleaned_data[self.edits]

    def saved_values(self, record: Versioned, form: forms.BaseForm) -> dict[str, Any]:
        """What ``record`` holds now for each field of the form that it keeps."""
        values = {}
        for name in form.fields:
            attribute = self.saved_as.get(name, name)
            if name == self.edits or not hasattr(record, attribute):
                continue
            value = getattr(record, attribute)
            if not isinstance(value, models.Manager):  # a ManyToMany or reverse relation
                values[name] = value
        return values

    def get_form(self, form_class: Any = None) -> Any:
        form = super().get_form(form_class)
        if self.edits:
            carry_versions(form, lambda: self.editable_records(form))
        return form

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
        except RecordChanged as changed:
            return self.conflict(form, changed.record)
        except ValidationError as error:
            # A value refused because it belongs to a child the user may not see: the
            # attempt goes in that child's access log.
            record_refused(
                self.request,
                getattr(error, "hidden_child_ids", ()),
                what=self.record_label,
            )
            form.show_service_error(error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def conflict(self, form: CaseworkForm, saved: Versioned) -> HttpResponse:
        """The page shown instead of saving a change made on an out-of-date form: each field,
        what the person entered beside what is saved now, so that they can copy their
        entries, and a button to open the form again on the saved version."""
        now = self.saved_values(saved, form)
        rows = []
        for bound in form.visible_fields():
            if bound.name not in now:
                continue
            entered = shown_value(bound.field, form.cleaned_data.get(bound.name))
            current = shown_value(bound.field, now[bound.name])
            rows.append(
                {
                    "label": bound.label,
                    "entered": entered,
                    "saved": current,
                    "differs": entered != current,
                }
            )
        restart_url = self.request.path
        about: list[tuple[Any, str]] = []
        if self.edits in form.fields:
            restart_url += "?" + urlencode({self.edits: saved.pk})
            field = form.fields[self.edits]
            assert isinstance(field, forms.ModelChoiceField)
            about.append((field.label, field.label_from_instance(saved)))
        who, when = saved.last_saved() or (None, None)
        context = self.get_context_data(form=form)
        context.update(
            rows=rows,
            about=about,
            saved_by=getattr(who, "display_name", "") or (str(who) if who else ""),
            saved_when=shown_value(forms.Field(), when) if when else "",
            restart_url=restart_url,
        )
        return TemplateResponse(self.request, "records/conflict.html", context, status=409)

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
