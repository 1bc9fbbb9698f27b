"""The services that record health, education, missing episodes, exploitation screening and
UASC status: what they store, and each refusal, with nothing changed."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from conftest import make_child
from kinfolk.care import services
from kinfolk.care.models import (
    ExploitationScreening,
    HealthAssessment,
    HealthPlanAction,
    MissingEpisode,
    OutcomeRecord,
    PersonalEducationPlan,
    UASCPeriod,
)
from kinfolk.care.services import ActionInput, end_care, start_care
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.events import casework_changed
from kinfolk.core.working_days import LONDON

pytestmark = pytest.mark.django_db

D = dt.date
CARE_STARTED = D(2025, 1, 10)


def at(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


@pytest.fixture
def ava(db):
    """Ava Brown, born 1 May 2016, looked after from 10 January 2025."""
    child = make_child(
        la_child_id="C7", first_name="Ava", last_name="Brown", date_of_birth=D(2016, 5, 1)
    )
    start_care(
        child=child,
        start_on=CARE_STARTED,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U6",
        provider="PR1",
        placement_postcode="WN2 2BB",
    )
    return child


def snapshot(child) -> tuple:
    return (
        list(HealthAssessment.objects.filter(child=child).values()),
        list(HealthPlanAction.objects.values()),
        list(OutcomeRecord.objects.filter(child=child).values()),
        list(PersonalEducationPlan.objects.filter(child=child).values()),
        list(MissingEpisode.objects.filter(child=child).values()),
        list(ExploitationScreening.objects.filter(child=child).values()),
        list(UASCPeriod.objects.filter(child=child).values()),
        ChronologyEntry.objects.filter(child=child).count(),
    )


def refused(child, call) -> dict:
    """The refusal's messages by field, checking that nothing changed."""
    before = snapshot(child)
    with pytest.raises(ValidationError) as raised:
        call()
    assert snapshot(child) == before
    return raised.value.message_dict


def assess(child, on=None, kind="initial", **overrides):
    on = on or D(2025, 2, 1)
    values = {"assessed_by": "Dr Rao, LAC nurse", "consent": "local_authority"}
    values.update(overrides)
    return services.record_health_assessment(child=child, assessed_on=on, kind=kind, **values)


# Health assessments


def test_a_health_assessment_with_its_plan(ava, django_capture_on_commit_callbacks):
    sent = []

    def receiver(sender, child_ids, **kwargs):
        sent.append(child_ids)

    casework_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            assessment = assess(
                ava,
                actions=[ActionInput("Book an eye test", "Foster carer", D(2025, 3, 1))],
                is_health_passport_given=False,
            )
    finally:
        casework_changed.disconnect(receiver)
    assert [ava.pk] in sent
    assert (assessment.kind, assessment.period.start_on, assessment.is_imported) == (
        "initial",
        CARE_STARTED,
        False,
    )
    assert list(assessment.actions.values_list("description", "owner", "due_on")) == [
        ("Book an eye test", "Foster carer", D(2025, 3, 1))
    ]
    entry = ChronologyEntry.objects.filter(child=ava, kind="health").get()
    assert (entry.occurred_on, entry.summary) == (D(2025, 2, 1), "Initial health assessment")


def test_an_assessment_needs_the_child_looked_after_on_the_date(ava):
    assert refused(ava, lambda: assess(ava, on=D(2025, 1, 9))) == {
        "assessed_on": ["Ava Brown was not looked after on 9 January 2025"]
    }
    end_care(child=ava, on=D(2025, 6, 1), reason="E13")
    assert refused(ava, lambda: assess(ava, on=D(2025, 6, 2))) == {
        "assessed_on": ["Ava Brown was not looked after on 2 June 2025"]
    }


def test_one_initial_assessment_per_period(ava):
    assess(ava)
    assert refused(ava, lambda: assess(ava, on=D(2025, 3, 1))) == {
        "kind": [
            "The initial health assessment of this period of care was on 1 February 2025: "
            "record a review health assessment"
        ]
    }
    assert assess(ava, on=D(2025, 3, 1), kind="review").kind == "review"


def test_an_assessment_is_not_in_the_future_nor_before_birth(ava):
    tomorrow = timezone.localdate() + dt.timedelta(days=1)
    assert refused(ava, lambda: assess(ava, on=tomorrow)) == {
        "assessed_on": ["The date of the assessment must be today or in the past"]
    }
    assert refused(ava, lambda: assess(ava, on=D(2016, 4, 30))) == {
        "assessed_on": ["The date of the assessment cannot be before Ava Brown was born"]
    }


