"""Each role lands on its own workspace, built from real casework recorded through the
services."""

import pytest
from django.urls import reverse

from conftest import signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.people.restrictions import restrict_record
from kinfolk.returns import services as returns_services
from kinfolk.returns.data_quality import check_everything
from kinfolk.returns.models import DataQualityFailure
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_team
from kinfolk.workspaces.roles import WORKSPACES
from kinfolk.workspaces.tests import scenario
from kinfolk.workspaces.tests.scenario import staff

pytestmark = pytest.mark.django_db


def landing(user):
    response = signed_in(user).get(reverse("home"))
    assert response.status_code == 200
    return response


def names(rows, attribute="child"):
    return [getattr(row, attribute).full_name for row in rows]


def test_a_social_worker_sees_their_caseload_and_their_work(social_worker, other_social_worker):
    late = scenario.with_assessment("Ava", "Brown", social_worker, started_ago=80)
    soon = scenario.with_assessment("Noah", "Jones", social_worker, started_ago=55)
    scenario.with_plan_action(soon, social_worker, "Book a school nurse review")
    scenario.with_assessment("Zofia", "Nowak", other_social_worker, started_ago=80)
    page = landing(social_worker)
    assert page.templates[0].name == "workspaces/social_worker.html"
    assert [a.child for a in page.context["allocations"]] == [late, soon]
    work = page.context["work"]
    # Both children were referred more than a month ago and never supervised.
    assert sorted((d.child.pk, d.rule) for d in work.overdue) == sorted(
        [
            (late.pk, "assessment-45wd"),
            (late.pk, "case-supervision-1m"),
            (soon.pk, "case-supervision-1m"),
        ]
    )
    assert [(d.child, d.rule) for d in work.due_soon] == [(soon, "assessment-45wd")]
    assert [a.description for a in work.overdue_actions] == ["Book a school nurse review"]
    html = page.content.decode()
    assert "Zofia Nowak" not in html
    assert reverse("casework:child-casework", args=[late.pk]) in html
    listed = AccessRecord.objects.filter(user=social_worker, action="list", what="Workspace")
    assert set(listed.values_list("child_id", flat=True)) == {late.pk, soon.pk}


def test_the_caseload_keeps_its_own_page(social_worker):
    young = scenario.with_assessment("Ava", "Brown", social_worker)
    page = signed_in(social_worker).get(reverse("caseload"))
    assert page.status_code == 200
    assert [a.child for a in page.context["allocations"]] == [young]


def test_a_team_manager_sees_what_waits_for_sign_off_the_work_and_unallocated_children(
    team, manager, social_worker, other_social_worker
):
    decided = scenario.with_assessment("Ava", "Brown", social_worker, started_ago=20)
    scenario.awaiting_sign_off(decided, decided_by=social_worker)
    assessed = scenario.with_assessment("Noah", "Jones", social_worker, started_ago=80)
    placed = scenario.in_care("Mia", "Clark", social_worker, is_registered=False)
    nobody = scenario.with_assessment("Leo", "Grant", None, started_ago=10)
    theirs = scenario.with_assessment("Zofia", "Nowak", other_social_worker, started_ago=80)
    scenario.awaiting_sign_off(theirs, decided_by=other_social_worker)
    page = landing(manager)
    context = page.context
    assert page.templates[0].name == "workspaces/team.html"
    assert context["team"] == team
    assert [d.contact.child for d in context["decisions"]] == [decided]
    assert [a.child for a in context["assessments"]] == [assessed, decided]
    assert [p.child for p in context["placements"]] == [placed]
    assert [c.pk for c in context["unallocated"]] == [nobody.pk]
    assert context["unallocated_count"] == 1
    overdue = {(d.child.la_child_id, d.rule) for d in context["work"].overdue}
    assert (assessed.la_child_id, "assessment-45wd") in overdue
    assert (placed.la_child_id, "cla-review-first-20wd") in overdue
    assert {child for child, _rule in overdue} == {assessed.la_child_id, placed.la_child_id}
    caseloads = {member.username: member.caseload for member in context["members"]}
    assert caseloads == {"meg_manager": 0, "sam_social": 3}
    html = page.content.decode()
    assert "Zofia Nowak" not in html
    assert reverse("frontdoor:sign-off", args=[context["decisions"][0].pk]) in html
    assert reverse("casework:assessment-authorise", args=[assessed.pk]) in html
    assert reverse("care:unregistered-approve", args=[placed.pk]) in html
    assert reverse("child-allocate", args=[nobody.pk]) in html
    assert reverse("worker-caseload", args=[social_worker.pk]) in html


