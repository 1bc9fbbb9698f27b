"""Pages for the education of a child in care, under ``/children/<pk>/care/education/``: the
personal education plans with their targets and ratings (docs/domain.md stage 21, findings 55,
56 and 66)."""

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P
from kinfolk.care.forms import education as forms
from kinfolk.care.models import PersonalEducationPlan
from kinfolk.care.services.education import PEP_RECORDED, rate_pep, record_pep
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView


class EducationView(ChildRecordMixin, TemplateView):
    """The child's education: PEPs, latest first, with their targets and the virtual school's
    rating (docs/domain.md stage 21, findings 55, 56 and 66)."""

    permission = P.VIEW_RECORD

    template_name = "care/education/education.html"
    record_label = "Child record: education"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            peps=PersonalEducationPlan.objects.filter(child=self.child)
            .select_related("quality_rated_by")
            .prefetch_related("targets"),
            care_url=reverse("care:child-care", args=[self.child.pk]),
        )
        return context


class PEPCreateView(ChildRecordFormView):
    """Record a personal education plan with its SMART targets."""

    permission = P.RECORD_CASEWORK

    form_class = forms.PEPForm
    service = staticmethod(record_pep)
    template_name = "records/rows_form_page.html"
    heading = _("Record a personal education plan")
    success_message = _("Personal education plan recorded")
    record_label = "Child record: PEP recorded"
    back_url_name = "care:education"
    back_label = _("Back to education")


class PEPRateView(ChildRecordFormView):
    """The virtual school rates the quality of a PEP (docs/domain.md finding 55)."""

    permission = P.RECORD_CASEWORK

    form_class = forms.PEPRatingForm
    service = staticmethod(rate_pep)
    edits = "pep"
    saved_as = {"rated_on": "quality_rated_on"}
    guard = PEP_RECORDED
    child_argument = None
    heading = _("Rate the quality of a PEP")
    success_message = _("PEP rated")
    record_label = "Child record: PEP rated"
    back_url_name = "care:education"
    back_label = _("Back to education")

    def get_form_kwargs(self) -> dict[str, Any]:
        return {
            **super().get_form_kwargs(),
            "peps": PersonalEducationPlan.objects.filter(child=self.child),
            "chosen": self.chosen("pep"),
        }
