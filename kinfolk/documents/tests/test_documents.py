"""Documents: uploaded through the service and the page, the type read from the bytes, the
size limited, a virus refused with nothing kept, downloads as logged attachments, and the
child's record export listing each document."""

import datetime as dt
import hashlib
import socket
import threading
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.casework.services import record_case_note
from kinfolk.core.working_days import LONDON
from kinfolk.documents.models import Document
from kinfolk.documents.scanning import ClamdScanner, ScannerUnavailable, parse_reply
from kinfolk.documents.services import upload_document
from kinfolk.documents.tests.files import PDF, eicar_bytes, png_bytes, upload
from kinfolk.people.restrictions import restrict_record
from kinfolk.records.collect import collect_child_record

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def stored_files(media: Path) -> list[Path]:
    return [p for p in media.rglob("*") if p.is_file()] if media.exists() else []


def test_a_pdf_is_kept_with_its_type_size_and_digest(child, social_worker, media):
    document = upload_document(
        child=child,
        file=upload("School report.pdf", PDF),
        title="School report, autumn term",
        kind="report",
        actor=social_worker,
    )
    assert (document.content_type, document.size, document.original_name) == (
        "application/pdf",
        len(PDF),
        "School report.pdf",
    )
    assert document.sha256 == hashlib.sha256(PDF).hexdigest()
    assert document.uploaded_by == social_worker
    assert document.file.name.startswith(f"documents/{child.pk}/")
    assert document.file.name.endswith(".pdf")
    assert stored_files(media)[0].read_bytes() == PDF


def test_the_type_is_read_from_the_bytes_not_the_name(child, social_worker, media):
    image = upload_document(
        child=child, file=upload("scan.pdf", png_bytes()), title="Photo", kind="photograph"
    )
    assert image.content_type == "image/png" and image.file.name.endswith(".png")
    with pytest.raises(ValidationError) as refused:
        upload_document(
            child=child,
            file=upload("letter.pdf", b"#!/bin/sh\necho not a letter\n", "application/pdf"),
            title="Letter",
            kind="letter",
        )
    assert list(refused.value.message_dict) == ["file"]
    assert refused.value.message_dict["file"][0].startswith("The selected file must be a PDF")
    assert Document.objects.count() == 1


def test_an_email_saved_as_eml_is_kept(child):
    email = (
        b"From: school@example.org\nTo: worker@example.org\nSubject: Attendance\n"
        b"Date: Mon, 30 Nov 2026 09:00:00 +0000\n\nLily attended every day.\n"
    )
    document = upload_document(
        child=child, file=upload("attendance.eml", email), title="Attendance", kind="email"
    )
    assert document.content_type == "message/rfc822"


def test_a_file_over_the_limit_or_empty_is_refused(child, settings, media):
    settings.KINFOLK_DOCUMENT_MAX_BYTES = 100
    with pytest.raises(ValidationError, match="must be smaller than 100"):
        upload_document(
            child=child, file=upload("big.pdf", PDF + b" " * 100), title="B", kind="report"
        )
    with pytest.raises(ValidationError, match="is empty"):
        upload_document(child=child, file=upload("empty.pdf", b""), title="E", kind="report")
    assert not Document.objects.exists() and stored_files(media) == []


def test_a_virus_is_refused_and_nothing_is_kept(child, media):
    with pytest.raises(ValidationError) as refused:
        upload_document(
            child=child,
            file=upload("invoice.pdf", PDF + eicar_bytes()),
            title="Invoice",
            kind="letter",
        )
    assert refused.value.message_dict == {
        "file": ["The selected file contains a virus (Eicar-Test-Signature) and was not uploaded"]
    }
    assert not Document.objects.exists() and stored_files(media) == []


class Unavailable:
    def scan(self, content: bytes) -> str | None:
        raise ScannerUnavailable("connection refused")


def test_a_file_that_cannot_be_scanned_is_not_kept(child, settings):
    settings.KINFOLK_DOCUMENT_SCANNER = f"{__name__}.Unavailable"
    with pytest.raises(ValidationError, match="could not be checked for viruses"):
        upload_document(child=child, file=upload("a.pdf", PDF), title="A", kind="report")
    assert not Document.objects.exists()


def _fake_clamd(reply: bytes) -> tuple[int, list[bytes]]:
    """A one-connection clamd on a free local port, answering ``reply``."""
    server = socket.create_server(("127.0.0.1", 0))
    received: list[bytes] = []

    def serve() -> None:
        connection, _address = server.accept()
        with connection:
            data = b""
            while not data.endswith(b"\0\0\0\0"):
                data += connection.recv(65536)
            received.append(data)
            connection.sendall(reply)
        server.close()

    threading.Thread(target=serve, daemon=True).start()
    return server.getsockname()[1], received