def test_a_page_needs_who_assessed_and_consent_but_an_import_does_not(ava):
    assert refused(ava, lambda: assess(ava, assessed_by=" ")) == {
        "assessed_by": ["Enter who carried out the assessment"]
    }
    assert refused(ava, lambda: assess(ava, consent="")) == {
        "consent": ["Choose who consented to the assessment"]
    }
    imported = assess(ava, assessed_by="", consent="", is_imported=True)
    assert (imported.assessed_by, imported.is_imported) == ("", True)


def test_bad_kind_and_action_dates_are_refused(ava):
    assert refused(ava, lambda: assess(ava, kind="annual")) == {
        "kind": ["Choose initial or review health assessment"]
    }
    assert refused(
        ava, lambda: assess(ava, actions=[ActionInput("Dentist", "Carer", D(2025, 1, 1))])
    ) == {"actions": ["The due date of “Dentist” is before 1 February 2025"]}


def test_completing_a_health_plan_action(ava):
    action = services.add_health_plan_action(
        assessment=assess(ava), action=ActionInput("Dentist", "Carer", D(2025, 3, 1))
    )
    assert refused(
        ava, lambda: services.complete_health_plan_action(action=action, done_on=D(2025, 1, 5))
    ) == {"done_on": ["This is before the health assessment of 1 February 2025"]}
    services.complete_health_plan_action(action=action, done_on=D(2025, 2, 20))
    action.refresh_from_db()
    assert action.done_on == D(2025, 2, 20)
    assert refused(
        ava, lambda: services.complete_health_plan_action(action=action, done_on=D(2025, 2, 21))
    ) == {"done_on": ["This action was done on 20 February 2025"]}


# OC2 items


def test_the_oc2_items(ava):
    services.record_dental_check(child=ava, recorded_on=D(2025, 2, 3))
    services.record_immunisations(child=ava, recorded_on=D(2025, 2, 4), is_up_to_date=True)
    services.record_sdq(child=ava, recorded_on=D(2025, 2, 5), score=14)
    services.record_sdq(child=ava, recorded_on=D(2025, 2, 6), reason="SDQ2")
    services.record_conviction(child=ava, recorded_on=D(2026, 6, 1))
    services.record_substance_misuse(
        child=ava,
        recorded_on=D(2026, 7, 1),
        is_intervention_received=False,
        is_intervention_offered=True,
    )
    assert list(
        OutcomeRecord.objects.order_by("recorded_on").values_list(
            "kind",
            "recorded_on",
            "is_up_to_date",
            "sdq_score",
            "sdq_reason",
            "is_intervention_received",
            "is_intervention_offered",
        )
    ) == [
        ("dental", D(2025, 2, 3), None, None, "", None, None),
        ("immunisations", D(2025, 2, 4), True, None, "", None, None),
        ("sdq", D(2025, 2, 5), None, 14, "", None, None),
        ("sdq", D(2025, 2, 6), None, None, "SDQ2", None, None),
        ("conviction", D(2026, 6, 1), None, None, "", None, None),
        ("substance_misuse", D(2026, 7, 1), None, None, "", False, True),
    ]
    assert list(
        ChronologyEntry.objects.filter(kind="health")
        .order_by("occurred_on", "pk")
        .values_list("summary", flat=True)
    ) == [
        "Dental check",
        "Immunisations: up to date",
        "SDQ score 14",
        "SDQ not completed: Carer refused",
        "Conviction or youth caution",
        "Substance misuse identified",
    ]


def test_oc2_items_need_the_child_looked_after(ava):
    assert refused(
        ava, lambda: services.record_dental_check(child=ava, recorded_on=D(2024, 12, 1))
    ) == {"recorded_on": ["Ava Brown was not looked after on 1 December 2024"]}


@pytest.mark.parametrize(
    ("values", "expected"),
    [
        ({}, {"score": ["Enter the SDQ score, or the reason there is none"]}),
        (
            {"score": 10, "reason": "SDQ4"},
            {"reason": ["Give either the SDQ score or a reason it was not completed, not both"]},
        ),
        ({"score": 41}, {"score": ["The SDQ score must be from 0 to 40"]}),
        ({"reason": "SDQ9"}, {"reason": ["Choose why the SDQ was not completed"]}),
        (
            {"reason": "SDQ1"},
            {"reason": ["Ava Brown was 8: SDQ1 is only for children under 4 or over 16"]},
        ),
    ],
)
def test_an_sdq_has_a_score_or_a_reason(ava, values, expected):
    call = lambda: services.record_sdq(child=ava, recorded_on=D(2025, 2, 5), **values)  # noqa: E731
    assert refused(ava, call) == expected


