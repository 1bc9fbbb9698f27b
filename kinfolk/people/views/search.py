"""Find a child: the search every "find the child first" page is (the people search before
recording a new child, the front door's search before recording a contact)."""

from typing import Any

from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.access.services import record_listing, request_source
from kinfolk.people.forms import ChildSearchForm
from kinfolk.people.search import ChildSearch, search_children


class ChildSearchView(TemplateView):
    """Find a child: the first step before recording a new one."""

    permission = P.VIEW_RECORD

    template_name = "people/child_search.html"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        form = ChildSearchForm(self.request.GET or None)
        results = None
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
        context.update(form=form, results=results)
        return context