def test_the_clamd_scanner_streams_the_file_and_reads_the_answer(settings):
    port, received = _fake_clamd(b"stream: Win.Test.EICAR_HDB-1 FOUND\0")
    settings.KINFOLK_CLAMD_SOCKET, settings.KINFOLK_CLAMD_HOST = "", "127.0.0.1"
    settings.KINFOLK_CLAMD_PORT = port
    assert ClamdScanner().scan(b"hello") == "Win.Test.EICAR_HDB-1"
    assert received == [b"zINSTREAM\0" + b"\x00\x00\x00\x05hello" + b"\x00\x00\x00\x00"]
    assert parse_reply("stream: OK") is None
    with pytest.raises(ScannerUnavailable):
        parse_reply("INSTREAM size limit exceeded. ERROR")


def test_the_upload_page_keeps_a_png_attached_to_a_note_and_refuses_eicar(
    worker_client, child, social_worker, media
):
    note = record_case_note(
        child=child,
        occurred_at=dt.datetime(2026, 11, 30, 9, 40, tzinfo=LONDON),
        kind="home_visit",
        text="Visit.",
        actor=social_worker,
    )
    url = reverse("documents:upload", args=[child.pk]) + f"?note={note.pk}"
    assert (
        "Case note: Home visit, 30 November 2026 at 09:40"
        in worker_client.get(url).content.decode()
    )
    refused = worker_client.post(
        url, {"title": "Test", "kind": "other", "file": upload("eicar.com", eicar_bytes())}
    )
    assert refused.status_code == 200
    assert "contains a virus" in refused.content.decode()
    assert not Document.objects.exists()
    response = worker_client.post(
        url,
        {
            "title": "Lily's drawing",
            "kind": "photograph",
            "file": upload("drawing.png", png_bytes()),
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case-note", args=[child.pk, note.pk])
    document = Document.objects.get()
    assert document.attached_to == note
    page = worker_client.get(response["Location"]).content.decode()
    assert "Lily&#x27;s drawing" in page
    listing = worker_client.get(reverse("documents:child-documents", args=[child.pk])).content
    assert "Case note: Home visit" in listing.decode()


def test_a_download_is_an_attachment_and_logged_as_an_export(worker_client, child, social_worker):
    document = upload_document(
        child=child, file=upload("report.pdf", PDF), title="Report", kind="report"
    )
    response = worker_client.get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="report.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    record = AccessRecord.objects.get(action="export")
    assert (record.user, record.child, record.what) == (
        social_worker,
        child,
        "Child record: document downloaded: Report",
    )


def test_a_restricted_childs_document_is_not_downloaded_by_others(child, manager, team):
    from kinfolk.workforce.choices import Role
    from kinfolk.workforce.services import create_worker

    document = upload_document(child=child, file=upload("r.pdf", PDF), title="R", kind="report")
    restrict_record(child=child, users=[manager], actor=manager, reason="Staff relative")
    other = create_worker(
        username="W0099", display_name="Ada Wren", role=Role.SOCIAL_WORKER, team=team
    )
    response = signed_in(other).get(reverse("documents:download", args=[document.pk]))
    assert response.status_code == 404
    assert AccessRecord.objects.filter(user=other, action="refused", child=child).exists()
    assert not AccessRecord.objects.filter(action="export").exists()


def test_the_childs_record_export_lists_each_document(child):
    document = upload_document(
        child=child, file=upload("report.pdf", PDF), title="Report", kind="report"
    )
    other = make_child(la_child_id="C2", first_name="Sam")
    upload_document(child=other, file=upload("x.pdf", PDF), title="Not Lily's", kind="report")
    records = [r for r in collect_child_record(child) if r.type == "documents.document"]
    assert len(records) == 1
    assert records[0].fields["title"] == "Report"
    assert records[0].documents == [
        {
            "field": "file",
            "name": Path(document.file.name).name,
            "content_type": "application/pdf",
            "size": len(PDF),
            "sha256": hashlib.sha256(PDF).hexdigest(),
        }
    ]


def test_a_document_is_attached_to_a_core_group_meeting(worker_client, child):
    from kinfolk.casework.tests.factories import PlanFactory
    from kinfolk.protection.models import CoreGroupMeeting

    plan = PlanFactory(child=child)
    meeting = CoreGroupMeeting.objects.create(child=child, plan=plan, held_on=dt.date(2026, 9, 1))
    url = reverse("documents:upload", args=[child.pk]) + f"?core-group={meeting.pk}"
    assert "Core group meeting, 1 September 2026" in worker_client.get(url).content.decode()
    response = worker_client.post(
        url, {"title": "Minutes", "kind": "report", "file": upload("minutes.pdf", PDF)}
    )
    assert response.status_code == 302
    assert Document.objects.get().attached_to == meeting
