"""The complaints pages: recording a complaint (found from the workspace), the complaint page
and its steps, the child's complaints, the open list, the trends and the themes; the access
log; the duties in the complaints manager's and the team's work; the learning actions in
their owner's work; and the lists' queries, the same for one complaint as for many."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.complaints import services
from kinfolk.complaints.models import Complaint, ComplaintResponse, ComplaintTheme, LearningAction
from kinfolk.complaints.tests.conftest import RECEIVED
from kinfolk.workforce.services import allocate_child

pytestmark = pytest.mark.django_db

D = dt.date


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def text(response) -> str:
    """The page's words, without its markup."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def page_of(complaint, name="complaints:complaint"):
    return reverse(name, args=[complaint.child_id, complaint.pk])


def test_the_complaints_manager_finds_the_child_then_records_a_complaint(
    complaints_manager, held_child, theme, team
):
    client = signed_in(complaints_manager)
    found = client.get(reverse("complaints:choose-child"), {"name": "Lily"})
    assert found.status_code == 200
    record_url = reverse("complaints:record", args=[held_child.pk])
    assert record_url in found.content.decode()
    form = client.get(record_url)
    assert form.status_code == 200
    assert "Record a complaint" in text(form)
    response = client.post(
        record_url,
        {
            **date_fields("received_on", RECEIVED),
            "complainant": "child",
            "complainant_name": "Lily Smith",
            "team": team.pk,
            "theme": theme.pk,
            "summary": "I was not told about my review.",
            "is_advocate_offered": "yes",
            **date_fields("advocate_offered_on", RECEIVED),
            "is_advocate_accepted": "yes",
            "advocate_name": "Ola Advocate",
        },
    )
    assert response.status_code == 302, text(response)
    saved = Complaint.objects.get()
    assert (saved.complainant, saved.advocate_name, saved.handled_by) == (
        "child",
        "Ola Advocate",
        complaints_manager,
    )
    assert response["Location"] == reverse("complaints:child-complaints", args=[held_child.pk])
    assert AccessRecord.objects.filter(
        child=held_child, action="change", what="Child record: complaint recorded"
    ).exists()


def test_a_child_complainant_must_be_asked_about_an_advocate(complaints_manager, held_child, theme):
    client = signed_in(complaints_manager)
    response = client.post(
        reverse("complaints:record", args=[held_child.pk]),
        {
            **date_fields("received_on", RECEIVED),
            "complainant": "child",
            "complainant_name": "Lily Smith",
            "theme": theme.pk,
            "summary": "I was not told.",
        },
    )
    assert response.status_code == 200
    assert "Say whether the child was offered an advocate" in text(response)
    assert not Complaint.objects.exists()


def test_a_social_worker_reads_the_child_complaints_but_cannot_record_one(social_worker, complaint):
    client = signed_in(social_worker)
    listing = client.get(reverse("complaints:child-complaints", args=[complaint.child_id]))
    assert listing.status_code == 200
    assert "Communication" in text(listing)
    assert "Record a complaint" not in text(listing)
    page = client.get(page_of(complaint))
    assert page.status_code == 200
    assert "Nobody told me the review had moved." in text(page)
    assert "Response due by 16 November 2026" in text(page)
    assert AccessRecord.objects.filter(
        child_id=complaint.child_id, what="Child record: complaint"
    ).exists()
    refused = client.get(reverse("complaints:record", args=[complaint.child_id]))
    assert refused.status_code == 403


def test_a_stage_is_extended_answered_and_escalated_on_its_pages(complaints_manager, complaint):
    client = signed_in(complaints_manager)
    extended = client.post(
        page_of(complaint, "complaints:extend"),
        {**date_fields("extended_on", D(2026, 11, 10)), "reason": "The worker is on leave"},
    )
    assert extended.status_code == 302, text(extended)
    assert "Response due by 30 November 2026" in text(client.get(page_of(complaint)))
    answered = client.post(
        page_of(complaint, "complaints:respond"),
        {
            **date_fields("responded_on", D(2026, 11, 20)),
            "outcome": "partly_upheld",
            "response": "We are sorry.",
        },
    )
    assert answered.status_code == 302, text(answered)
    escalated = client.post(
        page_of(complaint, "complaints:escalate"),
        {
            **date_fields("requested_on", D(2026, 11, 23)),
            "investigator": "Ivy Investigator",
            "independent_person": "Ian Independent",
        },
    )
    assert escalated.status_code == 302, text(escalated)
    page = text(client.get(page_of(complaint)))
    assert "Stage 2: investigation" in page
    assert "Ivy Investigator" in page
    # 25 working days after Monday 23 November 2026, past Christmas Day and Boxing Day
    # (a Saturday, observed on Monday 28 December): Wednesday 30 December.
    assert "Response due by 30 December 2026" in page


def test_an_invalid_response_shows_its_message_and_saves_nothing(complaints_manager, complaint):
    client = signed_in(complaints_manager)
    response = client.post(
        page_of(complaint, "complaints:respond"),
        {**date_fields("responded_on", D(2026, 10, 1)), "outcome": "upheld", "response": "R"},
    )
    assert response.status_code == 200
    assert "The response cannot be before 2 November 2026" in text(response)
    assert not ComplaintResponse.objects.exists()


