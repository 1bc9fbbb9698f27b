"""The leaving-care pages: anonymous, wrong role and right role; the young person's page and
the list of care leavers, with their query counts; and the forms with their errors."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.casework.tests.pages import assert_refused, post_data
from kinfolk.leaving.models import CareLeaverContact, PathwayPlan, PersonalAdviserAllocation
from kinfolk.leaving.services import (
    allocate_personal_adviser,
    record_care_leaver_contact,
    record_pathway_plan,
)
from kinfolk.leaving.tests.conftest import leaving_counts, look_after

pytestmark = pytest.mark.django_db

D = dt.date

#: Every page about one young person, and whether it is for managers only.
PAGES = {
    "leaving:child-leaving": False,
    "leaving:adviser-allocate": True,
    "leaving:pathway-plan-create": False,
    "leaving:pathway-plan-audit": True,
    "leaving:contact-create": False,
    "leaving:staying-put-create": False,
    "leaving:staying-put-end": False,
    "leaving:support-create": False,
    "leaving:support-end": False,
}


def url(name: str, child) -> str:
    return reverse(name, args=[child.pk])


@pytest.mark.parametrize("name", PAGES)
def test_anonymous_people_are_sent_to_sign_in(client, care_leaver, name):
    page = url(name, care_leaver)
    for response in (client.get(page), client.post(page, {})):
        assert response.status_code == 302
        assert response["Location"] == f"/sign-in/?next={page}"


def test_the_list_is_for_signed_in_staff(client):
    assert client.get("/care-leavers/")["Location"] == "/sign-in/?next=/care-leavers/"


@pytest.mark.parametrize("name", [name for name, managers in PAGES.items() if managers])
def test_managers_only_pages_are_forbidden_to_social_workers(
    worker_client, care_leaver, adviser, name
):
    before = leaving_counts(care_leaver)
    assert worker_client.get(url(name, care_leaver)).status_code == 403
    response = worker_client.post(
        url(name, care_leaver), post_data(adviser=adviser.pk, start_on=D(2025, 3, 1))
    )
    assert response.status_code == 403
    assert leaving_counts(care_leaver) == before


@pytest.mark.parametrize("name", PAGES)
def test_every_page_opens_for_a_child_who_is_not_a_care_leaver(manager_client, child, name):
    assert manager_client.get(url(name, child)).status_code == 200


def test_forms_for_someone_who_is_not_a_care_leaver_say_why_and_save_nothing(
    worker_client, child, today
):
    page = url("leaving:contact-create", child)
    response = worker_client.get(page)
    assert (
        "Lily Smith is not a care leaver. Not a care leaver: has never been looked after."
        in response.content.decode()
    )
    assert '<form method="post" novalidate>' not in response.content.decode()
    response = worker_client.post(page, post_data(contacted_on=today, in_touch="NO"))
    assert response.status_code == 200
    assert CareLeaverContact.objects.count() == 0


# The young person's page ----------------------------------------------------------------------


def test_the_page_of_a_child_who_was_never_looked_after_says_so(worker_client, child):
    html = worker_client.get(url("leaving:child-leaving", child)).content.decode()
    assert "Not a care leaver: has never been looked after." in html
    assert "There is nothing to record about leaving care for Lily Smith." in html
    assert "Record next" not in html
    assert "Pathway plans" not in html


def test_the_page_shows_status_adviser_plans_and_contacts_latest_first(
    worker_client, care_leaver, adviser
):
    allocate_personal_adviser(
        child=care_leaver, adviser=adviser, start_on=D(2025, 3, 1), joint_visit_on=D(2025, 2, 1)
    )
    record_pathway_plan(
        child=care_leaver,
        made_on=D(2025, 4, 1),
        young_person_views="Wants to live near her sister",
        is_copy_given=True,
    )
    record_care_leaver_contact(
        child=care_leaver,
        contacted_on=D(2025, 5, 1),
        in_touch="YES",
        accommodation="E1",
        activity="F2",
    )
    record_care_leaver_contact(
        child=care_leaver,
        contacted_on=D(2025, 9, 1),
        in_touch="YES",
        accommodation="U2",
        activity="G5",
    )
    response = worker_client.get(url("leaving:child-leaving", care_leaver))
    html = response.content.decode()
    assert (
        "Former relevant: left care on 1 March 2025, aged 16, after 59 weeks looked after since "
        "14th birthday" in html
    )
    assert "Pat Adviser" in html
    assert "1 February 2025 (before 18)" in html
    assert "Wants to live near her sister" in html
    assert "Next review due by 1 October 2025." in html
    assert html.index("1 Sep 2025") < html.index("1 May 2025")
    assert "Independent living (unsuitable)" in html
    assert "Not in education, employment or training: other" in html
    flags = [flag.code for flag in response.context["person"].flags]
    assert flags == [
        "no_recent_contact",
        "plan_review_overdue",
        "neet",
        "left_eet",
        "unsuitable_accommodation",
    ]
    assert "19th birthday, 10 June 2027" in html
    assert "Record a contact" in html
    assert "Allocate a personal adviser" not in html  # managers only


def test_the_page_does_not_grow_in_queries_with_the_history(
    worker_client, care_leaver, adviser, django_assert_max_num_queries
):
    allocate_personal_adviser(child=care_leaver, adviser=adviser, start_on=D(2025, 3, 1))
    page = url("leaving:child-leaving", care_leaver)

    def add_contacts(count, start):
        for day in range(count):
            record_care_leaver_contact(
                child=care_leaver,
                contacted_on=start + dt.timedelta(days=day),
                in_touch="YES",
                accommodation="E1",
                activity="F2",
            )
            record_pathway_plan(
                child=care_leaver, made_on=start + dt.timedelta(days=day), is_imported=True
            )

    add_contacts(2, D(2025, 4, 1))
    with django_assert_max_num_queries(30) as small:
        assert worker_client.get(page).status_code == 200
    add_contacts(12, D(2025, 6, 1))
    with django_assert_max_num_queries(len(small.captured_queries)):
        assert worker_client.get(page).status_code == 200


# The forms ------------------------------------------------------------------------------------


def test_a_manager_allocates_a_personal_adviser(manager_client, care_leaver, adviser, manager):
    response = manager_client.post(
        url("leaving:adviser-allocate", care_leaver),
        post_data(adviser=adviser.pk, start_on=D(2025, 3, 1), introduced_on=D(2025, 2, 1)),
    )
    assert response.status_code == 302
    assert response["Location"] == url("leaving:child-leaving", care_leaver)
    allocation = PersonalAdviserAllocation.objects.get()
    assert (allocation.adviser, allocation.introduced_on, allocation.recorded_by) == (
        adviser,
        D(2025, 2, 1),
        manager,
    )


def test_a_pathway_plan_through_the_page(worker_client, care_leaver, social_worker):
    response = worker_client.post(
        url("leaving:pathway-plan-create", care_leaver),
        post_data(
            made_on=D(2025, 4, 1),
            accommodation="Supported lodgings",
            accommodation_target_on=D(2026, 1, 31),
            young_person_views="Wants a flat near college",
            is_copy_given="yes",
            has_young_persons_version="no",
        ),
    )
    assert response.status_code == 302
    plan = PathwayPlan.objects.get()
    assert (plan.accommodation, plan.is_copy_given, plan.has_young_persons_version) == (
        "Supported lodgings",
        True,
        False,
    )
    assert plan.recorded_by == social_worker


def test_a_pathway_plan_without_the_young_persons_views_is_refused(worker_client, care_leaver):
    response = worker_client.post(
        url("leaving:pathway-plan-create", care_leaver),
        post_data(made_on=D(2025, 4, 1), is_copy_given="yes"),
    )
    assert_refused(response, "young_person_views", "Enter the young person's views of their plan")
    assert PathwayPlan.objects.count() == 0


def test_a_contact_in_touch_needs_accommodation_and_activity(worker_client, care_leaver):
    page = url("leaving:contact-create", care_leaver)
    response = worker_client.post(
        page, post_data(contacted_on=D(2025, 5, 1), in_touch="YES", activity="F5")
    )
    assert_refused(response, "accommodation", "Choose the young person's accommodation")
    response = worker_client.post(page, post_data(contacted_on=D(2025, 5, 1), in_touch="YES"))
    assert response.context["form"].errors == {
        "accommodation": ["Choose the young person's accommodation"],
        "activity": ["Choose the young person's main activity"],
    }
    assert CareLeaverContact.objects.count() == 0
    response = worker_client.post(
        page,
        post_data(contacted_on=D(2025, 5, 1), in_touch="YES", accommodation="E1", activity="F5"),
    )
    assert response.status_code == 302
    contact = CareLeaverContact.objects.get()
    assert (contact.accommodation, contact.activity) == ("E1", "F5")


def test_a_future_contact_is_refused_next_to_the_date(worker_client, care_leaver, tomorrow):
    response = worker_client.post(
        url("leaving:contact-create", care_leaver),
        post_data(contacted_on=tomorrow, in_touch="NO"),
    )
    assert_refused(response, "contacted_on", "The date of the contact must be today or in the past")


def test_staying_put_through_the_page(worker_client, looked_after_at_18):
    page = url("leaving:staying-put-create", looked_after_at_18)
    response = worker_client.post(page, post_data(start_on=D(2026, 6, 10)))
    assert_refused(
        response,
        "is_in_full_time_education",
        "Say whether the young person is in full-time education",
    )
    response = worker_client.post(
        page,
        post_data(
            start_on=D(2026, 6, 10), carers="Mr and Mrs Hale", is_in_full_time_education="no"
        ),
    )
    assert response.status_code == 302
    assert looked_after_at_18.staying_put.get().carers == "Mr and Mrs Hale"


# The list of care leavers ---------------------------------------------------------------------


def add_care_leavers(count: int, first: int, adviser) -> None:
    for number in range(first, first + count):
        young_person = make_child(
            la_child_id=f"CL{number}",
            first_name=f"Young{number}",
            last_name="Person",
            date_of_birth=D(2008, 1, 1),
        )
        look_after(young_person, D(2023, 1, 1), D(2025, 1, 1))
        allocate_personal_adviser(child=young_person, adviser=adviser, start_on=D(2025, 1, 1))
        record_care_leaver_contact(
            child=young_person,
            contacted_on=D(2025, 2, 1),
            in_touch="YES",
            accommodation="U1",
            activity="G5",
        )


def test_the_list_shows_current_care_leavers_with_their_flags(
    client, care_leaver, eligible, child, adviser, other_adviser, aged_22, today
):
    allocate_personal_adviser(child=care_leaver, adviser=adviser, start_on=D(2025, 3, 1))
    record_care_leaver_contact(
        child=care_leaver,
        contacted_on=today - dt.timedelta(days=10),
        in_touch="YES",
        accommodation="E1",
        activity="F2",
    )
    allocate_personal_adviser(child=eligible, adviser=other_adviser, start_on=D(2026, 1, 15))
    response = signed_in(adviser).get("/care-leavers/")
    people = response.context["people"]
    assert [(p.child.la_child_id, p.standing.status) for p in people] == [
        ("L3", "eligible"),
        ("L1", "former_relevant"),
    ]
    jade = people[1]
    assert (jade.days_since_contact, jade.is_eet, jade.is_accommodation_suitable) == (
        10,
        True,
        True,
    )
    assert [flag.code for flag in jade.flags] == ["no_pathway_plan"]
    html = response.content.decode()
    assert "10 days ago" in html

    mine = signed_in(adviser).get("/care-leavers/?mine=1").context["people"]
    assert [p.child.la_child_id for p in mine] == ["L1"]
    no_plan = signed_in(adviser).get("/care-leavers/?flag=no_pathway_plan").context["people"]
    assert [p.child.la_child_id for p in no_plan] == ["L3", "L1"]
    neet = signed_in(adviser).get("/care-leavers/?flag=neet").context["people"]
    assert neet == []


def test_the_list_does_not_grow_in_queries(worker_client, adviser, django_assert_max_num_queries):
    add_care_leavers(2, 1, adviser)
    with django_assert_max_num_queries(30) as small:
        response = worker_client.get("/care-leavers/?flag=neet")
    assert len(response.context["people"]) == 2
    add_care_leavers(6, 3, adviser)
    with django_assert_max_num_queries(len(small.captured_queries)):
        response = worker_client.get("/care-leavers/?flag=neet")
    assert len(response.context["people"]) == 8
    assert response.context["by_age"] == [
        {"age": 18, "count": 8, "eet": 0, "neet": 8, "suitable": 8, "unsuitable": 0}
    ]
