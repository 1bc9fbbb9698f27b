"""Case notes in full: who was there, the child's views, links to a plan action and a meeting,
correction within 24 hours and addenda after, every version kept, text shown safely, the
notes list with its search, and a manager's search across the team's children."""

import datetime as dt
import json

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.casework.models import CaseNote, CaseNoteAddendum, PlanAction
from kinfolk.casework.note_search import search_notes
from kinfolk.casework.services import (
    add_case_note_addendum,
    correct_case_note,
    record_case_note,
)
from kinfolk.casework.tests.factories import PlanFactory
from kinfolk.casework.tests.pages import date_data, page
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.models import RecordChanged
from kinfolk.core.working_days import LONDON
from kinfolk.people.models import Adult, Relationship
from kinfolk.protection.models import CoreGroupMeeting
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import allocate_child, create_worker

pytestmark = pytest.mark.django_db

VISIT_AT = dt.datetime(2026, 9, 14, 16, 45, tzinfo=LONDON)


def note_for(child, actor, text="Visited the family at home.", **extra):
    return record_case_note(
        child=child, occurred_at=VISIT_AT, kind="home_visit", text=text, actor=actor, **extra
    )


@pytest.fixture
def mother(child):
    adult = Adult.objects.create(reference="A100", first_name="Grace", last_name="Smith")
    return Relationship.objects.create(
        child=child, other_adult=adult, kind="mother", lives_with=True
    )


@pytest.fixture
def action(child, social_worker):
    plan = PlanFactory(child=child)
    return PlanAction.objects.create(
        plan=plan, description="Weekly visits", owner=social_worker, due_on=dt.date(2026, 12, 1)
    )


def test_a_note_keeps_who_was_there_the_childs_views_and_its_plan_action(
    child, social_worker, mother, action
):
    note = note_for(
        child,
        social_worker,
        child_views="  Lily said she likes her new school.  ",
        present=[mother],
        professionals=[{"name": "Ann Lee", "role": "Head of year", "agency": "Northmoor Primary"}],
        plan_action=action,
    )
    assert note.child_views == "Lily said she likes her new school."
    assert list(note.present.all()) == [mother]
    assert [str(p) for p in note.professionals.all()] == [
        "Ann Lee, Head of year, Northmoor Primary"
    ]
    assert note.plan_action == action
    assert note.version == 1
    assert note.history.count() == 1


@pytest.mark.parametrize(
    ("extra", "field", "message"),
    [
        (
            {"professionals": [{"name": "Ann Lee", "agency": ""}]},
            "professionals",
            "Give each professional's name and their agency",
        ),
        (
            {"child_views": "x" * 50001},
            "child_views",
            "The child's views must be 50,000 characters or fewer",
        ),
    ],
)
def test_a_note_is_refused_with_its_field_and_nothing_written(
    child, social_worker, extra, field, message
):
    with pytest.raises(ValidationError) as refused:
        note_for(child, social_worker, **extra)
    assert refused.value.message_dict == {field: [message]}
    assert not CaseNote.objects.exists()
    assert not ChronologyEntry.objects.filter(kind="case_note").exists()


def test_another_childs_relationship_action_or_meeting_is_refused(
    child, social_worker, mother, action
):
    other = make_child(la_child_id="C2", first_name="Sam")
    with pytest.raises(ValidationError) as refused:
        note_for(other, social_worker, present=[mother])
    assert list(refused.value.message_dict) == ["present"]
    with pytest.raises(ValidationError) as refused:
        note_for(other, social_worker, plan_action=action)
    assert list(refused.value.message_dict) == ["plan_action"]
    meeting = CoreGroupMeeting.objects.create(
        child=child, plan=action.plan, held_on=dt.date(2026, 9, 1)
    )
    with pytest.raises(ValidationError) as refused:
        note_for(other, social_worker, meeting=meeting)
    assert list(refused.value.message_dict) == ["meeting"]
    assert not CaseNote.objects.exists()


