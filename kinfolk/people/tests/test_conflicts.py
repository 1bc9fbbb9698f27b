"""Stale saves refused: two people open the same edit form and both save; the first change is
kept, the second person gets the conflict page (HTTP 409) with both versions, and nothing of
their change is applied (kinfolk/people/views/record_form.py, ``Versioned``)."""

import datetime as dt
import html
import re

import pytest
from django.test import Client
from django.urls import reverse

from conftest import PASSWORD, assessed, signed_in
from kinfolk.care.models.family import LifeStoryWork
from kinfolk.care.services.episodes import start_care
from kinfolk.casework.choices import ActionStatus
from kinfolk.casework.models import PlanAction
from kinfolk.casework.services import add_plan_action, open_referral, start_child_in_need_plan
from kinfolk.core.forms import VERSIONS_FIELD
from kinfolk.core.models import RecordChanged
from kinfolk.people.models import Child
from kinfolk.people.services import update_child
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker

D = dt.date
HEADING = "Someone else changed this record while you were editing it"


@pytest.fixture
def second_worker(team):
    return create_worker(
        username="rio_second",
        display_name="Rio Second",
        role=Role.SOCIAL_WORKER,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )


def opened_versions(response) -> str:
    """The hidden versions the page's form carries, as the browser would send them back."""
    assert response.status_code == 200
    found = re.search(rf'name="{VERSIONS_FIELD}" value="([^"]*)"', response.content.decode())
    assert found, "the form carries no versions"
    return html.unescape(found[1])


def day(name: str, value: dt.date) -> dict[str, str]:
    return {
        f"{name}_day": str(value.day),
        f"{name}_month": str(value.month),
        f"{name}_year": str(value.year),
    }


def identity(**changes) -> dict:
    data = {
        "first_name": "Lily",
        "last_name": "Smith",
        **day("date_of_birth", D(2015, 4, 3)),
        "sex": "F",
        "ethnicity": "WBRI",
        "nhs_number": "9434765919",
        "disabilities": ["NONE"],
    }
    data.update(changes)
    return data


def both_open(url: str, first: Client, second: Client) -> tuple[str, str]:
    return opened_versions(first.get(url)), opened_versions(second.get(url))


def test_the_second_of_two_identity_changes_is_refused_with_both_versions(
    child, social_worker, second_worker
):
    first, second = signed_in(social_worker), signed_in(second_worker)
    url = reverse("children:edit", args=[child.pk])
    opened_first, opened_second = both_open(url, first, second)

    saved = first.post(url, identity(last_name="Smith-Jones", **{VERSIONS_FIELD: opened_first}))
    assert saved.status_code == 302
    refused = second.post(
        url, identity(religion="None stated", last_name="Smyth", **{VERSIONS_FIELD: opened_second})
    )

    assert refused.status_code == 409
    page = refused.content.decode()
    assert HEADING in page
    assert "Sam Social saved it on" in page
    rows = {row["label"]: row for row in refused.context["rows"]}
    assert rows["Last name"]["entered"] == "Smyth"
    assert rows["Last name"]["saved"] == "Smith-Jones"
    assert rows["Last name"]["differs"] is True
    assert rows["Religion"]["entered"] == "None stated"
    assert rows["Religion"]["saved"] == "Not recorded"
    assert rows["Sex"] == {"label": "Sex", "entered": "Female", "saved": "Female", "differs": False}
    assert refused.context["restart_url"] == url
    child.refresh_from_db()
    assert (child.last_name, child.religion, child.version) == ("Smith-Jones", "", 2)
    assert child.chronology_entries.filter(summary__startswith="Identity details").count() == 1


def test_starting_again_opens_the_form_on_the_saved_version(child, social_worker, second_worker):
    first, second = signed_in(social_worker), signed_in(second_worker)
    url = reverse("children:edit", args=[child.pk])
    opened_first, opened_second = both_open(url, first, second)
    first.post(url, identity(last_name="Smith-Jones", **{VERSIONS_FIELD: opened_first}))
    second.post(url, identity(last_name="Smyth", **{VERSIONS_FIELD: opened_second}))

    again = second.get(url)
    assert again.context["form"].initial["last_name"] == "Smith-Jones"
    resent = second.post(
        url, identity(last_name="Smyth", **{VERSIONS_FIELD: opened_versions(again)})
    )
    assert resent.status_code == 302
    child.refresh_from_db()
    assert (child.last_name, child.version) == ("Smyth", 3)