def test_a_withdrawn_complaint_offers_no_step(complaints_manager, complaint):
    services.withdraw_complaint(complaint=complaint, withdrawn_on=D(2026, 11, 5), reason="Done")
    client = signed_in(complaints_manager)
    page = client.get(page_of(complaint, "complaints:respond"))
    assert "The complaint was withdrawn on 5 November 2026." in text(page)
    client.post(
        page_of(complaint, "complaints:respond"),
        {**date_fields("responded_on", D(2026, 11, 6)), "outcome": "upheld", "response": "R"},
    )
    assert not ComplaintResponse.objects.exists()


def test_the_owner_of_a_learning_action_marks_it_done_from_their_work(
    complaints_manager, social_worker, complaint, today
):
    client = signed_in(complaints_manager)
    added = client.post(
        page_of(complaint, "complaints:action-add"),
        {
            "text": "Tell families when a review moves",
            "owner": social_worker.pk,
            **date_fields("due_on", today),
        },
    )
    assert added.status_code == 302, text(added)
    action = LearningAction.objects.get()
    worker = signed_in(social_worker)
    work = text(worker.get(reverse("duties:my-work")))
    assert "Actions after a complaint that you own" in work
    assert "Tell families when a review moves" in work
    assert "Actions after a complaint that you own" in text(worker.get(reverse("home")))
    done_url = reverse("complaints:action-done", args=[complaint.child_id, complaint.pk, action.pk])
    response = worker.post(f"{done_url}?next=work", date_fields("done_on", today))
    assert response["Location"] == reverse("duties:my-work")
    assert LearningAction.objects.get().done_on == today


@pytest.mark.django_db(transaction=True)
def test_the_duty_is_in_the_complaints_manager_and_the_team_work_not_the_worker_s(
    complaints_manager, manager, social_worker, team, held_child, theme
):
    today = dt.date.today()
    services.record_complaint(
        child=held_child,
        received_on=today,
        complainant="parent",
        complainant_name="Dana Smith",
        team=team,
        theme=theme,
        summary="S",
        actor=complaints_manager,
    )
    title = "Respond to the complaint at stage 1"
    assert title in text(signed_in(complaints_manager).get(reverse("duties:my-work")))
    assert title in text(signed_in(manager).get(reverse("duties:team-work")))
    assert title not in text(signed_in(social_worker).get(reverse("duties:my-work")))


def test_the_workspace_lists_open_complaints_overdue_first(complaints_manager, complaint, today):
    services.record_complaint(
        child=complaint.child,
        received_on=today,
        complainant="carer",
        complainant_name="Cal Carer",
        theme=ComplaintTheme.objects.get(name="Placement"),
        summary="S",
    )
    home = text(signed_in(complaints_manager).get(reverse("home")))
    assert "Open complaints, overdue first" in home
    assert "1 open complaint is overdue." in home
    assert home.index("16 November 2026") < home.index("Placement")
    assert AccessRecord.objects.filter(child=complaint.child, action="list").exists()


def _complaints(count, child, theme, start=RECEIVED):
    for n in range(count):
        services.record_complaint(
            child=child,
            received_on=start + dt.timedelta(days=n % 20),
            complainant="parent",
            complainant_name=f"Parent {n}",
            theme=theme,
            summary="S",
        )


@pytest.mark.parametrize("name", ["complaints:list", "complaints:trends", "home"])
def test_the_lists_read_in_the_same_queries_for_one_complaint_as_for_many(
    complaints_manager, theme, name, social_worker
):
    children = [make_child(la_child_id=f"Q{n}", first_name=f"Q{n}") for n in range(6)]
    allocate_child(child=children[0], worker=social_worker, start_on=D(2026, 1, 5))
    client = signed_in(complaints_manager)
    _complaints(1, children[0], theme)
    client.get(reverse(name))
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse(name)).status_code == 200
    for child in children[1:]:
        _complaints(6, child, theme)
    with CaptureQueriesContext(connection) as many:
        assert client.get(reverse(name)).status_code == 200
    assert len(many) == len(one)


def test_the_list_pages_and_says_how_many_it_shows(complaints_manager, theme, held_child):
    _complaints(30, held_child, theme)
    client = signed_in(complaints_manager)
    first = text(client.get(reverse("complaints:list")))
    assert "Showing 25 of 30" in first
    second = text(client.get(reverse("complaints:list"), {"page": 2}))
    assert "Showing 5 of 30" in second
    staged = text(client.get(reverse("complaints:list"), {"stage": 2}))
    assert "Showing 0 of 0" in staged


def test_the_trends_count_by_theme_team_outcome_and_timeliness(
    complaints_manager, complaint, theme, today
):
    services.record_response(
        complaint=complaint, stage=1, responded_on=D(2026, 11, 13), outcome="upheld", response="R"
    )
    page = text(signed_in(complaints_manager).get(reverse("complaints:trends")))
    assert "Complaints received by theme" in page
    assert "Communication 0 0 0 1 1" in page
    assert "Assessment North 0 0 0 1 1" in page
    assert "Upheld 0 0 0 1 1" in page
    assert "100% 1 of 1" in page


def test_themes_are_added_and_retired(complaints_manager):
    client = signed_in(complaints_manager)
    assert "Staff conduct" in text(client.get(reverse("complaints:themes")))
    response = client.post(reverse("complaints:themes"), {"name": "Transport"})
    assert response.status_code == 302
    refused = client.post(reverse("complaints:themes"), {"name": "transport"})
    assert "The theme Transport is already on the list" in text(refused)
    theme = ComplaintTheme.objects.get(name="Transport")
    client.post(reverse("complaints:theme-retire", args=[theme.pk]))
    assert not ComplaintTheme.objects.get(pk=theme.pk).is_active
