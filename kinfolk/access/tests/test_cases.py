"""The cases the access policy was made for: each role refused what it is not granted, with
nothing recorded, and managers held to their own team."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from conftest import signed_in, worker_of_role
from kinfolk.access.models import RestrictionGrant
from kinfolk.access.roles import Role
from kinfolk.care.models import MissingEpisode
from kinfolk.casework.models import Visit
from kinfolk.frontdoor.models import ScreeningDecision
from kinfolk.frontdoor.services import record_contact, screen_contact
from kinfolk.people.models import Alert, Child
from kinfolk.protection.models import Conference
from kinfolk.workforce.models import Allocation
from kinfolk.workforce.services import allocate_child

pytestmark = pytest.mark.django_db


def page(name: str, child: Child, query: str = "") -> str:
    return reverse(name, args=[child.pk]) + query


def counts() -> dict[str, int]:
    return {
        model.__name__: model.objects.count()
        for model in (
            Alert,
            Visit,
            Child,
            ScreeningDecision,
            Conference,
            MissingEpisode,
            Allocation,
            RestrictionGrant,
        )
    }


def refused(client, url: str, data: dict | None = None) -> bool:
    """GET and POST (with the data a permitted user would send) are both refused."""
    return client.get(url).status_code == 403 and client.post(url, data or {}).status_code == 403


@pytest.fixture
def held(child, social_worker):
    """The child, held by the social worker's team."""
    allocate_child(child=child, worker=social_worker, start_on=dt.date(2025, 1, 6))
    return child


@pytest.fixture
def contact(held):
    return record_contact(
        child=held,
        received_at=timezone.now() - dt.timedelta(hours=2),
        source="1A",
        concern="Bruise on the arm seen at school.",
    )


DATE = {"on_day": "1", "on_month": "10", "on_year": "2026"}


def test_the_analyst_writes_no_casework(held, team):
    analyst = signed_in(worker_of_role(Role.ANALYST, team))
    before = counts()
    assert refused(analyst, page("children:alert-create", held), {"kind": "risk", **DATE})
    assert refused(analyst, page("casework:visit-create", held), DATE)
    assert refused(analyst, page("children:edit", held), {"first_name": "Changed"})
    assert refused(analyst, reverse("children:create"), {"first_name": "New"})
    assert counts() == before
    assert Child.objects.get(pk=held.pk).first_name == "Lily"
    # What the analyst is for stays open.
    assert analyst.get(reverse("returns:data-quality")).status_code == 200


def test_the_lado_records_no_screening_or_conference(held, contact, team):
    lado = signed_in(worker_of_role(Role.LADO, team))
    before = counts()
    screen = reverse("frontdoor:contact-screen", args=[held.pk, contact.pk])
    assert refused(lado, screen, {"outcome": "nfa", "rationale": "No concerns."})
    assert refused(lado, page("protection:initial-conference-create", held), DATE)
    assert counts() == before


def test_the_cp_chair_records_no_missing_episode_but_chairs_conferences(held, team):
    chair = signed_in(worker_of_role(Role.CP_CHAIR, team))
    before = counts()
    assert refused(chair, page("care:missing-start", held), DATE)
    assert counts() == before
    assert chair.get(page("protection:initial-conference-create", held)).status_code == 200


def test_the_administrator_signs_off_no_practice(held, contact, team, social_worker):
    decision = screen_contact(
        contact=contact,
        decided_at=timezone.now(),
        outcome="nfa",
        rationale="Explained at school; no further concerns.",
        decided_by=social_worker,
    )
    admin = signed_in(worker_of_role(Role.ADMIN, team))
    before = counts()
    assert refused(admin, reverse("frontdoor:sign-off", args=[decision.pk]), {"rationale": "OK"})
    assert refused(admin, reverse("sign-off-queue"))
    assert refused(admin, page("casework:assessment-authorise", held))
    assert refused(admin, page("care:unregistered-approve", held))
    assert refused(admin, page("children:restrict", held), {"reason": "Relative"})
    assert refused(admin, page("children:access-log", held))
    assert refused(admin, page("child-allocate", held))
    assert counts() == before
    decision.refresh_from_db()
    assert decision.signed_off_at is None


def test_a_manager_acts_only_for_their_own_team(held, contact, other_team, social_worker):
    decision = screen_contact(
        contact=contact,
        decided_at=timezone.now(),
        outcome="nfa",
        rationale="Explained at school; no further concerns.",
        decided_by=social_worker,
    )
    elsewhere = signed_in(worker_of_role(Role.TEAM_MANAGER, other_team))
    before = counts()
    assert refused(elsewhere, page("child-allocate", held))
    assert refused(elsewhere, page("children:restrict", held), {"reason": "Relative"})
    assert refused(
        elsewhere, reverse("frontdoor:sign-off", args=[decision.pk]), {"rationale": "OK"}
    )
    assert counts() == before
    # The child's record itself is open to them, as to every practitioner.
    assert elsewhere.get(page("children:detail", held)).status_code == 200
    # A head of service acts across teams.
    head = signed_in(worker_of_role(Role.HEAD_OF_SERVICE, other_team))
    assert head.get(page("child-allocate", held)).status_code == 200


def test_nobody_signs_off_their_own_decision(held, contact, manager):
    decision = screen_contact(
        contact=contact,
        decided_at=timezone.now(),
        outcome="nfa",
        rationale="Explained at school; no further concerns.",
        decided_by=manager,
    )
    response = signed_in(manager).post(
        reverse("frontdoor:sign-off", args=[decision.pk]),
        {"choice": "agree", "rationale": "Agreed."},
    )
    assert response.status_code == 200
    assert "Another manager must sign off your own decision" in response.content.decode()
    decision.refresh_from_db()
    assert decision.signed_off_at is None
