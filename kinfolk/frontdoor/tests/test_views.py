"""The front-door pages, as anonymous, as the wrong role and as the right role. All data is
synthetic."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, assessed, make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.casework.services import close_episode, open_referral, start_child_in_need_plan
from kinfolk.casework.tests.factories import PlanFactory
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.working_days import LONDON, working_days_between
from kinfolk.frontdoor.history import History
from kinfolk.frontdoor.models import Contact, EarlyHelpEpisode, ScreeningDecision
from kinfolk.frontdoor.services import record_contact, screen_contact, start_early_help
from kinfolk.people.restrictions import restrict_record
from kinfolk.people.services import relate
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker

pytestmark = pytest.mark.django_db


@pytest.fixture
def hub_worker(team):
    return create_worker(
        username="fay_frontdoor",
        display_name="Fay Frontdoor",
        role=Role.FRONTDOOR,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )


@pytest.fixture
def hub_client(hub_worker):
    return signed_in(hub_worker)


@pytest.fixture
def other_manager(team):
    return create_worker(
        username="max_manager",
        display_name="Max Manager",
        role=Role.TEAM_MANAGER,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )


def _contact(child, *, hours_ago: float = 3, is_domestic_abuse: bool = False, **extra) -> Contact:
    return record_contact(
        child=child,
        received_at=timezone.now() - dt.timedelta(hours=hours_ago),
        source=extra.pop("source", "6"),
        concern=extra.pop("concern", "Police attended a domestic incident at the home."),
        is_domestic_abuse=is_domestic_abuse,
        **extra,
    )


def _screen(contact, *, outcome="nfa", by=None, **extra) -> ScreeningDecision:
    return screen_contact(
        contact=contact,
        decided_at=timezone.now(),
        outcome=outcome,
        urgency="standard",
        rationale="No role for social care; universal services are involved.",
        decided_by=by,
        **extra,
    )


def _all_urls(child, contact, decision) -> list[str]:
    return [
        reverse("frontdoor:queue"),
        reverse("frontdoor:find-child"),
        reverse("frontdoor:contact-create", args=[child.pk]),
        reverse("frontdoor:contact-screen", args=[child.pk, contact.pk]),
        reverse("frontdoor:contact-screen", args=[child.pk]),
        reverse("sign-off-queue"),
        reverse("frontdoor:sign-off", args=[decision.pk]),
        reverse("frontdoor:contact-urgency", args=[child.pk, contact.pk]),
        reverse("frontdoor:early-help-start", args=[child.pk]),
        reverse("frontdoor:early-help-end", args=[child.pk]),
    ]


# Anonymous, wrong role, right role


def test_anonymous_people_are_sent_to_sign_in_from_every_page(client, child, social_worker):
    contact = _contact(child)
    decision = _screen(_contact(child, hours_ago=5), by=social_worker)
    for url in _all_urls(child, contact, decision):
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"] == f"{reverse('login')}?next={url}"


def test_front_door_pages_open_for_a_front_door_worker(hub_client, child, social_worker):
    contact = _contact(child)
    decision = _screen(_contact(child, hours_ago=5), by=social_worker)
    managers_only = {
        reverse("sign-off-queue"),
        reverse("frontdoor:sign-off", args=[decision.pk]),
        reverse("frontdoor:contact-urgency", args=[child.pk, contact.pk]),
    }
    for url in _all_urls(child, contact, decision):
        expected = 403 if url in managers_only else 200
        assert hub_client.get(url).status_code == expected, url


def test_every_page_opens_for_a_manager(manager_client, child, social_worker):
    contact = _contact(child)
    decision = _screen(_contact(child, hours_ago=5), by=social_worker)
    for url in _all_urls(child, contact, decision):
        assert manager_client.get(url).status_code == 200, url


# The hub queue


def test_the_queue_lists_unscreened_contacts_oldest_first(hub_client, child, social_worker):
    noah = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    newest = _contact(child, hours_ago=2)
    oldest = _contact(noah, hours_ago=30, is_domestic_abuse=True)
    middle = _contact(child, hours_ago=10, source="2A")
    _screen(_contact(noah, hours_ago=40), by=social_worker)
    response = hub_client.get(reverse("frontdoor:queue"))
    entries = response.context["entries"]
    assert [entry.contact for entry in entries] == [oldest, middle, newest]
    html = response.content.decode()
    assert "3 contacts waiting" in html
    assert reverse("frontdoor:contact-screen", args=[noah.pk, oldest.pk]) in html
    assert html.count("Domestic abuse notice</strong>") == 1
    assert reverse("frontdoor:find-child") in html


def test_the_queue_shows_how_long_each_contact_has_waited(hub_client, child):
    received_at = timezone.now() - dt.timedelta(hours=50, minutes=30)
    record_contact(child=child, received_at=received_at, source="6")
    [entry] = hub_client.get(reverse("frontdoor:queue")).context["entries"]
    days = working_days_between(timezone.localtime(received_at).date(), timezone.localdate())
    assert (entry.waiting.working_days, entry.waiting.hours) == (days, 50)


def test_the_queue_shows_the_history_of_the_child_and_household(hub_client, child, social_worker):
    sibling = make_child(la_child_id="C2", first_name="Sam", date_of_birth=dt.date(2018, 2, 14))
    cousin = make_child(la_child_id="C3", first_name="Ava", last_name="Jones")
    relate(child=child, other_child=sibling, kind="sibling", lives_with=True)
    relate(child=child, other_child=cousin, kind="other", lives_with=False)
    _screen(_contact(child, hours_ago=24 * 400, is_domestic_abuse=True), by=social_worker)
    _screen(_contact(child, hours_ago=24 * 200), by=social_worker)
    open_referral(child=child, referral_on=dt.date(2024, 1, 8), source="6")
    close_episode(child=child, closed_on=dt.date(2024, 3, 1), reason="RC8")
    open_referral(child=child, referral_on=dt.date(2024, 9, 2), source="6")
    assessed(child, dt.date(2024, 9, 20))
    start_child_in_need_plan(child=child, start_on=dt.date(2024, 10, 1), contingency="Review")
    _contact(sibling, hours_ago=24 * 100, is_domestic_abuse=True)
    _contact(sibling, hours_ago=24 * 50, is_domestic_abuse=True)
    sibling_episode = open_referral(child=sibling, referral_on=dt.date(2023, 5, 1), source="3A")
    PlanFactory(
        child=sibling,
        episode=sibling_episode,
        kind="cp",
        start_on=dt.date(2023, 6, 1),
        end_on=dt.date(2023, 12, 1),
    )
    _contact(cousin, hours_ago=24 * 10, is_domestic_abuse=True)
    start_early_help(child=sibling, start_on=dt.date(2025, 1, 6), reason="Step-down")
    contact = _contact(child, hours_ago=1, is_domestic_abuse=True)
    later = _contact(child, hours_ago=0.5)

    entries = hub_client.get(reverse("frontdoor:queue")).context["entries"]
    # The sibling's two contacts are still waiting, so they are in the queue too.
    entry = next(e for e in entries if e.contact == contact)
    assert entry.child == History(
        contacts=2,
        domestic_abuse_notices=1,
        referrals=2,
        re_referrals=1,
        current_plans=["Child in need plan"],
        past_plans=0,
        past_child_protection_plans=0,
        early_help_episodes=0,
        is_in_early_help=False,
    )
    assert entry.household == History(
        contacts=2,
        domestic_abuse_notices=2,
        referrals=1,
        re_referrals=0,
        current_plans=[],
        past_plans=1,
        past_child_protection_plans=1,
        early_help_episodes=1,
        is_in_early_help=True,
    )
    assert entry.household_children == [sibling]
    assert entry.is_repeat_domestic_abuse is True
    later_entry = next(e for e in entries if e.contact == later)
    assert (later_entry.child.contacts, later_entry.child.domestic_abuse_notices) == (3, 2)
    assert later_entry.is_repeat_domestic_abuse is False
    html = hub_client.get(reverse("frontdoor:queue")).content.decode()
    assert "Repeat domestic abuse" in html
    assert "1 re-referral" in html
    assert "Child in need plan now" in html


def test_the_domestic_abuse_view_shows_only_notices(hub_client, child):
    notice = _contact(child, hours_ago=8, is_domestic_abuse=True)
    _contact(child, hours_ago=4)
    response = hub_client.get(reverse("frontdoor:queue"), {"show": "domestic-abuse"})
    assert [entry.contact for entry in response.context["entries"]] == [notice]
    assert "1 domestic abuse notice waiting" in response.content.decode()


def test_the_queue_never_shows_a_restricted_child_to_others(
    hub_client, hub_worker, child, manager, social_worker
):
    sibling = make_child(la_child_id="C2", first_name="Sam", date_of_birth=dt.date(2018, 2, 14))
    relate(child=sibling, other_child=child, kind="sibling", lives_with=True)
    restricted_contact = _contact(child, hours_ago=6, is_domestic_abuse=True)
    sibling_contact = _contact(sibling, hours_ago=2)
    restrict_record(child=child, users=[manager], actor=manager, reason="Staff relative")

    response = hub_client.get(reverse("frontdoor:queue"))
    [entry] = response.context["entries"]
    assert entry.contact == sibling_contact
    assert (entry.household_children, entry.household) == ([], History())
    html = response.content.decode()
    assert "Lily" not in html
    assert not AccessRecord.objects.filter(user=hub_worker, child=child).exists()

    named = signed_in(manager).get(reverse("frontdoor:queue")).context["entries"]
    assert [e.contact for e in named] == [restricted_contact, sibling_contact]
    assert named[1].household_children == [child]
    assert named[1].household.domestic_abuse_notices == 1


def test_the_queue_writes_a_listing_record_for_each_child(hub_client, hub_worker, child):
    _contact(child, hours_ago=6)
    _contact(child, hours_ago=2)
    hub_client.get(reverse("frontdoor:queue"))
    record = AccessRecord.objects.get(user=hub_worker)
    assert (record.child, record.action, record.what) == (
        child,
        "list",
        "Front door: contacts waiting to be screened",
    )


def _queue_of(size: int, *, offset: int) -> None:
    for n in range(size):
        child = make_child(la_child_id=f"Q{offset + n}", first_name=f"Kit{offset + n}")
        sibling = make_child(la_child_id=f"S{offset + n}", first_name=f"Sib{offset + n}")
        relate(child=child, other_child=sibling, kind="sibling", lives_with=True)
        open_referral(child=sibling, referral_on=dt.date(2024, 9, 2), source="6")
        assessed(sibling, dt.date(2024, 9, 20))
        start_child_in_need_plan(child=sibling, start_on=dt.date(2024, 10, 1), contingency="x")
        start_early_help(child=child, start_on=dt.date(2025, 1, 6), reason="Step-down")
        _contact(sibling, hours_ago=48, is_domestic_abuse=True)
        _contact(child, hours_ago=n + 1, is_domestic_abuse=n % 2 == 0)


def test_the_queue_does_not_make_a_query_per_contact(hub_worker):
    client = signed_in(hub_worker)
    counts = []
    for size, offset in ((2, 0), (20, 100)):
        Contact.objects.all().delete()
        _queue_of(size, offset=offset)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(reverse("frontdoor:queue"))
        assert len(response.context["entries"]) == size * 2
        counts.append(len(queries))
    assert counts[0] == counts[1]


# Recording a contact


def _contact_form(**overrides) -> dict[str, str]:
    today = timezone.localdate() - dt.timedelta(days=1)
    data = {
        "received_on_day": str(today.day),
        "received_on_month": str(today.month),
        "received_on_year": str(today.year),
        "received_time": "23:40",
        "source": "6",
        "contact_person": "PC Ali Khan, police",
        "reference": "DA-0042",
        "concern": "Police called to an argument between the adults; Lily was present.",
        "is_domestic_abuse": "on",
    }
    data.update(overrides)
    return data


def test_recording_a_contact_through_the_page(hub_client, hub_worker, child):
    url = reverse("frontdoor:contact-create", args=[child.pk])
    page = hub_client.get(url)
    assert page.context["form"]["received_on"].value() == timezone.localdate()
    response = hub_client.post(url, _contact_form())
    assert response.status_code == 302
    assert response["Location"] == reverse("frontdoor:queue")
    contact = Contact.objects.get()
    yesterday = timezone.localdate() - dt.timedelta(days=1)
    assert (
        contact.child,
        contact.received_at,
        contact.source,
        contact.contact_person,
        contact.reference,
        contact.concern,
        contact.is_domestic_abuse,
        contact.recorded_by,
    ) == (
        child,
        dt.datetime.combine(yesterday, dt.time(23, 40), tzinfo=LONDON),
        "6",
        "PC Ali Khan, police",
        "DA-0042",
        "Police called to an argument between the adults; Lily was present.",
        True,
        hub_worker,
    )
    entry = ChronologyEntry.objects.get(child=child, kind="contact")
    assert (entry.summary, entry.occurred_on) == ("Contact from Police", yesterday)
    assert AccessRecord.objects.get(user=hub_worker, path=url, action="change").child == child


def test_a_contact_needs_a_real_time_and_a_source(hub_client, child):
    url = reverse("frontdoor:contact-create", args=[child.pk])
    response = hub_client.post(url, _contact_form(received_time="25:10", source=""))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["received_time"] == ["Enter a real time, for example 14:30"]
    assert errors["source"] == ["Choose where the contact came from"]
    html = response.content.decode()
    assert 'id="id_received_time-error"' in html
    assert Contact.objects.count() == 0


def test_a_contact_cannot_be_received_in_the_future(hub_client, child):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    data = _contact_form(
        received_on_day=str(tomorrow.day),
        received_on_month=str(tomorrow.month),
        received_on_year=str(tomorrow.year),
    )
    response = hub_client.post(reverse("frontdoor:contact-create", args=[child.pk]), data)
    assert response.context["form"].errors["received_on"] == [
        "The contact must have been received already"
    ]
    assert Contact.objects.count() == 0


def test_the_find_a_child_step_leads_to_the_contact_form(hub_client, child):
    response = hub_client.get(reverse("frontdoor:find-child"), {"name": "Lily Smith"})
    assert response.context["results"] == [child]
    assert reverse("frontdoor:contact-create", args=[child.pk]) in response.content.decode()


# Screening


def _screening_form(**overrides) -> dict[str, str]:
    data = {
        "outcome": "early_help",
        "urgency": "same_day",
        "rationale": "Second domestic abuse notice this year; the family agree to early help.",
    }
    data.update(overrides)
    return data


def test_screening_shows_the_contact_and_the_household_history(hub_client, child, social_worker):
    sibling = make_child(la_child_id="C2", first_name="Sam", date_of_birth=dt.date(2018, 2, 14))
    relate(child=child, other_child=sibling, kind="sibling", lives_with=True)
    earlier = _contact(sibling, hours_ago=24 * 30, is_domestic_abuse=True, reference="DA-1")
    _screen(earlier, by=social_worker, outcome="advice")
    contact = _contact(child, concern="Neighbour heard shouting late at night.")
    response = hub_client.get(reverse("frontdoor:contact-screen", args=[child.pk, contact.pk]))
    assert response.status_code == 200
    records = response.context["records"]
    assert (records.household_children, records.contacts) == ([sibling], [earlier])
    html = response.content.decode()
    assert "Neighbour heard shouting late at night." in html
    assert "Advice and information" in html
    assert "Sam Smith" in html


def test_a_screening_without_a_rationale_is_refused_and_changes_nothing(hub_client, child):
    contact = _contact(child)
    url = reverse("frontdoor:contact-screen", args=[child.pk, contact.pk])
    response = hub_client.post(url, _screening_form(rationale="   "))
    assert response.status_code == 200
    assert response.context["form"].errors == {
        "rationale": ["Enter the rationale for the decision"]
    }
    html = response.content.decode()
    assert (
        '<p id="id_rationale-error" class="govuk-error-message"><span class="govuk-visually-'
        'hidden">Error:</span> Enter the rationale for the decision</p>'
    ) in html
    assert '<a href="#id_rationale">Enter the rationale for the decision</a>' in html
    assert ScreeningDecision.objects.count() == 0
    assert not ChronologyEntry.objects.filter(kind="screening").exists()


def test_screening_a_contact_through_the_page(hub_client, hub_worker, child):
    contact = _contact(child)
    url = reverse("frontdoor:contact-screen", args=[child.pk, contact.pk])
    response = hub_client.post(url, _screening_form(), follow=True)
    assert response.redirect_chain == [(reverse("frontdoor:queue"), 302)]
    decision = ScreeningDecision.objects.get()
    assert (
        decision.contact,
        decision.outcome,
        decision.urgency,
        decision.rationale,
        decision.decided_by,
        decision.signed_off_by,
        decision.is_awaiting_sign_off,
    ) == (
        contact,
        "early_help",
        "same_day",
        "Second domestic abuse notice this year; the family agree to early help.",
        hub_worker,
        None,
        True,
    )
    assert [str(m) for m in response.context["messages"]] == [
        "Screening decision recorded for Lily Smith: early help. "
        "It is waiting for a manager's sign-off."
    ]
    assert response.context["entries"] == []


def test_a_screened_contact_shows_its_decision_and_cannot_be_screened_again(
    hub_client, child, social_worker
):
    contact = _contact(child)
    _screen(contact, by=social_worker, outcome="referral")
    url = reverse("frontdoor:contact-screen", args=[child.pk, contact.pk])
    response = hub_client.post(url, _screening_form(outcome="nfa"))
    assert response.status_code == 200
    assert "This contact has been screened." in response.content.decode()
    assert ScreeningDecision.objects.get().outcome == "referral"


def test_without_a_contact_the_page_screens_the_oldest_waiting(hub_client, child):
    url = reverse("frontdoor:contact-screen", args=[child.pk])
    assert hub_client.get(url).context["contact"] is None
    oldest = _contact(child, hours_ago=20)
    _contact(child, hours_ago=2)
    assert hub_client.get(url).context["contact"] == oldest


def test_a_contact_about_another_child_is_not_found(hub_client, child):
    noah = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    contact = _contact(noah)
    url = reverse("frontdoor:contact-screen", args=[child.pk, contact.pk])
    assert hub_client.get(url).status_code == 404


def test_a_restricted_childs_contact_is_not_found_by_others(hub_client, child, manager):
    contact = _contact(child)
    restrict_record(child=child, users=[manager], actor=manager, reason="Staff relative")
    url = reverse("frontdoor:contact-screen", args=[child.pk, contact.pk])
    assert hub_client.post(url, _screening_form()).status_code == 404
    assert ScreeningDecision.objects.count() == 0


# Sign-off


def test_the_sign_off_queue_is_for_managers(client, hub_client, worker_client, analyst):
    url = reverse("frontdoor:sign-off-queue")
    assert client.get(url).status_code == 302
    assert hub_client.get(url).status_code == 403
    assert worker_client.get(url).status_code == 403
    assert signed_in(analyst).get(url).status_code == 403


def test_the_front_doors_sign_off_address_leads_to_the_one_queue(manager_client):
    response = manager_client.get(reverse("frontdoor:sign-off-queue"))
    assert response.status_code == 302
    assert response["Location"] == reverse("sign-off-queue") + "?kind=screening"


def _queued(client) -> list:
    response = client.get(reverse("sign-off-queue"), {"kind": "screening"})
    return [row.item for row in response.context["rows"]]


def test_the_sign_off_queue_lists_decisions_waiting_and_leaves_imported_ones_out(
    manager_client, manager, other_manager, child, social_worker
):
    noah = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    waiting_nfa = _screen(_contact(child, hours_ago=30), by=social_worker, outcome="nfa")
    waiting_eh = _screen(_contact(noah, hours_ago=20), by=social_worker, outcome="early_help")
    _screen(_contact(child, hours_ago=10), by=social_worker, outcome="referral")
    _screen(_contact(noah, hours_ago=9), by=social_worker, outcome="nfa", signed_off_by=manager)
    imported = _screen(_contact(child, hours_ago=8), outcome="nfa", is_imported=True)
    own = _screen(_contact(noah, hours_ago=5), by=manager, outcome="nfa")
    items = _queued(manager_client)
    assert [item.url for item in items] == [
        reverse("frontdoor:sign-off", args=[d.pk]) for d in (waiting_nfa, waiting_eh, own)
    ]
    html = manager_client.get(reverse("sign-off-queue")).content.decode()
    assert reverse("frontdoor:sign-off", args=[waiting_nfa.pk]) in html
    assert reverse("frontdoor:sign-off", args=[own.pk]) not in html
    assert "Your own work: another manager signs it off" in html
    assert reverse("frontdoor:sign-off", args=[imported.pk]) not in html


def test_the_sign_off_queue_hides_restricted_children(manager_client, other_manager, child):
    decision = _screen(_contact(child), outcome="nfa")
    restrict_record(child=child, users=[other_manager], actor=other_manager, reason="Relative")
    assert _queued(manager_client) == []
    url = reverse("frontdoor:sign-off", args=[decision.pk])
    assert manager_client.get(url).status_code == 404
    assert [item.url for item in _queued(signed_in(other_manager))] == [url]


def test_signing_off_through_the_page(manager_client, manager, child, social_worker):
    decision = _screen(_contact(child), by=social_worker, outcome="nfa")
    url = reverse("frontdoor:sign-off", args=[decision.pk])
    assert manager_client.get(url).context["child"] == child
    response = manager_client.post(
        url, {"choice": "agree", "rationale": "Agreed: no role for social care."}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("sign-off-queue")
    decision.refresh_from_db()
    assert (decision.signed_off_by, decision.sign_off_rationale, decision.is_awaiting_sign_off) == (
        manager,
        "Agreed: no role for social care.",
        False,
    )
    assert AccessRecord.objects.get(user=manager, path=url, action="change").child == child


def test_a_sign_off_by_someone_who_is_not_a_manager_is_refused(hub_client, child, social_worker):
    decision = _screen(_contact(child), by=social_worker, outcome="nfa")
    url = reverse("frontdoor:sign-off", args=[decision.pk])
    response = hub_client.post(url, {"choice": "agree", "rationale": "I agree with this."})
    assert response.status_code == 403
    decision.refresh_from_db()
    assert (decision.signed_off_by, decision.signed_off_at, decision.sign_off_rationale) == (
        None,
        None,
        "",
    )
    assert not ChronologyEntry.objects.filter(summary="Screening decision signed off").exists()


def test_a_sign_off_needs_the_managers_rationale(manager_client, child, social_worker):
    decision = _screen(_contact(child), by=social_worker, outcome="early_help")
    response = manager_client.post(
        reverse("frontdoor:sign-off", args=[decision.pk]), {"choice": "agree", "rationale": " "}
    )
    assert response.context["form"].errors == {
        "rationale": ["Enter your rationale, or your reasons for returning the decision"]
    }
    decision.refresh_from_db()
    assert decision.signed_off_at is None


def test_a_manager_cannot_sign_off_their_own_decision(manager_client, manager, child):
    decision = _screen(_contact(child), by=manager, outcome="nfa")
    response = manager_client.post(
        reverse("frontdoor:sign-off", args=[decision.pk]),
        {"choice": "agree", "rationale": "Agreed."},
    )
    assert response.context["form"].errors == {
        "rationale": ["Another manager must sign off your own decision"]
    }
    decision.refresh_from_db()
    assert decision.signed_off_at is None


def test_an_imported_decision_is_shown_and_not_signed_off(manager_client, child):
    decision = _screen(_contact(child), outcome="nfa", is_imported=True)
    url = reverse("frontdoor:sign-off", args=[decision.pk])
    response = manager_client.post(url, {"choice": "agree", "rationale": "Agreed."})
    assert response.status_code == 200
    assert "It does not wait for a sign-off." in response.content.decode()
    decision.refresh_from_db()
    assert decision.signed_off_at is None


# Early help


def test_starting_and_ending_early_help_through_the_pages(hub_client, hub_worker, child):
    start_url = reverse("frontdoor:early-help-start", args=[child.pk])
    response = hub_client.post(
        start_url,
        {
            "start_on_day": "6",
            "start_on_month": "1",
            "start_on_year": "2025",
            "reason": "Step-down from a child in need plan",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("children:chronology", args=[child.pk])
    episode = EarlyHelpEpisode.objects.get()
    assert (episode.child, episode.start_on, episode.start_reason, episode.end_on) == (
        child,
        dt.date(2025, 1, 6),
        "Step-down from a child in need plan",
        None,
    )
    assert "already receiving early help" in hub_client.get(start_url).content.decode()

    end_url = reverse("frontdoor:early-help-end", args=[child.pk])
    response = hub_client.post(
        end_url,
        {
            "end_on_day": "3",
            "end_on_month": "3",
            "end_on_year": "2025",
            "reason": "Step-up to social care after a third domestic abuse notice",
        },
    )
    assert response.status_code == 302
    episode.refresh_from_db()
    assert (episode.end_on, episode.end_reason) == (
        dt.date(2025, 3, 3),
        "Step-up to social care after a third domestic abuse notice",
    )
    summaries = list(
        ChronologyEntry.objects.filter(child=child, kind="early_help")
        .order_by("occurred_on")
        .values_list("summary", flat=True)
    )
    assert summaries == ["Early help started", "Early help ended"]


def test_early_help_cannot_end_before_it_started(hub_client, child):
    start_early_help(child=child, start_on=dt.date(2025, 1, 6), reason="Screening decision")
    response = hub_client.post(
        reverse("frontdoor:early-help-end", args=[child.pk]),
        {"end_on_day": "1", "end_on_month": "1", "end_on_year": "2025", "reason": "Done"},
    )
    assert response.context["form"].errors == {
        "end_on": ["Early help cannot end before it started on 6 January 2025"]
    }
    assert EarlyHelpEpisode.objects.get().end_on is None


def test_early_help_needs_a_reason(hub_client, child):
    response = hub_client.post(
        reverse("frontdoor:early-help-start", args=[child.pk]),
        {"start_on_day": "6", "start_on_month": "1", "start_on_year": "2025"},
    )
    assert response.context["form"].errors == {"reason": ["Enter why early help is starting"]}
    assert EarlyHelpEpisode.objects.count() == 0
