"""Finding an allegation among those the user may read, and logging the read.

An allegation the user may not read is a 404, the same page as one that does not exist,
whether or not they may open the children it concerns; the attempt is written in each child's
access log as ``refused`` (docs/access.md). A page of an allegation the user may read is
written in the log of each child concerned that they may see, as a view or a change.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import get_resolver, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView

from kinfolk.access.choices import AccessAction
from kinfolk.access.policy import Requirement
from kinfolk.access.services import record_listing, request_source
from kinfolk.allegations.models import Allegation, AllegationChild
from kinfolk.core.forms import CaseworkForm, carry_versions, opened_version
from kinfolk.core.models import RecordChanged
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import record_refused


def not_found(request: HttpRequest) -> HttpResponse:
    from django.http import Http404

    handler = get_resolver().resolve_error_handler(404)
    response: HttpResponse = handler(request, exception=Http404())
    return response


class AllegationMixin:
    """For views under ``/allegations/<pk>/``: sets ``self.allegation`` and logs the access."""

    permission: Requirement
    record_label = "Allegation"
    request: HttpRequest

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        allegation = (
            Allegation.objects.visible_to(request.user)
            .select_related("lado", "considered_by", "recorded_by")
            .filter(pk=kwargs["pk"])
            .first()
        )
        if allegation is None:
            concerned = list(
                AllegationChild.objects.filter(allegation_id=kwargs["pk"]).values_list(
                    "child_id", flat=True
                )
            )
            if concerned:
                record_refused(request, concerned, what=self.record_label)
            return not_found(request)
        self.allegation = allegation
        response: HttpResponse = super().dispatch(request, *args, **kwargs)  # type: ignore[misc]
        changed = request.method == "POST" and response.status_code in (301, 302, 303)
        record_listing(
            user=request.user,
            child_ids=[child.pk for child in self.children],
            action=AccessAction.CHANGE if changed else AccessAction.VIEW,
            what=self.record_label,
            path=request.path,
            source=request_source(request),
        )
        return response

    @cached_property
    def children(self) -> list[Child]:
        """The children concerned that the user may see."""
        return list(
            Child.objects.visible_to(self.request.user)
            .filter(allegation_links__allegation=self.allegation)
            .order_by("last_name", "first_name", "pk")
        )

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)  # type: ignore[misc]
        context.update(allegation=self.allegation, children=self.children)
        return context


class AllegationStepView(AllegationMixin, FormView):
    """A form page about one allegation, returning to it. The service is called with the
    allegation, the actor and the cleaned data; a page that ``edits`` the allegation carries its
    version, so that a stale save is refused."""

    template_name = "allegations/form_page.html"
    heading: Any = ""
    intro: Any = ""
    success_message: Any = ""
    edits = False
    service: Any = None

    def unavailable(self) -> str:
        return ""

    def get_form(self, form_class: Any = None) -> Any:
        form = super().get_form(form_class)
        if self.edits:
            carry_versions(form, lambda: [self.allegation])
        return form

    def service_kwargs(self, form: CaseworkForm) -> dict[str, Any]:
        kwargs = {k: v for k, v in form.cleaned_data.items() if k != "opened_versions"}
        kwargs.update(allegation=self.allegation, actor=self.request.user)
        if self.edits:
            kwargs["version"] = opened_version(form, self.allegation)
        return kwargs

    def record(self, form: CaseworkForm) -> Any:
        return type(self).service(**self.service_kwargs(form))

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if self.unavailable():
            return self.get(request, *args, **kwargs)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form: CaseworkForm) -> HttpResponse:
        try:
            self.record(form)
        except RecordChanged:
            form.add_error(
                None,
                _(
                    "Someone else saved this allegation after you opened this page: open it "
                    "again to see what they saved"
                ),
            )
            return self.form_invalid(form)
        except ValidationError as error:
            form.show_service_error(error)
            return self.form_invalid(form)
        if self.success_message:
            messages.success(self.request, self.success_message)
        return HttpResponseRedirect(self.get_success_url())

    def get_success_url(self) -> str:
        return reverse("allegations:detail", args=[self.allegation.pk])

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            heading=self.heading,
            intro=self.intro,
            unavailable=self.unavailable(),
            back_url=self.get_success_url(),
        )
        return context