def test_a_note_links_to_a_child_protection_meeting_through_the_form(worker_client, child, action):
    meeting = CoreGroupMeeting.objects.create(
        child=child, plan=action.plan, held_on=dt.date(2026, 9, 1)
    )
    form = worker_client.get(page("casework:case-note-create", child)).content.decode()
    assert "Core group meeting, 1 September 2026" in form
    key = f"{ContentType.objects.get_for_model(CoreGroupMeeting).pk}:{meeting.pk}"
    response = worker_client.post(
        page("casework:case-note-create", child),
        {
            "kind": "meeting",
            **date_data("occurred_on", dt.date(2026, 9, 1)),
            "occurred_time": "10:00",
            "text": "Core group met.",
            "meeting": key,
        },
    )
    assert response.status_code == 302
    note = CaseNote.objects.get()
    assert note.meeting == meeting
    detail = worker_client.get(reverse("casework:case-note", args=[child.pk, note.pk]))
    assert "Core group meeting, 1 September 2026" in detail.content.decode()
    wrong = worker_client.post(
        page("casework:case-note-create", child),
        {
            "kind": "meeting",
            **date_data("occurred_on", dt.date(2026, 9, 1)),
            "occurred_time": "10:00",
            "text": "Another.",
            "meeting": f"{ContentType.objects.get_for_model(CaseNote).pk}:{note.pk}",
        },
    )
    assert wrong.status_code == 200 and CaseNote.objects.count() == 1


def test_the_page_records_family_and_professionals_present(worker_client, child, mother):
    response = worker_client.post(
        page("casework:case-note-create", child),
        {
            "kind": "home_visit",
            **date_data("occurred_on", dt.date(2026, 9, 14)),
            "occurred_time": "16:45",
            "present": [str(mother.pk)],
            "professional_1_name": "Ann Lee",
            "professional_1_role": "Health visitor",
            "professional_1_agency": "Wigan NHS",
            "professional_2_name": "Tom Pike",
            "text": "Saw Lily with her mother.",
            "child_views": "Lily said she was happy.",
        },
    )
    assert response.status_code == 200
    assert "Enter the agency of professional 2" in response.content.decode()
    assert not CaseNote.objects.exists()


def test_the_writer_corrects_a_note_within_24_hours_and_every_version_is_kept(child, social_worker):
    note = note_for(child, social_worker, text="Visited on Monday.")
    corrected = correct_case_note(
        note=note,
        occurred_at=VISIT_AT,
        kind="home_visit",
        text="Visited on Tuesday.",
        child_views="Lily was quiet.",
        is_significant=True,
        actor=social_worker,
        version=1,
    )
    assert (corrected.text, corrected.version) == ("Visited on Tuesday.", 2)
    assert [h.text for h in corrected.history.order_by("history_date")] == [
        "Visited on Monday.",
        "Visited on Tuesday.",
    ]
    entry = ChronologyEntry.objects.get(kind="case_note")
    assert (entry.detail, entry.is_significant) == ("Visited on Tuesday.", True)
    with pytest.raises(RecordChanged):
        correct_case_note(
            note=note,
            occurred_at=VISIT_AT,
            kind="home_visit",
            text="A stale change",
            actor=social_worker,
            version=1,
        )


def test_after_24_hours_or_by_someone_else_only_an_addendum(child, social_worker, team):
    note = note_for(child, social_worker, text="Visited on Monday.")
    colleague = create_worker(
        username="W0077", display_name="Ada Wren", role=Role.SOCIAL_WORKER, team=team
    )
    kwargs = {"occurred_at": VISIT_AT, "kind": "home_visit", "text": "Changed"}
    with pytest.raises(ValidationError, match="Only the person who wrote this note"):
        correct_case_note(note=note, actor=colleague, **kwargs)
    CaseNote.objects.filter(pk=note.pk).update(
        recorded_at=timezone.now() - dt.timedelta(hours=24, minutes=1)
    )
    with pytest.raises(ValidationError, match="more than 24 hours ago"):
        correct_case_note(note=note, actor=social_worker, **kwargs)
    assert CaseNote.objects.get().text == "Visited on Monday."
    imported = note_for(child, None, author=social_worker, is_imported=True)
    with pytest.raises(ValidationError, match="brought in from another system"):
        correct_case_note(note=imported, actor=social_worker, **kwargs)
    addendum = add_case_note_addendum(note=note, text=" It was Tuesday. ", actor=colleague)
    assert (addendum.text, addendum.added_by) == ("It was Tuesday.", colleague)
    assert CaseNote.objects.get(pk=note.pk).text == "Visited on Monday."


