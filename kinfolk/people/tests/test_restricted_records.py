"""A restricted or sealed child is absent, to those who may not see them, from everything that
could name or confirm them: other children's chronologies and relationship pages, the
duplicate checks of the child form, the search. Every attempt at one is in its access log."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from conftest import PASSWORD, make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.access.roles import Role
from kinfolk.people.models import Child
from kinfolk.people.restrictions import restrict_record, seal_adoption_record
from kinfolk.people.services import HiddenRecordConflict, create_child, relate
from kinfolk.people.tests.test_views import NEW_CHILD
from kinfolk.workforce.services import allocate_child, create_worker

pytestmark = pytest.mark.django_db


def worker(username: str, role: Role, team=None):
    return create_worker(
        username=username,
        display_name=username.replace("_", " ").title(),
        role=role,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )


@pytest.fixture
def noah(db):
    """Lily's brother, whose record is restricted to the team manager."""
    return make_child(
        la_child_id="C2", first_name="Noah", last_name="Jones", nhs_number="4010232137"
    )


@pytest.fixture
def restricted(noah, manager):
    restrict_record(child=noah, users=[manager], actor=manager, reason="Staff relative")
    noah.refresh_from_db()
    return noah


def refused(user) -> list[tuple[int, str]]:
    return list(
        AccessRecord.objects.filter(user=user, action="refused")
        .order_by("pk")
        .values_list("child_id", "what")
    )


# Chronologies of other children.


def test_a_sibling_s_chronology_shows_a_restricted_sibling_as_a_restricted_record(
    child, noah, manager, social_worker
):
    relate(child=child, kind="sibling", other_child=noah, actor=manager)
    restrict_record(child=noah, users=[manager], actor=manager, reason="Staff relative")
    url = reverse("children:chronology", args=[child.pk])
    page = signed_in(social_worker).get(url).content.decode()
    assert "Noah" not in page
    assert "A restricted record" in page
    summary = signed_in(social_worker).get(reverse("children:detail", args=[child.pk]))
    assert "Noah" not in summary.content.decode()
    named = signed_in(manager).get(url).content.decode()
    assert "Noah Jones recorded as sibling" in named
    assert "A restricted record" not in named


def test_the_entry_knows_which_child_it_names(child, noah, manager):
    relate(child=child, kind="sibling", other_child=noah, actor=manager)
    entry = child.chronology_entries.get(kind="relationship")
    assert (entry.summary, entry.other_child_id) == ("Noah Jones recorded as sibling", noah.pk)


def test_an_entry_read_without_knowing_the_reader_names_no_one_else(child, noah, manager):
    relate(child=child, kind="sibling", other_child=noah, actor=manager)
    entry = child.chronology_entries.get(kind="relationship")
    assert entry.shown_summary == "A restricted record"


# Relationship pages.


def test_the_relationship_page_lists_the_other_children_it_names(
    child, noah, social_worker, manager
):
    relate(child=child, kind="sibling", other_child=noah, actor=manager)
    signed_in(social_worker).get(reverse("children:relationships", args=[child.pk]))
    listed = AccessRecord.objects.get(user=social_worker, action="list")
    assert (listed.child, listed.what) == (
        noah,
        "Named on another child's household and relationships",
    )


def test_a_restricted_child_on_the_relationship_page_is_neither_named_nor_listed(
    child, noah, social_worker, manager
):
    relate(child=child, kind="sibling", other_child=noah, actor=manager)
    restrict_record(child=noah, users=[manager], actor=manager, reason="Staff relative")
    page = signed_in(social_worker).get(reverse("children:relationships", args=[child.pk]))
    assert "Noah" not in page.content.decode()
    assert not AccessRecord.objects.filter(user=social_worker, action="list").exists()