def test_a_form_resent_after_a_mistake_keeps_the_version_it_was_opened_at(
    child, social_worker, second_worker
):
    first, second = signed_in(social_worker), signed_in(second_worker)
    url = reverse("children:edit", args=[child.pk])
    opened_first, opened_second = both_open(url, first, second)
    mistake = second.post(url, identity(nhs_number="123", **{VERSIONS_FIELD: opened_second}))
    assert mistake.status_code == 200
    assert opened_versions(mistake) == opened_second
    first.post(url, identity(last_name="Smith-Jones", **{VERSIONS_FIELD: opened_first}))
    assert (
        second.post(url, identity(**{VERSIONS_FIELD: opened_versions(mistake)})).status_code == 409
    )


def test_the_service_refuses_a_stale_version_and_names_the_saved_record(child):
    update_child(child=child, actor=None, version=1, last_name="Smith-Jones")
    with pytest.raises(RecordChanged) as refused:
        update_child(child=child, actor=None, version=1, last_name="Smyth")
    assert refused.value.opened_at == 1
    assert isinstance(refused.value.record, Child)
    assert (refused.value.record.last_name, refused.value.record.version) == ("Smith-Jones", 2)
    child.refresh_from_db()
    assert child.last_name == "Smith-Jones"


@pytest.fixture
def plan(child):
    open_referral(child=child, referral_on=D(2025, 1, 6), source="1A")
    assessed(child, D(2025, 1, 20))
    return start_child_in_need_plan(
        child=child, start_on=D(2025, 2, 3), contingency="Family group conference"
    )


def test_the_second_of_two_contingency_changes_is_refused(
    child, plan, social_worker, second_worker
):
    first, second = signed_in(social_worker), signed_in(second_worker)
    url = reverse("casework:contingency-edit", args=[child.pk]) + f"?plan={plan.pk}"
    opened_first, opened_second = both_open(url, first, second)
    entered = "Legal planning meeting\nif school attendance does not improve"

    saved = first.post(
        url, {"plan": plan.pk, "contingency": "Pre-proceedings", VERSIONS_FIELD: opened_first}
    )
    assert saved.status_code == 302
    refused = second.post(
        url, {"plan": plan.pk, "contingency": entered, VERSIONS_FIELD: opened_second}
    )

    assert refused.status_code == 409
    assert HEADING in refused.content.decode()
    assert [(row["label"], row["entered"], row["saved"]) for row in refused.context["rows"]] == [
        ("Contingency", entered, "Pre-proceedings")
    ]
    assert refused.context["restart_url"] == url
    plan.refresh_from_db()
    assert (plan.contingency, plan.version) == ("Pre-proceedings", 2)


def test_the_second_of_two_action_updates_is_refused(child, plan, social_worker, second_worker):
    action = add_plan_action(
        plan=plan, description="Attend parenting course", owner=social_worker, due_on=D(2025, 4, 1)
    )
    add_plan_action(
        plan=plan, description="Weekly school check", owner=social_worker, due_on=D(2025, 4, 1)
    )
    first, second = signed_in(social_worker), signed_in(second_worker)
    # Opened without choosing: both actions are offered, and each one's version is carried.
    url = reverse("casework:action-edit", args=[child.pk])
    opened_first, opened_second = both_open(url, first, second)

    saved = first.post(
        url, {"action": action.pk, "status": ActionStatus.DONE, VERSIONS_FIELD: opened_first}
    )
    assert saved.status_code == 302
    refused = second.post(
        url, {"action": action.pk, "status": ActionStatus.DROPPED, VERSIONS_FIELD: opened_second}
    )

    assert refused.status_code == 409
    assert [(row["label"], row["entered"], row["saved"]) for row in refused.context["rows"]] == [
        ("Status", "No longer needed", "Done")
    ]
    assert refused.context["restart_url"] == f"{url}?action={action.pk}"
    action.refresh_from_db()
    assert (action.status, action.version) == (ActionStatus.DONE, 2)


def test_updating_another_action_is_not_a_conflict(child, plan, social_worker, second_worker):
    one = add_plan_action(
        plan=plan, description="Attend parenting course", owner=social_worker, due_on=D(2025, 4, 1)
    )
    other = add_plan_action(
        plan=plan, description="Weekly school check", owner=social_worker, due_on=D(2025, 4, 1)
    )
    first, second = signed_in(social_worker), signed_in(second_worker)
    url = reverse("casework:action-edit", args=[child.pk])
    opened_first, opened_second = both_open(url, first, second)
    first.post(url, {"action": one.pk, "status": ActionStatus.DONE, VERSIONS_FIELD: opened_first})
    response = second.post(
        url, {"action": other.pk, "status": ActionStatus.DONE, VERSIONS_FIELD: opened_second}
    )
    assert response.status_code == 302
    assert set(PlanAction.objects.values_list("status", flat=True)) == {ActionStatus.DONE}


