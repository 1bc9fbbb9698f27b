"""Subject access: requests for a child's record, the officer's marks while preparing the
disclosure, and the register of what was disclosed (docs/records.md)."""

import datetime as dt

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kinfolk.people.models import Child
from kinfolk.records.choices import (
    BundleFormat,
    ExemptionReason,
    ExtensionReason,
    Requester,
    RequestStatus,
    SendingMethod,
)


class SubjectAccessRequest(models.Model):
    """A request for the personal data held about a child (UK GDPR Art. 15), from the child,
    a parent or a representative. ``due_on`` is the time limit (one month from receipt, or
    three when extended: ``kinfolk.records.deadlines``), kept by the services that register
    and extend the request."""

    child = models.ForeignKey(
        Child, on_delete=models.PROTECT, related_name="subject_access_requests"
    )
    requester = models.CharField(_("who asked"), max_length=20, choices=Requester.choices)
    requester_name = models.CharField(_("name of the person who asked"), max_length=200)
    requester_contact = models.TextField(_("where to send the disclosure"), blank=True)
    received_on = models.DateField(_("date received"))
    identity_verified = models.BooleanField(_("identity verified"), default=False)
    identity_evidence = models.CharField(_("how identity was verified"), max_length=500, blank=True)
    due_on = models.DateField(_("time limit"))
    extension_reason = models.CharField(
        _("reason for the extension"), max_length=20, choices=ExtensionReason.choices, blank=True
    )
    extension_note = models.TextField(_("why the extension is needed"), blank=True)
    extended_at = models.DateTimeField(null=True, blank=True)
    extended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    status = models.CharField(
        max_length=20, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    completed_on = models.DateField(null=True, blank=True)
    registered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    registered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("subject access request")

    def __str__(self) -> str:
        return f"{self.reference} ({self.child.la_child_id})"

    @property
    def reference(self) -> str:
        return f"SAR-{self.pk:05d}"

    @property
    def is_extended(self) -> bool:
        return bool(self.extension_reason)

    @property
    def is_open(self) -> bool:
        return self.status == RequestStatus.OPEN

    def is_overdue(self, today: dt.date) -> bool:
        """Open past its time limit."""
        return self.is_open and self.due_on < today


class Redaction(models.Model):
    """A record, or one field of it, withheld from the disclosure, and why. ``field_name``
    is empty when the whole record is withheld. The casework record itself is not changed."""

    request = models.ForeignKey(
        SubjectAccessRequest, on_delete=models.CASCADE, related_name="redactions"
    )
    record_type = models.CharField(max_length=100)
    record_id = models.CharField(max_length=40)
    field_name = models.CharField(max_length=100, blank=True)
    reason = models.CharField(_("exemption"), max_length=20, choices=ExemptionReason.choices)
    reason_text = models.CharField(_("the other reason"), max_length=500, blank=True)
    marked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    marked_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["record_type", "record_id", "field_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["request", "record_type", "record_id", "field_name"],
                name="redaction_once_per_item",
            )
        ]

    def __str__(self) -> str:
        return f"{self.record_key} {self.field_name or '(whole record)'}: {self.reason}"

    @property
    def record_key(self) -> str:
        return f"{self.record_type}:{self.record_id}"

    @property
    def reason_label(self) -> str:
        if self.reason == ExemptionReason.OTHER:
            return self.reason_text
        return str(self.get_reason_display())

    @property
    def placeholder(self) -> str:
        """What the disclosure shows in place of what is withheld."""
        return f"[Redacted: {self.reason_label}]"


class DisclosureNote(models.Model):
    """The officer's note while preparing a disclosure: about one record, or (with no record)
    about the request as a whole. Notes are not disclosed."""

    request = models.ForeignKey(
        SubjectAccessRequest, on_delete=models.CASCADE, related_name="notes"
    )
    record_type = models.CharField(max_length=100, blank=True)
    record_id = models.CharField(max_length=40, blank=True)
    text = models.TextField(_("note"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    written_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["written_at", "pk"]

    def __str__(self) -> str:
        return self.text[:60]

    @property
    def record_key(self) -> str:
        return f"{self.record_type}:{self.record_id}" if self.record_type else ""


class DisclosureRegisterEntry(models.Model):
    """One disclosure made: what was sent (the bundle itself and its SHA-256), to whom, when,
    how and why, with the counts of records disclosed and withheld. The register is
    append-only: the service writes each entry once and nothing changes or removes it."""

    request = models.ForeignKey(
        SubjectAccessRequest, on_delete=models.PROTECT, related_name="disclosures"
    )
    child = models.ForeignKey(Child, on_delete=models.PROTECT, related_name="+")
    sent_to = models.CharField(_("sent to"), max_length=200)
    sent_to_address = models.TextField(_("address or email"), blank=True)
    sent_on = models.DateField(_("date sent"))
    method = models.CharField(_("how it was sent"), max_length=20, choices=SendingMethod.choices)
    purpose = models.CharField(_("why"), max_length=500)
    bundle_format = models.CharField(
        _("format"), max_length=10, choices=BundleFormat.choices, default=BundleFormat.JSON
    )
    records_disclosed = models.PositiveIntegerField()
    records_redacted = models.PositiveIntegerField()
    fields_redacted = models.PositiveIntegerField()
    bundle = models.JSONField()
    bundle_sha256 = models.CharField(max_length=64)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        verbose_name = _("disclosure register entry")
        verbose_name_plural = _("disclosure register")

    def __str__(self) -> str:
        return f"{self.request.reference} sent to {self.sent_to} on {self.sent_on}"
