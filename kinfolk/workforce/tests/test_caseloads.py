"""Caseloads against caps, allocating over the cap, changes of worker and the handover."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_child, signed_in, worker_of_role
from kinfolk.casework.choices import AssessmentStatus
from kinfolk.casework.models import Assessment, PlanAction
from kinfolk.casework.services import add_plan_action, open_referral, start_assessment
from kinfolk.casework.services.plans import start_child_in_need_plan
from kinfolk.duties.work import children_held_by, work_for
from kinfolk.workforce.caseloads import caseload
from kinfolk.workforce.changes import worker_changes
from kinfolk.workforce.choices import Role
from kinfolk.workforce.handover import handover_items
from kinfolk.workforce.models import Allocation
from kinfolk.workforce.services import allocate_child

pytestmark = pytest.mark.django_db


def _hold(worker, count, *, prefix="K"):
    for number in range(count):
        child = make_child(la_child_id=f"{prefix}{worker.pk}N{number}", first_name=f"Kid{number}")
        allocate_child(child=child, worker=worker, start_on=dt.date(2025, 1, 6))


def test_caps_by_role_and_the_protected_first_year(settings, social_worker, today):
    settings.KINFOLK_CASELOAD_CAPS = {"social_worker": 18}
    settings.KINFOLK_NQSW_CASELOAD_CAP = 12
    assert caseload(social_worker, today).cap == 18
    social_worker.qualified_on = today - dt.timedelta(days=100)
    assert caseload(social_worker, today).cap == 12
    assert caseload(social_worker, today).is_newly_qualified
    social_worker.qualified_on = today - dt.timedelta(days=400)
    assert caseload(social_worker, today).cap == 18
    adviser = worker_of_role(Role.PERSONAL_ADVISER, username="pat_pa")
    assert caseload(adviser, today).cap is None


def test_over_the_cap_a_manager_must_give_a_reason(settings, child, manager, social_worker):
    settings.KINFOLK_CASELOAD_CAPS = {"social_worker": 2}
    _hold(social_worker, 2)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        allocate_child(child=child, worker=social_worker, start_on=today, actor=manager)
    message = error.value.message_dict["over_cap_reason"][0]
    assert message.startswith("Sam Social holds 2 cases; the cap for a social worker is 2")
    assert not child.allocations.exists()
    allocation = allocate_child(
        child=child,
        worker=social_worker,
        start_on=today,
        actor=manager,
        over_cap_reason="The only worker who speaks Polish",
    )
    assert allocation.over_cap_reason == "The only worker who speaks Polish"
    entry = child.chronology_entries.get(kind="allocation")
    assert "The only worker who speaks Polish" in entry.detail


def test_a_journey_is_never_refused_over_the_cap(settings, child, social_worker):
    settings.KINFOLK_CASELOAD_CAPS = {"social_worker": 1}
    _hold(social_worker, 1)
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 2, 3))
    assert caseload(social_worker, timezone.localdate()).is_over_cap


def test_the_team_page_shows_caseloads_against_caps_in_fixed_queries(
    settings, manager, social_worker, team
):
    settings.KINFOLK_CASELOAD_CAPS = {"social_worker": 3, "team_manager": 10}
    _hold(social_worker, 4)
    client = signed_in(manager)
    page = client.get(reverse("team"))
    html = page.content.decode()
    assert "4 of 3" in html
    assert "Over the cap" in html
    assert page.context["over_cap"] == 1
    # The manager's ways into the oversight of the team's work.
    for name in (
        "sign-off-queue",
        "oversight:team-supervision",
        "oversight:drift",
        "audits:grades",
    ):
        assert f'href="{reverse(name)}"' in html
    worker_html = signed_in(social_worker).get(reverse("team")).content.decode()
    assert reverse("oversight:team-supervision") not in worker_html

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("team")).status_code == 200
        return len(captured)

    few = queries()
    for number in range(30):
        worker = worker_of_role(Role.SOCIAL_WORKER, team, username=f"sw{number}")
        _hold(worker, 1, prefix="T")
    assert queries() == few


def test_reallocating_hands_over_plan_actions_and_drafts(
    child, social_worker, other_social_worker, manager
):
    from conftest import assessed

    open_referral(child=child, referral_on=dt.date(2025, 3, 3), source="2A")
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 3, 3))
    assessed(child, dt.date(2025, 3, 4))
    plan = start_child_in_need_plan(
        child=child, start_on=dt.date(2025, 3, 10), contingency="Review at the meeting"
    )
    action = add_plan_action(
        plan=plan, description="Visit school", due_on=dt.date(2099, 1, 1), owner=social_worker
    )
    outside = add_plan_action(
        plan=plan, description="Health check", due_on=dt.date(2099, 1, 1), owner_outside="GP"
    )
    items = handover_items(child, social_worker)
    assert [(i.kind, i.description) for i in items if i.kind == "Plan action"] == [
        ("Plan action", "Visit school (Child in need plan)")
    ]
    current = child.allocations.get(end_on__isnull=True)
    today = timezone.localdate()
    with pytest.raises(ValidationError) as error:
        allocate_child(
            child=child,
            worker=other_social_worker,
            start_on=today,
            actor=manager,
            replacing=current.pk,
        )
    assert "handover_note" in error.value.message_dict
    assert PlanAction.objects.get(pk=action.pk).owner == social_worker

    allocate_child(
        child=child,
        worker=other_social_worker,
        start_on=today,
        actor=manager,
        replacing=current.pk,
        handover_note="Dad is the main carer; school are worried about attendance",
    )
    action.refresh_from_db()
    assert action.owner == other_social_worker
    assert action.version == 2
    assert PlanAction.objects.get(pk=outside.pk).owner is None
    new = child.allocations.get(end_on__isnull=True)
    assert new.handover_note.startswith("Dad is the main carer")
    entry = child.chronology_entries.filter(kind="allocation").order_by("-pk").first()
    assert entry.is_significant
    assert "Handover note: Dad is the main carer" in entry.detail

    # The old worker's work no longer shows the action; the new worker's does.
    old = work_for(
        children_held_by([social_worker], viewer=social_worker),
        action_owners=[social_worker],
        today=today,
    )
    new_work = work_for(
        children_held_by([other_social_worker], viewer=other_social_worker),
        action_owners=[other_social_worker],
        today=today,
    )
    assert action not in old.open_actions
    assert action in new_work.open_actions


def test_a_draft_assessment_follows_the_case(child, social_worker, other_social_worker, manager):
    open_referral(child=child, referral_on=dt.date(2025, 3, 3), source="2A")
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 3, 3))
    assessment = start_assessment(child=child, started_on=dt.date(2025, 3, 4), actor=social_worker)
    Assessment.objects.filter(pk=assessment.pk).update(author=social_worker)
    assert assessment.status == AssessmentStatus.DRAFT
    assert [i.kind for i in handover_items(child, social_worker)].count("Draft assessment") == 1
    allocate_child(
        child=child,
        worker=other_social_worker,
        start_on=timezone.localdate(),
        actor=manager,
        handover_note="Assessment half written",
    )
    assessment.refresh_from_db()
    assert assessment.author == other_social_worker


def test_a_stale_reallocation_is_still_refused(child, social_worker, other_social_worker, manager):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 3, 3))
    with pytest.raises(ValidationError) as error:
        allocate_child(
            child=child,
            worker=other_social_worker,
            start_on=timezone.localdate(),
            actor=manager,
            replacing=None,
            handover_note="Note",
        )
    assert "While you were choosing" in error.value.message_dict["worker"][0]


def test_the_allocate_page_lists_the_handover_and_needs_a_note(
    child, social_worker, other_social_worker, manager
):
    from conftest import assessed

    open_referral(child=child, referral_on=dt.date(2025, 3, 3), source="2A")
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 3, 3))
    assessed(child, dt.date(2025, 3, 4))
    plan = start_child_in_need_plan(
        child=child, start_on=dt.date(2025, 3, 10), contingency="Review at the meeting"
    )
    add_plan_action(
        plan=plan, description="Visit school", due_on=dt.date(2099, 1, 1), owner=social_worker
    )
    client = signed_in(manager)
    url = reverse("child-allocate", args=[child.pk])
    page = client.get(url)
    html = page.content.decode()
    assert "Visit school (Child in need plan)" in html
    assert "Handover note" in html
    current = child.allocations.get(end_on__isnull=True)
    today = timezone.localdate()
    data = {
        "worker": other_social_worker.pk,
        "start_on_day": today.day,
        "start_on_month": today.month,
        "start_on_year": today.year,
        "reason": "MANAGE",
        "replacing": current.pk,
    }
    refused = client.post(url, data)
    assert refused.status_code == 200
    assert "Write a handover note for Olu Other" in refused.content.decode()
    saved = client.post(url, {**data, "handover_note": "All in the plan"})
    assert saved.status_code == 302
    assert PlanAction.objects.get(description="Visit school").owner == other_social_worker


def test_changes_of_worker_in_twelve_months(child, social_worker, other_social_worker):
    today = timezone.localdate()
    third = worker_of_role(Role.SOCIAL_WORKER, username="tia_third")
    third.is_agency = True
    third.save()
    allocate_child(child=child, worker=social_worker, start_on=today - dt.timedelta(days=500))
    allocate_child(child=child, worker=other_social_worker, start_on=today - dt.timedelta(days=400))
    allocate_child(child=child, worker=third, start_on=today - dt.timedelta(days=100))
    allocate_child(child=child, worker=social_worker, start_on=today - dt.timedelta(days=10))
    changes = worker_changes([child.pk], today)[child.pk]
    assert changes.count == 2
    assert changes.workers == [other_social_worker, third, social_worker]
    assert changes.agency_workers == 1


def test_children_with_frequent_changes_for_the_team(
    settings, manager, social_worker, other_social_worker, team
):
    settings.KINFOLK_WORKER_CHANGES_THRESHOLD = 2
    today = timezone.localdate()
    often = make_child(la_child_id="OFTEN", first_name="Often", last_name="Moved")
    rarely = make_child(la_child_id="RARE", first_name="Rarely", last_name="Moved")
    allocate_child(child=rarely, worker=social_worker, start_on=today - dt.timedelta(days=50))
    allocate_child(child=often, worker=social_worker, start_on=today - dt.timedelta(days=300))
    allocate_child(child=often, worker=other_social_worker, start_on=today - dt.timedelta(days=200))
    allocate_child(child=often, worker=social_worker, start_on=today - dt.timedelta(days=20))
    page = signed_in(manager).get(reverse("team-worker-changes"))
    assert [child for child, _changes in page.context["rows"]] == [often]
    html = page.content.decode()
    assert "Often Moved" in html and "Rarely Moved" not in html
    summary = signed_in(manager).get(reverse("children:detail", args=[often.pk]))
    assert "Changes of social worker" in summary.content.decode()
    assert Allocation.objects.filter(child=often).count() == 3
