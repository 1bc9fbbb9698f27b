from django.db import models
from django.utils.translation import gettext_lazy as _


class ScreeningOutcome(models.TextChoices):
    """What the front door decided about a contact (docs/journeys.md ``screening``)."""

    NO_FURTHER_ACTION = "nfa", _("No further action")
    ADVICE = "advice", _("Advice and information")
    EARLY_HELP = "early_help", _("Early help")
    REFERRAL = "referral", _("Referral to children's social care")
    STRATEGY_DISCUSSION = "strategy_discussion", _("Strategy discussion")


#: Decisions that close the door on social care need a manager's sign-off (finding 1).
OUTCOMES_NEEDING_SIGN_OFF = frozenset(
    {ScreeningOutcome.NO_FURTHER_ACTION, ScreeningOutcome.EARLY_HELP}
)


class Urgency(models.TextChoices):
    """How quickly the decision must be acted on."""

    IMMEDIATE = "immediate", _("Immediately")
    SAME_DAY = "same_day", _("The same day")
    STANDARD = "standard", _("Within the usual timescale")


class ReturnState(models.TextChoices):
    """Where a decision a manager returned stands (docs/sign-off.md)."""

    RETURNED = "returned", _("Returned to the worker")
    ANSWERED = "answered", _("Answered by the worker")
