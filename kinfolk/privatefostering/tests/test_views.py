"""The private fostering pages: the child's record of arrangements, each form (shown, a valid
post that saves, an invalid one that shows the message and saves nothing), the access log, the
register with "showing N of M" and its queries, and the duties in the worker's and the team's
work. All data is synthetic."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in, worker_of_role
from kinfolk.access.models import AccessRecord
from kinfolk.access.roles import Role
from kinfolk.casework.models import Visit
from kinfolk.duties.engine import recompute_children
from kinfolk.privatefostering import services
from kinfolk.privatefostering.models import Arrangement, SuitabilityCheck
from kinfolk.workforce.services import allocate_child

pytestmark = pytest.mark.django_db

D = dt.date


def text(response) -> str:
    return " ".join(response.content.decode().split())


def date_parts(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


BEGAN = D(2025, 3, 3)


def notify(child, began=BEGAN, told=None):
    return services.record_notification(
        child=child,
        began_on=began,
        notified_on=told or began,
        notified_by="parent",
        notifier_name="A parent",
        carer_name="Jo Example",
    )


def test_the_child_page_shows_the_arrangement_and_logs_the_access(child, social_worker):
    notify(child)
    services.record_check(child=child, kind="health", checked_on=D(2025, 3, 5), result="clear")
    client = signed_in(social_worker)
    response = client.get(reverse("privatefostering:child", args=[child.pk]))
    assert response.status_code == 200
    page = text(response)
    assert "With Jo Example, since 3 March 2025" in page
    assert "Checks: 1 of 4 done" in page
    assert "Record a private fostering visit" in page
    assert AccessRecord.objects.filter(
        child=child, action="view", what="Child record: private fostering"
    ).exists()
    # The child's record leads to it from every page.
    summary = text(client.get(reverse("children:detail", args=[child.pk])))
    assert reverse("privatefostering:child", args=[child.pk]) in summary


def test_a_notification_is_recorded_from_the_page(child, social_worker):
    client = signed_in(social_worker)
    url = reverse("privatefostering:notify", args=[child.pk])
    assert "Record a private fostering notification" in text(client.get(url))
    response = client.post(
        url,
        {
            "notified_by": "school",
            "notifier_name": "Ms Example",
            **date_parts("notified_on", D(2025, 3, 10)),
            **date_parts("began_on", D(2025, 3, 3)),
            "carer_name": "Jo Example",
            "carer_address": "1 Example Street",
            "carer_relationship": "Family friend",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("privatefostering:child", args=[child.pk])
    arrangement = Arrangement.objects.get()
    assert (arrangement.notified_by, arrangement.recorded_by) == ("school", social_worker)
    assert AccessRecord.objects.filter(child=child, action="change").exists()


def test_an_invalid_notification_shows_the_message_and_saves_nothing(child, social_worker):
    client = signed_in(social_worker)
    response = client.post(
        reverse("privatefostering:notify", args=[child.pk]),
        {
            "notified_by": "school",
            **date_parts("notified_on", D(2025, 3, 10)),
            **date_parts("began_on", D(2025, 3, 3)),
            "carer_name": "Jo Example",
        },
    )
    assert response.status_code == 200
    assert "Enter the name of who told the authority" in text(response)
    assert not Arrangement.objects.exists()


def test_a_step_without_a_current_arrangement_says_so(child, social_worker):
    response = signed_in(social_worker).get(reverse("privatefostering:visit", args=[child.pk]))
    assert (
        "Lily Smith has no current private fostering arrangement: record the notification first"
        in text(response)
    )


def test_a_visit_check_and_end_are_recorded_from_their_pages(child, social_worker):
    arrangement = notify(child)
    client = signed_in(social_worker)
    response = client.post(
        reverse("privatefostering:visit", args=[child.pk]),
        {
            **date_parts("visited_on", D(2025, 3, 6)),
            "is_child_seen": "yes",
            "is_seen_alone": "yes",
            "purpose": "First visit",
            "child_views": "Happy at Jo's",
        },
    )
    assert response.status_code == 302
    assert Visit.objects.get().kind == "private_fostering"
    bad = client.post(
        reverse("privatefostering:check", args=[child.pk]),
        {"kind": "health", **date_parts("checked_on", D(2025, 3, 7)), "result": "concerns"},
    )
    assert "Say what the check found" in text(bad)
    assert not SuitabilityCheck.objects.exists()
    end = reverse("privatefostering:end", args=[child.pk])
    assert "Record the end of the arrangement" in text(client.get(end))
    response = client.post(
        end,
        {
            "arrangement": arrangement.pk,
            **date_parts("ended_on", D(2025, 6, 1)),
            "reason": "returned_home",
        },
    )
    assert response.status_code == 302, text(response)
    assert Arrangement.objects.get().ended_on == D(2025, 6, 1)


def fostered(n, *, visited=True):
    child = make_child(la_child_id=f"P{n}", first_name=f"Kit{n}", last_name="Example")
    notify(child, began=D(2025, 1, 6) + dt.timedelta(days=n))
    if visited:
        services.record_private_fostering_visit(
            child=child,
            visited_on=D(2025, 1, 8) + dt.timedelta(days=n),
            is_child_seen=True,
            child_views="Likes it here",
        )
        services.record_check(
            child=child,
            kind="health",
            checked_on=D(2025, 1, 9) + dt.timedelta(days=n),
            result="clear",
        )
    return child


def register(client, page=None):
    url = reverse("privatefostering:register")
    return client.get(url, {"page": page} if page else {})


def test_the_register_lists_current_arrangements_overdue_first(social_worker, today):
    late = fostered(1)
    recent = make_child(la_child_id="P2", first_name="Ada", last_name="Recent")
    notify(recent, began=today)
    ended = fostered(3)
    services.end_arrangement(child=ended, ended_on=D(2025, 2, 1), reason="moved")
    response = register(signed_in(social_worker))
    page = text(response)
    assert "Showing 2 of 2" in page
    assert [row.arrangement.child for row in response.context["rows"]] == [late, recent]
    assert response.context["rows"][0].is_overdue is True
    assert response.context["rows"][0].checks.done == 1
    assert "Kit3" not in page
    assert AccessRecord.objects.filter(child=late, action="list").exists()


def test_the_register_paginates(social_worker):
    for n in range(27):
        fostered(n, visited=False)
    client = signed_in(social_worker)
    assert "Showing 25 of 27" in text(register(client))
    assert "Showing 2 of 27" in text(register(client, page=2))


def test_the_register_s_queries_do_not_grow_with_the_arrangements(social_worker):
    client = signed_in(social_worker)
    fostered(0)
    register(client)
    with CaptureQueriesContext(connection) as one:
        register(client)
    for n in range(1, 12):
        fostered(n)
    with CaptureQueriesContext(connection) as many:
        response = register(client)
    assert len(response.context["rows"]) == 12
    assert len(one) == len(many)


def test_a_worker_without_casework_may_not_open_the_register(db):
    iro = worker_of_role(Role.IRO, username="iro1")
    assert register(signed_in(iro)).status_code == 403


def test_the_visit_duties_are_in_the_worker_s_and_the_team_s_work(social_worker, manager, today):
    child = make_child(la_child_id="P1")
    allocate_child(child=child, worker=social_worker, start_on=today - dt.timedelta(days=30))
    notify(child, began=today - dt.timedelta(days=20))
    recompute_children([child.pk])
    work = signed_in(social_worker).get(reverse("duties:my-work")).context["work"]
    assert [d.rule for d in work.overdue if d.child_id == child.pk] == ["pf-first-visit-7wd"]
    team = signed_in(manager).get(reverse("duties:team-work")).context["work"]
    assert [d.rule for d in team.overdue if d.child_id == child.pk] == ["pf-first-visit-7wd"]
