"""A worker asks for the closure of a case; a manager agrees it (the case closes on the date
asked for) or returns it with reasons the worker answers (docs/sign-off.md)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import assessed
from kinfolk.casework.models import ChildInNeedEpisode, ClosureRequest
from kinfolk.casework.services import (
    add_plan_outcome,
    agree_closure,
    open_referral,
    request_closure,
    start_child_in_need_plan,
)
from kinfolk.casework.tests.pages import page, post_data
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.workspaces.sign_off import returned_to, waiting_for

D = dt.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def outcome(child, social_worker):
    open_referral(child=child, referral_on=D(2026, 9, 1), source="2A", actor=social_worker)
    assessed(child, D(2026, 9, 10))
    plan = start_child_in_need_plan(child=child, start_on=D(2026, 9, 20), contingency="Review")
    return add_plan_outcome(plan=plan, description="Lily attends school every day")


def test_a_worker_asks_a_manager_returns_the_worker_answers_and_a_manager_agrees(
    worker_client, manager_client, manager, social_worker, child, outcome
):
    url = page("casework:episode-close", child)
    assert "Ask a manager to close the case" in worker_client.get(url).content.decode()
    data = post_data(
        closed_on=D(2026, 11, 2),
        reason="RC7",
        **{f"evidence_{outcome.pk}": "Attendance 98% over the last 8 weeks"},
    )
    refused = worker_client.post(url, data)
    assert refused.context["form"].errors == {
        "summary": ["Enter a summary of the work and why the case can close"]
    }
    response = worker_client.post(url, {**data, "summary": "School attendance is sustained."})
    assert response.status_code == 302
    episode = ChildInNeedEpisode.objects.get()
    assert episode.closed_on is None
    request = ClosureRequest.objects.get()
    assert (request.requested_by, request.state) == (social_worker, "waiting")
    [item] = waiting_for(manager)
    assert (item.kind, item.url) == ("closure", page("casework:closure-decide", child))

    decide = page("casework:closure-decide", child)
    response = manager_client.post(
        decide, {"choice": "return", "rationale": "What does the school nurse say?"}
    )
    assert response.status_code == 302
    assert waiting_for(manager) == []
    [returned] = returned_to(social_worker)
    assert returned.returned_reasons == "What does the school nurse say?"

    answer = page("casework:closure-answer", child)
    response = worker_client.post(answer, {"response": "The nurse has no concerns."})
    assert response.status_code == 302
    [item] = waiting_for(manager)
    assert item.is_answered

    response = manager_client.post(decide, {"choice": "agree", "rationale": "Change sustained."})
    assert response.status_code == 302
    assert response["Location"] == reverse("sign-off-queue")
    episode.refresh_from_db()
    assert (episode.closed_on, episode.closure_reason) == (D(2026, 11, 2), "RC7")
    outcome.refresh_from_db()
    assert outcome.evidence == "Attendance 98% over the last 8 weeks"
    assert list(
        ChronologyEntry.objects.filter(child=child, kind="closure")
        .order_by("pk")
        .values_list("summary", flat=True)
    ) == [
        "Closure of the case requested: Services ceased for any other reason",
        "Closure of the case returned to the worker",
        "Returned closure answered by the worker",
        "Case closed: Services ceased for any other reason",
        "Closure of the case agreed by a manager",
    ]


def test_a_request_is_refused_as_the_closure_would_be(social_worker, child, outcome):
    with pytest.raises(ValidationError, match="evidence"):
        request_closure(
            child=child, closed_on=D(2026, 11, 2), reason="RC7", summary="Done", actor=social_worker
        )
    assert not ClosureRequest.objects.exists()
    assert ChildInNeedEpisode.objects.get().closed_on is None


def test_nobody_agrees_their_own_request(manager, child, outcome):
    request = request_closure(
        child=child,
        closed_on=D(2026, 11, 2),
        reason="RC7",
        summary="Done",
        evidence={outcome.pk: "Attending"},
        actor=manager,
    )
    with pytest.raises(ValidationError, match="Another manager"):
        agree_closure(request=request, manager=manager, rationale="Fine")


def test_a_manager_of_the_team_closes_directly(manager_client, child, outcome):
    response = manager_client.post(
        page("casework:episode-close", child),
        post_data(closed_on=D(2026, 11, 2), reason="RC7", **{f"evidence_{outcome.pk}": "Yes"}),
    )
    assert response.status_code == 302
    assert ChildInNeedEpisode.objects.get().closed_on == D(2026, 11, 2)
    assert not ClosureRequest.objects.exists()
