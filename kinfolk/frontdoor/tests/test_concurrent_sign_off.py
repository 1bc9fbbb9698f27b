"""Five managers signing off the same screening decision at the same moment: one sign-off is
recorded, the others are told it is already signed off, and nothing fails."""

import pytest
from django.db import connections
from django.utils import timezone

from conftest import PASSWORD, make_child
from kinfolk.core.tests.concurrency import at_once, saved_or_refused
from kinfolk.frontdoor.models import ScreeningDecision
from kinfolk.frontdoor.services import record_contact, screen_contact, sign_off_screening
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_team, create_worker

pytestmark = pytest.mark.django_db(transaction=True)


def test_five_sign_offs_of_one_decision_at_once_record_one():
    team = create_team(name="Front door")
    worker = create_worker(
        username="fay", display_name="Fay Frontdoor", role=Role.FRONTDOOR, team=team
    )
    managers = [
        create_worker(
            username=f"manager{n}",
            display_name=f"Manager {n}",
            role=Role.TEAM_MANAGER,
            team=team,
            password=PASSWORD,
        )
        for n in range(5)
    ]
    contact = record_contact(
        child=make_child(),
        received_at=timezone.now(),
        source="6",
        concern="Police attended a domestic incident at the home.",
    )
    decision = screen_contact(
        contact=contact,
        decided_at=timezone.now(),
        outcome="nfa",
        urgency="standard",
        rationale="No role for social care; universal services are involved.",
        decided_by=worker,
    )

    outcomes = at_once(
        5,
        lambda n: saved_or_refused(
            lambda: sign_off_screening(
                decision=decision, manager=managers[n], rationale=f"Agreed by manager {n}"
            )
        ),
    )

    assert sorted(outcomes) == ["This decision is already signed off"] * 4 + ["saved"]
    decision = ScreeningDecision.objects.get(pk=decision.pk)
    assert decision.signed_off_by in managers
    assert (
        decision.sign_off_rationale == f"Agreed by manager {managers.index(decision.signed_off_by)}"
    )
    connections.close_all()
