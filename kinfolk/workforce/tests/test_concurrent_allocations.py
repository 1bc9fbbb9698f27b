"""Five managers allocating the same child at the same moment: one allocation is made, the
others are refused in words, and the database never refuses with an error (a 500)."""

import pytest
from django.db import connections
from django.urls import reverse
from django.utils import timezone

from conftest import PASSWORD, make_child, signed_in
from kinfolk.core.tests.concurrency import at_once, saved_or_refused
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Allocation
from kinfolk.workforce.services import allocate_child, create_team, create_worker

pytestmark = pytest.mark.django_db(transaction=True)


def staff(role: Role, count: int, prefix: str) -> list:
    team = create_team(name="Assessment North")
    return [
        create_worker(
            username=f"{prefix}{n}",
            display_name=f"{prefix.title()} {n}",
            role=role,
            team=team,
            is_qualified=True,
            password=PASSWORD,
        )
        for n in range(count)
    ]


def test_five_allocations_of_one_child_at_once_make_one():
    child = make_child()
    workers = staff(Role.SOCIAL_WORKER, 5, "worker")
    today = timezone.localdate()

    outcomes = at_once(
        5,
        lambda n: saved_or_refused(
            lambda: allocate_child(child=child, worker=workers[n], start_on=today, replacing=None)
        ),
    )

    assert outcomes.count("saved") == 1
    holder = Allocation.objects.get().worker
    refusal = (
        f"While you were choosing, this child's case was allocated to {holder}. "
        "Check the allocation history before you change it"
    )
    assert sorted(outcomes) == sorted(["saved"] + [refusal] * 4)
    assert child.chronology_entries.filter(kind="allocation").count() == 1
    connections.close_all()


def test_five_managers_posting_the_allocation_page_at_once_get_one_allocation():
    child = make_child()
    workers = staff(Role.SOCIAL_WORKER, 5, "worker")
    managers = [signed_in(manager) for manager in staff(Role.TEAM_MANAGER, 5, "manager")]
    url = reverse("child-allocate", args=[child.pk])
    opened = [manager.get(url) for manager in managers]
    assert [page.status_code for page in opened] == [200] * 5
    today = timezone.localdate()

    def allocate(n: int) -> tuple[int, str]:
        response = managers[n].post(
            url,
            {
                "worker": workers[n].pk,
                "start_on_day": today.day,
                "start_on_month": today.month,
                "start_on_year": today.year,
                "reason": "FCONTA",
                "replacing": opened[n].context["form"]["replacing"].value(),
            },
        )
        return response.status_code, response.content.decode()

    outcomes = at_once(5, allocate)

    assert sorted(status for status, _page in outcomes) == [200, 200, 200, 200, 302]
    for status, page in outcomes:
        if status == 200:
            assert "While you were choosing, this child&#x27;s case was allocated to" in page
    assert Allocation.objects.count() == 1
    connections.close_all()
