"""The participation pages: the child's record and its forms (a valid post, an invalid one
with the message and nothing saved, the access log), the council's log, and the lists of
children, paginated and logged, in the same number of queries for one child as for many."""

import datetime as dt
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from conftest import make_child, signed_in
from kinfolk.access.models import AccessRecord
from kinfolk.participation import services
from kinfolk.participation.models import (
    AdvocacyReferral,
    Consultation,
    IndependentVisitorOffer,
    ToldHowToComplain,
    TransitionPlan,
)
from kinfolk.participation.tests.conftest import in_care

pytestmark = pytest.mark.django_db

D = dt.date


def date_fields(name, day):
    return {f"{name}_day": day.day, f"{name}_month": day.month, f"{name}_year": day.year}


def text(response) -> str:
    return " ".join(response.content.decode().split())


def test_the_child_s_page_and_summary(worker_client, ava):
    page = worker_client.get(reverse("participation:child", args=[ava.pk]))
    assert page.status_code == 200
    assert "Not yet told" in text(page) and "Offer an independent visitor" in text(page)
    assert AccessRecord.objects.filter(
        child=ava, what="Child record: voice and participation"
    ).exists()
    summary = text(worker_client.get(reverse("children:detail", args=[ava.pk])))
    assert "Voice and participation" in summary and "Not yet told" in summary
    services.record_told_how_to_complain(
        child=ava, told_on=D(2025, 2, 1), told_by="Sam Example", how="app"
    )
    summary = text(worker_client.get(reverse("children:detail", args=[ava.pk])))
    assert "1 February 2025, by Sam Example (app)" in summary


def test_offering_and_matching_a_visitor_through_the_pages(worker_client, ava):
    url = reverse("participation:offer", args=[ava.pk])
    assert worker_client.get(url).status_code == 200
    bad = worker_client.post(url, {**date_fields("offered_on", D(2025, 2, 3)), "offered_by": "Sam"})
    assert (
        "Choose the child&#x27;s answer" in bad.content.decode()
        or "Choose the child's answer" in text(bad)
    )
    assert not IndependentVisitorOffer.objects.exists()
    response = worker_client.post(
        url, {**date_fields("offered_on", D(2025, 2, 3)), "offered_by": "Sam", "answer": "accepted"}
    )
    assert response.status_code == 302
    offer = IndependentVisitorOffer.objects.get()
    match = reverse("participation:offer-match", args=[ava.pk]) + f"?offer={offer.pk}"
    bad = worker_client.post(
        match,
        {
            "offer": offer.pk,
            "visitor_name": "Jo",
            **date_fields("matched_on", D(2025, 1, 1)),
        },
    )
    assert "The match cannot be before the offer, on 3 February 2025" in text(bad)
    assert IndependentVisitorOffer.objects.get().matched_on is None
    opened = worker_client.get(match).context["form"]["opened_versions"].value()
    response = worker_client.post(
        match,
        {
            "offer": offer.pk,
            "visitor_name": "Jo Volunteer",
            **date_fields("matched_on", D(2025, 3, 1)),
            "opened_versions": opened,
        },
    )
    assert response.status_code == 302, text(response)
    assert IndependentVisitorOffer.objects.get().visitor_name == "Jo Volunteer"
    assert AccessRecord.objects.filter(child=ava, action="change").exists()


