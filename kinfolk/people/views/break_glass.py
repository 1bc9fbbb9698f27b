"""Breaking the glass on a restricted record (kinfolk.access.break_glass).

The page is for staff who may break the glass (``P.BREAK_GLASS``); to everyone else it is
refused before any record is looked up, the same for every address, so it tells them nothing.
It names nothing about the child: the person came to it from a search by an identifier they
already had, or from a link to the record.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import FormView

from kinfolk.access.break_glass import break_glass_hours, break_the_glass
from kinfolk.access.policy import P
from kinfolk.access.reauth import RecentAuthenticationRequired
from kinfolk.access.services import request_source
from kinfolk.core.forms import add_service_errors
from kinfolk.people.forms import BreakGlassForm
from kinfolk.people.models import Child
from kinfolk.people.views.mixins import team_holding


class BreakGlassView(RecentAuthenticationRequired, FormView):
    """State why a restricted record must be opened now, and open it for a few hours.

    Only a restricted record that is not sealed can be opened: any other address is a 404,
    and a record the person can already see sends them to it.
    """

    permission = P.BREAK_GLASS

    template_name = "people/break_glass.html"
    form_class = BreakGlassForm

    def dispatch(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        self.child = get_object_or_404(
            Child.objects.filter(is_restricted=True, is_sealed=False), pk=kwargs["pk"]
        )
        if Child.objects.visible_to(request.user).filter(pk=self.child.pk).exists():
            return redirect("children:detail", pk=self.child.pk)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(hours=break_glass_hours(), back_url=reverse("children:search"))
        return context

    def form_valid(self, form: BreakGlassForm) -> HttpResponse:
        request = self.request
        try:
            access = break_the_glass(
                child=self.child,
                user=request.user,
                reason=form.cleaned_data["reason"],
                team_id=team_holding(self.child),
                path=request.path,
                source=request_source(request),
                notices_url=request.build_absolute_uri(reverse("access:notices")),
            )
        except ValidationError as error:
            add_service_errors(form, error)
            return self.form_invalid(form)
        messages.success(
            request,
            _(
                "You have broken the glass. The record's managers have been told, and your "
                "reason will be reviewed."
            ),
        )
        return HttpResponseRedirect(reverse("children:detail", args=[access.child_id]))
