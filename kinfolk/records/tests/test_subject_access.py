"""Subject access: the time limit, the extension, redaction marks, the disclosure register."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import worker_of_role
from kinfolk.access.models import AccessRecord
from kinfolk.access.roles import Role
from kinfolk.records import services
from kinfolk.records.deadlines import response_due_on
from kinfolk.records.models import DisclosureRegisterEntry, Redaction
from kinfolk.records.tests.scenario import NOTE, load_scenario

D = dt.date


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 1, 14), D(2026, 2, 16)),  # Sat 14 Feb: the next working day, Mon 16
        (D(2026, 1, 13), D(2026, 2, 13)),
        (D(2026, 1, 31), D(2026, 3, 2)),  # Sat 28 Feb: Mon 2 March
        (D(2028, 1, 31), D(2028, 2, 29)),  # a leap year
        (D(2026, 3, 31), D(2026, 4, 30)),
        (D(2026, 12, 31), D(2027, 2, 1)),  # Sun 31 Jan: Mon 1 Feb
        (D(2026, 11, 25), D(2026, 12, 29)),  # Fri 25 Dec, Mon 28 Dec a bank holiday too
    ],
)
def test_the_time_limit_is_one_calendar_month_from_receipt_or_the_next_working_day(received, due):
    assert response_due_on(received) == due


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 1, 31), D(2026, 4, 30)),
        (D(2026, 11, 30), D(2027, 3, 1)),  # Sun 28 Feb: Mon 1 March
        (D(2026, 5, 10), D(2026, 8, 10)),
    ],
)
def test_an_extended_time_limit_is_three_months_from_receipt(received, due):
    assert response_due_on(received, extended=True) == due


@pytest.fixture
def officer(db):
    return worker_of_role(Role.INFORMATION_GOVERNANCE, username="ida_governance")


@pytest.fixture
def maya(social_worker):
    return load_scenario(social_worker)


@pytest.fixture
def sar(maya, officer):
    return services.register_request(
        child=maya,
        requester="parent",
        requester_name="Grace Okafor",
        received_on=D(2026, 1, 31),
        identity_verified=True,
        identity_evidence="Passport seen at the office",
        actor=officer,
    )


def test_a_request_is_registered_with_its_time_limit(sar):
    # Saturday 28 February 2026 moves to the next working day.
    assert (sar.due_on, sar.status, sar.is_extended) == (D(2026, 3, 2), "open", False)
    assert sar.is_overdue(D(2026, 3, 3)) and not sar.is_overdue(D(2026, 3, 2))


def test_a_request_received_in_the_future_is_refused(maya, officer):
    with pytest.raises(ValidationError) as error:
        services.register_request(
            child=maya,
            requester="child",
            requester_name="Maya",
            received_on=D(2099, 1, 1),
            identity_verified=False,
            actor=officer,
        )
    assert error.value.message_dict == {
        "received_on": ["The date received must be today or in the past"]
    }


def test_the_extension_moves_the_time_limit_once_with_its_reason(sar, officer):
    extended = services.extend_deadline(
        request=sar, reason="complex", note="Records from three teams", actor=officer
    )
    assert (extended.due_on, extended.extension_reason, extended.extended_by) == (
        D(2026, 4, 30),
        "complex",
        officer,
    )
    with pytest.raises(ValidationError, match="already been extended"):
        services.extend_deadline(request=sar, reason="numerous", note="Again", actor=officer)


def test_an_extension_needs_a_reason(sar, officer):
    with pytest.raises(ValidationError) as error:
        services.extend_deadline(request=sar, reason="", note="", actor=officer)
    assert set(error.value.message_dict) == {"reason", "note"}
    sar.refresh_from_db()
    assert sar.due_on == D(2026, 3, 2)


def _key(maya, record_type):
    from kinfolk.records.collect import collect_child_record

    return next(r.key for r in collect_child_record(maya) if r.type == record_type)


def test_redaction_marks_change_the_disclosure_not_the_casework(sar, maya, officer):
    note_key = _key(maya, "casework.casenote")
    contact_key = _key(maya, "frontdoor.contact")
    services.mark_redaction(
        request=sar, record_key=note_key, field_name="text", reason="third-party", actor=officer
    )
    services.mark_redaction(
        request=sar,
        record_key=contact_key,
        reason="other",
        reason_text="Police information",
        actor=officer,
    )
    entry = services.complete_disclosure(
        request=sar,
        sent_to="Grace Okafor",
        sent_on=D(2026, 2, 20),
        method="post",
        actor=officer,
    )
    records = {f"{r['type']}:{r['id']}": r for r in entry.bundle["records"]}
    assert records[note_key]["fields"]["text"] == (
        "[Redacted: Third-party information (DPA 2018 Sch. 2 para. 16)]"
    )
    assert records[note_key]["fields"]["kind"] == "home_visit"
    assert records[contact_key] == {
        "type": "frontdoor.contact",
        "id": int(contact_key.split(":")[1]),
        "label": "contact",
        "redacted": "[Redacted: Police information]",
    }
    from kinfolk.casework.models import CaseNote

    assert CaseNote.objects.get(child=maya).text == NOTE
    assert (entry.records_redacted, entry.fields_redacted) == (1, 1)
    assert entry.records_disclosed == len(records) - 1


def test_the_other_exemption_needs_its_reason(sar, maya, officer):
    with pytest.raises(ValidationError) as error:
        services.mark_redaction(
            request=sar,
            record_key=_key(maya, "casework.casenote"),
            reason="other",
            actor=officer,
        )
    assert error.value.message_dict == {"reason_text": ["Enter the other reason"]}
    assert not Redaction.objects.exists()


def test_a_record_not_of_this_child_cannot_be_marked(sar, officer):
    with pytest.raises(ValidationError, match="not part of this child's record"):
        services.mark_redaction(
            request=sar,
            record_key="casework.casenote:99999",
            reason="third-party",
            actor=officer,
        )


def test_completing_enters_the_register_and_logs_an_export(sar, maya, officer):
    entry = services.complete_disclosure(
        request=sar,
        sent_to="Grace Okafor",
        sent_to_address="grace@example.org",
        sent_on=D(2026, 2, 20),
        method="secure-email",
        actor=officer,
    )
    sar.refresh_from_db()
    assert (sar.status, sar.completed_on) == ("completed", D(2026, 2, 20))
    assert (entry.sent_to, entry.method, entry.purpose, entry.recorded_by) == (
        "Grace Okafor",
        "secure-email",
        f"Subject access request {sar.reference} (UK GDPR Art. 15)",
        officer,
    )
    assert entry.bundle["child"] == "C42" and entry.bundle["disclosure"] == sar.reference
    assert len(entry.bundle_sha256) == 64
    logged = AccessRecord.objects.get(child=maya, action="export", user=officer)
    assert logged.what == f"Subject access disclosure {sar.reference} sent to Grace Okafor"
    with pytest.raises(ValidationError, match="completed"):
        services.complete_disclosure(
            request=sar, sent_to="Again", sent_on=D(2026, 2, 21), method="post", actor=officer
        )
    assert DisclosureRegisterEntry.objects.count() == 1


def test_a_disclosure_waits_for_the_identity_to_be_verified(maya, officer):
    sar = services.register_request(
        child=maya,
        requester="representative",
        requester_name="Jo Solicitor",
        received_on=D(2026, 1, 5),
        identity_verified=False,
        actor=officer,
    )
    with pytest.raises(ValidationError, match="Verify the identity"):
        services.complete_disclosure(
            request=sar, sent_to="Jo", sent_on=D(2026, 1, 20), method="post", actor=officer
        )
    assert not DisclosureRegisterEntry.objects.exists()
