"""The child pages, as anonymous, as the wrong role and as the right role."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.chronology.choices import EntryKind
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.people.models import Child

pytestmark = pytest.mark.django_db

NEW_CHILD = {
    "la_child_id": "C77",
    "first_name": "Ava",
    "last_name": "Okafor",
    "date_of_birth_day": "9",
    "date_of_birth_month": "6",
    "date_of_birth_year": "2018",
    "sex": "F",
    "ethnicity": "BAFR",
    "nhs_number": "401 023 2137",
    "postcode": "wn1 2ab",
    "disabilities": ["NONE"],
    "language": "English",
}


def test_anonymous_people_are_sent_to_sign_in(client, child):
    response = client.get(reverse("children:detail", args=[child.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def test_recording_a_child_through_the_page(worker_client):
    response = worker_client.post(reverse("children:create"), NEW_CHILD)
    child = Child.objects.get(la_child_id="C77")
    assert response.status_code == 302
    assert response["Location"] == reverse("children:detail", args=[child.pk])
    assert (child.full_name, child.date_of_birth, child.nhs_number) == (
        "Ava Okafor",
        dt.date(2018, 6, 9),
        "4010232137",
    )
    assert child.addresses.get().postcode == "WN1 2AB"


def test_errors_show_next_to_the_field_and_nothing_is_saved(worker_client, child):
    data = {
        **NEW_CHILD,
        "nhs_number": "9434765919",
        "date_of_birth_day": "31",
        "date_of_birth_month": "2",
        "upn": "A801200005001",
    }
    response = worker_client.post(reverse("children:create"), data)
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["date_of_birth"] == ["Enter a real date, for example 27 3 2024"]
    page = response.content.decode()
    assert 'class="govuk-error-summary"' in page
    assert 'href="#id_date_of_birth_0"' in page
    assert 'id="id_date_of_birth_0"' in page
    assert Child.objects.count() == 1
    data["date_of_birth_day"] = "28"
    response = worker_client.post(reverse("children:create"), data)
    errors = response.context["form"].errors
    assert errors["nhs_number"] == ["This NHS number is already recorded for another child"]
    assert errors["upn"] == [
        "The first letter of this UPN does not match the rest: check it was typed correctly"
    ]
    assert Child.objects.count() == 1


def test_a_possible_duplicate_needs_confirmation(worker_client, child):
    data = {
        **NEW_CHILD,
        "first_name": "Lilly",
        "last_name": "Smyth",
        "date_of_birth_day": "3",
        "date_of_birth_month": "4",
        "date_of_birth_year": "2015",
        "nhs_number": "",
    }
    response = worker_client.post(reverse("children:create"), data)
    assert response.status_code == 200
    assert response.context["possible_duplicates"] == [child]
    assert Child.objects.count() == 1
    response = worker_client.post(reverse("children:create"), {**data, "is_not_duplicate": "on"})
    assert response.status_code == 302
    assert Child.objects.count() == 2


def test_editing_identity(worker_client, child):
    url = reverse("children:edit", args=[child.pk])
    form = worker_client.get(url).context["form"]
    assert form.initial["nhs_number"] == "9434765919"
    data = {
        "first_name": "Lily",
        "last_name": "Smith-Jones",
        "date_of_birth_day": "3",
        "date_of_birth_month": "4",
        "date_of_birth_year": "2015",
        "sex": "F",
        "ethnicity": "WBRI",
        "nhs_number": "9434765919",
        "disabilities": ["NONE"],
    }
    assert worker_client.post(url, data).status_code == 302
    child.refresh_from_db()
    assert child.last_name == "Smith-Jones"


def test_chronology_filters_by_kind(worker_client, child, social_worker):
    from kinfolk.people.services import raise_alert

    raise_alert(child=child, kind="medical", description="Asthma", start_on=dt.date(2024, 1, 2))
    url = reverse("children:chronology", args=[child.pk])
    everything = worker_client.get(url).context["page"].object_list
    assert [entry.kind for entry in everything] == ["alert", "birth"]
    alerts = worker_client.get(url, {"kind": "alert"}).context["page"].object_list
    assert [entry.summary for entry in alerts] == ["Alert: Medical: Asthma"]
    significant = worker_client.get(url, {"significant": "1"}).context["page"].object_list
    assert [entry.kind for entry in significant] == ["birth"]


def _add_entries(child: Child, count: int) -> None:
    ChronologyEntry.objects.bulk_create(
        ChronologyEntry(
            child=child,
            occurred_on=dt.date(2016, 1, 1) + dt.timedelta(days=n),
            kind=EntryKind.RECORD,
            summary=f"Entry {n}",
            is_significant=n % 7 == 0,
        )
        for n in range(count)
    )


@pytest.mark.parametrize("url_name", ["children:detail", "children:chronology"])
def test_child_page_queries_do_not_grow_with_the_chronology(social_worker, url_name):
    small = make_child(la_child_id="C10")
    large = make_child(la_child_id="C500", first_name="Noah", last_name="Jones")
    _add_entries(small, 10)
    _add_entries(large, 500)
    client = signed_in(social_worker)
    counts = []
    for child in (small, large):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse(url_name, args=[child.pk])).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_adding_relationships_through_the_page(worker_client, child):
    brother = make_child(la_child_id="C2", first_name="Sam", date_of_birth=dt.date(2018, 2, 14))
    url = reverse("children:relationship-create", args=[child.pk])
    response = worker_client.post(
        url, {"kind": "sibling", "other_child_id": "C2", "lives_with": "on"}
    )
    assert response.status_code == 302
    assert child.relationships.get().other_child == brother
    assert brother.relationships.get().other_child == child
    response = worker_client.post(
        url, {"kind": "father", "adult_first_name": "Tom", "adult_last_name": "Smith"}
    )
    assert response.status_code == 302
    assert child.relationships.get(kind="father").other_adult.full_name == "Tom Smith"
    response = worker_client.post(url, {"kind": "other", "other_child_id": "C999"})
    assert response.context["form"].errors["other_child_id"] == ["No child has this Child ID"]
    response = worker_client.post(url, {"kind": "other"})
    assert response.context["form"].non_field_errors() == [
        "Give either the Child ID of another child or an adult's name, not both"
    ]
    assert child.relationships.count() == 2


def test_a_manager_restricts_a_record(child, manager, social_worker, analyst):
    url = reverse("children:restrict", args=[child.pk])
    assert signed_in(social_worker).post(url, {"reason": "x"}).status_code == 403
    child.refresh_from_db()
    assert not child.is_restricted
    response = signed_in(manager).post(
        url, {"users": [social_worker.pk], "other_usernames": "nobody", "reason": "Relative"}
    )
    assert response.context["form"].errors["other_usernames"] == [
        "No member of staff has the username nobody"
    ]
    response = signed_in(manager).post(
        url,
        {
            "users": [social_worker.pk],
            "other_usernames": "ann_analyst",
            "reason": "A relative of a member of staff",
        },
    )
    assert response.status_code == 302
    child.refresh_from_db()
    assert child.is_restricted
    assert set(child.restriction_grants.values_list("user__username", flat=True)) == {
        "meg_manager",
        "sam_social",
        "ann_analyst",
    }


def test_a_manager_lifts_a_restriction(child, manager, social_worker):
    from kinfolk.people.restrictions import restrict_record

    restrict_record(child=child, users=[], actor=manager, reason="Relative of staff")
    url = reverse("children:lift-restriction", args=[child.pk])
    # Refused for the role, whatever the record: the answer says nothing of the child.
    assert signed_in(social_worker).get(url).status_code == 403
    assert signed_in(social_worker).get(url.replace(str(child.pk), "999999")).status_code == 403
    page = signed_in(manager).get(url)
    assert [user.username for user in page.context["named"]] == ["meg_manager"]
    response = signed_in(manager).post(url, {"reason": ""})
    assert response.context["form"].errors["reason"] == ["Say why the restriction is lifted"]
    child.refresh_from_db()
    assert child.is_restricted
    response = signed_in(manager).post(url, {"reason": "The member of staff has left"})
    assert response.status_code == 302
    child.refresh_from_db()
    assert not child.is_restricted
    assert not child.restriction_grants.exists()
    assert (
        signed_in(social_worker).get(reverse("children:detail", args=[child.pk])).status_code == 200
    )
    entry = child.chronology_entries.filter(kind="access").first()
    assert (entry.summary, entry.detail) == (
        "Restriction lifted: the record is open to all staff",
        "The member of staff has left",
    )