def test_the_other_forms_post(worker_client, ava, social_worker):
    told = reverse("participation:told", args=[ava.pk])
    bad = worker_client.post(
        told, {**date_fields("told_on", D(2025, 2, 1)), "told_by": "", "how": "app"}
    )
    assert "Enter who told the child" in text(bad)
    assert not ToldHowToComplain.objects.exists()
    assert (
        worker_client.post(
            told, {**date_fields("told_on", D(2025, 2, 1)), "told_by": "Sam", "how": "app"}
        ).status_code
        == 302
    )
    refer = reverse("participation:refer", args=[ava.pk])
    assert (
        worker_client.post(
            refer,
            {
                **date_fields("referred_on", D(2025, 2, 1)),
                "reason": "review",
                "service": "Speak Up",
            },
        ).status_code
        == 302
    )
    assert AdvocacyReferral.objects.get().service == "Speak Up"
    young = make_child(la_child_id="D1", date_of_birth=D(2010, 3, 1), disabilities=["LD"])
    from kinfolk.workforce.services import allocate_child

    allocate_child(child=young, worker=social_worker, start_on=D(2025, 1, 6))
    start = reverse("participation:transition", args=[young.pk])
    assert (
        worker_client.post(
            start,
            {
                **date_fields("started_on", D(2025, 3, 1)),
                "adult_services": "Adult social care",
                "aspirations": "College",
                **date_fields("next_review_on", D(2025, 9, 1)),
            },
        ).status_code
        == 302
    )
    assert TransitionPlan.objects.get().aspirations == "College"


def test_the_council_s_log(manager, social_worker):
    ava = in_care("C7", social_worker)
    client = signed_in(manager)
    url = reverse("participation:consultation-create")
    bad = client.post(
        url,
        {**date_fields("held_on", D(2025, 6, 1)), "topic": "Food", "children_said": "More fruit"},
    )
    assert "Name the children who took part, or count them by age band" in text(bad)
    response = client.post(
        url,
        {
            **date_fields("held_on", D(2025, 6, 1)),
            "topic": "Food",
            "children_said": "More fruit",
            "participants": "C7",
            "count_11_15": "2",
        },
    )
    assert response.status_code == 302, text(response)
    consultation = Consultation.objects.get()
    log = text(client.get(reverse("participation:consultations")))
    assert "More fruit" in log and "3 took part" in log and "11 to 15: 3" in log
    assert AccessRecord.objects.filter(child=ava, action="list").exists()
    feedback = reverse("participation:consultation-feedback", args=[consultation.pk])
    assert (
        client.post(
            feedback,
            {
                "council_did": "Fruit bowls in every home",
                **date_fields("fed_back_on", D(2025, 7, 1)),
            },
        ).status_code
        == 302
    )
    assert Consultation.objects.get().fed_back_on == D(2025, 7, 1)
    assert signed_in(social_worker).get(reverse("participation:consultations")).status_code == 403


@pytest.mark.parametrize(
    "url_name, make",
    [
        ("participation:not-told", lambda n, w: in_care(f"T{n}", w, last_name=f"Told{n}")),
        (
            "participation:visitors",
            lambda n, w: (
                services.offer_independent_visitor(
                    child=in_care(f"V{n}", w, last_name=f"Wait{n}"),
                    offered_on=D(2025, 2, 3),
                    offered_by="Sam",
                    answer="accepted",
                ).child
            ),
        ),
        (
            "participation:no-transition-plan",
            lambda n, w: make_child(
                la_child_id=f"P{n}",
                last_name=f"Plan{n}",
                date_of_birth=D(2010, 1, 1),
                disabilities=["LD"],
            ),
        ),
    ],
)
def test_the_lists_count_log_and_paginate(manager, social_worker, url_name, make):
    client = signed_in(manager)
    url = reverse(url_name)
    first = make(0, social_worker)
    page = text(client.get(url))
    assert first.full_name in page and "Showing 1 of 1" in page
    assert AccessRecord.objects.filter(child=first, action="list").exists()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for n in range(1, 27):
        make(n, social_worker)
    with CaptureQueriesContext(connection) as many:
        page = text(client.get(url))
    assert "Showing 25 of 27" in page
    assert len(many) == len(few)