def test_development_checks_are_for_under_fives_and_convictions_from_ten(ava):
    assert refused(
        ava, lambda: services.record_development_check(child=ava, recorded_on=D(2025, 2, 1))
    ) == {"recorded_on": ["Development checks are for children under 5: Ava Brown was 8"]}
    assert refused(
        ava, lambda: services.record_conviction(child=ava, recorded_on=D(2025, 2, 1))
    ) == {
        "recorded_on": [
            "Ava Brown was under 10, the age of criminal responsibility, on 1 February 2025"
        ]
    }


def test_immunisations_say_whether_up_to_date(ava):
    call = lambda: services.record_immunisations(  # noqa: E731
        child=ava, recorded_on=D(2025, 2, 1), is_up_to_date=None
    )
    assert refused(ava, call) == {"is_up_to_date": ["Say whether the immunisations are up to date"]}


def test_an_intervention_offered_only_when_none_received(ava):
    call = lambda: services.record_substance_misuse(  # noqa: E731
        child=ava,
        recorded_on=D(2026, 7, 1),
        is_intervention_received=True,
        is_intervention_offered=False,
    )
    assert refused(ava, call) == {
        "is_intervention_offered": [
            "Say whether an intervention was offered only when none was received"
        ]
    }


# Personal education plans


def pep(child, on=None, **overrides):
    on = on or D(2025, 2, 10)
    values = {
        "school": "St Mary's Primary",
        "child_views": "I like maths",
        "targets": [ActionInput("Read a book a week", "Class teacher", D(2025, 4, 1))],
        "sen_status": "K",
        "attendance_percent": Decimal("96.5"),
        "pupil_premium": Decimal("600"),
    }
    values.update(overrides)
    return services.record_pep(child=child, made_on=on, **values)


def test_a_pep_with_its_targets_and_rating(ava):
    plan = pep(ava)
    assert (plan.period.start_on, plan.sen_status, plan.attendance_percent) == (
        CARE_STARTED,
        "K",
        Decimal("96.5"),
    )
    assert list(plan.targets.values_list("description", "owner", "due_on")) == [
        ("Read a book a week", "Class teacher", D(2025, 4, 1))
    ]
    services.rate_pep(pep=plan, quality="good", rated_on=D(2025, 2, 20))
    plan.refresh_from_db()
    assert (plan.quality, plan.quality_rated_on) == ("good", D(2025, 2, 20))
    assert refused(
        ava, lambda: services.rate_pep(pep=plan, quality="good", rated_on=D(2025, 2, 1))
    ) == {"rated_on": ["This is before the PEP was made, on 10 February 2025"]}


def test_a_pep_needs_the_child_looked_after_and_of_age(ava):
    assert refused(ava, lambda: pep(ava, on=D(2025, 1, 3))) == {
        "made_on": ["Ava Brown was not looked after on 3 January 2025"]
    }
    toddler = make_child(
        la_child_id="C8", first_name="Max", last_name="Brown", date_of_birth=D(2023, 3, 1)
    )
    start_care(
        child=toddler,
        start_on=CARE_STARTED,
        legal_status="C1",
        category_of_need="N1",
        placement_type="U6",
        provider="PR1",
    )
    assert refused(toddler, lambda: pep(toddler)) == {
        "made_on": ["Max Brown was 1 on 10 February 2025: a PEP is for children aged 3 to 17"]
    }


def test_a_page_pep_needs_school_views_and_a_target_but_an_import_does_not(ava):
    assert refused(ava, lambda: pep(ava, school="")) == {"school": ["Enter the school or setting"]}
    assert refused(ava, lambda: pep(ava, child_views="")) == {
        "child_views": ["Enter the child's views"]
    }
    assert refused(ava, lambda: pep(ava, targets=[])) == {
        "targets": ["Enter at least one target: what, who and by when"]
    }
    assert refused(ava, lambda: pep(ava, attendance_percent=Decimal("101"))) == {
        "attendance_percent": ["Attendance must be from 0 to 100%"]
    }
    imported = services.record_pep(child=ava, made_on=D(2025, 2, 10), is_imported=True)
    assert (imported.school, imported.is_imported) == ("", True)


# Missing episodes


