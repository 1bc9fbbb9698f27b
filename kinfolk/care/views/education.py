"""Pages for the education of a child in care, under ``/children/<pk>/care/education/``: the
personal education plans with their targets and ratings (docs/domain.md stage 21, findings 55,
56 and 66)."""

from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.care import services
from kinfolk.care.forms import education as forms
from kinfolk.care.models import (
    PersonalEducationPlan,
)
from kinfolk.care.views.health import CareHealthFormView, care_page_url
from kinfolk.people.views.mixins import ChildRecordMixin


class EducationView(ChildRecordMixin, TemplateView):
    """The child's education: PEPs, latest first, with their targets and the virtual school's
    rating (docs/domain.md stage 21, findings 55, 56 and 66)."""

    template_name = "care/education/education.html"
    record_label = "Child record: education"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        context.update(
            peps=PersonalEducationPlan.objects.filter(child=self.child)
            .select_related("quality_rated_by")
            .prefetch_related("targets"),
            care_url=care_page_url(self.child),
        )
        return context


class PEPCreateView(CareHealthFormView):
    """Record a personal education plan with its SMART targets."""

    form_class = forms.PEPForm
    heading = _("Record a personal education plan")
    success_message = _("Personal education plan recorded")
    record_label = "Child record: PEP recorded"
    return_to = "care:education"
    back_label = _("Back to education")

    def record(self, form: forms.PEPForm) -> PersonalEducationPlan:
        data = form.cleaned_data
        return services.record_pep(
            child=self.child,
            made_on=data["made_on"],
            school=data["school"],
            is_out_of_area=data["is_out_of_area"],
            sen_status=data["sen_status"],
            child_views=data["child_views"],
            targets=data["targets"],
            pupil_premium=data["pupil_premium"],
            pupil_premium_spending=data["pupil_premium_spending"],
            attendance_percent=data["attendance_percent"],
            suspensions=data["suspensions"],
            is_permanently_excluded=data["is_permanently_excluded"],
            progress=data["progress"],
            attainment=data["attainment"],
            aspirations=data["aspirations"],
            actor=self.request.user,
        )


class PEPRateView(CareHealthFormView):
    """The virtual school rates the quality of a PEP (docs/domain.md finding 55)."""

    form_class = forms.PEPRatingForm
    heading = _("Rate the quality of a PEP")
    success_message = _("PEP rated")
    record_label = "Child record: PEP rated"
    return_to = "care:education"
    back_label = _("Back to education")

    def peps(self) -> QuerySet:
        return PersonalEducationPlan.objects.filter(child=self.child)

    def unavailable(self) -> str:
        if self.peps().exists():
            return ""
        return str(_("There is no PEP to rate yet."))

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "peps": self.peps(), "chosen": self.chosen("pep")}

    def record(self, form: forms.PEPRatingForm) -> PersonalEducationPlan:
        return services.rate_pep(
            pep=form.cleaned_data["pep"],
            quality=form.cleaned_data["quality"],
            rated_on=form.cleaned_data["rated_on"],
            actor=self.request.user,
        )
