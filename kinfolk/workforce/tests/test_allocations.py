"""Who holds each child's case, and the caseloads that follow."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.workforce.models import Allocation
from kinfolk.workforce.services import allocate_child, end_allocation

pytestmark = pytest.mark.django_db


def test_allocation_history_keeps_every_change(child, social_worker, other_social_worker):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    allocate_child(
        child=child,
        worker=other_social_worker,
        start_on=dt.date(2025, 3, 3),
        reason="LEFTRL",
        note="Moved to the west team",
    )
    history = list(
        child.allocations.order_by("start_on").values_list(
            "worker__username", "start_on", "end_on", "reason"
        )
    )
    assert history == [
        ("sam_social", dt.date(2025, 1, 6), dt.date(2025, 3, 3), "FCONTA"),
        ("olu_other", dt.date(2025, 3, 3), None, "LEFTRL"),
    ]
    assert [e.summary for e in child.chronology_entries.filter(kind="allocation")] == [
        "Allocated to Olu Other",
        "Allocated to Sam Social",
    ]


def test_allocation_refusals_change_nothing(child, social_worker, other_social_worker):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    with pytest.raises(ValidationError) as error:
        allocate_child(child=child, worker=other_social_worker, start_on=dt.date(2024, 12, 1))
    assert "start_on" in error.value.message_dict
    with pytest.raises(ValidationError):
        allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 2, 1))
    with pytest.raises(ValidationError):
        allocate_child(child=child, worker=other_social_worker, start_on=dt.date(2099, 1, 1))
    assert list(Allocation.objects.values_list("worker__username", "end_on")) == [
        ("sam_social", None)
    ]


def test_ending_an_allocation(child, social_worker):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    end_allocation(child=child, end_on=dt.date(2025, 2, 1))
    assert not Allocation.objects.open().exists()
    assert Allocation.objects.open_on(dt.date(2025, 1, 31)).count() == 1


def test_a_social_worker_sees_their_caseload(social_worker, other_social_worker):
    mine = make_child(la_child_id="C1", first_name="Ava", last_name="Brown")
    theirs = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    allocate_child(child=mine, worker=social_worker, start_on=dt.date(2025, 1, 6))
    allocate_child(child=theirs, worker=other_social_worker, start_on=dt.date(2025, 1, 6))
    page = signed_in(social_worker).get(reverse("caseload"))
    assert [a.child for a in page.context["allocations"]] == [mine]
    assert "Ava Brown" in page.content.decode()
    assert "Noah Jones" not in page.content.decode()


def test_team_caseloads(manager, social_worker, other_social_worker):
    for number in range(3):
        child = make_child(la_child_id=f"C{number}", first_name=f"Child{number}")
        allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    page = signed_in(manager).get(reverse("team"))
    caseloads = {member.username: member.caseload for member in page.context["members"]}
    assert caseloads == {"meg_manager": 0, "sam_social": 3}


def test_allocating_through_the_page(child, manager, social_worker, other_social_worker):
    url = reverse("child-allocate", args=[child.pk])
    assert signed_in(social_worker).get(url).status_code == 403
    data = {
        "worker": other_social_worker.pk,
        "start_on_day": "6",
        "start_on_month": "1",
        "start_on_year": "2025",
        "reason": "MANAGE",
        "note": "",
    }
    assert signed_in(social_worker).post(url, data).status_code == 403
    assert not Allocation.objects.exists()
    response = signed_in(manager).post(url, data)
    assert response.status_code == 302
    allocation = Allocation.objects.get()
    assert (allocation.worker, allocation.reason, allocation.recorded_by) == (
        other_social_worker,
        "MANAGE",
        manager,
    )


def test_a_manager_opens_a_workers_caseload(manager, social_worker, child):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    url = reverse("worker-caseload", args=[social_worker.pk])
    assert signed_in(social_worker).get(url).status_code == 403
    page = signed_in(manager).get(url)
    assert [a.child for a in page.context["allocations"]] == [child]
