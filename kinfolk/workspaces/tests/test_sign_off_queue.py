"""The one sign-off queue (docs/sign-off.md): every kind of work that waits for a manager,
a screening decision returned, answered and agreed, and a contact's urgency and deadline."""

import datetime as dt
from dataclasses import replace

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.registry import sign_off_kinds
from kinfolk.frontdoor.models import Contact, ScreeningDecision
from kinfolk.frontdoor.services import (
    answer_screening_return,
    return_screening,
    set_contact_urgency,
    sign_off_screening,
)
from kinfolk.workforce.choices import Role
from kinfolk.workspaces.sign_off import returned_to, waiting_for
from kinfolk.workspaces.tests import scenario
from kinfolk.workspaces.tests.scenario import staff

pytestmark = pytest.mark.django_db


def _decision(young) -> ScreeningDecision:
    return ScreeningDecision.objects.get(contact__child=young)


def _queue(user, **query) -> list:
    response = signed_in(user).get(reverse("sign-off-queue"), query)
    assert response.status_code == 200
    return [row.item for row in response.context["rows"]]


def test_the_queue_holds_every_kind_oldest_first(manager, social_worker):
    assessed = scenario.with_assessment("Noah", "Jones", social_worker, started_ago=30)
    placed = scenario.in_care("Mia", "Clark", social_worker, since_ago=20, is_registered=False)
    decided = scenario.child("Ava", "Brown")
    scenario.awaiting_sign_off(decided, decided_by=social_worker, hours_ago=30)
    items = _queue(manager)
    assert [(item.kind, item.child) for item in items] == [
        ("assessment", assessed),
        ("placement", placed),
        ("screening", decided),
    ]
    assert items[2].submitted_by == social_worker.display_name
    assert [item.child for item in _queue(manager, kind="placement")] == [placed]
    html = signed_in(manager).get(reverse("sign-off-queue")).content.decode()
    assert reverse("casework:assessment-authorise", args=[assessed.pk]) in html
    assert reverse("frontdoor:sign-off", args=[_decision(decided).pk]) in html
    assert "30 days" in html


def test_a_team_manager_sees_their_teams_work_and_a_head_of_service_all(
    manager, social_worker, other_social_worker, head_of_service
):
    ours = scenario.with_assessment("Noah", "Jones", social_worker)
    theirs = scenario.with_assessment("Zofia", "Nowak", other_social_worker)
    unheld = scenario.child("Leo", "Grant")
    scenario.awaiting_sign_off(unheld, decided_by=social_worker)
    assert {item.child for item in _queue(manager)} == {ours, unheld}
    assert {item.child for item in _queue(head_of_service)} == {ours, theirs, unheld}
    refused = signed_in(social_worker).get(reverse("sign-off-queue"))
    assert refused.status_code == 403


def test_imported_work_does_not_wait(manager, social_worker):
    young = scenario.child("Ava", "Brown")
    contact = Contact.objects.create(
        child=young, received_at=timezone.now() - dt.timedelta(days=2), source="1B"
    )
    ScreeningDecision.objects.create(
        contact=contact,
        decided_at=timezone.now() - dt.timedelta(days=1),
        outcome="nfa",
        rationale="Imported",
        is_imported=True,
    )
    assert waiting_for(manager) == []


def test_the_queue_reads_a_fixed_number_of_queries_and_logs_each_child_listed(
    manager, social_worker
):
    def add(n: int, offset: int) -> None:
        for i in range(n):
            scenario.with_assessment(f"Ann{offset + i}", "Able", social_worker)
            scenario.in_care(f"Ben{offset + i}", "Best", social_worker, is_registered=False)
            decided = scenario.child(f"Cat{offset + i}", "Cole")
            scenario.awaiting_sign_off(decided, decided_by=social_worker)

    client = signed_in(manager)
    counts = []
    for n, offset in ((1, 0), (5, 100)):
        add(n, offset)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("sign-off-queue"))
        counts.append(len(queries))
    assert len(response.context["rows"]) == 18
    assert counts[0] == counts[1], counts
    listed = AccessRecord.objects.filter(user=manager, what="Sign-off queue")
    assert listed.values("child").distinct().count() == 18


def test_the_queue_shows_25_to_a_page_and_reads_only_those_whole(
    manager, social_worker, monkeypatch
):
    for i in range(27):
        scenario.awaiting_sign_off(scenario.child(f"Kit{i}", "Lane"), decided_by=social_worker)
    kind = sign_off_kinds["screening"]
    asked: list[list[int]] = []

    def items(viewer, pks):
        asked.append(sorted(pks))
        return kind.items(viewer, pks)

    monkeypatch.setitem(sign_off_kinds._entries, "screening", replace(kind, items=items))
    first, second = _queue(manager), _queue(manager, page=2)
    assert (len(first), len(second)) == (25, 2)
    assert [len(pks) for pks in asked] == [25, 2]
    assert {item.pk for item in first}.isdisjoint(item.pk for item in second)
    # Oldest first across the pages: the first page's last waited longer than the second's.
    assert first[-1].waiting_since <= second[0].waiting_since