def test_a_missing_episode_and_its_return_interview(ava):
    services.start_missing_episode(
        child=ava, started_at=at("2025-03-01T22:00"), kind="M", is_police_informed=True
    )
    episode = services.end_missing_episode(
        child=ava, ended_at=at("2025-03-03T09:30"), where_found="At a friend's house"
    )
    assert episode.duration_text == "1 day 11 hours"
    assert episode.interview_offer_timeliness() == "no"
    services.offer_return_interview(child=ava, offered_at=at("2025-03-04T10:00"))
    episode = services.record_return_interview(
        child=ava,
        interview_at=at("2025-03-05T16:00"),
        is_accepted=True,
        interviewed_by="Jo Hart, return home service",
        risk="medium",
        push_factors="Arguments at placement",
    )
    assert (
        episode.return_interview_offered_at,
        episode.return_interview_at,
        episode.return_interview_accepted,
        episode.interview_offer_timeliness(),
    ) == (at("2025-03-04T10:00"), at("2025-03-05T16:00"), True, "yes")
    assert list(
        ChronologyEntry.objects.filter(kind="missing")
        .order_by("pk")
        .values_list("summary", flat=True)
    ) == [
        "Missing from 1 March 2025 at 22:00",
        "Returned after 1 day 11 hours missing",
        "Return interview offered",
        "Return interview held",
    ]


def test_a_declined_interview_counts_as_offered(ava):
    services.start_missing_episode(
        child=ava, started_at=at("2025-03-01T22:00"), kind="A", is_imported=True
    )
    services.end_missing_episode(child=ava, ended_at=at("2025-03-02T01:00"), is_imported=True)
    episode = services.record_return_interview(
        child=ava, interview_at=at("2025-03-06T10:00"), is_accepted=False
    )
    assert (episode.return_interview_offered_at, episode.return_interview_accepted) == (
        at("2025-03-06T10:00"),
        False,
    )
    assert episode.interview_offer_timeliness() == "late"


def test_missing_episodes_can_be_recorded_for_a_child_at_home(db):
    child = make_child(la_child_id="C9")
    episode = services.start_missing_episode(
        child=child, started_at=at("2025-03-01T22:00"), kind="M", is_police_informed=False
    )
    assert episode.is_open


def test_missing_refusals(ava):
    start = lambda when, **kw: services.start_missing_episode(  # noqa: E731
        child=ava, started_at=at(when), kind=kw.pop("kind", "M"), is_police_informed=True, **kw
    )
    in_an_hour = timezone.now() + dt.timedelta(hours=1)
    assert refused(
        ava,
        lambda: services.start_missing_episode(
            child=ava, started_at=in_an_hour, kind="M", is_police_informed=True
        ),
    ) == {"started_at": ["The time the child went missing must be now or in the past"]}
    assert refused(ava, lambda: start("2016-04-01T10:00")) == {
        "started_at": ["The time the child went missing cannot be before Ava Brown was born"]
    }
    assert refused(ava, lambda: start("2025-03-01T10:00", kind="X")) == {
        "kind": ["Choose missing or away without authorisation"]
    }
    assert refused(
        ava,
        lambda: services.start_missing_episode(
            child=ava, started_at=at("2025-03-01T10:00"), kind="M"
        ),
    ) == {"is_police_informed": ["Say whether the police were informed"]}
    offer = lambda when: services.offer_return_interview(  # noqa: E731
        child=ava, offered_at=at(when)
    )
    assert refused(ava, lambda: offer("2025-03-01T10:00")) == {
        "offered_at": ["Ava Brown has no missing episode that has ended"]
    }
    assert refused(
        ava, lambda: services.end_missing_episode(child=ava, ended_at=at("2025-03-01T10:00"))
    ) == {"ended_at": ["Ava Brown is not missing"]}
    start("2025-03-01T10:00")
    assert refused(ava, lambda: start("2025-03-02T10:00")) == {
        "started_at": [
            "Ava Brown has been missing since 1 March 2025 at 10:00: record the return first"
        ]
    }
    assert refused(ava, lambda: offer("2025-03-02T10:00")) == {
        "offered_at": ["Ava Brown is still missing: record the return first"]
    }
    end = lambda when, **kw: services.end_missing_episode(  # noqa: E731
        child=ava, ended_at=at(when), **kw
    )
    assert refused(ava, lambda: end("2025-03-01T09:00", where_found="Home")) == {
        "ended_at": ["The return must be after the child went missing, on 1 March 2025 at 10:00"]
    }
    assert refused(ava, lambda: end("2025-03-02T09:00")) == {
        "where_found": ["Enter where the child was found"]
    }
    end("2025-03-02T09:00", where_found="Home")
    assert refused(ava, lambda: start("2025-03-02T08:00")) == {
        "started_at": ["This is before the return from the last episode, on 2 March 2025 at 09:00"]
    }
    assert refused(ava, lambda: offer("2025-03-02T08:00")) == {
        "offered_at": ["Ava Brown has no missing episode that has ended"]
    }
    interview = lambda **kw: services.record_return_interview(  # noqa: E731
        child=ava, interview_at=at("2025-03-03T10:00"), **kw
    )
    assert refused(ava, lambda: interview(is_accepted=True, risk="low")) == {
        "interviewed_by": ["Enter who held the interview"]
    }
    assert refused(ava, lambda: interview(is_accepted=True, interviewed_by="Jo")) == {
        "risk": ["Choose the level of risk"]
    }
    offer("2025-03-02T12:00")
    assert refused(ava, lambda: offer("2025-03-02T13:00")) == {
        "offered_at": ["A return interview was already offered, on 2 March 2025 at 12:00"]
    }
    interview(is_accepted=False)
    assert refused(ava, lambda: interview(is_accepted=False)) == {
        "interview_at": ["The return interview was already recorded, on 3 March 2025 at 10:00"]
    }