def test_a_manager_without_a_team_is_told_so(db):
    manager = staff("tia_manager", Role.TEAM_MANAGER)
    page = landing(manager)
    assert page.templates[0].name == "workspaces/no_team.html"
    assert "not a member of a team" in page.content.decode()


def test_a_head_of_service_sees_every_team_and_links_down_to_each(
    team, other_team, social_worker, other_social_worker
):
    head = staff("hal_head", Role.HEAD_OF_SERVICE)
    scenario.with_assessment("Ava", "Brown", social_worker, started_ago=80)
    scenario.with_assessment("Noah", "Jones", social_worker, started_ago=55)
    theirs = scenario.with_assessment("Zofia", "Nowak", other_social_worker, started_ago=20)
    scenario.awaiting_sign_off(theirs, decided_by=other_social_worker)
    nobody = scenario.with_assessment("Leo", "Grant", None, started_ago=10)
    scenario.awaiting_sign_off(nobody, decided_by=other_social_worker)
    create_team(name="Business Support")
    page = landing(head)
    assert page.templates[0].name == "workspaces/head_of_service.html"
    rows = {row.team.name: row for row in page.context["teams"]}
    assert list(rows) == ["Assessment North", "Business Support", "Safeguarding West"]
    north, west = rows["Assessment North"], rows["Safeguarding West"]
    # Overdue: Ava's assessment, and the case supervision of both children (referred more
    # than a month ago).
    assert (north.members, len(north.children), north.overdue, north.due_soon) == (1, 2, 3, 1)
    assert (north.assessments, north.decisions) == (2, 0)
    assert (west.members, len(west.children), west.overdue, west.assessments, west.decisions) == (
        1,
        1,
        0,
        1,
        1,
    )
    assert [d.contact.child.pk for d in page.context["decisions"]] == [nobody.pk]
    assert [c.pk for c in page.context["unallocated"]] == [nobody.pk]
    html = page.content.decode()
    assert reverse("team-workspace", args=[other_team.pk]) in html
    down = signed_in(head).get(reverse("team-workspace", args=[other_team.pk]))
    assert down.status_code == 200
    assert [a.child for a in down.context["assessments"]] == [theirs]
    assert {d.contact.child.pk for d in down.context["decisions"]} == {theirs.pk, nobody.pk}
    north_page = signed_in(head).get(reverse("team-workspace", args=[team.pk]))
    assert [d.contact.child.pk for d in north_page.context["decisions"]] == [nobody.pk]


def test_a_team_manager_cannot_open_another_teams_workspace(manager, other_team, team):
    assert signed_in(manager).get(reverse("team-workspace", args=[team.pk])).status_code == 200
    assert (
        signed_in(manager).get(reverse("team-workspace", args=[other_team.pk])).status_code == 403
    )