def test_two_first_updates_of_life_story_work_keep_the_first(child, social_worker, second_worker):
    start_care(
        child=child,
        start_on=D(2025, 1, 6),
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
        placement_postcode="WN2 2BB",
    )
    first, second = signed_in(social_worker), signed_in(second_worker)
    url = reverse("care:life-story-edit", args=[child.pk])
    opened_first, opened_second = both_open(url, first, second)
    assert opened_first == "{}"  # no life-story work recorded yet

    saved = first.post(
        url,
        {
            **day("updated_on", D(2025, 3, 1)),
            "status": "in_progress",
            "worker": social_worker.pk,
            VERSIONS_FIELD: opened_first,
        },
    )
    assert saved.status_code == 302
    refused = second.post(
        url,
        {
            **day("updated_on", D(2025, 3, 2)),
            "status": "not_started",
            VERSIONS_FIELD: opened_second,
        },
    )

    assert refused.status_code == 409
    assert "Sam Social saved it on 1 March 2025." in refused.content.decode()
    rows = {row["label"]: (row["entered"], row["saved"]) for row in refused.context["rows"]}
    assert rows["Status"] == ("Not started", "In progress")
    assert rows["Worker doing the life-story work"] == ("Not recorded", "Sam Social")
    assert rows["Date of this update"] == ("2 March 2025", "1 March 2025")
    work = LifeStoryWork.objects.get()
    assert (work.status, work.worker, work.version) == ("in_progress", social_worker, 1)


def in_care(child) -> None:
    start_care(
        child=child,
        start_on=D(2025, 1, 6),
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
        placement_postcode="WN2 2BB",
    )


def test_the_second_of_two_ratings_of_a_pep_is_refused(child, social_worker, second_worker):
    from kinfolk.care.models import PersonalEducationPlan
    from kinfolk.care.services import ActionInput, record_pep

    in_care(child)
    pep = record_pep(
        child=child,
        made_on=D(2025, 2, 3),
        school="St Mary's Primary",
        sen_status="K",
        child_views="I like maths",
        progress="expected",
        aspirations="To be a vet",
        targets=[ActionInput("Read", "Teacher", D(2025, 4, 1))],
    )
    first, second = signed_in(social_worker), signed_in(second_worker)
    url = reverse("care:pep-rate", args=[child.pk]) + f"?pep={pep.pk}"
    opened_first, opened_second = both_open(url, first, second)

    rating = {"pep": pep.pk, **day("rated_on", D(2025, 3, 1))}
    saved = first.post(url, {**rating, "quality": "good", VERSIONS_FIELD: opened_first})
    assert saved.status_code == 302
    refused = second.post(url, {**rating, "quality": "inadequate", VERSIONS_FIELD: opened_second})

    assert refused.status_code == 409
    assert "Sam Social saved it on 1 March 2025." in refused.content.decode()
    rows = {row["label"]: (row["entered"], row["saved"]) for row in refused.context["rows"]}
    assert rows == {
        "Quality of the PEP": ("Inadequate", "Good"),
        "Date rated": ("1 March 2025", "1 March 2025"),
    }
    pep = PersonalEducationPlan.objects.get()
    assert (pep.quality, pep.version) == ("good", 2)


def test_the_second_of_two_audits_of_a_pathway_plan_is_refused(child, manager):
    from kinfolk.leaving.models import PathwayPlan
    from kinfolk.leaving.services import audit_pathway_plan

    plan = PathwayPlan.objects.create(child=child, made_on=D(2025, 4, 1))
    audit_pathway_plan(plan=plan, grade="good", note="Clear and current", actor=manager, version=1)
    with pytest.raises(RecordChanged) as refused:
        audit_pathway_plan(
            plan=plan, grade="requires_improvement", note="Out of date", actor=manager, version=1
        )
    assert (refused.value.record.audit_grade, refused.value.record.version) == ("good", 2)
    assert refused.value.record.last_saved()[0] == manager
    plan.refresh_from_db()
    assert (plan.audit_grade, plan.audit_note) == ("good", "Clear and current")
