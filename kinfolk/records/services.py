"""The only writers of subject access records, and the record export. Each function runs in
one transaction. Nothing here changes the casework: a disclosure is prepared over the
records as collected (``kinfolk.records.collect``)."""

import datetime as dt
import hashlib
import json
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.access.choices import AccessAction
from kinfolk.access.services import record_access
from kinfolk.core.actors import Actor
from kinfolk.people.models import Child
from kinfolk.records import disclosure
from kinfolk.records.choices import (
    BundleFormat,
    ExemptionReason,
    ExtensionReason,
    Requester,
    RequestStatus,
    SendingMethod,
)
from kinfolk.records.collect import collect_child_record
from kinfolk.records.deadlines import response_due_on
from kinfolk.records.models import (
    DisclosureNote,
    DisclosureRegisterEntry,
    Redaction,
    SubjectAccessRequest,
)


@transaction.atomic
def export_child_record(
    *, child: Child, actor: Actor | None, source: str, path: str = ""
) -> list[dict[str, Any]]:
    """Every record held about the child as JSON-ready dicts (docs/records.md), written to
    the access log as an export."""
    records = [record.as_json() for record in collect_child_record(child)]
    record_access(
        user=actor,
        child_id=child.pk,
        action=AccessAction.EXPORT,
        what=f"Exported the whole record ({len(records)} records)",
        path=path,
        source=source,
    )
    return records


def _locked(request: SubjectAccessRequest) -> SubjectAccessRequest:
    locked = SubjectAccessRequest.objects.select_for_update().get(pk=request.pk)
    if not locked.is_open:
        raise ValidationError(_("This request is completed: its disclosure has been sent"))
    return locked


@transaction.atomic
def register_request(
    *,
    child: Child,
    requester: str,
    requester_name: str,
    requester_contact: str = "",
    received_on: dt.date,
    identity_verified: bool,
    identity_evidence: str = "",
    actor: Actor,
) -> SubjectAccessRequest:
    """Register a subject access request about the child; its time limit is one month
    from receipt (UK GDPR Art. 12(3))."""
    errors: dict[str, str] = {}
    if requester not in Requester.values:
        errors["requester"] = _("Select who asked")
    if not requester_name.strip():
        errors["requester_name"] = _("Enter the name of the person who asked")
    if received_on > timezone.localdate():
        errors["received_on"] = _("The date received must be today or in the past")
    if identity_verified and not identity_evidence.strip():
        errors["identity_evidence"] = _("Say how their identity was verified")
    if errors:
        raise ValidationError(errors)
    return SubjectAccessRequest.objects.create(
        child=child,
        requester=requester,
        requester_name=requester_name.strip(),
        requester_contact=requester_contact.strip(),
        received_on=received_on,
        identity_verified=identity_verified,
        identity_evidence=identity_evidence.strip(),
        due_on=response_due_on(received_on),
        registered_by=actor,
    )


@transaction.atomic
def verify_identity(
    *, request: SubjectAccessRequest, evidence: str, actor: Actor
) -> SubjectAccessRequest:
    """Record that the requester's identity has been verified, and how."""
    request = _locked(request)
    if not evidence.strip():
        raise ValidationError({"identity_evidence": _("Say how their identity was verified")})
    request.identity_verified = True
    request.identity_evidence = evidence.strip()
    request.save(update_fields=["identity_verified", "identity_evidence"])
    return request


@transaction.atomic
def extend_deadline(
    *, request: SubjectAccessRequest, reason: str, note: str, actor: Actor
) -> SubjectAccessRequest:
    """Extend the time limit by two further months, for a complex request or numerous
    requests (UK GDPR Art. 12(3)); once only."""
    request = _locked(request)
    if request.is_extended:
        raise ValidationError(_("The time limit has already been extended"))
    errors: dict[str, str] = {}
    if reason not in ExtensionReason.values:
        errors["reason"] = _("Select why the time limit is extended")
    if not note.strip():
        errors["note"] = _("Say why more time is needed")
    if errors:
        raise ValidationError(errors)
    request.extension_reason = reason
    request.extension_note = note.strip()
    request.extended_at = timezone.now()
    request.extended_by = actor
    request.due_on = response_due_on(request.received_on, extended=True)
    request.save(
        update_fields=["extension_reason", "extension_note", "extended_at", "extended_by", "due_on"]
    )
    return request


