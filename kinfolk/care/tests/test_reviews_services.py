"""The care planning services: care plans, looked-after reviews and their decisions, IRO
challenges, statutory visits, family time and life-story work. Each refusal is checked for its
message and for changing nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import make_child
from kinfolk.care import services
from kinfolk.care.models import (
    CarePlan,
    CarePlanObjective,
    FamilyTime,
    IROChallenge,
    LifeStoryDecision,
    LifeStoryWork,
    LookedAfterReview,
    ReviewDecision,
)
from kinfolk.care.services import Decision, Objective, end_care, start_care
from kinfolk.casework.models import Visit
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.events import casework_changed
from kinfolk.workforce.choices import Role
from kinfolk.workforce.services import create_worker

pytestmark = pytest.mark.django_db

D = dt.date
CARE_STARTED = D(2025, 1, 10)


def start(child, on: dt.date = CARE_STARTED):
    return start_care(
        child=child,
        start_on=on,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
        placement_postcode="WN2 2BB",
    )


@pytest.fixture
def in_care(child):
    start(child)
    return child


@pytest.fixture
def iro(db):
    return create_worker(
        username="ira_iro", display_name="Ira Reid", role=Role.IRO, team=None, is_qualified=True
    )


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def counts(child) -> tuple:
    return (
        CarePlan.objects.filter(child=child).count(),
        CarePlanObjective.objects.filter(plan__child=child).count(),
        LookedAfterReview.objects.filter(child=child).count(),
        ReviewDecision.objects.filter(review__child=child).count(),
        IROChallenge.objects.filter(child=child).count(),
        Visit.objects.filter(child=child).count(),
        FamilyTime.objects.filter(child=child).count(),
        LifeStoryWork.objects.filter(child=child).count(),
        LifeStoryDecision.objects.filter(child=child).count(),
        ChronologyEntry.objects.filter(child=child).count(),
    )


PLAN = {
    "permanence_plan": "long_term_fostering",
    "needs": "Lily needs help with reading and with managing her feelings about home.",
    "objectives": [
        Objective("Lily reads at her age level", "Virtual school teacher", D(2025, 6, 30)),
        Objective("Lily joins a Polish Saturday school", "Foster carer", D(2025, 4, 1), True),
    ],
    "identity_needs": "Lily's mother is Polish; Lily wants to keep speaking Polish.",
    "child_views": "I like it here but I miss my brother.",
    "child_views_on": D(2025, 1, 20),
    "child_views_method": "talked_alone",
    "family_time": "Brother every Saturday.",
}


PLAN_MADE = D(2025, 1, 24)
REVIEW_HELD = D(2025, 2, 5)


def plan(child, on: dt.date = PLAN_MADE, **overrides):
    values = {**PLAN, **overrides}
    return services.record_care_plan(child=child, made_on=on, **values)


REVIEW = {
    "participation": "PN1",
    "iro_contact_on": D(2025, 2, 3),
    "taking_part": "whole_meeting",
    "venue": "Lily's school",
    "is_venue_chosen_by_child": True,
    "preferred_time": "After school",
    "is_permanence_considered": True,
}


def review(child, on: dt.date = REVIEW_HELD, **overrides):
    values = {**REVIEW, **overrides}
    return services.record_review(child=child, held_on=on, **values)


# Care plans


def test_a_care_plan_is_recorded_with_its_objectives(
    in_care, social_worker, django_capture_on_commit_callbacks
):
    sent = []

    def receiver(sender, child_ids, **kwargs):
        sent.append(child_ids)

    casework_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            created = plan(in_care, actor=social_worker)
    finally:
        casework_changed.disconnect(receiver)
    assert sent == [[in_care.pk]]
    assert (created.made_on, created.permanence_plan, created.child_views_method) == (
        D(2025, 1, 24),
        "long_term_fostering",
        "talked_alone",
    )
    assert created.period.start_on == CARE_STARTED
    assert created.recorded_by == social_worker
    assert list(created.objectives.values_list("description", "owner", "is_identity")) == [
        ("Lily joins a Polish Saturday school", "Foster carer", True),
        ("Lily reads at her age level", "Virtual school teacher", False),
    ]
    entry = ChronologyEntry.objects.get(child=in_care, kind="plan")
    assert entry.summary == "Care plan: Long-term fostering"


def test_each_care_plan_is_a_new_version(in_care):
    plan(in_care)
    plan(in_care, on=D(2025, 2, 10), permanence_plan="special_guardianship")
    assert list(CarePlan.objects.filter(child=in_care).values_list("permanence_plan")) == [
        ("special_guardianship",),
        ("long_term_fostering",),
    ]


def test_a_care_plan_needs_the_child_looked_after_on_its_date(in_care):
    before = counts(in_care)
    assert refusal(lambda: plan(in_care, on=D(2025, 1, 3))) == {
        "made_on": ["Lily Smith was not looked after on 3 January 2025"]
    }
    assert counts(in_care) == before


def test_a_care_plan_after_care_ended_is_refused(in_care):
    end_care(child=in_care, on=D(2025, 3, 1), reason="E41")
    before = counts(in_care)
    assert refusal(lambda: plan(in_care, on=D(2025, 3, 2))) == {
        "made_on": ["Lily Smith was not looked after on 2 March 2025"]
    }
    assert counts(in_care) == before


def test_a_care_plan_in_the_future_is_refused(in_care):
    before = counts(in_care)
    assert refusal(lambda: plan(in_care, on=D(2030, 1, 1))) == {
        "made_on": ["The date of the plan must be today or in the past"]
    }
    assert counts(in_care) == before


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        ({"needs": " "}, {"needs": ["Enter the child's needs from the assessment"]}),
        ({"objectives": []}, {"objectives": ["Add at least one objective for the child"]}),
        (
            {"objectives": [Objective("Lily reads well", "", D(2025, 6, 1), True)]},
            {"objective_1_owner": ["Enter who will make objective 1 happen"]},
        ),
        (
            {"objectives": [Objective("Lily reads well", "Carer", D(2025, 6, 1))]},
            {"objectives": ["Add an objective that meets the child's identity needs"]},
        ),
        ({"permanence_plan": ""}, {"permanence_plan": ["Choose the permanence plan"]}),
        ({"permanence_plan": "orphanage"}, {"permanence_plan": ["Choose the permanence plan"]}),
        ({"child_views": ""}, {"child_views": ["Enter the child's views"]}),
        (
            {"child_views_on": None},
            {"child_views_on": ["Enter the date the child's views were gathered"]},
        ),
        (
            {"child_views_method": ""},
            {"child_views_method": ["Choose how the child's views were gathered"]},
        ),
    ],
)
def test_a_care_plan_on_a_page_needs_its_detail(in_care, overrides, expected):
    before = counts(in_care)
    assert refusal(lambda: plan(in_care, **overrides)) == expected
    assert counts(in_care) == before


def test_a_care_plan_without_identity_needs_is_refused(in_care):
    before = counts(in_care)
    assert refusal(
        lambda: plan(
            in_care,
            identity_needs="",
            objectives=[Objective("Lily reads well", "Carer", D(2025, 6, 1))],
        )
    ) == {"identity_needs": ["Enter the child's identity needs"]}
    assert counts(in_care) == before


def test_an_imported_care_plan_needs_only_its_date(in_care):
    imported = services.record_care_plan(child=in_care, made_on=D(2025, 1, 24), is_imported=True)
    assert (imported.is_imported, imported.permanence_plan, imported.objectives.count()) == (
        True,
        "",
        0,
    )


# Reviews


def test_a_review_is_recorded_with_its_decisions_and_minutes_due(in_care, iro):
    held = review(
        in_care,
        iro=iro,
        decisions=[
            Decision("Referral to CAMHS", "Sam Social, social worker", D(2025, 3, 1)),
            Decision("", "", None),
        ],
    )
    assert (held.held_on, held.participation, held.iro, held.minutes_due_on) == (
        D(2025, 2, 5),
        "PN1",
        iro,
        D(2025, 3, 5),
    )
    assert list(held.decisions.values_list("description", "owner", "due_on")) == [
        ("Referral to CAMHS", "Sam Social, social worker", D(2025, 3, 1))
    ]
    assert ChronologyEntry.objects.get(child=in_care, kind="looked_after_review").summary == (
        "Looked-after review: Attends and speaks for themself"
    )


def test_a_review_needs_the_child_looked_after(in_care):
    before = counts(in_care)
    assert refusal(lambda: review(in_care, on=D(2024, 12, 1))) == {
        "held_on": ["Lily Smith was not looked after on 1 December 2024"]
    }
    assert counts(in_care) == before


def test_one_review_a_day(in_care):
    review(in_care)
    before = counts(in_care)
    assert refusal(lambda: review(in_care)) == {
        "held_on": ["A review of Lily Smith on 5 February 2025 is already recorded"]
    }
    assert counts(in_care) == before


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (
            {"participation": ""},
            {"participation": ["Choose how the child took part in the review"]},
        ),
        (
            {"participation": "PN0"},
            {"participation": ["Lily Smith was 9 at the review: PN0 is for under 4s"]},
        ),
        (
            {"iro_contact_on": None},
            {
                "iro_contact_on": [
                    "Enter the date the reviewing officer saw or spoke to the child before the "
                    "review"
                ]
            },
        ),
        (
            {"iro_contact_on": D(2025, 2, 6)},
            {"iro_contact_on": ["The reviewing officer's contact must be before the review"]},
        ),
        ({"taking_part": ""}, {"taking_part": ["Choose how the child wanted to take part"]}),
        (
            {"is_permanence_considered": None},
            {
                "is_permanence_considered": [
                    "Select whether the review considered the permanence options"
                ]
            },
        ),
        (
            {"decisions": [Decision("Referral to CAMHS", "", D(2025, 3, 1))]},
            {"decision_1_owner": ["Enter who will carry out decision 1"]},
        ),
        (
            {"decisions": [Decision("Referral to CAMHS", "Sam", D(2025, 2, 1))]},
            {"decision_1_due_on": ["Decision 1 cannot be due before the review"]},
        ),
    ],
)
def test_a_review_on_a_page_is_refused_without_its_detail(in_care, overrides, expected):
    before = counts(in_care)
    assert refusal(lambda: review(in_care, **overrides)) == expected
    assert counts(in_care) == before


def test_a_child_under_four_takes_part_as_pn0(db):
    toddler = make_child(la_child_id="C2", first_name="Ava", date_of_birth=D(2023, 6, 1))
    start(toddler)
    before = counts(toddler)
    assert refusal(lambda: review(toddler)) == {
        "participation": ["Ava Smith was under 4 at the review: choose PN0 (child under 4)"]
    }
    assert counts(toddler) == before
    assert review(toddler, participation="PN0").participation == "PN0"


def test_an_imported_review_needs_only_date_and_participation(in_care):
    imported = services.record_review(
        child=in_care, held_on=D(2025, 2, 5), participation="PN7", is_imported=True
    )
    assert (imported.is_imported, imported.iro_contact_on, imported.taking_part) == (
        True,
        None,
        "",
    )


def test_review_minutes_are_recorded_once(in_care):
    held = review(in_care)
    assert refusal(
        lambda: services.record_review_minutes(review=held, completed_on=D(2025, 2, 4))
    ) == {"completed_on": ["The minutes cannot be completed before the review"]}
    services.record_review_minutes(review=held, completed_on=D(2025, 3, 10))
    held.refresh_from_db()
    assert (held.minutes_completed_on, held.were_minutes_late) == (D(2025, 3, 10), True)
    before = counts(in_care)
    assert refusal(
        lambda: services.record_review_minutes(review=held, completed_on=D(2025, 3, 11))
    ) == {"completed_on": ["The minutes were already completed on 10 March 2025"]}
    assert counts(in_care) == before


def test_a_review_decision_is_completed(in_care):
    held = review(in_care, decisions=[Decision("Referral to CAMHS", "Sam", D(2025, 3, 1))])
    decision = held.decisions.get()
    assert decision.is_overdue_on(D(2025, 3, 2)) is True
    assert refusal(
        lambda: services.complete_review_decision(decision=decision, completed_on=D(2025, 2, 1))
    ) == {"completed_on": ["A decision cannot be carried out before the review made it"]}
    services.complete_review_decision(decision=decision, completed_on=D(2025, 2, 20))
    decision.refresh_from_db()
    assert (decision.completed_on, decision.is_overdue_on(D(2025, 3, 2))) == (
        D(2025, 2, 20),
        False,
    )


# IRO challenges


def test_an_iro_challenge_is_raised_and_resolved(in_care, iro):
    challenge = services.raise_iro_challenge(
        child=in_care,
        raised_on=D(2025, 5, 1),
        issue="permanence",
        detail="No permanence plan three months after the second review.",
        stage="informal",
        response_due_on=D(2025, 5, 15),
        raised_by=iro,
    )
    assert (challenge.raised_by, challenge.is_open, challenge.period.start_on) == (
        iro,
        True,
        CARE_STARTED,
    )
    before = counts(in_care)
    assert refusal(
        lambda: services.resolve_iro_challenge(
            challenge=challenge, resolved_on=D(2025, 5, 10), outcome=" "
        )
    ) == {"outcome": ["Enter the outcome of the challenge"]}
    assert counts(in_care) == before
    services.resolve_iro_challenge(
        challenge=challenge, resolved_on=D(2025, 5, 10), outcome="Permanence planning meeting set."
    )
    challenge.refresh_from_db()
    assert (challenge.resolved_on, challenge.is_open) == (D(2025, 5, 10), False)


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (
            {"raised_on": D(2024, 5, 1)},
            {"raised_on": ["Lily Smith was not looked after on 1 May 2024"]},
        ),
        ({"issue": "weather"}, {"issue": ["Choose what the challenge is about"]}),
        ({"detail": ""}, {"detail": ["Enter what the challenge is about"]}),
        ({"stage": "shouting"}, {"stage": ["Choose the stage of the challenge"]}),
        (
            {"response_due_on": D(2025, 4, 1)},
            {"response_due_on": ["A response cannot be due before the challenge was raised"]},
        ),
    ],
)
def test_an_iro_challenge_is_refused_without_its_detail(in_care, overrides, expected):
    values = {
        "raised_on": D(2025, 5, 1),
        "issue": "drift",
        "detail": "Plan has drifted.",
        "stage": "informal",
        "response_due_on": D(2025, 5, 15),
        **overrides,
    }
    before = counts(in_care)
    assert refusal(lambda: services.raise_iro_challenge(child=in_care, **values)) == expected
    assert counts(in_care) == before


# Statutory visits


def test_a_statutory_visit_is_a_cla_visit(in_care, social_worker):
    visit = services.record_care_visit(
        child=in_care,
        visited_on=D(2025, 1, 15),
        is_child_seen=True,
        is_seen_alone=True,
        purpose="First visit in the placement",
        child_views="My room is nice.",
        actor=social_worker,
    )
    assert (visit.kind, visit.is_seen_alone, visit.episode, visit.recorded_by) == (
        "cla",
        True,
        None,
        social_worker,
    )


def test_a_statutory_visit_needs_the_child_looked_after(in_care):
    before = counts(in_care)
    assert refusal(
        lambda: services.record_care_visit(
            child=in_care, visited_on=D(2025, 1, 9), is_child_seen=True, child_views="Hi"
        )
    ) == {"visited_on": ["Lily Smith was not looked after on 9 January 2025"]}
    assert counts(in_care) == before


def test_a_statutory_visit_with_the_child_seen_needs_their_views(in_care):
    before = counts(in_care)
    assert refusal(
        lambda: services.record_care_visit(
            child=in_care, visited_on=D(2025, 1, 15), is_child_seen=True
        )
    ) == {"child_views": ["Enter the child's views"]}
    assert counts(in_care) == before


# Family time


def test_family_time_risk_review_is_three_months_after_the_assessment(in_care):
    arrangement = services.record_family_time(
        child=in_care,
        agreed_on=D(2025, 1, 20),
        with_whom="Jo Smith",
        relationship="mother",
        frequency="Every Saturday, 2 hours",
        is_supervised=False,
        risk_assessed_on=D(2025, 1, 31),
        child_views="I want to see mum more.",
    )
    assert arrangement.risk_review_on == D(2025, 4, 30)
    assert arrangement.is_risk_review_due_on(D(2025, 4, 30)) is True
    services.review_family_time_risk(arrangement=arrangement, risk_assessed_on=D(2025, 4, 28))
    arrangement.refresh_from_db()
    assert (arrangement.risk_assessed_on, arrangement.risk_review_on) == (
        D(2025, 4, 28),
        D(2025, 7, 28),
    )


@pytest.mark.parametrize(
    ("overrides", "expected"),
    [
        (
            {"agreed_on": D(2025, 1, 1)},
            {"agreed_on": ["Lily Smith was not looked after on 1 January 2025"]},
        ),
        (
            {"risk_assessed_on": None},
            {
                "risk_assessed_on": [
                    "Enter the date of the risk assessment: unsupervised family time needs one"
                ]
            },
        ),
        (
            {"risk_review_on": D(2025, 1, 1)},
            {"risk_review_on": ["The review must be after the risk assessment"]},
        ),
        (
            {"is_supervised": None},
            {"is_supervised": ["Select whether the family time is supervised"]},
        ),
        ({"child_views": ""}, {"child_views": ["Enter the child's views"]}),
        ({"relationship": "cousin"}, {"relationship": ["Choose their relationship to the child"]}),
    ],
)
def test_family_time_refusals(in_care, overrides, expected):
    values = {
        "agreed_on": D(2025, 1, 20),
        "with_whom": "Jo Smith",
        "relationship": "mother",
        "frequency": "Weekly",
        "is_supervised": False,
        "risk_assessed_on": D(2025, 1, 15),
        "child_views": "Fine.",
        **overrides,
    }
    before = counts(in_care)
    assert refusal(lambda: services.record_family_time(child=in_care, **values)) == expected
    assert counts(in_care) == before


# Life-story work


def test_life_story_work_and_its_decision_log(in_care, social_worker):
    services.update_life_story_work(
        child=in_care, updated_on=D(2025, 3, 1), status="in_progress", worker=social_worker
    )
    before = counts(in_care)
    assert refusal(
        lambda: services.update_life_story_work(
            child=in_care, updated_on=D(2025, 6, 1), status="complete", worker=social_worker
        )
    ) == {
        "later_life_letter_on": [
            "Enter the date of the later-life letter: life-story work is not complete without it"
        ]
    }
    assert counts(in_care) == before
    work = services.update_life_story_work(
        child=in_care,
        updated_on=D(2025, 6, 1),
        status="complete",
        worker=social_worker,
        later_life_letter_on=D(2025, 5, 30),
    )
    assert (LifeStoryWork.objects.get(child=in_care).pk, work.status) == (work.pk, "complete")
    services.add_life_story_decision(
        child=in_care,
        decided_on=D(2025, 1, 10),
        decision="Lily came into care",
        reason_for_child="Your mum was poorly and could not keep you safe at home.",
    )
    assert list(LifeStoryDecision.objects.values_list("decision", flat=True)) == [
        "Lily came into care"
    ]


def test_life_story_work_needs_a_child_who_was_looked_after(child):
    assert refusal(
        lambda: services.add_life_story_decision(
            child=child, decided_on=D(2025, 1, 10), decision="X", reason_for_child="Y"
        )
    ) == {"decided_on": ["Lily Smith has never been looked after"]}
    assert LifeStoryDecision.objects.count() == 0
