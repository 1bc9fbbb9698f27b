"""The subject access pages: for information governance only; register, prepare, complete."""

import datetime as dt
import json

import pytest
from django.test import Client
from django.urls import reverse

from conftest import signed_in, worker_of_role
from kinfolk.access.models import AccessRecord
from kinfolk.access.reauth import SESSION_KEY
from kinfolk.access.roles import Role
from kinfolk.records import services
from kinfolk.records.models import DisclosureRegisterEntry, Redaction, SubjectAccessRequest
from kinfolk.records.tests.scenario import load_scenario

pytestmark = [pytest.mark.django_db, pytest.mark.urls("kinfolk.records.tests.urls")]


@pytest.fixture
def officer(db):
    return worker_of_role(Role.INFORMATION_GOVERNANCE, username="ida_governance")


@pytest.fixture
def maya(social_worker):
    return load_scenario(social_worker)


@pytest.fixture
def sar(maya, officer):
    return services.register_request(
        child=maya,
        requester="parent",
        requester_name="Grace Okafor",
        received_on=dt.date(2026, 1, 31),
        identity_verified=True,
        identity_evidence="Passport",
        actor=officer,
    )


def urls(sar):
    return [
        reverse("records:requests"),
        reverse("records:request-create"),
        reverse("records:register"),
        reverse("records:request", args=[sar.pk]),
        reverse("records:extend", args=[sar.pk]),
        reverse("records:prepare", args=[sar.pk]),
        reverse("records:complete", args=[sar.pk]),
    ]


@pytest.mark.parametrize(
    "role", [Role.SOCIAL_WORKER, Role.TEAM_MANAGER, Role.HEAD_OF_SERVICE, Role.ANALYST, Role.ADMIN]
)
def test_the_pages_are_refused_to_other_roles(sar, role):
    client = signed_in(worker_of_role(role, username=f"{role.value}_x"))
    for url in urls(sar):
        assert client.get(url).status_code == 403, url
    response = client.post(
        reverse("records:complete", args=[sar.pk]),
        {
            "sent_to": "X",
            "method": "post",
            "bundle_format": "json",
            "sent_on_day": "1",
            "sent_on_month": "2",
            "sent_on_year": "2026",
        },
    )
    assert response.status_code == 403
    assert not DisclosureRegisterEntry.objects.exists()


def test_anonymous_people_are_sent_to_sign_in(sar):
    response = Client().get(reverse("records:requests"))
    assert response.status_code == 302


def test_the_officer_finds_the_child_and_registers_a_request(maya, officer):
    client = signed_in(officer)
    found = client.get(reverse("records:request-create"), {"q": "Okafor"})
    assert "Maya Okafor, C42" in found.content.decode()
    response = client.post(
        reverse("records:request-create") + "?child=C42",
        {
            "requester": "child",
            "requester_name": "Maya Okafor",
            "received_on_day": "31",
            "received_on_month": "3",
            "received_on_year": "2026",
            "identity_verified": "no",
        },
    )
    sar = SubjectAccessRequest.objects.get()
    assert response.status_code == 302
    assert (sar.child, sar.due_on, sar.registered_by) == (maya, dt.date(2026, 4, 30), officer)
    page = client.get(reverse("records:request", args=[sar.pk])).content.decode()
    assert "30 April 2026 (one month from receipt)" in page


def test_a_bad_date_is_shown_next_to_the_field(maya, officer):
    response = signed_in(officer).post(
        reverse("records:request-create") + "?child=C42",
        {
            "requester": "child",
            "requester_name": "Maya",
            "identity_verified": "no",
            "received_on_day": "31",
            "received_on_month": "2",
            "received_on_year": "2026",
        },
    )
    assert response.status_code == 200
    assert "Enter a real date" in response.content.decode()
    assert not SubjectAccessRequest.objects.exists()


def test_the_list_flags_overdue_requests(sar, officer):
    page = signed_in(officer).get(reverse("records:requests")).content.decode()
    assert sar.reference in page and "Overdue" in page


def test_preparing_lists_the_whole_record_and_logs_the_view(sar, maya, officer):
    client = signed_in(officer)
    page = client.get(reverse("records:prepare", args=[sar.pk])).content.decode()
    assert "Home visit. Maya showed me her room" in page
    assert AccessRecord.objects.filter(child=maya, action="view", user=officer).exists()
    note = maya.casenote_set.get() if hasattr(maya, "casenote_set") else None
    from kinfolk.casework.models import CaseNote

    note = CaseNote.objects.get(child=maya)
    response = client.post(
        reverse("records:record", args=[sar.pk, "casework.casenote", note.pk]),
        {"field_name": "text", "reason": "social-work"},
    )
    assert response.status_code == 302
    assert Redaction.objects.get().field_name == "text"
    page = client.get(reverse("records:prepare", args=[sar.pk])).content.decode()
    assert "[Redacted: Social work exemption: serious harm (DPA 2018 Sch. 3 Part 3)]" in page


def test_completing_needs_a_recent_sign_in(sar, officer):
    client = signed_in(officer)
    session = client.session
    session[SESSION_KEY] = 0
    session.save()
    response = client.get(reverse("records:complete", args=[sar.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("reauthenticate"))


def test_completing_makes_the_bundle_and_the_register_entry(sar, maya, officer):
    client = signed_in(officer)
    response = client.post(
        reverse("records:complete", args=[sar.pk]),
        {
            "sent_to": "Grace Okafor",
            "method": "post",
            "bundle_format": "html",
            "sent_on_day": "20",
            "sent_on_month": "2",
            "sent_on_year": "2026",
        },
    )
    entry = DisclosureRegisterEntry.objects.get()
    assert response["Location"] == reverse("records:bundle", args=[sar.pk, entry.pk])
    download = client.get(response["Location"] + "?download=json")
    assert json.loads(download.content)["child"] == "C42"
    register = client.get(reverse("records:register")).content.decode()
    assert "Grace Okafor" in register and sar.reference in register
    assert AccessRecord.objects.filter(child=maya, action="export").count() == 2
