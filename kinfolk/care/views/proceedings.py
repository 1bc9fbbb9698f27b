"""Pages that record pre-proceedings and care proceedings (docs/domain.md stages 13 and 14). Each
calls one service of ``kinfolk.care.services.proceedings`` and returns to the care page."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.care.forms.proceedings import (
    ConcludeProceedingsForm,
    EndPreProceedingsForm,
    HearingForm,
    IssueProceedingsForm,
    LegalGatewayForm,
    LetterBeforeProceedingsForm,
    PreProceedingsMeetingForm,
)
from kinfolk.care.models.proceedings import (
    CareProceedings,
    PreProceedings,
)
from kinfolk.care.services import (
    conclude_care_proceedings,
    end_pre_proceedings,
    issue_care_proceedings,
    record_hearing,
    record_legal_gateway,
    record_pre_proceedings_meeting,
    send_letter_before_proceedings,
)
from kinfolk.care.views.episodes import CareFormView
from kinfolk.casework.services import long_date


class PreProceedingsFormView(CareFormView):
    """A page about the child's open pre-proceedings."""

    def open_pre_proceedings(self) -> PreProceedings | None:
        return self.child.pre_proceedings.filter(end_on__isnull=True).first()

    def unavailable(self) -> str:
        if self.open_pre_proceedings() is not None:
            return ""
        return _("%(child)s is not in pre-proceedings: record the legal gateway meeting first") % {
            "child": self.child
        }


class ProceedingsFormView(CareFormView):
    """A page about the child's open care proceedings."""

    def open_proceedings(self) -> CareProceedings | None:
        return self.child.care_proceedings.filter(final_order_on__isnull=True).first()

    def unavailable(self) -> str:
        if self.open_proceedings() is not None:
            return ""
        return _("%(child)s has no care proceedings open") % {"child": self.child}


class LegalGatewayCreateView(CareFormView):
    """Record a legal gateway meeting and its decision."""

    form_class = LegalGatewayForm
    heading = gettext_lazy("Record a legal gateway meeting")
    success_message = gettext_lazy("The legal gateway meeting is recorded")
    record_label = "Child record: legal gateway meeting recorded"

    def unavailable(self) -> str:
        current = self.child.pre_proceedings.filter(end_on__isnull=True).first()
        if current is None:
            return ""
        return _("%(child)s has been in pre-proceedings since %(date)s") % {
            "child": self.child,
            "date": long_date(current.gateway_on),
        }

    def record(self, form: LegalGatewayForm) -> PreProceedings:
        data = form.cleaned_data
        return record_legal_gateway(
            child=self.child,
            held_on=data["held_on"],
            decision=data["decision"],
            rationale=data["rationale"],
            actor=self.request.user,
        )


class LetterBeforeProceedingsCreateView(PreProceedingsFormView):
    """Record the letter before proceedings, with every section the parents need."""

    form_class = LetterBeforeProceedingsForm
    heading = gettext_lazy("Record the letter before proceedings")
    intro = gettext_lazy(
        "Every section is needed: parents must be able to tell what they have to do, by when, "
        "and what happens if they do not."
    )
    success_message = gettext_lazy("The letter before proceedings is recorded")
    record_label = "Child record: letter before proceedings recorded"

    def record(self, form: LetterBeforeProceedingsForm) -> PreProceedings:
        data = form.cleaned_data
        return send_letter_before_proceedings(
            child=self.child,
            sent_on=data["sent_on"],
            concerns=data["concerns"],
            expectations=data["expectations"],
            expectations_due_on=data["expectations_due_on"],
            support_offered=data["support_offered"],
            consequences=data["consequences"],
            actor=self.request.user,
        )


class PreProceedingsMeetingCreateView(PreProceedingsFormView):
    """Record a pre-proceedings meeting."""

    form_class = PreProceedingsMeetingForm
    heading = gettext_lazy("Record a pre-proceedings meeting")
    success_message = gettext_lazy("The pre-proceedings meeting is recorded")
    record_label = "Child record: pre-proceedings meeting recorded"

    def record(self, form: PreProceedingsMeetingForm) -> Any:
        return record_pre_proceedings_meeting(
            child=self.child,
            held_on=form.cleaned_data["held_on"],
            summary=form.cleaned_data["summary"],
            actor=self.request.user,
        )


class PreProceedingsEndView(PreProceedingsFormView):
    """Record how pre-proceedings ended."""

    form_class = EndPreProceedingsForm
    heading = gettext_lazy("Record the end of pre-proceedings")
    success_message = gettext_lazy("The end of pre-proceedings is recorded")
    record_label = "Child record: pre-proceedings ended"

    def record(self, form: EndPreProceedingsForm) -> PreProceedings:
        return end_pre_proceedings(
            child=self.child,
            ended_on=form.cleaned_data["ended_on"],
            outcome=form.cleaned_data["outcome"],
            actor=self.request.user,
        )


class ProceedingsIssueView(CareFormView):
    """Record that care proceedings were issued."""

    form_class = IssueProceedingsForm
    heading = gettext_lazy("Record that care proceedings were issued")
    intro = gettext_lazy(
        "Open pre-proceedings end on the same day. Proceedings should finish within 26 weeks."
    )
    success_message = gettext_lazy("The issue of care proceedings is recorded")
    record_label = "Child record: care proceedings issued"

    def unavailable(self) -> str:
        current = self.child.care_proceedings.filter(final_order_on__isnull=True).first()
        if current is None:
            return ""
        return _("Care proceedings for %(child)s were issued on %(date)s") % {
            "child": self.child,
            "date": long_date(current.issued_on),
        }

    def record(self, form: IssueProceedingsForm) -> CareProceedings:
        return issue_care_proceedings(
            child=self.child, issued_on=form.cleaned_data["issued_on"], actor=self.request.user
        )


class HearingCreateView(ProceedingsFormView):
    """Record a hearing in the open care proceedings."""

    form_class = HearingForm
    heading = gettext_lazy("Record a hearing")
    success_message = gettext_lazy("The hearing is recorded")
    record_label = "Child record: hearing recorded"

    def record(self, form: HearingForm) -> Any:
        return record_hearing(
            child=self.child,
            held_on=form.cleaned_data["held_on"],
            kind=form.cleaned_data["kind"],
            actor=self.request.user,
        )


class ProceedingsConcludeView(ProceedingsFormView):
    """Record the final order in care proceedings."""

    form_class = ConcludeProceedingsForm
    heading = gettext_lazy("Record the final order")
    intro = gettext_lazy(
        "If the order changes the child's legal status, record that too, on the care page."
    )
    success_message = gettext_lazy("The final order is recorded")
    record_label = "Child record: final order recorded"

    def record(self, form: ConcludeProceedingsForm) -> CareProceedings:
        return conclude_care_proceedings(
            child=self.child,
            final_order_on=form.cleaned_data["final_order_on"],
            final_order=form.cleaned_data["final_order"],
            actor=self.request.user,
        )
