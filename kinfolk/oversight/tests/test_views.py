"""The oversight pages: recording a caseload's supervision in one sitting, the actions in
their owner's work, the child's oversight record, management decisions, who may read a
worker's personal supervision, and the team's long-open cases."""

import datetime as dt
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in, worker_of_role
from kinfolk.access.models import AccessRecord
from kinfolk.access.roles import Role
from kinfolk.casework.services import (
    authorise_assessment,
    close_episode,
    open_referral,
    start_assessment,
)
from kinfolk.oversight import services
from kinfolk.oversight.models import (
    CaseSupervision,
    ManagementDecision,
    PersonalSupervision,
    SupervisionAction,
)
from kinfolk.oversight.services import AgreedAction, CaseDiscussion
from kinfolk.workforce.services import allocate_child

pytestmark = pytest.mark.django_db(transaction=True)


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_a_manager_supervises_a_caseload_in_one_sitting(manager, social_worker, caseload, today):
    client = signed_in(manager)
    url = reverse("oversight:record-supervision", args=[social_worker.pk])
    page = client.get(url)
    assert page.status_code == 200
    for child in caseload:
        assert child.full_name in text(page)
    ava, ben, cara = caseload
    data = {**date_fields("held_on", today)}
    for child in (ava, ben):
        p = f"case_{child.pk}_"
        data.update(
            {
                f"{p}discussed": "on",
                f"{p}reflection": f"{child.first_name} is settled",
                f"{p}decision": "Continue the plan",
                f"{p}rationale": "Progress at school",
                f"{p}action_1_text": f"See {child.first_name} alone",
                f"{p}action_1_owner": social_worker.pk,
                **date_fields(f"{p}action_1_due", today + dt.timedelta(days=7)),
            }
        )
    data[f"case_{cara.pk}_reflection"] = "Typed but not ticked"
    response = client.post(url, data)
    assert response.status_code == 302, text(response)
    assert sorted(CaseSupervision.objects.values_list("child_id", flat=True)) == sorted(
        [ava.pk, ben.pk]
    )
    assert SupervisionAction.objects.filter(owner=social_worker).count() == 2
    assert AccessRecord.objects.filter(child=ava, action="change").exists()


def test_a_child_ticked_without_a_decision_is_an_error_and_nothing_is_saved(
    manager, social_worker, caseload, today
):
    client = signed_in(manager)
    ava = caseload[0]
    response = client.post(
        reverse("oversight:record-supervision", args=[social_worker.pk]),
        {**date_fields("held_on", today), f"case_{ava.pk}_discussed": "on"},
    )
    assert response.status_code == 200
    assert "Enter what was decided for Ava Brook" in text(response)
    assert not CaseSupervision.objects.exists()


def test_another_team_s_manager_may_not_supervise_the_worker(social_worker, other_team, caseload):
    other = worker_of_role(Role.TEAM_MANAGER, other_team, username="oth_manager")
    response = signed_in(other).get(
        reverse("oversight:record-supervision", args=[social_worker.pk])
    )
    assert response.status_code == 403


def test_the_owner_sees_actions_in_their_work_and_marks_one_done(
    manager, social_worker, caseload, today
):
    services.record_supervision(
        supervisor=manager,
        worker=social_worker,
        held_on=today,
        cases=[
            CaseDiscussion(
                child=caseload[0],
                decision="Continue",
                actions=[AgreedAction(text="Ring the school", owner=social_worker, due_on=today)],
            )
        ],
    )
    client = signed_in(social_worker)
    work = text(client.get(reverse("duties:my-work")))
    assert "Supervision actions you own" in work and "Ring the school" in work
    workspace = text(client.get(reverse("home")))
    assert "Ring the school" in workspace
    action = SupervisionAction.objects.get()
    url = reverse("oversight:action-done", args=[caseload[0].pk]) + f"?action={action.pk}&next=work"
    assert client.get(url).status_code == 200
    form = {
        "action": action.pk,
        "opened_versions": json.dumps({str(action.pk): 1}),
        **date_fields("done_on", today),
    }
    response = client.post(url, form)
    assert response.status_code == 302, text(response)
    assert response["Location"] == reverse("duties:my-work")
    action.refresh_from_db()
    assert (action.done_on, action.done_by) == (today, social_worker)
    assert "Ring the school" not in text(client.get(reverse("duties:my-work")))


