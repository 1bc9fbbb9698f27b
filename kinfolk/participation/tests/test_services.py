"""The participation services: what each records, its chronology entry, and each refusal
with nothing written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import make_child
from kinfolk.care.models import UASCPeriod
from kinfolk.care.services import start_uasc
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.models import RecordChanged
from kinfolk.participation import services
from kinfolk.participation.models import (
    AdvocacyReferral,
    AdvocacyTheme,
    AgeAssessment,
    Consultation,
    ImmigrationStatusRecord,
    IndependentVisitorOffer,
    ToldHowToComplain,
    TransitionPlan,
)
from kinfolk.participation.tests.conftest import in_care

pytestmark = pytest.mark.django_db

D = dt.date


def refused(call) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        call()
    return error.value.message_dict


def kinds(child) -> list[tuple[str, str]]:
    return [
        (e.kind, e.summary)
        for e in ChronologyEntry.objects.filter(child=child)
        .exclude(kind__in=["care_episode", "allocation", "period_of_care", "placement"])
        .order_by("occurred_on", "pk")
        if e.kind
        in {
            "independent_visitor",
            "advocacy",
            "told_how_to_complain",
            "transition_plan",
            "age_assessment",
            "immigration_status",
            "cicc_consultation",
        }
    ]


def test_an_independent_visitor_is_offered_accepted_matched_and_ended(ava, social_worker):
    offer = services.offer_independent_visitor(
        child=ava,
        offered_on=D(2025, 2, 3),
        offered_by="Sam Example",
        answer="thinking",
        actor=social_worker,
    )
    offer = services.answer_independent_visitor(
        offer=offer, answer="accepted", answered_on=D(2025, 2, 10), version=1
    )
    assert offer.is_waiting and offer.version == 2
    offer = services.match_independent_visitor(
        offer=offer,
        visitor_name="Jo Volunteer",
        matched_on=D(2025, 3, 3),
        first_visit_on=D(2025, 3, 10),
        version=2,
    )
    offer = services.end_independent_visitor(offer=offer, ended_on=D(2025, 6, 1), version=3)
    saved = IndependentVisitorOffer.objects.get()
    assert (
        saved.answer,
        saved.visitor_name,
        saved.matched_on,
        saved.first_visit_on,
        saved.ended_on,
    ) == ("accepted", "Jo Volunteer", D(2025, 3, 3), D(2025, 3, 10), D(2025, 6, 1))
    assert saved.recorded_by == social_worker
    summaries = [s for k, s in kinds(ava) if k == "independent_visitor"]
    assert summaries[0] == "Independent visitor offered by Sam Example: to think about"
    assert "Matched with an independent visitor, Jo Volunteer" in summaries
    assert summaries[-1] == "Independent visitor ended"


def test_offering_a_visitor_is_refused(ava, social_worker):
    assert refused(
        lambda: services.offer_independent_visitor(
            child=ava, offered_on=D(2025, 2, 3), offered_by=" ", answer="accepted"
        )
    ) == {"offered_by": ["Enter who offered the visitor"]}
    assert refused(
        lambda: services.offer_independent_visitor(
            child=ava, offered_on=D(2025, 2, 3), offered_by="Sam", answer="maybe"
        )
    ) == {"answer": ["Choose the child's answer"]}
    services.offer_independent_visitor(
        child=ava, offered_on=D(2025, 2, 3), offered_by="Sam", answer="accepted"
    )
    assert refused(
        lambda: services.offer_independent_visitor(
            child=ava, offered_on=D(2025, 2, 4), offered_by="Sam", answer="accepted"
        )
    ) == {
        "offered_on": [
            "An independent visitor offered on 3 February 2025 is still open: record the "
            "answer, match or end it there"
        ]
    }
    assert IndependentVisitorOffer.objects.count() == 1


def test_a_child_not_in_care_is_not_offered_a_visitor(db):
    child = make_child(la_child_id="N1")
    with pytest.raises(ValidationError):
        services.offer_independent_visitor(
            child=child, offered_on=D(2025, 2, 3), offered_by="Sam", answer="accepted"
        )
    assert not IndependentVisitorOffer.objects.exists()


def test_matching_is_refused(ava):
    declined = services.offer_independent_visitor(
        child=ava, offered_on=D(2025, 2, 3), offered_by="Sam", answer="declined"
    )
    assert refused(
        lambda: services.match_independent_visitor(
            offer=declined, visitor_name="Jo", matched_on=D(2025, 3, 1)
        )
    ) == {"visitor_name": ["Only an offer the child accepted can be matched"]}
    assert refused(
        lambda: services.answer_independent_visitor(
            offer=declined, answer="accepted", answered_on=D(2025, 2, 4)
        )
    ) == {"answer": ["The child has already answered: declined"]}
    offer = services.offer_independent_visitor(
        child=ava, offered_on=D(2025, 2, 10), offered_by="Sam", answer="accepted"
    )
    assert refused(
        lambda: services.match_independent_visitor(
            offer=offer, visitor_name="", matched_on=D(2025, 3, 1)
        )
    ) == {"visitor_name": ["Enter the visitor's name"]}
    assert refused(
        lambda: services.match_independent_visitor(
            offer=offer, visitor_name="Jo", matched_on=D(2025, 2, 1)
        )
    ) == {"matched_on": ["The match cannot be before the offer, on 10 February 2025"]}
    assert refused(
        lambda: services.match_independent_visitor(
            offer=offer, visitor_name="Jo", matched_on=D(2025, 3, 1), first_visit_on=D(2025, 2, 20)
        )
    ) == {"first_visit_on": ["The first visit cannot be before the match"]}
    with pytest.raises(RecordChanged):
        services.match_independent_visitor(
            offer=offer, visitor_name="Jo", matched_on=D(2025, 3, 1), version=7
        )
    assert refused(
        lambda: services.end_independent_visitor(offer=declined, ended_on=D(2025, 3, 1))
    ) == {"ended_on": ["The child declined this offer: there is nothing to end"]}
    assert IndependentVisitorOffer.objects.filter(matched_on__isnull=False).count() == 0


def test_advocacy_referral_and_themes(ava, social_worker):
    referral = services.refer_to_advocacy(
        child=ava,
        referred_on=D(2025, 4, 2),
        reason="review",
        service="Speak Up Advocacy",
        actor=social_worker,
    )
    contact = AdvocacyTheme.objects.get(name="Contact with family")
    referral = services.record_advocacy(
        referral=referral,
        started_on=D(2025, 4, 9),
        themes=[contact],
        themes_text="Wants to see her brother more often",
        version=1,
    )
    saved = AdvocacyReferral.objects.get()
    assert (saved.reason, saved.service, saved.started_on, saved.ended_on, saved.themes_text) == (
        "review",
        "Speak Up Advocacy",
        D(2025, 4, 9),
        None,
        "Wants to see her brother more often",
    )
    assert list(saved.themes.all()) == [contact]
    assert [s for k, s in kinds(ava) if k == "advocacy"] == [
        "Referred to Speak Up Advocacy for advocacy: looked-after review",
        "Advocacy started",
    ]


def test_advocacy_is_refused(ava):
    assert refused(
        lambda: services.refer_to_advocacy(
            child=ava, referred_on=D(2025, 4, 2), reason="x", service="S"
        )
    ) == {"reason": ["Choose the reason for the referral"]}
    assert refused(
        lambda: services.refer_to_advocacy(
            child=ava, referred_on=D(2025, 4, 2), reason="other", service="S"
        )
    ) == {"reason_detail": ["Say what the child wants an advocate for"]}
    assert refused(
        lambda: services.refer_to_advocacy(
            child=ava, referred_on=D(2025, 4, 2), reason="review", service=""
        )
    ) == {"service": ["Enter the advocacy service"]}
    referral = services.refer_to_advocacy(
        child=ava, referred_on=D(2025, 4, 2), reason="complaint", service="S"
    )
    assert refused(
        lambda: services.record_advocacy(referral=referral, started_on=D(2025, 4, 1))
    ) == {"started_on": ["Advocacy cannot start before the referral, on 2 April 2025"]}
    assert refused(
        lambda: services.record_advocacy(referral=referral, started_on=None, themes_text="x")
    ) == {"started_on": ["Enter the date advocacy started"]}
    assert refused(
        lambda: services.record_advocacy(
            referral=referral, started_on=D(2025, 4, 5), ended_on=D(2025, 4, 4)
        )
    ) == {"ended_on": ["Advocacy cannot end before it started"]}
    retired = AdvocacyTheme.objects.create(name="Old theme", is_active=False)
    assert refused(
        lambda: services.record_advocacy(
            referral=referral, started_on=D(2025, 4, 5), themes=[retired]
        )
    ) == {"themes": ["Old theme is no longer offered"]}
    assert refused(lambda: services.add_advocacy_theme(name="placement")) == {
        "name": ["“placement” is already on the list"]
    }
    assert AdvocacyReferral.objects.get().started_on is None


def test_told_how_to_complain(ava, social_worker):
    services.record_told_how_to_complain(
        child=ava, told_on=D(2025, 2, 1), told_by="Sam Example", how="leaflet", actor=social_worker
    )
    told = ToldHowToComplain.objects.get()
    assert (told.told_on, told.told_by, told.how, told.recorded_by) == (
        D(2025, 2, 1),
        "Sam Example",
        "leaflet",
        social_worker,
    )
    assert kinds(ava) == [
        (
            "told_how_to_complain",
            "Told how to complain and about the children in care council (leaflet)",
        )
    ]
    assert refused(
        lambda: services.record_told_how_to_complain(
            child=ava, told_on=D(2025, 2, 1), told_by="", how="app"
        )
    ) == {"told_by": ["Enter who told the child"]}
    assert refused(
        lambda: services.record_told_how_to_complain(
            child=ava, told_on=D(2025, 2, 1), told_by="S", how="post"
        )
    ) == {"how": ["Choose how the child was told"]}
    with pytest.raises(ValidationError):
        services.record_told_how_to_complain(
            child=make_child(la_child_id="N1"), told_on=D(2025, 2, 1), told_by="S", how="app"
        )
    assert ToldHowToComplain.objects.count() == 1


def test_a_consultation_counts_participation_by_cohort(social_worker, manager):
    ava = in_care("C7", social_worker, sex="F", date_of_birth=D(2012, 5, 1))
    ben = in_care("C8", social_worker, first_name="Ben", sex="M", date_of_birth=D(2008, 1, 1))
    consultation = services.record_consultation(
        held_on=D(2025, 6, 1),
        topic="Pocket money",
        children_said="It is not enough",
        council_did="Raised it by a tenth",
        action_by="Head of service",
        fed_back_on=D(2025, 7, 1),
        participants=[ava, ben, ava],
        counts={"under_11": 3},
        actor=manager,
    )
    cohort = services.cohorts([consultation])[consultation.pk]
    assert cohort["total"] == 5
    assert cohort["age_band"] == [("11 to 15", 1), ("16 and 17", 1), ("Under 11", 3)]
    assert cohort["sex"] == [("Female", 1), ("Male", 1)]
    assert [label for label, _n in cohort["placement"]] == [
        ava.care_episodes.get().get_placement_type_display()
    ]
    assert kinds(ben) == [
        ("cicc_consultation", "Took part in a children in care council consultation: Pocket money")
    ]


def test_a_consultation_is_refused(db):
    assert refused(
        lambda: services.record_consultation(
            held_on=D(2025, 6, 1), topic="", children_said="x", counts={"under_11": 1}
        )
    ) == {"topic": ["Enter the topic"]}
    assert refused(
        lambda: services.record_consultation(held_on=D(2025, 6, 1), topic="T", children_said="x")
    ) == {"participants": ["Name the children who took part, or count them by age band"]}
    assert refused(
        lambda: services.record_consultation(
            held_on=D(2025, 6, 1),
            topic="T",
            children_said="x",
            counts={"under_11": 1},
            fed_back_on=D(2025, 5, 1),
            council_did="y",
        )
    ) == {"fed_back_on": ["Feedback cannot be before the consultation, on 1 June 2025"]}
    assert refused(
        lambda: services.record_consultation(
            held_on=D(2025, 6, 1),
            topic="T",
            children_said="x",
            counts={"under_11": 1},
            fed_back_on=D(2025, 7, 1),
        )
    ) == {"council_did": ["Enter what the council did before feeding back"]}
    assert not Consultation.objects.exists()


def disabled(social_worker):
    return make_child(la_child_id="D1", date_of_birth=D(2010, 3, 1), disabilities=["LD"])


def test_a_transition_plan_from_14(social_worker):
    young = disabled(social_worker)
    plan = services.start_transition_plan(
        child=young,
        started_on=D(2024, 4, 1),
        adult_services="Adult social care; college",
        aspirations="To live with friends",
        next_review_on=D(2024, 10, 1),
    )
    plan = services.review_transition_plan(
        plan=plan,
        reviewed_on=D(2024, 10, 2),
        adult_services="Adult social care",
        aspirations="To go to college",
        next_review_on=D(2025, 4, 1),
        version=1,
    )
    saved = TransitionPlan.objects.get()
    assert (saved.started_on, saved.reviewed_on, saved.next_review_on, saved.aspirations) == (
        D(2024, 4, 1),
        D(2024, 10, 2),
        D(2025, 4, 1),
        "To go to college",
    )
    assert [s for _k, s in kinds(young)] == ["Transition plan started", "Transition plan reviewed"]


def test_a_transition_plan_is_refused(social_worker):
    young = disabled(social_worker)
    not_disabled = make_child(la_child_id="N1", date_of_birth=D(2010, 1, 1), disabilities=["NONE"])
    start = dict(adult_services="A", aspirations="B", next_review_on=D(2025, 10, 1))
    with pytest.raises(ValidationError) as error:
        services.start_transition_plan(child=not_disabled, started_on=D(2025, 4, 1), **start)
    assert "has no disability recorded" in error.value.messages[0]
    assert refused(
        lambda: services.start_transition_plan(child=young, started_on=D(2024, 2, 1), **start)
    ) == {"started_on": ["A transition plan starts from the young person's 14th birthday"]}
    assert refused(
        lambda: services.start_transition_plan(
            child=young,
            started_on=D(2025, 4, 1),
            adult_services="",
            aspirations="B",
            next_review_on=D(2025, 10, 1),
        )
    ) == {"adult_services": ["Enter the adult services involved"]}
    assert refused(
        lambda: services.start_transition_plan(
            child=young,
            started_on=D(2025, 4, 1),
            adult_services="A",
            aspirations="B",
            next_review_on=D(2025, 3, 1),
        )
    ) == {"next_review_on": ["The next review must be after the plan started"]}
    plan = services.start_transition_plan(child=young, started_on=D(2025, 4, 1), **start)
    assert refused(
        lambda: services.start_transition_plan(child=young, started_on=D(2025, 4, 2), **start)
    ) == {"started_on": [f"{young} already has a transition plan: review it"]}
    assert refused(
        lambda: services.review_transition_plan(
            plan=plan,
            reviewed_on=D(2025, 3, 1),
            adult_services="A",
            aspirations="B",
            next_review_on=D(2025, 10, 1),
        )
    ) == {"reviewed_on": ["The review cannot be before 1 April 2025"]}
    assert TransitionPlan.objects.get().reviewed_on is None


def test_the_asylum_details_of_a_uasc(ava):
    with pytest.raises(ValidationError) as error:
        services.record_interpreter(child=ava, is_needed=True, languages="Tigrinya")
    assert "is not recorded as an unaccompanied asylum-seeking child" in error.value.messages[0]
    start_uasc(child=ava, start_on=D(2025, 1, 10))
    assert refused(lambda: services.record_interpreter(child=ava, is_needed=True)) == {
        "languages": ["Enter the languages the interpreter speaks"]
    }
    interpreter = services.record_interpreter(child=ava, is_needed=True, languages="Tigrinya")
    assert (interpreter.is_needed, interpreter.languages, interpreter.version) == (
        True,
        "Tigrinya",
        1,
    )
    assert refused(
        lambda: services.record_age_assessment(
            child=ava,
            assessed_on=D(2025, 2, 1),
            assessed_by="Two social workers",
            outcome="assessed",
        )
    ) == {"assessed_date_of_birth": ["Enter the assessed date of birth"]}
    services.record_age_assessment(
        child=ava,
        assessed_on=D(2025, 2, 1),
        assessed_by="Two social workers",
        outcome="assessed",
        assessed_date_of_birth=D(2010, 1, 1),
    )
    ava.refresh_from_db()
    assert ava.date_of_birth == D(2012, 5, 1)  # identity is not rewritten
    assert AgeAssessment.objects.get().assessed_date_of_birth == D(2010, 1, 1)
    assert refused(
        lambda: services.record_immigration_status(
            child=ava, status="other", status_on=D(2025, 2, 1)
        )
    ) == {"detail": ["Say what the status is"]}
    services.record_immigration_status(
        child=ava, status="claim_lodged", status_on=D(2025, 2, 1), next_step="Substantive interview"
    )
    assert refused(
        lambda: services.record_immigration_status(
            child=ava, status="refugee", status_on=D(2025, 1, 20)
        )
    ) == {"status_on": ["A later status is recorded from 1 February 2025"]}
    assert ImmigrationStatusRecord.objects.get().next_step == "Substantive interview"
    assert UASCPeriod.objects.get().immigration_status == "Claim lodged"
    assert [s for k, s in kinds(ava) if k in ("age_assessment", "immigration_status")] == [
        "Age assessment: assessed date of birth 1 January 2010",
        "Immigration status: Claim lodged",
    ]