def test_an_iro_sees_their_children_reviews_due_minutes_and_challenges(social_worker):
    iro = staff("ira_iro", Role.IRO, name="Ira Reid")
    other_iro = staff("ivo_iro", Role.IRO)
    overdue = scenario.in_care("Ava", "Brown", social_worker, since_ago=40)
    scenario.with_iro(overdue, iro, from_ago=40)
    reviewed = scenario.in_care("Noah", "Jones", social_worker, since_ago=60)
    scenario.with_iro(reviewed, iro, from_ago=60)
    scenario.reviewed(reviewed, iro, held_ago=30)
    scenario.challenged(reviewed, iro, raised_ago=5, due_in=10)
    theirs = scenario.in_care("Zofia", "Nowak", social_worker, since_ago=40)
    scenario.with_iro(theirs, other_iro, from_ago=40)
    page = landing(iro)
    context = page.context
    assert page.templates[0].name == "workspaces/iro.html"
    assert [row["child"] for row in context["rows"]] == [overdue, reviewed]
    assert [(d.child, d.rule) for d in context["reviews"].overdue] == [
        (overdue, "cla-review-first-20wd")
    ]
    assert [(r.child, r.minutes_overdue) for r in context["minutes"]] == [(reviewed, True)]
    assert [row["challenge"].child for row in context["challenges"]] == [reviewed]
    by_child = {row["child"].pk: row for row in context["rows"]}
    assert (by_child[reviewed.pk]["minutes"], by_child[reviewed.pk]["challenges"]) == (1, 1)
    assert by_child[overdue.pk]["next_review"].rule == "cla-review-first-20wd"
    html = page.content.decode()
    assert "Zofia Nowak" not in html
    assert reverse("care:review-minutes", args=[reviewed.pk]) in html


def test_a_child_protection_chair_sees_conferences_due_and_the_review_schedule(social_worker):
    chair = staff("cai_chair", Role.CP_CHAIR)
    awaited = scenario.on_enquiry("Ava", "Brown", social_worker, started_ago=30)
    on_plan = scenario.on_protection_plan("Noah", "Jones", social_worker, plan_ago=20)
    page = landing(chair)
    context = page.context
    assert page.templates[0].name == "workspaces/cp_chair.html"
    assert [(d.child, d.rule) for d in context["initial"].overdue] == [(awaited, "icpc-15wd")]
    assert [(d.child, d.rule) for d in context["schedule"]] == [(on_plan, "cp-review-first-3m")]
    assert context["review"].overdue == []
    html = page.content.decode()
    assert reverse("protection:initial-conference-create", args=[awaited.pk]) in html
    assert reverse("protection:review-conference-create", args=[on_plan.pk]) in html


def test_a_personal_adviser_sees_their_care_leavers_with_contacts_and_plans_due(team):
    adviser = staff("pat_adviser", Role.PERSONAL_ADVISER, team)
    other = staff("pip_adviser", Role.PERSONAL_ADVISER, team)
    jade = scenario.care_leaver("Jade", "Okafor", adviser, contact_ago=80)
    scenario.care_leaver("Kai", "Moreno", other, contact_ago=10)
    page = landing(adviser)
    context = page.context
    assert page.templates[0].name == "workspaces/personal_adviser.html"
    assert [person.child for person in context["people"]] == [jade]
    assert [(d.child, d.rule) for d in context["contacts"].overdue] == [
        (jade, "care-leaver-contact-2m")
    ]
    assert [(d.child, d.rule) for d in context["plans"].overdue] == [(jade, "pathway-plan-3m")]
    assert "Kai Moreno" not in page.content.decode()


def test_a_front_door_worker_sees_the_queue_and_their_decisions_waiting(db):
    worker = staff("fay_frontdoor", Role.FRONTDOOR)
    oldest = scenario.child("Ava", "Brown")
    scenario.contact_waiting(oldest, hours_ago=50)
    newest = scenario.child("Noah", "Jones")
    scenario.contact_waiting(newest, hours_ago=2, is_domestic_abuse=True)
    decided = scenario.child("Mia", "Clark")
    scenario.awaiting_sign_off(decided, decided_by=worker)
    page = landing(worker)
    context = page.context
    assert page.templates[0].name == "workspaces/front_door.html"
    assert [contact.child for contact, _wait in context["contacts"]] == [oldest, newest]
    assert (context["waiting_count"], context["domestic_abuse_count"]) == (2, 1)
    assert [decision.contact.child for decision, _wait in context["my_decisions"]] == [decided]
    assert reverse("frontdoor:queue") in page.content.decode()


