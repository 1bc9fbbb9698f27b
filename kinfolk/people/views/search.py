"""Find a child: the search every "find the child first" page is (the people search before
recording a new child, the front door's search before recording a contact).

A search by an exact identifier (Child ID, NHS number, UPN) that would have found a child the
user may not see writes the attempt in that child's access log; a user who may break the glass
is told there is a restricted record and offered to (never for a sealed adoption record)."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.access.services import record_listing, request_source
from kinfolk.people.forms import ChildSearchForm
from kinfolk.people.search import ChildSearch, hidden_exact_matches, search_children
from kinfolk.people.views.mixins import record_refused


class ChildSearchView(TemplateView):
    """Find a child: the first step before recording a new one."""

    permission = P.VIEW_RECORD

    template_name = "people/child_search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = ChildSearchForm(self.request.GET or None)
        results = None
        break_glass_urls: list[str] = []
        if form.is_bound and form.is_valid():
            criteria = ChildSearch(**form.cleaned_data)
            if criteria.is_empty:
                form.add_error(None, _("Enter a name, date of birth, UPN, NHS number or postcode"))
            else:
                results = search_children(criteria, user=self.request.user)
                record_listing(
                    user=self.request.user,
                    child_ids=[child.pk for child in results],
                    what=_("Search results"),
                    path=self.request.get_full_path(),
                    source=request_source(self.request),
                )
                hidden = hidden_exact_matches(criteria, user=self.request.user)
                record_refused(self.request, [child.pk for child in hidden], what="Search results")
                if allows(self.request.user, P.BREAK_GLASS):
                    break_glass_urls = [
                        reverse("children:break-glass", args=[child.pk])
                        for child in hidden
                        if child.is_restricted and not child.is_sealed
                    ]
        context.update(form=form, results=results, break_glass_urls=break_glass_urls)
        return context
