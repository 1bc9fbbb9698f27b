"""Every page that shows a child's information writes an access record; restricted records
are invisible to everyone not named on them, and an attempt at one is logged as refused."""

import datetime as dt
import re

import pytest
from django.db import DatabaseError, transaction
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.access.tests.walk import worker_allowed
from kinfolk.people.restrictions import restrict_record
from kinfolk.people.views.mixins import ChildRecordMixin
from kinfolk.workforce.services import allocate_child

pytestmark = pytest.mark.django_db

#: The one page under /children/<pk>/ that does not find the child through ChildRecordMixin:
#: it is for a restricted child the user may not see (kinfolk/people/tests/test_break_glass.py).
HIDDEN_RECORD_PAGES = {"children:break-glass"}


def _patterns(resolver: URLResolver, prefix: str = "", namespace: str = ""):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            inner = (
                f"{namespace}:{pattern.namespace}"
                if namespace and pattern.namespace
                else (pattern.namespace or namespace)
            )
            yield from _patterns(pattern, prefix + str(pattern.pattern), inner)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield prefix + str(pattern.pattern), name, getattr(pattern.callback, "view_class", None)


def child_url_names() -> list[str]:
    """Every URL about one child; each must go through ChildRecordMixin. Those named by the
    child alone are returned, to be opened: a page of one of the child's records (a
    conference, a version of an assessment) finds the child, and writes the access log,
    through the same mixin."""
    found = []
    for route, name, view_class in _patterns(get_resolver()):
        if "children/<int:pk>/" in route and name not in HIDDEN_RECORD_PAGES:
            assert view_class is not None and issubclass(view_class, ChildRecordMixin), (
                f"{route} does not use ChildRecordMixin"
            )
            if route.count("<") == 1:
                found.append(name)
    return found


def test_the_walk_finds_the_child_pages():
    assert {
        "children:detail",
        "children:chronology",
        "children:access-log",
        "child-allocate",
    } <= set(child_url_names())


@pytest.mark.parametrize("url_name", child_url_names())
def test_every_child_page_writes_an_access_record(child, team, url_name):
    manager = worker_allowed(url_name, team)
    url = reverse(url_name, args=[child.pk])
    response = signed_in(manager).get(url, REMOTE_ADDR="10.1.2.3")
    assert response.status_code == 200
    record = AccessRecord.objects.get(child=child, path=url)
    assert (record.user, record.action, record.source) == (manager, "view", "10.1.2.3")


@pytest.mark.parametrize("url_name", child_url_names())
def test_a_restricted_child_is_404_to_others_and_the_attempt_is_logged(
    child, team, manager, url_name
):
    allowed = worker_allowed(url_name, team)
    restrict_record(child=child, users=[allowed], actor=manager, reason="Staff relative")
    social_worker = worker_allowed(url_name, team, username="not_named")
    url = reverse(url_name, args=[child.pk])
    assert signed_in(social_worker).get(url, REMOTE_ADDR="10.9.9.9").status_code == 404
    refused = AccessRecord.objects.get(user=social_worker)
    assert (refused.child, refused.action, refused.path, refused.source) == (
        child,
        "refused",
        url,
        "10.9.9.9",
    )
    assert refused.what.startswith("Child record")
    assert signed_in(allowed).get(url).status_code == 200


def test_a_child_that_does_not_exist_is_404_and_logs_nothing(child, social_worker):
    url = reverse("children:detail", args=[child.pk + 1000])
    assert signed_in(social_worker).get(url).status_code == 404
    assert not AccessRecord.objects.filter(user=social_worker).exists()


def without_tokens(content: bytes) -> bytes:
    """A page without its script nonce and form token, which differ on every response."""
    return re.sub(rb'(nonce|value)="[^"]*"', b"", content)


def test_the_refusal_reads_as_a_missing_child_to_those_who_cannot_break_the_glass(
    child, manager, analyst
):
    restrict_record(child=child, users=[manager], actor=manager, reason="Staff relative")
    client = signed_in(analyst)
    hidden = client.get(reverse("children:detail", args=[child.pk]))
    missing = client.get(reverse("children:detail", args=[child.pk + 1000]))
    assert hidden.status_code == missing.status_code == 404
    assert without_tokens(hidden.content) == without_tokens(missing.content)
    assert AccessRecord.objects.get(user=analyst).action == "refused"


def test_a_restricted_child_is_absent_from_search_and_caseload_counts(
    child, manager, social_worker, other_social_worker
):
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    restrict_record(child=child, users=[social_worker], actor=social_worker, reason="Relative")
    other = signed_in(other_social_worker)
    page = other.get(reverse("children:search"), {"name": "Lily Smith"})
    assert page.context["results"] == []
    assert f"/children/{child.pk}/" not in page.content.decode()
    team_page = signed_in(manager).get(reverse("team"))
    counts = {member.username: member.caseload for member in team_page.context["members"]}
    assert counts["sam_social"] == 0
    own = signed_in(social_worker).get(reverse("caseload"))
    assert [a.child for a in own.context["allocations"]] == [child]


def test_search_results_are_logged_as_listed(child, social_worker):
    signed_in(social_worker).get(reverse("children:search"), {"name": "Smith"})
    record = AccessRecord.objects.get(child=child)
    assert (record.action, record.what, record.user) == ("list", "Search results", social_worker)


def test_a_change_through_a_page_is_logged_as_a_change(child, social_worker):
    url = reverse("children:address-create", args=[child.pk])
    response = signed_in(social_worker).post(
        url,
        {
            "postcode": "WN2 3XY",
            "start_on_day": "1",
            "start_on_month": "5",
            "start_on_year": "2024",
        },
    )
    assert response.status_code == 302
    assert AccessRecord.objects.get(child=child, path=url).action == "change"


def test_access_records_cannot_be_changed(child, social_worker):
    signed_in(social_worker).get(reverse("children:detail", args=[child.pk]))
    record = AccessRecord.objects.get(child=child)
    with pytest.raises(DatabaseError), transaction.atomic():
        AccessRecord.objects.filter(pk=record.pk).update(what="Nothing to see")
    record.refresh_from_db()
    assert record.what == "Child record: summary"


def test_who_has_looked_is_for_managers(child, social_worker, manager, client):
    url = reverse("children:access-log", args=[child.pk])
    assert client.get(url).status_code == 302  # anonymous: to the sign-in page
    assert signed_in(social_worker).get(url).status_code == 403
    signed_in(social_worker).get(reverse("children:chronology", args=[child.pk]))
    page = signed_in(manager).get(url)
    assert page.status_code == 200
    rows = [(r.user.username, r.what) for r in page.context["page"].object_list]
    assert rows[0] == ("meg_manager", "Child record: access log")
    assert ("sam_social", "Child record: chronology") in rows


def test_other_children_are_unaffected_by_a_restriction(child, manager, social_worker):
    other = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    restrict_record(child=child, users=[manager], actor=manager, reason="Relative")
    assert (
        signed_in(social_worker).get(reverse("children:detail", args=[other.pk])).status_code == 200
    )
