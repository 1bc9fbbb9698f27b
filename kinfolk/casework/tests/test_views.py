"""The casework pages, as anonymous, as the wrong role and as the right role, and the
casework page itself."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import assessed, make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.access.tests.walk import worker_allowed
from kinfolk.casework.models import ChildInNeedEpisode, Plan, PlanAction, Visit
from kinfolk.casework.services import (
    add_plan_action,
    add_plan_outcome,
    authorise_assessment,
    close_episode,
    open_referral,
    record_visit,
    start_assessment,
    start_child_in_need_plan,
)
from kinfolk.casework.tests.factories import PlanFactory, submitted_assessment
from kinfolk.casework.tests.pages import (
    PAGES,
    assert_refused,
    page,
    post_data,
    record_counts,
)
from kinfolk.duties.engine import recompute_children
from kinfolk.people.restrictions import restrict_record
from kinfolk.protection.services import (
    hold_strategy_discussion,
)

pytestmark = pytest.mark.django_db

D = dt.date
REFERRAL_ON = D(2026, 9, 1)


@pytest.fixture
def episode(child, social_worker) -> ChildInNeedEpisode:
    return open_referral(child=child, referral_on=REFERRAL_ON, source="2A", actor=social_worker)


@pytest.fixture
def plan(child, episode) -> Plan:
    assessed(child, D(2026, 9, 10))
    return start_child_in_need_plan(
        child=child, start_on=D(2026, 9, 20), contingency="Strategy discussion if school absence"
    )


# Anonymous, wrong role and right role --------------------------------------------------------


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_people_are_sent_to_sign_in(client, child, name):
    url = page(name, child)
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code == 302
        assert response["Location"] == f"/sign-in/?next={url}"


@pytest.mark.parametrize("name", [name for name, managers in PAGES.items() if managers])
def test_managers_only_pages_are_forbidden_to_social_workers(worker_client, child, plan, name):
    before = record_counts(child)
    assert worker_client.get(page(name, child)).status_code == 403
    response = worker_client.post(
        page(name, child), post_data(closed_on=D(2026, 10, 1), reason="RC7", end_on=D(2026, 10, 1))
    )
    assert response.status_code == 403
    assert record_counts(child) == before


@pytest.mark.parametrize("name", PAGES)
def test_the_right_role_sees_each_page(team, child, episode, name):
    client = signed_in(worker_allowed(name, team))
    response = client.get(page(name, child))
    assert response.status_code == 200
    assert AccessRecord.objects.filter(child=child, path=page(name, child)).exists()


@pytest.mark.parametrize("name", PAGES)
def test_a_restricted_child_is_not_found(manager, other_team, child, episode, name):
    restrict_record(child=child, users=[manager], actor=manager, reason="Staff relative")
    before = record_counts(child)
    client = signed_in(worker_allowed(name, other_team, username="not_named"))
    assert client.get(page(name, child)).status_code == 404
    assert client.post(page(name, child), post_data(referral_on=REFERRAL_ON)).status_code == 404
    assert record_counts(child) == before


# Recording the casework through the pages ------------------------------------------------------


def test_a_referral_opens_an_episode(worker_client, child, social_worker):
    make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    response = worker_client.post(
        page("casework:referral-create", child),
        post_data(referral_on=REFERRAL_ON, source="3A", primary_need="N1"),
    )
    assert response.status_code == 302
    assert response["Location"] == page("casework:child-casework", child)
    episode = ChildInNeedEpisode.objects.get()
    assert (
        episode.child,
        episode.referral_on,
        episode.referral_source,
        episode.primary_need,
        episode.recorded_by,
    ) == (child, REFERRAL_ON, "3A", "N1", social_worker)
    casework = worker_client.get(response["Location"]).content.decode()
    assert "Referral recorded: the child in need episode is open" in casework
    assert "1 September 2026" in casework
    assert AccessRecord.objects.get(path=page("casework:referral-create", child)).action == "change"


def test_nothing_to_authorise(manager_client, child, episode):
    response = manager_client.get(page("casework:assessment-authorise", child))
    assert "There is no assessment waiting to be authorised." in response.content.decode()
    assert '<form method="post" novalidate>' not in response.content.decode()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("casework:outcome-create", "There is no open plan: start a plan first."),
        ("casework:contingency-edit", "There is no open plan: start a plan first."),
        ("casework:action-create", "There is no open plan: start a plan first."),
        ("casework:action-edit", "There are no actions on an open plan."),
    ],
)
def test_without_an_open_plan_the_page_says_why(worker_client, child, episode, name, message):
    before = record_counts(child)
    response = worker_client.get(page(name, child))
    assert message in response.content.decode()
    assert '<form method="post" novalidate>' not in response.content.decode()
    response = worker_client.post(page(name, child), {"description": "Attend school"})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert record_counts(child) == before


def test_a_plan_with_an_outcome_an_action_and_progress(
    worker_client, child, plan, other_social_worker, today
):
    response = worker_client.post(
        page("casework:outcome-create", child, f"?plan={plan.pk}"),
        {"plan": plan.pk, "description": "Lily attends school every day"},
    )
    assert response.status_code == 302
    outcome = plan.outcomes.get()
    assert outcome.description == "Lily attends school every day"

    response = worker_client.post(
        page("casework:action-create", child, f"?plan={plan.pk}"),
        post_data(
            plan=plan.pk,
            description="Walk Lily to school on Mondays",
            outcome=outcome.pk,
            owner="",
            owner_outside="Northmoor Primary School, learning mentor",
            due_on=D(2026, 10, 30),
        ),
    )
    assert response.status_code == 302
    response = worker_client.post(
        page("casework:action-create", child),
        post_data(
            plan=plan.pk,
            description="Refer mother to the wellbeing service",
            owner=other_social_worker.pk,
            due_on=D(2026, 10, 9),
        ),
    )
    assert response.status_code == 302
    mentor, referral = sorted(plan.actions.all(), key=lambda a: a.description, reverse=True)
    assert (mentor.owner, mentor.owner_outside, mentor.outcome, mentor.due_on) == (
        None,
        "Northmoor Primary School, learning mentor",
        outcome,
        D(2026, 10, 30),
    )
    assert (referral.owner, referral.outcome, referral.status) == (
        other_social_worker,
        None,
        "not_started",
    )

    response = worker_client.post(
        page("casework:action-edit", child, f"?action={referral.pk}"),
        {"action": referral.pk, "status": "done"},
    )
    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.status, referral.completed_on) == ("done", today)


def test_an_action_is_for_an_outcome_of_its_own_plan(worker_client, child, plan, social_worker):
    ended = PlanFactory(
        child=child, episode=plan.episode, kind="cp", start_on=D(2026, 9, 5), end_on=D(2026, 9, 20)
    )
    other_outcome = ended.outcomes.create(description="Safe at home")
    response = worker_client.post(
        page("casework:action-create", child),
        post_data(
            plan=plan.pk,
            description="Visit weekly",
            outcome=other_outcome.pk,
            owner=social_worker.pk,
            due_on=D(2026, 12, 1),
        ),
    )
    assert response.status_code == 200
    assert "outcome" in response.context["form"].errors
    assert PlanAction.objects.count() == 0


def test_a_visit_records_seen_alone_and_the_childs_views(worker_client, child, episode):
    response = worker_client.post(
        page("casework:visit-create", child),
        post_data(
            visited_on=D(2026, 9, 10),
            kind="cin",
            is_child_seen="yes",
            is_seen_alone="yes",
            purpose="Check on school attendance",
            child_views="Lily said she likes her new teacher but mornings are hard.",
        ),
    )
    assert response.status_code == 302
    visit = Visit.objects.get()
    assert (
        visit.episode,
        visit.visited_on,
        visit.is_child_seen,
        visit.is_seen_alone,
        visit.purpose,
        visit.child_views,
    ) == (
        episode,
        D(2026, 9, 10),
        True,
        True,
        "Check on school attendance",
        "Lily said she likes her new teacher but mornings are hard.",
    )


def test_a_visit_where_the_child_was_seen_needs_their_views(worker_client, child, episode):
    before = record_counts(child)
    response = worker_client.post(
        page("casework:visit-create", child),
        post_data(visited_on=D(2026, 9, 10), kind="cin", is_child_seen="yes", child_views=""),
    )
    assert_refused(response, "child_views", "Enter the child's views")
    assert record_counts(child) == before


def test_a_manager_closes_the_case_with_evidence(manager_client, child, plan):
    outcome = add_plan_outcome(plan=plan, description="Lily attends school every day")
    response = manager_client.post(
        page("casework:episode-close", child),
        post_data(
            closed_on=D(2026, 11, 2),
            reason="RC7",
            **{f"evidence_{outcome.pk}": "Attendance 98% over the last 8 weeks"},
        ),
    )
    assert response.status_code == 302
    episode = ChildInNeedEpisode.objects.get()
    plan.refresh_from_db()
    outcome.refresh_from_db()
    assert (episode.closed_on, episode.closure_reason) == (D(2026, 11, 2), "RC7")
    assert plan.end_on == D(2026, 11, 2)
    assert outcome.evidence == "Attendance 98% over the last 8 weeks"


# The casework page ------------------------------------------------------------------------


def test_the_casework_page_shows_the_episode_and_its_work(
    worker_client, child, plan, social_worker, django_capture_on_commit_callbacks, today, tomorrow
):
    assessment = start_assessment(child=child, started_on=D(2026, 9, 2))
    outcome = add_plan_outcome(plan=plan, description="Lily attends school every day")
    add_plan_action(
        plan=plan,
        description="Walk Lily to school",
        owner_outside="Northmoor Primary School, learning mentor",
        due_on=today - dt.timedelta(days=1),
        outcome=outcome,
    )
    add_plan_action(
        plan=plan, description="Book a dental check", owner=social_worker, due_on=tomorrow
    )
    record_visit(
        child=child,
        visited_on=D(2026, 9, 10),
        kind="cin",
        is_child_seen=True,
        is_seen_alone=False,
        purpose="Check on school attendance",
        child_views="Mornings are hard.",
    )
    recompute_children([child.pk])
    response = worker_client.get(page("casework:child-casework", child))
    html = " ".join(response.content.decode().split())
    assert "Schools" in html  # the source of the referral
    assert (
        '<strong class="govuk-tag govuk-tag--red">Overdue</strong> <br>'
        '<span class="govuk-body-s">Not started</span>'
    ) in html
    # The overdue action and the assessment past its deadline.
    assert html.count('<strong class="govuk-tag govuk-tag--red">Overdue</strong>') == 2
    assert '<strong class="govuk-tag govuk-tag--grey">Not started</strong>' in html
    assert "Northmoor Primary School, learning mentor" in html
    assert "Mornings are hard." in html
    clock = response.context["assessments"][0].clock
    assert (clock.allowed, clock.due_on) == (45, D(2026, 11, 4))
    assert "Due by 4 Nov 2026" in html
    links = [step["url"] for step in response.context["next_steps"]]
    assert page("casework:visit-create", child) in links
    assert page("casework:child-in-need-plan-end", child) in links
    assert page("casework:child-in-need-plan-create", child) not in links
    # Authorising and closing are for managers.
    assert not any("authorise" in link or "close" in link for link in links)
    assert assessment.is_open


def test_a_manager_is_offered_to_authorise_and_not_to_close(manager_client, child, episode):
    assessment = submitted_assessment(child, D(2026, 9, 2))
    links = [
        s["url"]
        for s in manager_client.get(page("casework:child-casework", child)).context["next_steps"]
    ]
    assert page("casework:assessment-authorise", child, f"?assessment={assessment.pk}") in links
    assert page("casework:episode-close", child) not in links
    authorise_assessment(
        assessment=assessment, authorised_on=D(2026, 9, 30), factors=["21"], is_imported=True
    )
    links = [
        s["url"]
        for s in manager_client.get(page("casework:child-casework", child)).context["next_steps"]
    ]
    assert page("casework:episode-close", child) in links


def test_a_re_referral_is_flagged(worker_client, child):
    open_referral(child=child, referral_on=D(2026, 3, 2), source="2A")
    close_episode(child=child, closed_on=D(2026, 4, 1), reason="RC8")
    open_referral(child=child, referral_on=D(2026, 9, 1), source="6")
    response = worker_client.get(page("casework:child-casework", child))
    html = " ".join(response.content.decode().split())
    assert response.context["episode"].is_re_referral is True
    assert (
        '<strong class="govuk-tag govuk-tag--orange">Re-referral</strong> within 12 months of the '
        "previous referral"
    ) in html
    assert [e.referral_on for e in response.context["previous_episodes"]] == [D(2026, 3, 2)]
    assert "Closed after assessment, no further action" in html


def test_without_an_open_episode_the_page_offers_a_referral(worker_client, child):
    response = worker_client.get(page("casework:child-casework", child))
    assert [s["label"] for s in response.context["next_steps"]] == [
        "Record a referral",
        "Record a strategy discussion",
    ]
    assert "Lily Smith has no open child in need episode." in response.content.decode()


def _history(child, social_worker, size: int) -> None:
    """``size`` of each kind of record: previous episodes, assessments, visits, outcomes,
    actions and strategy discussions, then an open episode with a plan."""
    start = D(2020, 1, 6)
    for index in range(size):
        referral_on = start + dt.timedelta(days=20 * index)
        open_referral(child=child, referral_on=referral_on, source="2A")
        close_episode(
            child=child,
            closed_on=referral_on + dt.timedelta(days=5),
            reason="RC8",
            is_imported=True,
        )
    open_referral(child=child, referral_on=D(2024, 1, 8), source="6")
    assessed(child, D(2024, 1, 8))
    plan = start_child_in_need_plan(child=child, start_on=D(2024, 1, 9), contingency="Conference")
    for index in range(size):
        day = D(2024, 1, 10) + dt.timedelta(days=7 * index)
        assessment = start_assessment(child=child, started_on=day)
        authorise_assessment(
            assessment=assessment, authorised_on=day, factors=["21"], is_imported=True
        )
        outcome = add_plan_outcome(plan=plan, description=f"Outcome {index}")
        add_plan_action(plan=plan, description=f"Action {index}", owner=social_worker, due_on=day)
        add_plan_action(
            plan=plan,
            description=f"Partner {index}",
            owner_outside="School",
            due_on=day,
            outcome=outcome,
        )
        record_visit(
            child=child, visited_on=day, kind="cin", is_child_seen=True, child_views="Views"
        )
        hold_strategy_discussion(
            child=child,
            held_on=day,
            outcome="cin",
            rationale="R",
            prior_action_reason="P",
            is_imported=True,
        )


def test_the_casework_page_makes_the_same_queries_whatever_the_history(manager, social_worker):
    counts = []
    for size, la_child_id in ((2, "C10"), (30, "C11")):
        child = make_child(la_child_id=la_child_id)
        _history(child, social_worker, size)
        recompute_children([child.pk])
        client = signed_in(manager)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(page("casework:child-casework", child))
        assert response.status_code == 200
        assert len(response.context["previous_episodes"]) == size
        assert len(response.context["visits"]) == size
        assert len(response.context["plans"][0].actions.all()) == 2 * size
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_an_action_of_another_child_cannot_be_updated(
    worker_client, child, plan, social_worker, tomorrow
):
    noah = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    open_referral(child=noah, referral_on=REFERRAL_ON, source="2A")
    assessed(noah, REFERRAL_ON)
    noah_plan = start_child_in_need_plan(child=noah, start_on=D(2026, 9, 2), contingency="C")
    noahs = add_plan_action(
        plan=noah_plan, description="Noah's action", owner=social_worker, due_on=D(2026, 12, 1)
    )
    add_plan_action(plan=plan, description="Lily's action", owner=social_worker, due_on=tomorrow)
    response = worker_client.post(
        page("casework:action-edit", child, f"?action={noahs.pk}"),
        {"action": noahs.pk, "status": "done"},
    )
    assert response.status_code == 200
    assert_refused(response, None, "Choose an action of one of the child's open plans")
    noahs.refresh_from_db()
    assert noahs.status == "not_started"


def test_records_loaded_from_a_journey_say_they_were_imported(worker_client, child):
    from kinfolk.journeys.loader import load_journeys

    lines = [
        '{"type": "referral", "child": "C1", "date": "2025-03-03", "source": "2A"}',
        '{"type": "assessment_start", "child": "C1", "date": "2025-03-04"}',
        '{"type": "visit", "child": "C1", "date": "2025-03-05", "kind": "cin", "seen": true}',
        '{"type": "assessment_authorised", "child": "C1", "date": "2025-03-20", "factors": ["21"]}',
        '{"type": "case_closure", "child": "C1", "date": "2025-03-21", "reason": "RC8"}',
        '{"type": "referral", "child": "C1", "date": "2025-06-02", "source": "6"}',
        '{"type": "visit", "child": "C1", "date": "2025-06-03", "kind": "cin", "seen": true}',
    ]
    assert load_journeys(lines).ok
    html = worker_client.get(reverse("casework:child-casework", args=[child.pk])).content.decode()
    assert "no evidence recorded in the previous system" in html
    assert html.count(">Imported<") >= 2


def test_a_repeat_protection_plan_is_flagged(worker_client, child):
    from kinfolk.journeys.loader import load_journeys

    lines = [
        '{"type": "referral", "child": "C1", "date": "2024-01-08", "source": "6"}',
        '{"type": "s47_start", "child": "C1", "date": "2024-01-09"}',
        '{"type": "icpc", "child": "C1", "date": "2024-01-25", "plan": true, "category": "NEG"}',
        '{"type": "cp_review", "child": "C1", "date": "2024-04-22", "continue_plan": false}',
        '{"type": "case_closure", "child": "C1", "date": "2024-05-01", "reason": "RC7"}',
        '{"type": "referral", "child": "C1", "date": "2025-06-02", "source": "6"}',
        '{"type": "s47_start", "child": "C1", "date": "2025-06-03"}',
        '{"type": "icpc", "child": "C1", "date": "2025-06-20", "plan": true, "category": "EMO"}',
    ]
    assert load_journeys(lines).ok
    html = worker_client.get(reverse("casework:child-casework", args=[child.pk])).content.decode()
    assert "Repeat plan: 1 previous" in html
    assert "Previous plan ended within 2 years" in html
