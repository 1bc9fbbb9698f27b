"""The child's registers page and the pages that record each step of a register
(docs/registers.md)."""

from typing import Any, ClassVar

from django.db.models import Model, Prefetch, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from kinfolk.access.policy import P, allows
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.people.views.record_form import ChildRecordFormView
from kinfolk.registers import forms, services
from kinfolk.registers.matching import needs_consent, open_cases
from kinfolk.registers.models import (
    HomeEducation,
    HomeEducationConsent,
    HomeEducationReview,
    HomelessPresentation,
    MissingEducation,
    YoungCarer,
)

BACK_URL_NAME = "registers:child-registers"
BACK_LABEL = _("Back to registers")


class ChildRegistersView(ChildRecordMixin, TemplateView):
    """Every register entry of the child, with the open cases that flag a child not in
    school. A fixed number of queries however many entries there are."""

    permission = P.VIEW_RECORD
    template_name = "registers/child_registers.html"
    record_label = "Child record: registers"

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        child = self.child
        missing = list(MissingEducation.objects.filter(child=child))
        home = list(
            HomeEducation.objects.filter(child=child)
            .select_related("consent__decided_by")
            .prefetch_related(Prefetch("reviews", HomeEducationReview.objects.all()))
        )
        not_in_school = any(m.resolved_on is None for m in missing) or any(
            h.ended_on is None for h in home
        )
        user = self.request.user
        context.update(
            young_carers=list(YoungCarer.objects.filter(child=child).prefetch_related("support")),
            missing=missing,
            home=home,
            consents=list(
                HomeEducationConsent.objects.filter(child=child).select_related("decided_by")
            ),
            homeless=list(
                HomelessPresentation.objects.filter(child=child).select_related(
                    "rights_explained_by"
                )
            ),
            open_case=open_cases([child.pk])[child.pk] if not_in_school else None,
            needs_consent=needs_consent(child.pk),
            today=timezone.localdate(),
            may_record=allows(user, P.RECORD_CASEWORK, team_id=self.holding_team_id),
            may_decide_consent=allows(user, P.SUPERVISE, team_id=self.holding_team_id),
        )
        return context


class RegisterFormView(ChildRecordFormView):
    """A page that records a step of one of the child's registers."""

    permission = P.RECORD_CASEWORK
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class EntryFormView(RegisterFormView):
    """A page about one entry that is on a register now (``?<entry_field>=<pk>`` fixes it)."""

    model: ClassVar[type[Model]]
    #: What keeps an entry on the register (its field that is still empty).
    open_field: ClassVar[str]
    none_open: ClassVar[Any] = ""

    @property
    def entry_field(self) -> str:
        return self.form_class.entry_field  # type: ignore[attr-defined,union-attr]

    def entries(self) -> QuerySet[Any]:
        return self.model._default_manager.filter(  # type: ignore[attr-defined]
            child=self.child, **{f"{self.open_field}__isnull": True}
        ).order_by("pk")

    def unavailable(self) -> str:
        if not self.entries().exists():
            return str(self.none_open)
        return super().unavailable()

    def get_form_kwargs(self) -> dict[str, Any]:
        kwargs = super().get_form_kwargs()
        kwargs.update(entries=self.entries(), chosen=self.chosen(self.entry_field))
        return kwargs

    @property
    def edits(self) -> str:  # type: ignore[override]
        return self.entry_field

    child_argument = None


class YoungCarerCreateView(RegisterFormView):
    form_class = forms.YoungCarerForm
    service = staticmethod(services.register_young_carer)
    heading = _("Add to the young carers register")
    success_message = _("Added to the young carers register")
    record_label = "Child record: young carer registered"

    def get_initial(self) -> dict[str, Any]:
        return {"registered_on": timezone.localdate()}


class YoungCarerAssessmentView(EntryFormView):
    form_class = forms.YoungCarerAssessmentForm
    service = staticmethod(services.record_young_carer_assessment)
    model = YoungCarer
    open_field = "assessment_completed_on"
    none_open = _("The child has no young carer's needs assessment to complete.")
    heading = _("Record the young carer's needs assessment")
    success_message = _("Young carer's needs assessment recorded")
    record_label = "Child record: young carer's needs assessment recorded"


