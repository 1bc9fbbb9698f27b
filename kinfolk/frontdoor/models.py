"""The front door: contacts, screening decisions and early help."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.core.codes import ReferralSource
from kinfolk.core.working_days import is_working_day
from kinfolk.frontdoor.choices import (
    OUTCOMES_NEEDING_SIGN_OFF,
    ReturnState,
    ScreeningOutcome,
    Urgency,
)


class Contact(models.Model):
    """Information about a child received at the front door (MASH, hub or duty team)."""

    child = models.ForeignKey("people.Child", on_delete=models.CASCADE, related_name="contacts")
    reference = models.CharField(_("reference"), max_length=40, blank=True)
    received_at = models.DateTimeField(_("received"))
    source = models.CharField(_("source"), max_length=2, choices=ReferralSource.choices)
    concern = models.TextField(_("concern"), blank=True)
    contact_person = models.CharField(_("who made the contact"), max_length=200, blank=True)
    is_domestic_abuse = models.BooleanField(_("domestic abuse notice"), default=False)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    #: How urgent the contact is and by when the front door must decide, as a manager sets
    #: them (docs/domain.md finding 1; docs/sign-off.md).
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, blank=True)
    respond_by = models.DateTimeField(_("decide by"), null=True, blank=True)
    urgency_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    urgency_set_at = models.DateTimeField(_("urgency set"), null=True, blank=True)

    class Meta:
        ordering = ["received_at", "pk"]
        indexes = [models.Index(fields=["child", "received_at"], name="contact_child_received")]

    def __str__(self) -> str:
        return f"Contact received {self.received_at:%Y-%m-%d %H:%M}"

    @property
    def is_past_deadline(self) -> bool:
        """The manager's deadline has passed and the contact is not screened yet."""
        return self.respond_by is not None and self.respond_by < timezone.now()

    @property
    def is_out_of_hours(self) -> bool:
        """Received outside office hours (before 09:00 or from 17:00, at a weekend or on a bank
        holiday), when the emergency duty team rather than the hub takes it (finding 46)."""
        received = timezone.localtime(self.received_at)
        return not is_working_day(received.date()) or not 9 <= received.hour < 17


class ScreeningDecision(models.Model):
    """The front door's decision about a contact, with its rationale; no further action and
    early help need a manager's sign-off with its own rationale (docs/domain.md, stage 2)."""

    contact = models.OneToOneField(Contact, on_delete=models.CASCADE, related_name="screening")
    decided_at = models.DateTimeField(_("decided"))
    outcome = models.CharField(_("decision"), max_length=20, choices=ScreeningOutcome.choices)
    urgency = models.CharField(_("urgency"), max_length=10, choices=Urgency.choices, blank=True)
    rationale = models.TextField(_("rationale"))
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    signed_off_at = models.DateTimeField(_("signed off"), null=True, blank=True)
    sign_off_rationale = models.TextField(_("manager's rationale"), blank=True)
    #: Where the latest return stands: returned to the worker and waiting for their answer,
    #: or answered and back with the managers. Each return is kept (``ScreeningReturn``).
    return_state = models.CharField(
        _("returned"), max_length=10, choices=ReturnState.choices, blank=True
    )
    is_imported = models.BooleanField(default=False)

    class Meta:
        ordering = ["-decided_at", "-pk"]
        indexes = [
            # The sign-off queue reads only the decisions still without a sign-off: a few
            # among every decision ever made.
            models.Index(
                fields=["outcome", "decided_at"],
                condition=models.Q(signed_off_at__isnull=True, is_imported=False),
                name="screening_awaiting_sign_off",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_outcome_display()} ({self.decided_at:%Y-%m-%d})"

    @property
    def needs_sign_off(self) -> bool:
        return self.outcome in OUTCOMES_NEEDING_SIGN_OFF

    @property
    def is_awaiting_sign_off(self) -> bool:
        """Waiting for a manager: needs a sign-off, has none, and is not with its worker."""
        return (
            self.needs_sign_off
            and self.signed_off_at is None
            and not self.is_imported
            and self.return_state != ReturnState.RETURNED
        )

    @property
    def is_returned(self) -> bool:
        """Returned by a manager to the worker, who has not answered yet."""
        return self.return_state == ReturnState.RETURNED


class ScreeningReturn(models.Model):
    """A manager's return of a screening decision to the worker, with the reasons, and the
    worker's answer: their response and, if they changed it, the revised decision and
    urgency (docs/sign-off.md). Kept for every return, so who asked what and when stays
    on record."""

    decision = models.ForeignKey(
        ScreeningDecision, on_delete=models.CASCADE, related_name="returns"
    )
    returned_at = models.DateTimeField(_("returned"))
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    reasons = models.TextField(_("reasons for returning"))
    outcome_before = models.CharField(_("decision returned"), max_length=20)
    urgency_before = models.CharField(_("urgency returned"), max_length=10, blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    response = models.TextField(_("the worker's answer"), blank=True)

    class Meta:
        ordering = ["returned_at", "pk"]

    def __str__(self) -> str:
        return f"Returned {self.returned_at:%Y-%m-%d %H:%M}"


class EarlyHelpEpisode(models.Model):
    """A period of early help, with the reasons it started and ended (step-up, step-down)."""

    child = models.ForeignKey(
        "people.Child", on_delete=models.CASCADE, related_name="early_help_episodes"
    )
    start_on = models.DateField(_("start date"))
    end_on = models.DateField(_("end date"), null=True, blank=True)
    start_reason = models.CharField(_("why it started"), max_length=300, blank=True)
    end_reason = models.CharField(_("why it ended"), max_length=300, blank=True)

    class Meta:
        ordering = ["-start_on", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["child"],
                condition=models.Q(end_on__isnull=True),
                name="early_help_one_open_per_child",
            ),
        ]

    def __str__(self) -> str:
        return f"Early help from {self.start_on}"
