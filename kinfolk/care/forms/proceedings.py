"""Forms for pre-proceedings and care proceedings (docs/domain.md stages 13 and 14). The rules
live in ``kinfolk.care.services.proceedings``, whose refusals are shown next to the field they
are about."""

from django.utils.translation import gettext_lazy as _

from kinfolk.care.forms.fields import radios
from kinfolk.care.models.proceedings import (
    FinalOrder,
    GatewayDecision,
    HearingKind,
    PreProceedingsOutcome,
)
from kinfolk.core.forms import CaseworkForm, date_field, text_area


class LegalGatewayForm(CaseworkForm):
    """A legal gateway (legal planning) meeting and its decision (docs/domain.md stage 13)."""

    held_on = date_field(_("Date of the legal gateway meeting"))
    decision = radios(_("Decision"), GatewayDecision.choices)
    rationale = text_area(_("Reasons for the decision"), rows=6, required=True)
    required_messages = {
        "held_on": _("Enter the date of the legal gateway meeting"),
        "decision": _("Choose the decision of the meeting"),
        "rationale": _("Enter the reasons for the decision"),
    }


class LetterBeforeProceedingsForm(CaseworkForm):
    """The letter before proceedings, with every section the parents need (finding 13)."""

    sent_on = date_field(_("Date the letter was sent"))
    concerns = text_area(
        _("The concerns"),
        rows=5,
        required=True,
        help_text=_("What worries the authority about the child's care, in plain words"),
    )
    expectations = text_area(
        _("What the parents must do"),
        rows=5,
        required=True,
        help_text=_("Each change the parents must make, so that they can tell when it is done"),
    )
    expectations_due_on = date_field(_("By when"))
    support_offered = text_area(_("The support offered"), rows=4, required=True)
    consequences = text_area(
        _("What happens if things do not change"),
        rows=4,
        required=True,
        help_text=_("For example, that the authority will apply to the court for a care order"),
    )
    required_messages = {
        "sent_on": _("Enter the date the letter was sent"),
        "concerns": _("Enter the concerns, in words the parents will understand"),
        "expectations": _("Enter what the parents must do"),
        "expectations_due_on": _("Enter the date by which the parents must make the changes"),
        "support_offered": _("Enter the support offered to the parents"),
        "consequences": _("Enter what happens if things do not change"),
    }


class PreProceedingsMeetingForm(CaseworkForm):
    """A pre-proceedings meeting."""

    held_on = date_field(_("Date of the meeting"))
    summary = text_area(_("What was agreed"), rows=5, required=True)
    required_messages = {
        "held_on": _("Enter the date of the meeting"),
        "summary": _("Enter what was agreed at the meeting"),
    }


class EndPreProceedingsForm(CaseworkForm):
    """How pre-proceedings ended."""

    ended_on = date_field(_("Date pre-proceedings ended"))
    outcome = radios(_("Outcome"), PreProceedingsOutcome.choices)
    required_messages = {
        "ended_on": _("Enter the date pre-proceedings ended"),
        "outcome": _("Choose how pre-proceedings ended"),
    }


class IssueProceedingsForm(CaseworkForm):
    """The application to the court."""

    issued_on = date_field(_("Date proceedings were issued"))
    required_messages = {"issued_on": _("Enter the date proceedings were issued")}


class HearingForm(CaseworkForm):
    """A hearing in care proceedings."""

    held_on = date_field(_("Date of the hearing"))
    kind = radios(_("Kind of hearing"), HearingKind.choices)
    required_messages = {
        "held_on": _("Enter the date of the hearing"),
        "kind": _("Choose the kind of hearing"),
    }


class ConcludeProceedingsForm(CaseworkForm):
    """The final order."""

    final_order_on = date_field(_("Date of the final order"))
    final_order = radios(_("Final order"), FinalOrder.choices)
    required_messages = {
        "final_order_on": _("Enter the date of the final order"),
        "final_order": _("Choose the final order"),
    }