class YoungCarerSupportView(EntryFormView):
    form_class = forms.YoungCarerSupportForm
    service = staticmethod(services.add_young_carer_support)
    model = YoungCarer
    open_field = "ended_on"
    none_open = _("The child is not on the young carers register.")
    heading = _("Record support for a young carer")
    success_message = _("Support recorded")
    record_label = "Child record: young carer support recorded"

    @property
    def edits(self) -> None:  # type: ignore[override]
        return None


class SchoolToldView(EntryFormView):
    form_class = forms.SchoolToldForm
    service = staticmethod(services.record_school_told)
    model = YoungCarer
    open_field = "ended_on"
    none_open = _("The child is not on the young carers register.")
    heading = _("Record that the school was told")
    success_message = _("School told recorded")
    record_label = "Child record: young carer's school told"


class MissingEducationCreateView(RegisterFormView):
    form_class = forms.MissingEducationForm
    service = staticmethod(services.report_missing_education)
    heading = _("Report a child missing education")
    success_message = _("Added to the children missing education register")
    record_label = "Child record: missing education reported"


class MissingEducationResolveView(EntryFormView):
    form_class = forms.ResolveMissingForm
    service = staticmethod(services.resolve_missing_education)
    model = MissingEducation
    open_field = "resolved_on"
    none_open = _("The child is not on the children missing education register.")
    heading = _("Resolve: no longer missing education")
    success_message = _("Missing education resolved")
    record_label = "Child record: missing education resolved"


class ConsentCreateView(RegisterFormView):
    permission = P.SUPERVISE
    form_class = forms.ConsentForm
    service = staticmethod(services.record_home_education_consent)
    heading = _("Record the council's decision on consent to home education")
    intro = _(
        "A child under a section 47 enquiry or on a child protection plan may be educated at "
        "home only with the council's consent (Children's Wellbeing and Schools Act 2026, "
        "section 38). A manager decides."
    )
    success_message = _("Consent decision recorded")
    record_label = "Child record: home education consent decided"


class HomeEducationCreateView(RegisterFormView):
    form_class = forms.HomeEducationForm
    service = staticmethod(services.start_home_education)
    heading = _("Add to the register of children educated at home")
    success_message = _("Added to the register of children educated at home")
    record_label = "Child record: home education recorded"


class HomeEducationReviewView(EntryFormView):
    form_class = forms.HomeEducationReviewForm
    service = staticmethod(services.review_home_education)
    model = HomeEducation
    open_field = "ended_on"
    none_open = _("The child is not educated at home.")
    heading = _("Review home education")
    success_message = _("Home education review recorded")
    record_label = "Child record: home education reviewed"


class HomeEducationEndView(EntryFormView):
    form_class = forms.HomeEducationEndForm
    service = staticmethod(services.end_home_education)
    model = HomeEducation
    open_field = "ended_on"
    none_open = _("The child is not educated at home.")
    heading = _("End home education")
    success_message = _("Home education ended")
    record_label = "Child record: home education ended"


class PresentationCreateView(RegisterFormView):
    form_class = forms.PresentationForm
    service = staticmethod(services.record_homeless_presentation)
    heading = _("Record a homeless 16- or 17-year-old")
    success_message = _("Presentation recorded")
    record_label = "Child record: homeless presentation recorded"


class PresentationStepView(EntryFormView):
    model = HomelessPresentation
    open_field = "decided_on"
    none_open = _("The young person has no presentation waiting for a decision.")


class JointAssessmentView(PresentationStepView):
    form_class = forms.JointAssessmentForm
    service = staticmethod(services.record_joint_assessment)
    heading = _("Record the joint assessment with housing")
    success_message = _("Joint assessment recorded")
    record_label = "Child record: homeless joint assessment recorded"


class RightsExplainedView(PresentationStepView):
    form_class = forms.RightsExplainedForm
    service = staticmethod(services.record_rights_explained)
    heading = _("Record that the young person's rights were explained")
    intro = _(
        "Their rights, including to accommodation under section 20 of the Children Act 1989 "
        "and what being looked after means. You are recorded as having explained them."
    )
    success_message = _("Rights explained recorded")
    record_label = "Child record: homeless rights explained"


class HomelessDecisionView(PresentationStepView):
    form_class = forms.HomelessDecisionForm
    service = staticmethod(services.record_homeless_decision)
    heading = _("Record the decision")
    intro = _(
        "Accommodation under section 20 makes the young person looked after: start a period "
        "of care for them once the decision is recorded."
    )
    success_message = _("Decision recorded")
    record_label = "Child record: homeless decision recorded"
