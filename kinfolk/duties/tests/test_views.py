"""My work and the team's work."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from conftest import make_child, signed_in
from kinfolk.casework.services import (
    add_plan_action,
    open_referral,
    start_assessment,
    start_child_in_need_plan,
    submit_assessment,
)
from kinfolk.duties.engine import recompute_children
from kinfolk.workforce.services import allocate_child

pytestmark = pytest.mark.django_db


def casework_for(child, worker, *, started_ago: int):
    """An open episode whose assessment started ``started_ago`` days ago, allocated."""
    today = timezone.localdate()
    start = today - dt.timedelta(days=started_ago)
    allocate_child(child=child, worker=worker, start_on=start)
    open_referral(child=child, referral_on=start, source="2A")
    # Submitted, so that it waits for the team's manager.
    submit_assessment(
        assessment=start_assessment(child=child, started_on=start),
        content={},
        submitted_on=start,
        is_imported=True,
    )
    recompute_children([child.pk])


def test_my_work_lists_overdue_and_due_duties(social_worker, other_social_worker):
    late = make_child(la_child_id="C1", first_name="Ava", last_name="Brown")
    soon = make_child(la_child_id="C2", first_name="Noah", last_name="Jones")
    theirs = make_child(la_child_id="C3", first_name="Zofia", last_name="Nowak")
    casework_for(late, social_worker, started_ago=80)
    casework_for(soon, social_worker, started_ago=55)
    casework_for(theirs, other_social_worker, started_ago=80)
    page = signed_in(social_worker).get(reverse("duties:my-work"))
    work = page.context["work"]
    assessments = [d for d in work.overdue + work.due_soon if d.rule == "assessment-45wd"]
    assert [(d.child.la_child_id, d in work.overdue) for d in assessments] == [
        ("C1", True),
        ("C2", False),
    ]
    # Neither case has been discussed in supervision since its referral.
    supervision = [d.child.la_child_id for d in work.overdue if d.rule == "case-supervision-1m"]
    assert sorted(supervision) == ["C1", "C2"]
    html = page.content.decode()
    assert reverse("casework:child-casework", args=[late.pk]) in html
    assert "Zofia Nowak" not in html


def test_overdue_plan_actions_are_listed_for_their_owner(social_worker):
    child = make_child()
    casework_for(child, social_worker, started_ago=10)
    plan = start_child_in_need_plan(child=child, start_on=timezone.localdate(), is_imported=True)
    add_plan_action(
        plan=plan,
        description="Book a health visitor check",
        owner=social_worker,
        due_on=timezone.localdate() - dt.timedelta(days=1),
    )
    page = signed_in(social_worker).get(reverse("duties:my-work"))
    assert [a.description for a in page.context["work"].overdue_actions] == [
        "Book a health visitor check"
    ]
    assert "govuk-tag--red" in page.content.decode()


def test_the_team_view_is_for_managers(client, social_worker, manager, other_social_worker):
    child = make_child()
    casework_for(child, social_worker, started_ago=80)
    url = reverse("duties:team-work")
    assert client.get(url).status_code == 302
    assert signed_in(social_worker).get(url).status_code == 403
    page = signed_in(manager).get(url)
    assert page.status_code == 200
    overdue = page.context["work"].overdue
    assert [(d.child_id, d.holder) for d in overdue if d.rule == "assessment-45wd"] == [
        (child.pk, "Sam Social")
    ]
    assert [a.child_id for a in page.context["assessments"]] == [child.pk]


def test_my_work_queries_do_not_grow_with_the_caseload(social_worker):
    counts = []
    for batch in (2, 12):
        for number in range(len(counts) * 100, len(counts) * 100 + batch):
            child = make_child(la_child_id=f"C{number}", first_name=f"Child{number}")
            casework_for(child, social_worker, started_ago=70)
        with CaptureQueriesContext(connection) as queries:
            assert signed_in(social_worker).get(reverse("duties:my-work")).status_code == 200
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_care_duties_link_to_the_care_page_and_care_leavers_to_their_adviser(
    social_worker, other_social_worker
):
    from kinfolk.care.services import end_care, start_care
    from kinfolk.leaving.services import allocate_personal_adviser

    today = timezone.localdate()
    in_care = make_child(la_child_id="C1", first_name="Ava", last_name="Brown")
    allocate_child(child=in_care, worker=social_worker, start_on=today - dt.timedelta(days=30))
    start_care(
        child=in_care,
        start_on=today - dt.timedelta(days=30),
        legal_status="C1",
        category_of_need="N1",
        placement_type="U6",
        provider="PR1",
    )
    leaver = make_child(
        la_child_id="C2",
        first_name="Noah",
        last_name="Jones",
        date_of_birth=today - dt.timedelta(days=17 * 365),
    )
    start_care(
        child=leaver,
        start_on=today - dt.timedelta(days=400),
        legal_status="V2",
        category_of_need="N4",
        placement_type="K2",
        provider="PR4",
    )
    end_care(child=leaver, on=today - dt.timedelta(days=70), reason="E13")
    allocate_personal_adviser(
        child=leaver, adviser=other_social_worker, start_on=today - dt.timedelta(days=69)
    )
    recompute_children([in_care.pk, leaver.pk])

    mine = signed_in(social_worker).get(reverse("duties:my-work")).context["work"]
    assert {d.rule for d in mine.overdue} >= {"care-plan-10wd", "cla-visit-1w", "iha-20wd"}
    assert {d.child.la_child_id for d in mine.overdue + mine.due_soon} == {"C1"}
    page = signed_in(social_worker).get(reverse("duties:my-work"))
    assert reverse("care:child-care", args=[in_care.pk]) in page.content.decode()

    theirs = signed_in(other_social_worker).get(reverse("duties:my-work"))
    work = theirs.context["work"]
    assert {(d.child.la_child_id, d.rule) for d in work.overdue} == {
        ("C2", "care-leaver-contact-2m"),
        ("C2", "pathway-plan-3m"),
    }
    assert reverse("leaving:child-leaving", args=[leaver.pk]) in theirs.content.decode()