def test_the_child_s_oversight_record_lists_supervisions_and_decisions(
    manager, social_worker, caseload, today
):
    child = caseload[0]
    client = signed_in(manager)
    response = client.post(
        reverse("oversight:decision-create", args=[child.pk]),
        {
            **date_fields("decided_on", today),
            "outcome_sought": "Ava is at school every day",
            "decision": "Hold a family meeting",
            "rationale": "The family asked to plan together",
            "owner": social_worker.pk,
            **date_fields("due_on", today + dt.timedelta(days=14)),
        },
    )
    assert response.status_code == 302, text(response)
    decision = ManagementDecision.objects.get()
    assert (decision.decided_by, decision.owner) == (manager, social_worker)
    for n in range(3):
        services.record_supervision(
            supervisor=manager,
            worker=social_worker,
            held_on=today - dt.timedelta(days=30 * n),
            cases=[CaseDiscussion(child=child, decision=f"Decision {n}")],
        )
    url = reverse("oversight:child-oversight", args=[child.pk])
    page = text(client.get(url))
    assert "Ava is at school every day" in page and "Decision 2" in page
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(3, 9):
        services.record_supervision(
            supervisor=manager,
            worker=social_worker,
            held_on=today - dt.timedelta(days=30 * n),
            cases=[
                CaseDiscussion(
                    child=child,
                    decision=f"Decision {n}",
                    actions=[AgreedAction(text="Visit", owner=social_worker, due_on=today)],
                )
            ],
        )
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
    summary = text(client.get(reverse("children:detail", args=[child.pk])))
    assert "Last management oversight" in summary and "Hold a family meeting" in summary


def test_a_worker_s_personal_supervision_is_theirs_and_their_manager_s(
    manager, social_worker, other_team, head_of_service, today
):
    services.record_personal_supervision(
        worker=social_worker, supervisor=manager, held_on=today, wellbeing="Feeling stretched"
    )
    url = reverse("oversight:personal-supervision", args=[social_worker.pk])
    for reader in (social_worker, manager):
        page = signed_in(reader).get(url)
        assert page.status_code == 200
        assert "Feeling stretched" in text(page)
    outsiders = [
        head_of_service,
        worker_of_role(Role.TEAM_MANAGER, other_team, username="oth_manager"),
        worker_of_role(Role.SOCIAL_WORKER, manager.team, username="peer_worker"),
    ]
    for reader in outsiders:
        assert signed_in(reader).get(url).status_code == 404
    # A head of service reads what they recorded themselves, and nothing else.
    services.record_personal_supervision(
        worker=social_worker, supervisor=head_of_service, held_on=today, caseload="Too many"
    )
    page = text(signed_in(head_of_service).get(url))
    assert "Too many" in page and "Feeling stretched" not in page


def test_a_manager_records_personal_supervision(manager, social_worker, today):
    client = signed_in(manager)
    url = reverse("oversight:personal-supervision-record", args=[social_worker.pk])
    response = client.post(
        url, {**date_fields("held_on", today), "development": "Court skills course"}
    )
    assert response.status_code == 302, text(response)
    assert PersonalSupervision.objects.get().development == "Court skills course"
    team = text(client.get(reverse("oversight:team-supervision")))
    assert social_worker.display_name in team


def test_the_team_s_long_open_and_re_referred_cases(manager, social_worker, settings):
    old = make_child(la_child_id="L1", first_name="Lena", last_name="Old")
    allocate_child(child=old, worker=social_worker, start_on=dt.date(2023, 1, 2))
    open_referral(child=old, referral_on=dt.date(2023, 1, 2), source="2A")
    assessment = start_assessment(child=old, started_on=dt.date(2023, 1, 3))
    authorise_assessment(
        assessment=assessment, authorised_on=dt.date(2023, 2, 1), factors=["21"], is_imported=True
    )
    again = make_child(la_child_id="R1", first_name="Rory", last_name="Again")
    allocate_child(child=again, worker=social_worker, start_on=dt.date(2024, 1, 2))
    open_referral(child=again, referral_on=dt.date(2024, 1, 2), source="2A")
    close_episode(child=again, closed_on=dt.date(2024, 3, 1), reason="RC8")
    open_referral(child=again, referral_on=dt.date(2024, 9, 2), source="2A")
    client = signed_in(manager)
    url = reverse("oversight:drift")
    page = text(client.get(url))
    assert "Lena Old" in page and "1 February 2023" in page
    assert "Rory Again" in page and "1 March 2024" in page
    assert AccessRecord.objects.filter(child=old, action="list").exists()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(5):
        child = make_child(la_child_id=f"L{n + 2}", first_name="Long", last_name=f"Open{n}")
        allocate_child(child=child, worker=social_worker, start_on=dt.date(2023, 1, 2))
        open_referral(child=child, referral_on=dt.date(2023, 1, 2), source="2A")
    with CaptureQueriesContext(connection) as many:
        client.get(url)
    assert len(many) == len(few)