def test_the_correction_page_is_refused_after_24_hours(worker_client, child, social_worker):
    note = note_for(child, social_worker)
    url = page("casework:case-note-correct", child, f"?note={note.pk}")
    assert "Visited the family at home." in worker_client.get(url).content.decode()
    CaseNote.objects.filter(pk=note.pk).update(recorded_at=timezone.now() - dt.timedelta(days=2))
    html = worker_client.get(url).content.decode()
    assert "can no longer be corrected. Add an addendum instead." in html
    response = worker_client.post(
        url,
        {
            "kind": "email",
            **date_data("occurred_on", dt.date(2026, 9, 14)),
            "occurred_time": "10:00",
            "text": "Changed",
        },
    )
    assert response.status_code == 200
    assert CaseNote.objects.get().text == "Visited the family at home."


def test_the_addendum_page_adds_one(worker_client, child, social_worker):
    note = note_for(child, social_worker)
    response = worker_client.post(
        page("casework:case-note-addendum", child, f"?note={note.pk}"),
        {"text": "Mother phoned later to say thank you."},
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("casework:case-note", args=[child.pk, note.pk])
    assert CaseNoteAddendum.objects.get().text == "Mother phoned later to say thank you."
    detail = worker_client.get(response["Location"]).content.decode()
    assert "Mother phoned later to say thank you." in detail


def test_text_is_escaped_and_kept_in_paragraphs(worker_client, child, social_worker):
    note = note_for(
        child,
        social_worker,
        text="<script>alert('x')</script> first\n\nsecond <b>bold</b>",
        child_views="<img src=x onerror=alert(1)>",
    )
    for url in (
        reverse("casework:case-note", args=[child.pk, note.pk]),
        page("casework:case-notes", child),
        page("casework:child-casework", child),
    ):
        html = worker_client.get(url).content.decode()
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<p>&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; first</p>" in html
        assert "<p>second &lt;b&gt;bold&lt;/b&gt;</p>" in html


def test_search_finds_a_note_by_a_word_of_its_text_views_or_addenda(child, social_worker):
    school = note_for(child, social_worker, text="Talked about the new school.")
    views = note_for(child, social_worker, text="Home visit.", child_views="Misses her dog.")
    later = note_for(child, social_worker, text="Phone call.")
    add_case_note_addendum(note=later, text="Grandmother will help with dog walking.")
    notes = CaseNote.objects.filter(child=child)
    assert list(search_notes(notes, "SCHOOL")) == [school]
    assert set(search_notes(notes, "dog")) == {views, later}
    assert list(search_notes(notes, "dog grandmother")) == [later]
    assert not search_notes(notes, "hospital").exists()
    assert search_notes(notes, "  ").count() == 3


def test_the_list_shows_newest_first_and_searches(worker_client, child, social_worker):
    note_for(child, social_worker, text="Talked about the new school.")
    record_case_note(
        child=child,
        occurred_at=VISIT_AT + dt.timedelta(days=1),
        kind="phone_call",
        text="Called the GP.",
        actor=social_worker,
    )
    html = worker_client.get(page("casework:case-notes", child)).content.decode()
    assert html.index("Called the GP.") < html.index("Talked about the new school.")
    found = worker_client.get(page("casework:case-notes", child, "?q=school")).content.decode()
    assert "1 note found for \u2018school\u2019" in found
    assert "Talked about the new school." in found and "Called the GP." not in found
    assert AccessRecord.objects.filter(
        child=child, what="Child record: case notes", action="view"
    ).exists()


def _list_queries(client, child) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(page("casework:case-notes", child)).status_code == 200
    return len(queries)


def test_the_list_reads_the_same_number_of_queries_for_1_or_20_notes(
    worker_client, child, social_worker, mother
):
    def busy_note(text):
        note = note_for(
            child,
            social_worker,
            text=text,
            present=[mother],
            professionals=[{"name": "Ann Lee", "agency": "School"}],
        )
        add_case_note_addendum(note=note, text="More", actor=social_worker)

    busy_note("The first note.")
    _list_queries(worker_client, child)  # warm the caches of the first request
    one = _list_queries(worker_client, child)
    for n in range(19):
        busy_note(f"Note {n}.")
    assert _list_queries(worker_client, child) == one


def test_the_detail_page_shows_earlier_versions(worker_client, child, social_worker):
    note = note_for(child, social_worker, text="Visited on Monday.")
    correct_case_note(
        note=note,
        occurred_at=VISIT_AT,
        kind="home_visit",
        text="Visited on Tuesday.",
        actor=social_worker,
        version=1,
    )
    html = worker_client.get(reverse("casework:case-note", args=[child.pk, note.pk])).content
    html = html.decode()
    assert "Visited on Tuesday." in html
    assert "Version saved" in html and "Visited on Monday." in html
    other = make_child(la_child_id="C9")
    assert (
        worker_client.get(reverse("casework:case-note", args=[other.pk, note.pk])).status_code
        == 404
    )


def test_a_manager_searches_the_notes_of_their_teams_children_and_it_is_logged(
    manager, social_worker, other_social_worker, child
):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    elsewhere = make_child(la_child_id="C7", first_name="Ben")
    allocate_child(child=elsewhere, worker=other_social_worker, start_on=dt.date(2025, 1, 6))
    note_for(child, social_worker, text="Lily talked about football practice.")
    note_for(elsewhere, other_social_worker, text="Ben talked about football too.")
    url = reverse("casework:team-note-search") + "?q=football"
    html = signed_in(manager).get(url).content.decode()
    assert "Lily talked about football practice." in html
    assert "Ben talked about football" not in html
    listed = AccessRecord.objects.filter(action="list", what="Case note search")
    assert [r.child for r in listed] == [child]
    assert signed_in(social_worker).get(url).status_code == 403


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_on_postgresql_search_is_full_text_with_stemming(child, social_worker):
    visits = note_for(child, social_worker, text="She visited her grandmother's allotments.")
    call = note_for(child, social_worker, text="Phone call about school.")
    notes = CaseNote.objects.filter(child=child)
    assert list(search_notes(notes, "visiting allotment")) == [visits]
    assert list(search_notes(notes, '"phone call" -hospital')) == [call]
    assert not search_notes(notes, "visited -allotments").exists()


def _correction(note, text, versions):
    return {
        "kind": "home_visit",
        **date_data("occurred_on", dt.date(2026, 9, 14)),
        "occurred_time": "16:45",
        "text": text,
        "opened_versions": json.dumps(versions),
    }


def test_the_correction_page_saves_and_refuses_a_stale_form_with_the_conflict_page(
    worker_client, child, social_worker
):
    note = note_for(child, social_worker, text="Visited on Monday.")
    url = page("casework:case-note-correct", child, f"?note={note.pk}")
    saved = worker_client.post(url, _correction(note, "Visited on Tuesday.", {note.pk: 1}))
    assert saved.status_code == 302
    assert saved["Location"] == reverse("casework:case-note", args=[child.pk, note.pk])
    stale = worker_client.post(url, _correction(note, "Visited on Wednesday.", {note.pk: 1}))
    assert stale.status_code == 409
    assert "Visited on Wednesday." in stale.content.decode()
    note.refresh_from_db()
    assert (note.text, note.version) == ("Visited on Tuesday.", 2)
    assert AccessRecord.objects.filter(
        child=child, what="Child record: case note corrected", action="change"
    ).exists()


def test_a_head_of_service_searches_every_child_they_may_see(
    head_of_service, social_worker, other_social_worker, child
):
    elsewhere = make_child(la_child_id="C7", first_name="Ben")
    allocate_child(child=elsewhere, worker=other_social_worker, start_on=dt.date(2025, 1, 6))
    note_for(child, social_worker, text="Lily talked about swimming.")
    note_for(elsewhere, other_social_worker, text="Ben talked about swimming too.")
    url = reverse("casework:team-note-search") + "?q=swimming"
    html = signed_in(head_of_service).get(url).content.decode()
    assert "Lily talked about swimming." in html and "Ben talked about swimming too." in html