def test_a_decision_returned_is_answered_by_the_worker_and_then_agreed(manager, head_of_service):
    screener = staff("screener", Role.FRONTDOOR, name="Sol Screener")
    young = scenario.child("Ava", "Brown")
    scenario.awaiting_sign_off(young, decided_by=screener)
    decision = _decision(young)
    with pytest.raises(ValidationError, match="reasons for returning"):
        return_screening(decision=decision, manager=manager, reasons=" ")
    return_screening(
        decision=decision, manager=manager, reasons="Third domestic abuse notice: not NFA."
    )
    decision.refresh_from_db()
    assert decision.is_returned and not decision.is_awaiting_sign_off
    assert waiting_for(manager) == []
    returned = returned_to(screener)
    assert [(item.child, item.returned_reasons) for item in returned] == [
        (young, "Third domestic abuse notice: not NFA.")
    ]
    with pytest.raises(ValidationError, match="with its worker"):
        sign_off_screening(decision=decision, manager=manager, rationale="Agreed")
    with pytest.raises(ValidationError, match="answer"):
        answer_screening_return(
            decision=decision, response="", outcome="early_help", urgency="same_day", actor=screener
        )
    answer_screening_return(
        decision=decision,
        response="Agreed: early help, with a family support worker this week.",
        outcome="early_help",
        urgency="same_day",
        actor=screener,
    )
    decision.refresh_from_db()
    assert (decision.outcome, decision.urgency, decision.return_state) == (
        "early_help",
        "same_day",
        "answered",
    )
    assert returned_to(screener) == []
    [item] = waiting_for(manager)
    assert item.is_answered and item.answer.startswith("Agreed: early help")
    sign_off_screening(decision=decision, manager=manager, rationale="Early help is right.")
    decision.refresh_from_db()
    assert decision.signed_off_by == manager
    summaries = list(
        ChronologyEntry.objects.filter(child=young, kind="screening")
        .order_by("pk")
        .values_list("summary", flat=True)
    )
    assert summaries[1:] == [
        "Screening decision returned to the worker",
        "Returned screening decision answered and changed: early help, the same day",
        "Screening decision signed off",
    ]
    [kept] = decision.returns.all()
    assert (kept.returned_by, kept.outcome_before, kept.answered_by) == (manager, "nfa", screener)


def test_nobody_returns_their_own_decision(manager):
    young = scenario.child("Ava", "Brown")
    scenario.awaiting_sign_off(young, decided_by=manager)
    with pytest.raises(ValidationError, match="Another manager"):
        return_screening(decision=_decision(young), manager=manager, reasons="Look again")


def test_returning_and_answering_through_the_pages(manager):
    screener = staff("screener", Role.FRONTDOOR, name="Sol Screener")
    young = scenario.child("Ava", "Brown")
    scenario.awaiting_sign_off(young, decided_by=screener)
    decision = _decision(young)
    url = reverse("frontdoor:sign-off", args=[decision.pk])
    response = signed_in(manager).post(
        url,
        {
            "choice": "return",
            "rationale": "What did the school say?",
            "urgency": "immediate",
            "respond_by_on_day": "",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    contact = decision.contact
    contact.refresh_from_db()
    assert contact.urgency == "immediate"
    answer = reverse("frontdoor:screening-answer", args=[young.pk, decision.pk])
    page = signed_in(screener).get(answer)
    assert "What did the school say?" in page.content.decode()
    screen_page = signed_in(screener).get(
        reverse("frontdoor:contact-screen", args=[young.pk, contact.pk])
    )
    assert answer in screen_page.content.decode()
    response = signed_in(screener).post(
        answer, {"response": "The school has no concerns.", "outcome": "nfa", "urgency": "standard"}
    )
    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.return_state == "answered"
    html = signed_in(manager).get(reverse("sign-off-queue")).content.decode()
    assert "Answered</strong>" in html


def test_the_workspaces_show_the_queue_and_what_is_returned(manager, social_worker):
    young = scenario.child("Ava", "Brown")
    scenario.awaiting_sign_off(young, decided_by=social_worker)
    html = signed_in(manager).get(reverse("home")).content.decode()
    assert "1 item waits for your sign-off" in html
    assert reverse("sign-off-queue") in html
    return_screening(decision=_decision(young), manager=manager, reasons="Look at the history")
    html = signed_in(social_worker).get(reverse("home")).content.decode()
    assert "Returned to you" in html
    assert "Look at the history" in html


def test_a_manager_sets_a_contacts_urgency_and_deadline(manager):
    young = scenario.child("Ava", "Brown")
    later = scenario.child("Noah", "Jones")
    scenario.contact_waiting(young, hours_ago=30)
    scenario.contact_waiting(later, hours_ago=3)
    contact = Contact.objects.get(child=later)
    with pytest.raises(ValidationError, match="before the contact was received"):
        set_contact_urgency(
            contact=contact,
            urgency="immediate",
            respond_by=contact.received_at - dt.timedelta(hours=1),
            actor=manager,
        )
    url = reverse("frontdoor:contact-urgency", args=[later.pk, contact.pk])
    deadline = timezone.localtime(timezone.now() - dt.timedelta(hours=1))
    response = signed_in(manager).post(
        url,
        {
            "urgency": "immediate",
            "respond_by_on_day": str(deadline.day),
            "respond_by_on_month": str(deadline.month),
            "respond_by_on_year": str(deadline.year),
            "respond_by_time": f"{deadline:%H:%M}",
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    contact.refresh_from_db()
    assert (contact.urgency, contact.urgency_set_by) == ("immediate", manager)
    assert contact.respond_by == deadline.replace(second=0, microsecond=0)
    assert ChronologyEntry.objects.filter(
        child=later, summary="Urgency of the contact set by a manager"
    ).exists()
    queue = signed_in(manager).get(reverse("frontdoor:queue"))
    assert [entry.contact.child for entry in queue.context["entries"]] == [later, young]
    assert "Past the deadline" in queue.content.decode()