def test_an_adoption_worker_sees_children_waiting_and_matched(db):
    worker = staff("ada_adoption", Role.ADOPTION)
    waiting = scenario.adoption_plan("Ava", "Brown", decided_ago=200, matched_ago=None)
    matched = scenario.adoption_plan("Noah", "Jones", decided_ago=300, matched_ago=20)
    page = landing(worker)
    context = page.context
    assert page.templates[0].name == "workspaces/adoption.html"
    assert [row["child"] for row in context["waiting"]] == [waiting]
    assert [row["days_waiting"] for row in context["waiting"]] == [200]
    assert [(row["child"], row["days_waiting"]) for row in context["matched"]] == [(matched, 280)]


def test_the_lado_works_from_the_allegations(db):
    lado = staff("lia_lado", Role.LADO)
    page = landing(lado)
    html = page.content.decode()
    assert page.templates[0].name == "workspaces/lado.html"
    assert "No initial consideration is waiting." in html
    assert "No allegation is open." in html
    assert [link.url for link in page.context["links"]] == [
        reverse("allegations:record"),
        reverse("allegations:list"),
        reverse("allegations:analytics"),
        reverse("children:search"),
        reverse("permanence:households"),
    ]


def test_a_performance_analyst_sees_the_returns_headlines(analyst, social_worker):
    page = landing(analyst)
    (group,) = page.context["groups"]
    assert page.templates[0].name == "workspaces/analyst.html"
    assert [h.count for h in group.headlines] == [0, 0, None]
    scenario.with_assessment("Ava", "Brown", social_worker)
    snapshot = check_everything(returns_services.current_year())
    failures = DataQualityFailure.objects.filter(snapshot=snapshot)
    page = landing(analyst)
    (group,) = page.context["groups"]
    counts = [h.count for h in group.headlines]
    assert counts[2:] == [
        failures.filter(is_error=True).count(),
        failures.filter(is_error=False).count(),
        failures.exclude(child=None).values("child").distinct().count(),
    ]
    assert counts[2] > 0
    assert reverse("returns:data-quality") in page.content.decode()


def test_the_information_governance_officer_sees_recent_use_of_restricted_records(
    social_worker, manager
):
    officer = staff("ivy_governance", Role.INFORMATION_GOVERNANCE)
    young = scenario.with_assessment("Ava", "Brown", social_worker)
    restrict_record(child=young, users=[social_worker], actor=manager, reason="A relative")
    signed_in(social_worker).get(reverse("children:detail", args=[young.pk]))
    page = landing(officer)
    rows = page.context["rows"]
    assert page.templates[0].name == "workspaces/information_governance.html"
    assert (rows[0]["record"].user, rows[0]["record"].child_id) == (
        social_worker,
        young.pk,
    )
    assert not rows[0]["is_child_visible"]
    html = page.content.decode()
    assert "Ava Brown" not in html
    assert f"Restricted record {young.la_child_id}" in html
    assert page.context["restricted_count"] == 1
    assert [link.url for link in page.context["links"]] == [
        reverse("access:reviews"),
        reverse("records:requests"),
    ]


def test_the_administrator_sees_staff_by_role_and_teams(team, social_worker, manager):
    admin = staff("ari_admin", Role.ADMIN)
    page = landing(admin)
    roles = dict(page.context["roles"])
    assert page.templates[0].name == "workspaces/administrator.html"
    assert (roles["Social worker"], roles["Team manager"], roles["Administrator"]) == (1, 1, 1)
    assert [(t.name, t.staff) for t in page.context["teams"]] == [("Assessment North", 2)]
    assert [link.url for link in page.context["links"]] == [reverse("users"), reverse("teams")]


def test_every_role_has_a_workspace():
    assert set(WORKSPACES) == set(Role)


def test_a_user_without_a_known_role_is_told_so(db):
    user = staff("old_account", Role.SOCIAL_WORKER)
    type(user).objects.filter(pk=user.pk).update(role="retired_role")
    user.refresh_from_db()
    page = landing(user)
    assert page.templates[0].name == "workspaces/no_role.html"