def test_never_offered_and_the_themes_report(manager, social_worker):
    ava = in_care("C7", social_worker)
    client = signed_in(manager)
    page = text(client.get(reverse("participation:visitors") + "?show=never"))
    assert ava.full_name in page
    referral = services.refer_to_advocacy(
        child=ava, referred_on=D(2025, 5, 2), reason="review", service="Speak Up"
    )
    from kinfolk.participation.models import AdvocacyTheme

    services.record_advocacy(
        referral=referral,
        started_on=D(2025, 5, 9),
        themes=[AdvocacyTheme.objects.get(name="Education")],
    )
    report = " ".join(
        re.sub(
            "<[^>]+>", " ", client.get(reverse("participation:advocacy-themes")).content.decode()
        ).split()
    )
    assert "2025-26 Q1" in report and "Education 1" in report


def test_a_manager_s_lists_hold_their_own_team_s_children(
    manager, social_worker, other_social_worker
):
    ours = in_care("C7", social_worker)
    theirs = in_care("C9", other_social_worker, first_name="Theo", last_name="Other")
    page = text(signed_in(manager).get(reverse("participation:not-told")))
    assert ours.full_name in page and theirs.full_name not in page
    assert not AccessRecord.objects.filter(child=theirs, action="list").exists()
    assert signed_in(social_worker).get(reverse("participation:not-told")).status_code == 403


def test_the_asylum_pages(worker_client, ava):
    from kinfolk.care.services import start_uasc
    from kinfolk.participation.models import AgeAssessment, ImmigrationStatusRecord, Interpreter

    interpreter = reverse("participation:interpreter", args=[ava.pk])
    page = text(worker_client.get(interpreter))
    assert "is not recorded as an unaccompanied asylum-seeking child" in page
    start_uasc(child=ava, start_on=D(2025, 1, 10))
    bad = worker_client.post(interpreter, {"is_needed": "yes", "languages": ""})
    assert "Enter the languages the interpreter speaks" in text(bad)
    assert not Interpreter.objects.exists()
    assert (
        worker_client.post(interpreter, {"is_needed": "yes", "languages": "Tigrinya"}).status_code
        == 302
    )
    age = reverse("participation:age-assessment", args=[ava.pk])
    assert (
        worker_client.post(
            age,
            {
                **date_fields("assessed_on", D(2025, 2, 1)),
                "assessed_by": "Two social workers",
                "outcome": "assessed",
                **date_fields("assessed_date_of_birth", D(2010, 1, 1)),
            },
        ).status_code
        == 302
    )
    assert AgeAssessment.objects.get().assessed_date_of_birth == D(2010, 1, 1)
    status = reverse("participation:immigration-status", args=[ava.pk])
    assert (
        worker_client.post(
            status,
            {
                "status": "claim_lodged",
                **date_fields("status_on", D(2025, 2, 1)),
                "next_step": "Interview",
            },
        ).status_code
        == 302
    )
    assert ImmigrationStatusRecord.objects.get().next_step == "Interview"
    page = text(worker_client.get(reverse("participation:child", args=[ava.pk])))
    assert "Needed: Tigrinya" in page and "assessed date of birth 1 January 2010" in page


def test_a_match_saved_on_an_out_of_date_form_is_refused(worker_client, ava):
    offer = services.offer_independent_visitor(
        child=ava, offered_on=D(2025, 2, 3), offered_by="Sam", answer="accepted"
    )
    url = reverse("participation:offer-match", args=[ava.pk]) + f"?offer={offer.pk}"
    form = worker_client.get(url).context["form"]
    opened = form["opened_versions"].value()
    services.match_independent_visitor(
        offer=offer, visitor_name="Jo First", matched_on=D(2025, 3, 1)
    )
    response = worker_client.post(
        url,
        {
            "offer": offer.pk,
            "visitor_name": "Kim Second",
            **date_fields("matched_on", D(2025, 3, 2)),
            "opened_versions": opened,
        },
    )
    assert "Someone else changed this record while you were editing it" in text(response)
    assert IndependentVisitorOffer.objects.get().visitor_name == "Jo First"
