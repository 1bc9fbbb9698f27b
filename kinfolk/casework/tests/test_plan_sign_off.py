"""A worker sends a plan to a manager to agree; the manager returns it with reasons, the
worker answers, and a manager agrees it with a rationale (docs/sign-off.md)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import assessed
from kinfolk.casework.models import PlanSignOff
from kinfolk.casework.services import (
    add_plan_action,
    add_plan_outcome,
    agree_plan,
    ask_plan_sign_off,
    open_referral,
    start_child_in_need_plan,
)
from kinfolk.casework.tests.pages import page
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.workspaces.sign_off import returned_to, waiting_for

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def plan(child, social_worker):
    open_referral(child=child, referral_on=D(2026, 9, 1), source="2A", actor=social_worker)
    assessed(child, D(2026, 9, 10))
    return start_child_in_need_plan(child=child, start_on=D(2026, 9, 20), contingency="Review")


def _complete(plan, owner) -> None:
    outcome = add_plan_outcome(plan=plan, description="Lily attends school every day")
    add_plan_action(
        plan=plan,
        description="Walk Lily to school with her mother for two weeks",
        due_on=D(2026, 12, 18),
        owner=owner,
        outcome=outcome,
    )


def test_a_plan_needs_an_outcome_and_an_action_and_a_note_and_waits_once(plan, social_worker):
    with pytest.raises(ValidationError, match="Add an outcome for the child and an action"):
        ask_plan_sign_off(plan=plan, note="The first plan", actor=social_worker)
    _complete(plan, social_worker)
    with pytest.raises(ValidationError, match="Enter what you are asking"):
        ask_plan_sign_off(plan=plan, note="  ", actor=social_worker)
    ask_plan_sign_off(plan=plan, note="The first plan", actor=social_worker)
    with pytest.raises(ValidationError, match="already waiting"):
        ask_plan_sign_off(plan=plan, note="Again", actor=social_worker)
    assert PlanSignOff.objects.count() == 1


def test_nobody_agrees_a_plan_they_sent(plan, manager):
    _complete(plan, manager)
    request = ask_plan_sign_off(plan=plan, note="The first plan", actor=manager)
    with pytest.raises(ValidationError, match="Another manager must agree"):
        agree_plan(request=request, manager=manager, rationale="Fine")


def test_sent_returned_answered_and_agreed_through_the_pages(
    worker_client, manager_client, manager, social_worker, child, plan
):
    _complete(plan, social_worker)
    casework = worker_client.get(page("casework:child-casework", child)).content.decode()
    assert "Not sent to a manager" in casework
    ask = page("casework:plan-sign-off", child) + f"?plan={plan.pk}"
    refused = worker_client.post(ask, {"plan": plan.pk, "note": ""})
    assert refused.context["form"].errors == {
        "note": ["Enter what you are asking the manager to agree"]
    }
    assert not PlanSignOff.objects.exists()
    response = worker_client.post(ask, {"plan": plan.pk, "note": "The plan after the meeting"})
    assert response.status_code == 302
    request = PlanSignOff.objects.get()
    [item] = waiting_for(manager)
    decide = reverse("casework:plan-decide", args=[child.pk, request.pk])
    assert (item.kind, item.url, item.what) == ("plan", decide, "Child in need plan to agree")

    response = manager_client.post(decide, {"choice": "return", "rationale": ""})
    assert response.context["form"].errors == {
        "rationale": ["Enter the reasons for returning the plan"]
    }
    response = manager_client.post(
        decide, {"choice": "return", "rationale": "Who walks Lily when her mother is at work?"}
    )
    assert response.status_code == 302
    assert waiting_for(manager) == []
    [returned] = returned_to(social_worker)
    answer = reverse("casework:plan-answer", args=[child.pk, request.pk])
    assert (returned.url, returned.returned_reasons) == (
        answer,
        "Who walks Lily when her mother is at work?",
    )
    casework = worker_client.get(page("casework:child-casework", child)).content.decode()
    assert "The manager returned it with reasons for you to answer" in casework
    assert answer in casework

    response = worker_client.post(answer, {"response": "Her aunt, added as an action."})
    assert response.status_code == 302
    [item] = waiting_for(manager)
    assert item.is_answered and item.answer == "Her aunt, added as an action."
    response = manager_client.post(
        decide, {"choice": "agree", "rationale": "Outcomes are specific and owned."}
    )
    assert response.status_code == 302
    request.refresh_from_db()
    assert (request.state, request.decided_by, request.rationale) == (
        "agreed",
        manager,
        "Outcomes are specific and owned.",
    )
    assert waiting_for(manager) == [] and returned_to(social_worker) == []
    refused = manager_client.get(decide).content.decode()
    assert "This plan is agreed" in refused
    summaries = list(
        ChronologyEntry.objects.filter(child=child, kind="plan")
        .order_by("pk")
        .values_list("summary", flat=True)
    )
    assert summaries[-4:] == [
        "Child in need plan sent to a manager to agree",
        "Child in need plan returned to the worker",
        "Child in need plan: the worker answered the manager's return",
        "Child in need plan agreed by a manager",
    ]
    casework = worker_client.get(page("casework:child-casework", child)).content.decode()
    assert f"Agreed by {manager.display_name}" in casework


def test_a_social_worker_cannot_decide_a_plan(worker_client, social_worker, child, plan):
    _complete(plan, social_worker)
    request = ask_plan_sign_off(plan=plan, note="The first plan", actor=social_worker)
    response = worker_client.get(reverse("casework:plan-decide", args=[child.pk, request.pk]))
    assert response.status_code == 403