@transaction.atomic
def mark_redaction(
    *,
    request: SubjectAccessRequest,
    record_key: str,
    field_name: str = "",
    reason: str,
    reason_text: str = "",
    actor: Actor,
) -> Redaction:
    """Withhold a record, or one field of it, from the disclosure, with its exemption. Marking
    the same item again replaces the earlier reason."""
    request = _locked(request)
    records = {record.key: record for record in collect_child_record(request.child)}
    record = records.get(record_key)
    if record is None:
        raise ValidationError(_("That record is not part of this child's record"))
    errors: dict[str, str] = {}
    if field_name and field_name not in record.fields:
        errors["field_name"] = _("Select a field of this record")
    if reason not in ExemptionReason.values:
        errors["reason"] = _("Select the exemption")
    elif reason == ExemptionReason.OTHER and not reason_text.strip():
        errors["reason_text"] = _("Enter the other reason")
    if errors:
        raise ValidationError(errors)
    redaction, _created = Redaction.objects.update_or_create(
        request=request,
        record_type=record.type,
        record_id=str(record.id),
        field_name=field_name,
        defaults={
            "reason": reason,
            "reason_text": reason_text.strip() if reason == ExemptionReason.OTHER else "",
            "marked_by": actor,
            "marked_at": timezone.now(),
        },
    )
    return redaction


@transaction.atomic
def remove_redaction(*, redaction: Redaction, actor: Actor) -> None:
    """Disclose again what was marked for redaction, while the disclosure is prepared."""
    _locked(redaction.request)
    redaction.delete()


@transaction.atomic
def add_note(
    *, request: SubjectAccessRequest, text: str, record_key: str = "", actor: Actor
) -> DisclosureNote:
    """The officer's note on the request, or on one record of it."""
    request = _locked(request)
    if not text.strip():
        raise ValidationError({"text": _("Enter the note")})
    record_type, _sep, record_id = record_key.partition(":")
    return DisclosureNote.objects.create(
        request=request,
        record_type=record_type,
        record_id=record_id,
        text=text.strip(),
        written_by=actor,
    )


def bundle_sha256(bundle: dict[str, Any]) -> str:
    """The SHA-256 of the bundle as downloaded (``bundle_bytes``)."""
    return hashlib.sha256(bundle_bytes(bundle)).hexdigest()


def bundle_bytes(bundle: dict[str, Any]) -> bytes:
    return json.dumps(bundle, ensure_ascii=False, indent=2).encode("utf-8")


@transaction.atomic
def complete_disclosure(
    *,
    request: SubjectAccessRequest,
    sent_to: str,
    sent_to_address: str = "",
    sent_on: dt.date,
    method: str,
    bundle_format: str = BundleFormat.JSON,
    purpose: str = "",
    actor: Actor,
    path: str = "",
    source: str = "",
) -> DisclosureRegisterEntry:
    """Produce the disclosure bundle, enter it in the disclosure register (what was sent to
    whom, when, how and why) and complete the request. Logged as an export of the child's
    record."""
    request = _locked(request)
    errors: dict[str, str] = {}
    if not request.identity_verified:
        raise ValidationError(
            _("Verify the identity of the person who asked before sending the disclosure")
        )
    if not sent_to.strip():
        errors["sent_to"] = _("Enter who the disclosure is sent to")
    if method not in SendingMethod.values:
        errors["method"] = _("Select how it is sent")
    if bundle_format not in BundleFormat.values:
        errors["bundle_format"] = _("Select the format")
    if sent_on > timezone.localdate():
        errors["sent_on"] = _("The date sent must be today or in the past")
    elif sent_on < request.received_on:
        errors["sent_on"] = _("The date sent must be on or after the date received")
    if errors:
        raise ValidationError(errors)
    prepared = disclosure.prepare(collect_child_record(request.child), request.redactions.all())
    content = disclosure.bundle(request, prepared, sent_on=sent_on)
    tally = disclosure.counts(prepared)
    entry = DisclosureRegisterEntry.objects.create(
        request=request,
        child=request.child,
        sent_to=sent_to.strip(),
        sent_to_address=sent_to_address.strip(),
        sent_on=sent_on,
        method=method,
        purpose=purpose.strip()
        or _("Subject access request %(reference)s (UK GDPR Art. 15)")
        % {"reference": request.reference},
        bundle_format=bundle_format,
        records_disclosed=tally.records_disclosed,
        records_redacted=tally.records_redacted,
        fields_redacted=tally.fields_redacted,
        bundle=content,
        bundle_sha256=bundle_sha256(content),
        recorded_by=actor,
    )
    request.status = RequestStatus.COMPLETED
    request.completed_on = sent_on
    request.save(update_fields=["status", "completed_on"])
    record_access(
        user=actor,
        child_id=request.child_id,
        action=AccessAction.EXPORT,
        what=f"Subject access disclosure {request.reference} sent to {entry.sent_to}",
        path=path,
        source=source,
    )
    return entry