def test_an_interview_is_not_before_the_offer(ava):
    services.start_missing_episode(
        child=ava, started_at=at("2025-03-01T10:00"), kind="M", is_imported=True
    )
    services.end_missing_episode(child=ava, ended_at=at("2025-03-02T10:00"), is_imported=True)
    services.offer_return_interview(child=ava, offered_at=at("2025-03-03T10:00"))
    call = lambda: services.record_return_interview(  # noqa: E731
        child=ava, interview_at=at("2025-03-02T12:00"), is_accepted=False
    )
    assert refused(ava, call) == {
        "interview_at": ["This is before the interview was offered, on 3 March 2025 at 10:00"]
    }


# Exploitation and UASC


def test_an_exploitation_screening(ava):
    screening = services.screen_for_exploitation(
        child=ava,
        screened_on=D(2025, 4, 1),
        kind="criminal",
        risk_level="high",
        is_referred_to_complex_safeguarding=True,
    )
    assert (screening.is_medium_or_high, screening.is_referred_to_complex_safeguarding) == (
        True,
        True,
    )
    assert refused(
        ava,
        lambda: services.screen_for_exploitation(
            child=ava, screened_on=D(2025, 4, 1), kind="online", risk_level="high"
        ),
    ) == {"kind": ["Choose the kind of exploitation screened for"]}
    assert refused(
        ava,
        lambda: services.screen_for_exploitation(
            child=ava, screened_on=D(2025, 4, 1), kind="sexual", risk_level="severe"
        ),
    ) == {"risk_level": ["Choose the level of risk"]}


def test_uasc_periods(ava):
    services.start_uasc(child=ava, start_on=D(2025, 1, 10), immigration_status="Claim lodged")
    assert refused(ava, lambda: services.start_uasc(child=ava, start_on=D(2025, 2, 1))) == {
        "start_on": [
            "Ava Brown has been an unaccompanied asylum-seeking child since 10 January 2025"
        ]
    }
    assert refused(ava, lambda: services.end_uasc(child=ava, end_on=D(2025, 1, 9))) == {
        "end_on": ["This is before UASC status began, on 10 January 2025"]
    }
    services.end_uasc(child=ava, end_on=D(2025, 9, 1))
    assert list(UASCPeriod.objects.values_list("start_on", "end_on")) == [
        (D(2025, 1, 10), D(2025, 9, 1))
    ]
    assert refused(ava, lambda: services.end_uasc(child=ava, end_on=D(2025, 9, 2))) == {
        "end_on": ["Ava Brown is not an unaccompanied asylum-seeking child"]
    }
    assert refused(ava, lambda: services.start_uasc(child=ava, start_on=D(2025, 9, 1))) == {
        "start_on": ["UASC status last ceased on 1 September 2025: this must be after it"]
    }


def test_uasc_status_ends_by_the_18th_birthday(db):
    older = make_child(la_child_id="C10", date_of_birth=D(2008, 3, 1))
    services.start_uasc(child=older, start_on=D(2025, 1, 10))
    assert refused(older, lambda: services.end_uasc(child=older, end_on=D(2026, 3, 2))) == {
        "end_on": ["UASC status ends by the 18th birthday, 1 March 2026"]
    }
