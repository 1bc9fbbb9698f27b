"""The LADO's pages: the form shown, a valid post that saves and redirects, an invalid post
that shows the message next to its field and saves nothing, the access log, and the lists'
query counts with one allegation and with many."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.allegations.models import Allegation
from kinfolk.allegations.services import (
    RATIONALE_REQUIRED,
    AgreedAction,
    record_allegation,
    record_meeting,
)
from kinfolk.allegations.tests.conftest import RECEIVED

CONSIDERATION = {
    "considered_on_day": "2",
    "considered_on_month": "12",
    "considered_on_year": "2025",
    "outcome": "no_further_action",
    "rationale": "The school manages it: below the threshold.",
}


def test_recording_an_allegation_on_the_page(held_child, lado):
    client = signed_in(lado)
    assert client.get(reverse("allegations:record")).status_code == 200
    found = client.get(reverse("allegations:record"), {"q": "Lily"})
    assert "Showing 1 of 1 children found" in found.content.decode()
    response = client.post(
        reverse("allegations:record"),
        {
            "child_ids": "C1",
            "person_name": "Sam Adult",
            "person_role": "Coach",
            "employer": "Northmoor Juniors FC",
            "sector": "sport",
            "referrer_name": "A parent",
            "referrer_sector": "other",
            "received_on_day": "1",
            "received_on_month": "12",
            "received_on_year": "2025",
            "received_time": "09:30",
            "category": "behaviour",
            "description": "Synthetic.",
        },
    )
    allegation = Allegation.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("allegations:detail", args=[allegation.pk])
    assert allegation.received_at == dt.datetime(2025, 12, 1, 9, 30, tzinfo=RECEIVED.tzinfo)
    assert AccessRecord.objects.filter(
        user=lado, child=held_child, action="change", what="Allegation recorded"
    ).exists()


def test_an_unknown_child_id_is_refused(held_child, lado):
    response = signed_in(lado).post(
        reverse("allegations:record"),
        {
            "child_ids": "C1, ZZ9",
            "person_name": "Sam",
            "employer": "E",
            "sector": "sport",
            "received_on_day": "1",
            "received_on_month": "12",
            "received_on_year": "2025",
            "received_time": "09:30",
            "category": "behaviour",
        },
    )
    assert response.status_code == 200
    assert "No child has the Child ID ZZ9" in response.content.decode()
    assert not Allegation.objects.exists()


def test_the_initial_consideration_needs_a_rationale(allegation, held_child, lado):
    client = signed_in(lado)
    url = reverse("allegations:consider", args=[allegation.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {**CONSIDERATION, "rationale": ""})
    assert response.status_code == 200
    assert RATIONALE_REQUIRED in response.content.decode()
    allegation.refresh_from_db()
    assert allegation.considered_on is None
    response = client.post(url, CONSIDERATION)
    assert response.status_code == 302
    allegation.refresh_from_db()
    assert allegation.consideration_outcome == "no_further_action"
    assert AccessRecord.objects.filter(
        user=lado, child=held_child, action="change", what="Allegation: initial consideration"
    ).exists()


def test_a_meeting_on_the_page(allegation, lado):
    client = signed_in(lado)
    url = reverse("allegations:meeting", args=[allegation.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "held_on_day": "3",
            "held_on_month": "12",
            "held_on_year": "2025",
            "attendees": "Ann, LADO, Northmoor",
            "action_1_text": "Write to the employer",
            "action_1_owner": "Ann, Northmoor",
            "action_1_due_day": "5",
            "action_1_due_month": "12",
            "action_1_due_year": "2025",
        },
    )
    assert response.status_code == 302, response.content.decode()
    meeting = allegation.meetings.get()
    assert meeting.actions.get().text == "Write to the employer"
    response = client.post(url, {"held_on_day": "3", "held_on_month": "12", "held_on_year": "2025"})
    assert "Enter who attended, one a line" in response.content.decode()
    assert allegation.meetings.count() == 1


def test_naming_a_reader_on_the_page(allegation, lado, social_worker):
    client = signed_in(lado)
    url = reverse("allegations:reader-add", args=[allegation.pk])
    assert client.get(url).status_code == 200
    response = client.post(url, {"user": social_worker.pk, "reason": ""})
    assert "Give the reason they may read the allegation" in response.content.decode()
    response = client.post(url, {"user": social_worker.pk, "reason": "Their social worker"})
    assert response.status_code == 302
    assert allegation.readers.get().user == social_worker
    reader = allegation.readers.get()
    remove = reverse("allegations:reader-remove", args=[allegation.pk, reader.pk])
    assert client.post(remove).status_code == 302
    assert not allegation.readers.exists()


def test_the_analytics_and_their_csv(allegation, lado):
    client = signed_in(lado)
    response = client.get(reverse("allegations:analytics"))
    content = response.content.decode()
    assert "2025-26" in content and "Education" in content
    quarterly = client.get(reverse("allegations:analytics"), {"by": "quarter"})
    assert "2025-26 Q3" in quarterly.content.decode()
    csv = client.get(reverse("allegations:analytics"), {"format": "csv"})
    assert csv["Content-Type"].startswith("text/csv")
    assert '"Allegations received, by the sector the adult works in",2025-26\r\nEducation,1' in (
        csv.content.decode()
    )
    assert AccessRecord.objects.filter(user=lado, action="export").exists()


def _many(lado, count):
    for number in range(count):
        child = make_child(la_child_id=f"M{number}", first_name=f"Mia{number}")
        allegation = record_allegation(
            children=[child],
            person_name=f"Adult {number}",
            employer="Employer",
            sector="health",
            received_at=RECEIVED,
            actor=lado,
        )
        record_meeting(
            allegation=allegation,
            held_on=dt.date(2025, 12, 3),
            attendees="Ann",
            actions=[AgreedAction("Do", "Ann", dt.date(2025, 12, 9))],
            actor=lado,
        )


@pytest.mark.parametrize("url", ["home", "allegations:list"])
def test_the_lists_take_as_many_queries_for_many(lado, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from kinfolk.duties.engine import sweep

    client = signed_in(lado)
    _many(lado, 1)
    sweep()
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse(url)).status_code == 200
    for number in range(6):
        child = make_child(la_child_id=f"N{number}", first_name=f"Nia{number}")
        record_allegation(
            children=[child],
            person_name="Another",
            employer="E",
            sector="police",
            received_at=RECEIVED,
            actor=lado,
        )
    sweep()
    with CaptureQueriesContext(connection) as many:
        response = client.get(reverse(url))
    assert "Another" in response.content.decode()
    assert len(many.captured_queries) == len(one.captured_queries)
