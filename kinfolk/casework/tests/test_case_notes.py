"""Case notes: recorded through the service, the page and a journey file, written to the
chronology with their text, and refused with a message next to the field."""

import datetime as dt
import json

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from kinfolk.access.models import AccessRecord
from kinfolk.casework.models import CaseNote
from kinfolk.casework.services import record_case_note
from kinfolk.casework.tests.pages import date_data, page
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.working_days import LONDON
from kinfolk.journeys.loader import load_journeys
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker

pytestmark = pytest.mark.django_db

CALL_AT = dt.datetime(2026, 9, 14, 16, 45, tzinfo=LONDON)


def test_a_case_note_is_recorded_with_its_text_in_the_chronology(child, social_worker):
    note = record_case_note(
        child=child,
        occurred_at=CALL_AT,
        kind="phone_call",
        text="  Spoke to Lily's mother about the school meeting.\nShe will attend.  ",
        is_significant=True,
        actor=social_worker,
    )
    assert (note.kind, note.text, note.recorded_by, note.is_imported) == (
        "phone_call",
        "Spoke to Lily's mother about the school meeting.\nShe will attend.",
        social_worker,
        False,
    )
    entry = ChronologyEntry.objects.get(child=child, kind="case_note")
    assert (entry.occurred_on, entry.summary, entry.detail, entry.is_significant) == (
        dt.date(2026, 9, 14),
        "Case note: Phone call",
        "Spoke to Lily's mother about the school meeting.\nShe will attend.",
        True,
    )
    assert entry.kind_label == "Case note"


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"kind": "letter"}, "kind", "Choose the kind of work"),
        ({"text": "   "}, "text", "Enter what happened"),
        (
            {"occurred_at": timezone.now() + dt.timedelta(hours=1)},
            "occurred_at",
            "The time of the work must be in the past",
        ),
        (
            {"occurred_at": dt.datetime(2015, 4, 2, 9, 0, tzinfo=LONDON)},
            "occurred_at",
            "This is before Lily Smith was born, on 3 April 2015",
        ),
    ],
)
def test_a_case_note_is_refused_next_to_what_is_wrong(child, changes, field, message):
    values = {"occurred_at": CALL_AT, "kind": "meeting", "text": "Core group held."} | changes
    with pytest.raises(ValidationError) as raised:
        record_case_note(child=child, **values)
    assert raised.value.message_dict == {field: [message]}
    assert not CaseNote.objects.exists()
    assert not ChronologyEntry.objects.filter(kind="case_note").exists()


def test_a_worker_adds_a_case_note_through_the_page(worker_client, child, social_worker):
    form = worker_client.get(page("casework:case-note-create", child))
    assert form.status_code == 200
    assert "Add a case note" in form.content.decode()
    response = worker_client.post(
        page("casework:case-note-create", child),
        {
            "kind": "home_visit",
            **date_data("occurred_on", dt.date(2026, 9, 14)),
            "occurred_time": "16:45",
            "text": "Visited at home. Lily showed me her room and her drawings.",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == page("casework:child-casework", child)
    note = CaseNote.objects.get(child=child)
    assert (note.occurred_at, note.kind, note.recorded_by, note.is_significant) == (
        CALL_AT,
        "home_visit",
        social_worker,
        False,
    )
    casework = worker_client.get(page("casework:child-casework", child)).content.decode()
    assert "Home visit, 14 September 2026 at 16:45" in casework
    assert "Lily showed me her room and her drawings." in casework
    assert AccessRecord.objects.filter(
        child=child, what="Child record: case note added", action="change"
    ).exists()


def test_the_page_refuses_a_note_without_its_time_or_text_and_saves_nothing(worker_client, child):
    response = worker_client.post(
        page("casework:case-note-create", child),
        {
            "kind": "email",
            **date_data("occurred_on", dt.date(2026, 9, 14)),
            "occurred_time": "25:10",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Enter a real time, like 09:15 or 21:30" in html
    assert "Enter what happened" in html
    assert not CaseNote.objects.exists()


def test_a_case_note_loads_from_a_journey_file(child, team):
    worker = create_worker(
        username="W0042", display_name="Ada Wren", role=Role.SOCIAL_WORKER, team=team
    )
    line = {
        "type": "case_note",
        "child": child.la_child_id,
        "at": "2026-09-14T16:45",
        "kind": "direct_work",
        "text": "Worked on Lily's family tree with her.",
        "by": worker.username,
        "significant": False,
    }
    result = load_journeys([json.dumps(line)])
    assert result.errors == []
    note = CaseNote.objects.get(child=child)
    assert (note.occurred_at, note.kind, note.author, note.is_imported) == (
        CALL_AT,
        "direct_work",
        worker,
        True,
    )


def test_a_journey_case_note_of_an_unknown_kind_is_reported_by_line(child):
    line = {"type": "case_note", "child": child.la_child_id, "at": "2026-09-14T16:45"}
    result = load_journeys([json.dumps(line | {"kind": "letter", "text": "Sent."})])
    assert [error.line for error in result.errors] == [1]
    assert "kind" in result.errors[0].message
    assert not CaseNote.objects.exists()