def test_relating_by_a_hidden_child_s_id_reads_as_no_such_child_and_is_logged(
    child, restricted, social_worker
):
    url = reverse("children:relationship-create", args=[child.pk])
    response = signed_in(social_worker).post(url, {"kind": "sibling", "other_child_id": "C2"})
    assert response.status_code == 200
    assert response.context["form"].errors["other_child_id"] == ["No child has this Child ID"]
    assert not child.relationships.exists()
    assert refused(social_worker) == [(restricted.pk, "Child record: relationship added")]


# Duplicate checks when recording a child.


def test_a_hidden_child_s_nhs_number_cannot_be_used_and_the_message_names_no_one(
    restricted, social_worker
):
    response = signed_in(social_worker).post(
        reverse("children:create"), {**NEW_CHILD, "nhs_number": "401 023 2137"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["nhs_number"] == [
        "This NHS number cannot be used: ask your information governance team"
    ]
    assert "already recorded" not in response.content.decode()
    assert not Child.objects.filter(la_child_id="C77").exists()
    assert refused(social_worker) == [(restricted.pk, "Recording a child")]


def test_a_hidden_child_s_child_id_cannot_be_used(restricted, social_worker):
    response = signed_in(social_worker).post(
        reverse("children:create"), {**NEW_CHILD, "la_child_id": "C2", "nhs_number": ""}
    )
    assert response.context["form"].errors["la_child_id"] == [
        "This Child ID cannot be used: ask your information governance team"
    ]
    assert Child.objects.filter(la_child_id="C2").count() == 1
    assert refused(social_worker) == [(restricted.pk, "Recording a child")]


def test_a_visible_child_s_identifiers_say_they_are_taken(noah, social_worker):
    response = signed_in(social_worker).post(
        reverse("children:create"),
        {**NEW_CHILD, "la_child_id": "C2", "nhs_number": "401 023 2137"},
    )
    errors = response.context["form"].errors
    assert errors["nhs_number"] == ["This NHS number is already recorded for another child"]
    assert errors["la_child_id"] == ["This Child ID is already recorded for another child"]
    assert refused(social_worker) == []


def test_the_named_see_the_plain_message(restricted, manager):
    response = signed_in(manager).post(
        reverse("children:create"), {**NEW_CHILD, "nhs_number": "401 023 2137"}
    )
    assert response.context["form"].errors["nhs_number"] == [
        "This NHS number is already recorded for another child"
    ]


def test_the_service_refuses_a_hidden_child_s_nhs_number_without_a_page(restricted, analyst):
    with pytest.raises(HiddenRecordConflict) as refusal:
        create_child(
            la_child_id="C9",
            first_name="Ava",
            last_name="Okafor",
            sex="F",
            ethnicity="WBRI",
            date_of_birth=dt.date(2018, 6, 9),
            nhs_number="4010232137",
            actor=analyst,
            is_not_duplicate=True,
        )
    assert refusal.value.hidden_child_ids == [restricted.pk]


def test_a_possible_duplicate_the_user_may_not_see_is_not_named_and_is_logged(
    restricted, social_worker
):
    data = {
        **NEW_CHILD,
        "first_name": "Noah",
        "last_name": "Jones",
        "date_of_birth_day": "3",
        "date_of_birth_month": "4",
        "date_of_birth_year": "2015",
        "nhs_number": "",
    }
    response = signed_in(social_worker).post(reverse("children:create"), data)
    # Without the form's token, whose random letters could spell anything.
    page = re.sub(r'(nonce|value)="[^"]*"', "", response.content.decode())
    assert response.context["possible_duplicates"] == []
    assert response.context["has_hidden_duplicate"] is True
    assert "C2" not in page and "Jones</a>" not in page
    assert "ask your information governance team" in page.replace("Ask", "ask")
    assert refused(social_worker) == [(restricted.pk, "Recording a child like this one")]


def test_a_possible_duplicate_shown_is_logged_as_listed(child, social_worker):
    data = {
        **NEW_CHILD,
        "first_name": "Lily",
        "last_name": "Smith",
        "date_of_birth_day": "3",
        "date_of_birth_month": "4",
        "date_of_birth_year": "2015",
        "nhs_number": "",
    }
    response = signed_in(social_worker).post(reverse("children:create"), data)
    assert response.context["possible_duplicates"] == [child]
    listed = AccessRecord.objects.get(user=social_worker, action="list")
    assert (listed.child, listed.what) == (child, "Recording a child: possible duplicates")


# Search.


def test_a_search_by_a_hidden_child_s_nhs_number_finds_nothing_and_is_logged(restricted, analyst):
    page = signed_in(analyst).get(reverse("children:search"), {"nhs_number": "4010232137"})
    assert page.context["results"] == []
    assert page.context["break_glass_urls"] == []
    assert "restricted" not in page.content.decode().lower()
    assert refused(analyst) == [(restricted.pk, "Search results")]


def test_a_search_by_name_alone_does_not_offer_the_glass(restricted, social_worker):
    page = signed_in(social_worker).get(reverse("children:search"), {"name": "Noah Jones"})
    assert (page.context["results"], page.context["break_glass_urls"]) == ([], [])
    assert refused(social_worker) == []


def test_a_search_by_child_id_offers_those_who_may_to_break_the_glass(restricted, social_worker):
    page = signed_in(social_worker).get(reverse("children:search"), {"la_child_id": "C2"})
    url = reverse("children:break-glass", args=[restricted.pk])
    assert page.context["results"] == []
    assert page.context["break_glass_urls"] == [url]
    content = page.content.decode()
    assert "There is a restricted record" in content and f'href="{url}"' in content
    assert "Noah" not in content


def test_a_sealed_record_is_never_offered(noah, social_worker):
    adopter = worker("ada_adoption", Role.ADOPTION)
    seal_adoption_record(child=noah, actor=adopter, reason="Adoption order made")
    page = signed_in(social_worker).get(reverse("children:search"), {"la_child_id": "C2"})
    assert (page.context["results"], page.context["break_glass_urls"]) == ([], [])
    assert refused(social_worker) == [(noah.pk, "Search results")]


# Sealed adoption records.


def test_sealing_hides_the_record_from_all_but_the_adoption_service(
    noah, social_worker, manager, team
):
    adopter = worker("ada_adoption", Role.ADOPTION, team)
    allocate_child(child=noah, worker=social_worker, start_on=noah.date_of_birth)
    url = reverse("children:seal", args=[noah.pk])
    assert signed_in(social_worker).get(url).status_code == 403
    response = signed_in(adopter).post(url, {"reason": "Adoption order made on 3/3/2026"})
    assert response.status_code == 302
    noah.refresh_from_db()
    assert noah.is_sealed
    detail = reverse("children:detail", args=[noah.pk])
    assert signed_in(social_worker).get(detail).status_code == 404
    assert signed_in(manager).get(detail).status_code == 404
    assert signed_in(adopter).get(detail).status_code == 200
    assert list(Child.objects.visible_to(manager)) == []
    team_page = signed_in(manager).get(reverse("team"))
    counts = {member.username: member.caseload for member in team_page.context["members"]}
    assert counts["sam_social"] == 0
    entry = noah.chronology_entries.get(kind="access")
    assert (entry.summary, entry.detail) == (
        "Adoption record sealed: only the adoption service can see it",
        "Adoption order made on 3/3/2026",
    )


def test_a_sealed_record_cannot_be_opened_with_break_the_glass(restricted, social_worker):
    adopter = worker("ada_adoption", Role.ADOPTION)
    seal_adoption_record(child=restricted, actor=adopter, reason="Adoption order made")
    url = reverse("children:break-glass", args=[restricted.pk])
    assert signed_in(social_worker).get(url).status_code == 404
    detail = signed_in(social_worker).get(reverse("children:detail", args=[restricted.pk]))
    assert detail.status_code == 404
    assert "break the glass" not in detail.content.decode().lower()
