"""The independent reviewing officer allocated to a child in care: the service, its refusals,
the history, and the pages that show and allocate the IRO."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from conftest import signed_in
from kinfolk.care.models import IROAllocation
from kinfolk.care.services import allocate_iro, end_care, end_iro_allocation, start_care
from kinfolk.care.services.iro import children_of_iro, current_iro_allocation
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import allocate_child, create_worker

pytestmark = pytest.mark.django_db

D = dt.date
CARE_STARTED = D(2025, 1, 10)


@pytest.fixture
def in_care(child, social_worker):
    allocate_child(child=child, worker=social_worker, start_on=D(2025, 1, 6))
    start_care(
        child=child,
        start_on=CARE_STARTED,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    return child


def officer(username: str, name: str):
    return create_worker(username=username, display_name=name, role=Role.IRO, is_qualified=True)


@pytest.fixture
def iro(db):
    return officer("ira_iro", "Ira Reid")


@pytest.fixture
def next_iro(db):
    return officer("ivo_iro", "Ivo Stone")


def counts(child) -> tuple[int, int, int]:
    return (
        IROAllocation.objects.filter(child=child).count(),
        IROAllocation.objects.filter(child=child, end_on__isnull=True).count(),
        ChronologyEntry.objects.filter(child=child).count(),
    )


def refused(field: str, **kwargs) -> str:
    with pytest.raises(ValidationError) as error:
        allocate_iro(**kwargs)
    return error.value.message_dict[field][0]


def test_the_first_iro_is_allocated_with_the_reason_first(in_care, iro, manager):
    allocation = allocate_iro(child=in_care, iro=iro, start_on=D(2025, 1, 13), actor=manager)
    assert (allocation.iro, allocation.start_on, allocation.end_on) == (iro, D(2025, 1, 13), None)
    assert (allocation.reason, allocation.recorded_by) == ("first", manager)
    entry = ChronologyEntry.objects.filter(child=in_care).latest("pk")
    assert entry.summary == "Independent reviewing officer allocated: Ira Reid"
    assert current_iro_allocation(in_care) == allocation


def test_a_change_of_iro_ends_the_previous_on_the_same_day_and_needs_a_reason(
    in_care, iro, next_iro
):
    first = allocate_iro(child=in_care, iro=iro, start_on=D(2025, 1, 13))
    before = counts(in_care)
    assert (
        refused("reason", child=in_care, iro=next_iro, start_on=D(2025, 6, 2))
        == "Choose why the child's IRO is changing"
    )
    assert counts(in_care) == before
    second = allocate_iro(child=in_care, iro=next_iro, start_on=D(2025, 6, 2), reason="iro_left")
    first.refresh_from_db()
    assert first.end_on == D(2025, 6, 2)
    assert (second.reason, second.end_on) == ("iro_left", None)
    assert list(IROAllocation.objects.filter(child=in_care)) == [second, first]


@pytest.mark.parametrize(
    ("start_on", "field", "message"),
    [
        (D(2025, 1, 9), "start_on", "was not looked after on 9 January 2025"),
        (dt.date.today() + dt.timedelta(days=2), "start_on", "must be today or in the past"),
    ],
)
def test_an_iro_is_allocated_only_while_the_child_is_looked_after(
    in_care, iro, start_on, field, message
):
    before = counts(in_care)
    assert message in refused(field, child=in_care, iro=iro, start_on=start_on)
    assert counts(in_care) == before


def test_only_an_independent_reviewing_officer_can_be_allocated(in_care, social_worker):
    assert refused("iro", child=in_care, iro=social_worker, start_on=D(2025, 2, 3)) == (
        "Sam Social is not an independent reviewing officer: choose an IRO"
    )
    assert counts(in_care)[0] == 0


def test_the_same_iro_is_not_allocated_twice_nor_before_the_current_one(in_care, iro, next_iro):
    allocate_iro(child=in_care, iro=iro, start_on=D(2025, 3, 3))
    assert refused("iro", child=in_care, iro=iro, start_on=D(2025, 4, 1)) == (
        "Ira Reid is already Lily Smith's IRO"
    )
    assert "on or after 3 March 2025" in refused(
        "start_on", child=in_care, iro=next_iro, start_on=D(2025, 2, 3), reason="caseload"
    )


def test_ending_the_allocation_and_coming_back_into_care(in_care, iro, next_iro):
    allocate_iro(child=in_care, iro=iro, start_on=CARE_STARTED)
    end_care(child=in_care, on=D(2025, 8, 1), reason="E8")
    # The IRO's allocation ends with the care.
    assert current_iro_allocation(in_care) is None
    assert IROAllocation.objects.get(child=in_care, iro=iro).end_on == D(2025, 8, 1)
    with pytest.raises(ValidationError):
        end_iro_allocation(child=in_care, end_on=D(2025, 8, 2))
    start_care(
        child=in_care,
        start_on=D(2025, 10, 1),
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    again = allocate_iro(child=in_care, iro=next_iro, start_on=D(2025, 10, 1))
    assert again.reason == "return_to_care"
    assert (
        refused("reason", child=in_care, iro=iro, start_on=D(2025, 10, 2), reason="first")
        == "This child has had an IRO before: choose another reason"
    )


def test_children_of_an_iro_are_those_allocated_now(in_care, iro, next_iro, social_worker):
    allocate_iro(child=in_care, iro=iro, start_on=CARE_STARTED)
    assert list(children_of_iro(iro, viewer=iro)) == [in_care]
    allocate_iro(child=in_care, iro=next_iro, start_on=D(2025, 5, 1), reason="caseload")
    assert list(children_of_iro(iro, viewer=iro)) == []
    assert list(children_of_iro(next_iro, viewer=social_worker)) == [in_care]


def test_the_iro_page_shows_the_iro_now_and_every_iro_before(in_care, iro, next_iro, manager):
    allocate_iro(child=in_care, iro=iro, start_on=CARE_STARTED, note="Met Lily at school")
    allocate_iro(child=in_care, iro=next_iro, start_on=D(2025, 6, 2), reason="iro_left")
    page = signed_in(manager).get(reverse("care:iro", args=[in_care.pk]))
    assert page.status_code == 200
    assert page.context["current_iro"].iro == next_iro
    assert [a.iro for a in page.context["history"]] == [next_iro, iro]
    html = page.content.decode()
    assert "The previous IRO left the service or the role" in html
    assert "Met Lily at school" in html
    assert reverse("care:iro-allocate", args=[in_care.pk]) in html


def test_the_care_page_links_to_the_iro(in_care, worker_client):
    page = worker_client.get(reverse("care:child-care", args=[in_care.pk]))
    assert reverse("care:iro", args=[in_care.pk]) in page.content.decode()


def test_a_social_worker_sees_the_iro_but_cannot_allocate_one(in_care, iro, worker_client):
    page = worker_client.get(reverse("care:iro", args=[in_care.pk]))
    assert page.status_code == 200
    assert reverse("care:iro-allocate", args=[in_care.pk]) not in page.content.decode()
    url = reverse("care:iro-allocate", args=[in_care.pk])
    assert worker_client.get(url).status_code == 403
    post = {"iro": iro.pk, "start_on_day": "3", "start_on_month": "2", "start_on_year": "2025"}
    assert worker_client.post(url, post).status_code == 403
    assert counts(in_care)[0] == 0


def test_a_manager_of_another_team_cannot_allocate(in_care, iro, other_team):
    other_manager = create_worker(
        username="oli_manager", display_name="Oli", role=Role.TEAM_MANAGER, team=other_team
    )
    url = reverse("care:iro-allocate", args=[in_care.pk])
    post = {"iro": iro.pk, "start_on_day": "3", "start_on_month": "2", "start_on_year": "2025"}
    assert signed_in(other_manager).post(url, post).status_code == 403
    assert counts(in_care)[0] == 0


def test_a_manager_allocates_an_iro_through_the_page(in_care, iro, next_iro, manager_client):
    url = reverse("care:iro-allocate", args=[in_care.pk])
    page = manager_client.get(url)
    assert page.status_code == 200
    assert list(page.context["form"].fields["iro"].queryset) == [iro, next_iro]
    post = {"iro": iro.pk, "start_on_day": "3", "start_on_month": "2", "start_on_year": "2025"}
    response = manager_client.post(url, post)
    assert response.status_code == 302
    assert response.url == reverse("care:iro", args=[in_care.pk])
    assert current_iro_allocation(in_care).iro == iro
    change = {**post, "iro": next_iro.pk, "start_on_day": "4"}
    page = manager_client.post(url, change)
    assert page.status_code == 200
    assert "Choose why the child&#x27;s IRO is changing" in page.content.decode()
    assert current_iro_allocation(in_care).iro == iro
    response = manager_client.post(url, {**change, "reason": "caseload"})
    assert response.status_code == 302
    assert current_iro_allocation(in_care).iro == next_iro


def test_the_allocation_page_says_why_not_for_a_child_not_in_care(child, manager_client):
    page = manager_client.get(reverse("care:iro-allocate", args=[child.pk]))
    assert page.status_code == 200
    assert "is not looked after: record the start of care first" in page.content.decode()
