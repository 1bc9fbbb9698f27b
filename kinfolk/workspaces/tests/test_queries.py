"""A workspace reads a fixed number of queries: more children do not mean more queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import signed_in
from kinfolk.workforce.choices import Role
from kinfolk.workspaces.tests import scenario
from kinfolk.workspaces.tests.scenario import staff

pytestmark = pytest.mark.django_db

NAMES = ["Ava", "Noah", "Mia", "Leo", "Isla", "Omar", "Zofia", "Kai"]


def add_team_casework(people, number):
    """Children of every kind a team's workspace lists: an open assessment, one waiting for
    sign-off, an unregistered placement, an unallocated child."""
    worker = people["worker"]
    for index in range(number):
        name = f"{NAMES[index]}{number}"
        young = scenario.with_assessment(name, "Assessed", worker, started_ago=80 - index)
        scenario.with_plan_action(young, worker, f"Action {index}")
        decided = scenario.with_assessment(name, "Decided", worker, started_ago=20)
        scenario.awaiting_sign_off(decided, decided_by=worker)
        scenario.in_care(name, "Placed", worker, is_registered=False)
        scenario.with_assessment(name, "Unallocated", None, started_ago=5)


def add_care_casework(people, number):
    iro, worker = people["iro"], people["worker"]
    for index in range(number):
        young = scenario.in_care(f"{NAMES[index]}{number}", "Reviewed", worker, since_ago=60)
        scenario.with_iro(young, iro, from_ago=60)
        scenario.reviewed(young, iro, held_ago=30)
        scenario.challenged(young, iro, raised_ago=5, due_in=10)
        waiting = scenario.in_care(f"{NAMES[index]}{number}", "Waiting", worker, since_ago=40)
        scenario.with_iro(waiting, iro, from_ago=40)


def add_protection_casework(people, number):
    worker = people["worker"]
    for index in range(number):
        scenario.on_enquiry(f"{NAMES[index]}{number}", "Enquiry", worker, started_ago=30)
        scenario.on_protection_plan(f"{NAMES[index]}{number}", "Plan", worker, plan_ago=20)


def add_care_leavers(people, number):
    for index in range(number):
        scenario.care_leaver(f"{NAMES[index]}{number}", "Leaver", people["adviser"], contact_ago=80)


def add_front_door(people, number):
    for index in range(number):
        young = scenario.child(f"{NAMES[index]}{number}", "Contact")
        scenario.contact_waiting(young, hours_ago=10 + index)
        decided = scenario.child(f"{NAMES[index]}{number}", "Decided")
        scenario.awaiting_sign_off(decided, decided_by=people["frontdoor"])


def add_adoption(people, number):
    for index in range(number):
        scenario.adoption_plan(
            f"{NAMES[index]}{number}", "Waiting", decided_ago=200, matched_ago=None
        )
        scenario.adoption_plan(
            f"{NAMES[index]}{number}", "Matched", decided_ago=300, matched_ago=20
        )


@pytest.fixture
def people(team, manager, social_worker):
    return {
        "worker": social_worker,
        "manager": manager,
        "head": staff("hal_head", Role.HEAD_OF_SERVICE),
        "iro": staff("ira_iro", Role.IRO),
        "chair": staff("cai_chair", Role.CP_CHAIR),
        "adviser": staff("pat_adviser", Role.PERSONAL_ADVISER, team),
        "frontdoor": staff("fay_frontdoor", Role.FRONTDOOR),
        "adoption": staff("ada_adoption", Role.ADOPTION),
    }


@pytest.mark.parametrize(
    ("viewer", "add"),
    [
        ("worker", add_team_casework),
        ("manager", add_team_casework),
        ("head", add_team_casework),
        ("iro", add_care_casework),
        ("chair", add_protection_casework),
        ("adviser", add_care_leavers),
        ("frontdoor", add_front_door),
        ("adoption", add_adoption),
    ],
)
def test_a_workspace_does_not_grow_in_queries_with_its_children(people, viewer, add):
    client = signed_in(people[viewer])
    add(people, 2)
    client.get(reverse("home"))  # The first request warms the session and the caches.
    with CaptureQueriesContext(connection) as few:
        response = client.get(reverse("home"))
    assert response.status_code == 200
    listed = len(response.context["view"].workspace.child_ids)
    add(people, 3)
    with CaptureQueriesContext(connection) as more:
        response = client.get(reverse("home"))
    assert len(response.context["view"].workspace.child_ids) > listed
    assert len(more.captured_queries) == len(few.captured_queries)
