"""The forms that add to a child's permanence: the adoption decision, its reversal and the
match with adopters, previous permanence, and special guardianship or long-term fostering.
Each is a declaration on the one child-record form page, calling one service of
``kinfolk.permanence.services``."""

from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kinfolk.access.policy import P
from kinfolk.core.dates import long_date
from kinfolk.core.forms import CaseworkForm
from kinfolk.people.models import Child
from kinfolk.people.views.record_form import ChildRecordFormView
from kinfolk.permanence import forms, services
from kinfolk.permanence.models import AdoptionDecision, FosteringHousehold, PreviousPermanence

#: The forms about a child return to the child's permanence page.
BACK_URL_NAME = "permanence:child-permanence"
BACK_LABEL = gettext_lazy("Back to permanence")


def open_decision(child: Child) -> AdoptionDecision | None:
    """The child's open decision that they should be placed for adoption, with its match."""
    return AdoptionDecision.objects.open().filter(child=child).select_related("match").first()


class AdoptionDecisionCreateView(ChildRecordFormView):
    """Record the agency decision maker's decision that the child should be placed for
    adoption."""

    permission = P.RECORD_PERMANENCE

    form_class = forms.AdoptionDecisionForm
    service = staticmethod(services.record_adoption_decision)
    heading = gettext_lazy("Record a decision that the child should be placed for adoption")
    intro = gettext_lazy(
        "The agency decision maker's decision, after the adoption panel or the court's "
        "placement order."
    )
    success_message = gettext_lazy("Decision that the child should be placed for adoption recorded")
    record_label = "Child record: adoption decision recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL


class AdoptionDecisionReverseView(ChildRecordFormView):
    """Record that the child should no longer be placed for adoption, and why."""

    permission = P.RECORD_PERMANENCE

    form_class = forms.AdoptionReversalForm
    service = staticmethod(services.reverse_adoption_decision)
    guard = services.OPEN_DECISION_TO_REVERSE
    heading = gettext_lazy("Record that the child should no longer be placed for adoption")
    success_message = gettext_lazy("Reversal of the adoption decision recorded")
    record_label = "Child record: adoption decision reversed"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL

    def get_form(self, form_class: Any = None) -> CaseworkForm:
        form = super().get_form(form_class)
        decision = open_decision(self.child)
        if decision is not None:
            form.fixed_summary.append(
                (_("Decision to place for adoption"), long_date(decision.decided_on))
            )
        return form


class AdoptionMatchCreateView(ChildRecordFormView):
    """Record the match of the child with adopters."""

    permission = P.RECORD_PERMANENCE

    form_class = forms.AdoptionMatchForm
    service = staticmethod(services.record_adoption_match)
    guard = services.NOT_YET_MATCHED
    heading = gettext_lazy("Record the match with adopters")
    success_message = gettext_lazy("Match with adopters recorded")
    record_label = "Child record: adoption match recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL

    def unavailable(self) -> str:
        # The page puts the missing decision as two sentences, the second one what to do; the
        # service's refusal (OPEN_DECISION_TO_MATCH) says it in one.
        if not services.OPEN_DECISION_TO_MATCH.holds(self.child):
            return _(
                "%(child)s has no open decision that they should be placed for adoption. "
                "Record the decision first."
            ) % {"child": self.child}
        return super().unavailable()


class PreviousPermanenceView(ChildRecordFormView):
    """Record the permanence the child had before coming into care (SSDA903 PrevPerm)."""

    permission = P.RECORD_PERMANENCE

    form_class = forms.PreviousPermanenceForm
    service = staticmethod(services.record_previous_permanence)
    heading = gettext_lazy("Record previous permanence")
    intro = gettext_lazy(
        "Whether the child was adopted, or lived under a special guardianship or child "
        "arrangements order, before coming into care. This replaces what was recorded before."
    )
    success_message = gettext_lazy("Previous permanence recorded")
    record_label = "Child record: previous permanence recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL

    def get_initial(self) -> dict[str, Any]:
        current = PreviousPermanence.objects.filter(child=self.child).first()
        if current is None:
            return {}
        return {
            "code": current.code,
            "order_on": current.order_on,
            "local_authority": current.local_authority,
        }


class PermanenceMatchCreateView(ChildRecordFormView):
    """Record special guardians or long-term foster carers confirmed as the child's
    permanent carers (docs/domain.md finding 49)."""

    permission = P.RECORD_PERMANENCE

    form_class = forms.PermanenceMatchForm
    service = staticmethod(services.record_permanence_match)
    heading = gettext_lazy("Record a special guardianship or long-term fostering match")
    success_message = gettext_lazy("Permanence match recorded")
    record_label = "Child record: permanence match recorded"
    back_url_name = BACK_URL_NAME
    back_label = BACK_LABEL

    def get_form_kwargs(self) -> dict[str, Any]:
        return {**super().get_form_kwargs(), "households": FosteringHousehold.objects.all()}
