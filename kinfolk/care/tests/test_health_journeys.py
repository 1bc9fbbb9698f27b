"""Loading the health, education, missing and UASC journey events (docs/journeys.md, "Children in
care") through the services, and the line errors for bad values."""

import datetime as dt
import json

import pytest

from kinfolk.care.models import (
    HealthAssessment,
    MissingEpisode,
    OutcomeRecord,
    PersonalEducationPlan,
    UASCPeriod,
)
from kinfolk.core.working_days import LONDON
from kinfolk.journeys.loader import load_journeys

pytestmark = pytest.mark.django_db

D = dt.date

CHILD = {
    "type": "child",
    "id": "C7",
    "first_name": "Ava",
    "last_name": "Brown",
    "sex": "F",
    "ethnicity": "WBRI",
    "dob": "2012-05-01",
}
CARE_START = {
    "type": "care_start",
    "child": "C7",
    "date": "2025-01-10",
    "legal_status": "C2",
    "category_of_need": "N1",
    "placement": "U6",
    "provider": "PR1",
}


def event(event_type: str, /, **fields) -> dict:
    return {"type": event_type, "child": "C7", **fields}


JOURNEY = [
    CHILD,
    CARE_START,
    event("uasc_start", date="2025-01-10"),
    event("health_assessment", date="2025-02-03", kind="initial"),
    event("dental_check", date="2025-02-10"),
    event("immunisations", date="2025-02-10", up_to_date=True),
    event("sdq", date="2025-02-11", score=17),
    event("pep", date="2025-02-12"),
    event("missing_start", at="2025-03-01T22:15", kind="missing"),
    event("missing_end", at="2025-03-02T08:00"),
    event("return_interview_offered", at="2025-03-03T09:00"),
    event("return_interview", at="2025-03-04T15:30", accepted=True),
    event("missing_start", at="2025-04-01T20:00", kind="away"),
    event("missing_end", at="2025-04-01T23:00"),
    event("return_interview", at="2025-04-02T10:00", accepted=False),
    event("sdq", date="2025-05-01", reason="SDQ5"),
    event("conviction", date="2025-06-01"),
    event("substance_misuse", date="2025-07-01", intervention_received=False),
    event(
        "substance_misuse",
        date="2025-07-02",
        intervention_received=False,
        intervention_offered=True,
    ),
    event("health_assessment", date="2026-01-20", kind="review"),
    event("uasc_end", date="2026-01-31"),
]


def lines(events):
    return [json.dumps(item) for item in events]


def local(text: str) -> dt.datetime:
    return dt.datetime.fromisoformat(text).replace(tzinfo=LONDON)


def test_every_health_event_type_loads():
    result = load_journeys(lines(JOURNEY))
    assert [str(error) for error in result.errors] == []
    assert dict(result.counts) == {
        "child": 1,
        "care_start": 1,
        "uasc_start": 1,
        "health_assessment": 2,
        "dental_check": 1,
        "immunisations": 1,
        "sdq": 2,
        "pep": 1,
        "missing_start": 2,
        "missing_end": 2,
        "return_interview_offered": 1,
        "return_interview": 2,
        "conviction": 1,
        "substance_misuse": 2,
        "uasc_end": 1,
    }
    assert list(
        HealthAssessment.objects.order_by("assessed_on").values_list(
            "assessed_on", "kind", "is_imported"
        )
    ) == [(D(2025, 2, 3), "initial", True), (D(2026, 1, 20), "review", True)]
    assert list(
        OutcomeRecord.objects.order_by("recorded_on", "pk").values_list(
            "kind",
            "recorded_on",
            "is_up_to_date",
            "sdq_score",
            "sdq_reason",
            "is_intervention_received",
            "is_intervention_offered",
        )
    ) == [
        ("dental", D(2025, 2, 10), None, None, "", None, None),
        ("immunisations", D(2025, 2, 10), True, None, "", None, None),
        ("sdq", D(2025, 2, 11), None, 17, "", None, None),
        ("sdq", D(2025, 5, 1), None, None, "SDQ5", None, None),
        ("conviction", D(2025, 6, 1), None, None, "", None, None),
        ("substance_misuse", D(2025, 7, 1), None, None, "", False, None),
        ("substance_misuse", D(2025, 7, 2), None, None, "", False, True),
    ]
    assert list(PersonalEducationPlan.objects.values_list("made_on", "is_imported")) == [
        (D(2025, 2, 12), True)
    ]
    assert list(
        MissingEpisode.objects.order_by("started_at").values_list(
            "kind",
            "started_at",
            "ended_at",
            "return_interview_offered_at",
            "return_interview_at",
            "return_interview_accepted",
        )
    ) == [
        (
            "M",
            local("2025-03-01T22:15"),
            local("2025-03-02T08:00"),
            local("2025-03-03T09:00"),
            local("2025-03-04T15:30"),
            True,
        ),
        (
            "A",
            local("2025-04-01T20:00"),
            local("2025-04-01T23:00"),
            local("2025-04-02T10:00"),
            local("2025-04-02T10:00"),
            False,
        ),
    ]
    assert list(UASCPeriod.objects.values_list("start_on", "end_on")) == [
        (D(2025, 1, 10), D(2026, 1, 31))
    ]


def test_bad_values_give_precise_line_errors():
    result = load_journeys(
        lines(
            [
                CHILD,
                event("health_assessment", date="2025-02-03", kind="annual"),
                event("immunisations", date="2025-02-03"),
                event("sdq", date="2025-02-03", score=41, reason="SDQ7"),
                event("missing_start", at="2025-03-01 22:15", kind="gone"),
                event("return_interview", at="2025-03-04T15:30", accepted="yes"),
                event("pep", date="2025-02-30"),
                event("dental_check", date="2025-02-10", notes="seen"),
            ]
        )
    )
    assert [str(error) for error in result.errors] == [
        "line 2: health_assessment for child C7: kind must be one of initial, review, not 'annual'",
        "line 3: immunisations for child C7: up_to_date is missing",
        "line 4: sdq for child C7: score must be from 0 to 40; reason 'SDQ7' is not a SDQReason "
        "code (SDQ1, SDQ2, SDQ3, SDQ4, SDQ5)",
        "line 5: missing_start for child C7: at must be a date and time written "
        "YYYY-MM-DDTHH:MM, not '2025-03-01 22:15'; kind must be one of missing, away, not 'gone'",
        "line 6: return_interview for child C7: accepted must be true or false",
        "line 7: pep for child C7: date 2025-02-30 is not a real date",
        "line 8: dental_check for child C7: unknown field 'notes'",
    ]


def test_refusals_are_reported_by_line_and_nothing_is_kept():
    result = load_journeys(
        lines(
            [
                CHILD,
                event("dental_check", date="2025-01-05"),
                CARE_START,
                event("sdq", date="2025-02-11"),
                event("missing_end", at="2025-03-02T08:00"),
                event("return_interview", at="2025-03-04T15:30", accepted=True),
                event("pep", date="2025-03-05"),
            ]
        )
    )
    assert [str(error) for error in result.errors] == [
        "line 2: dental_check for child C7: recorded_on: Ava Brown was not looked after on "
        "5 January 2025",
        "line 4: sdq for child C7: score: Enter the SDQ score, or the reason there is none",
        "line 5: missing_end for child C7: ended_at: Ava Brown is not missing",
        "line 6: return_interview for child C7: interview_at: Ava Brown has no missing episode "
        "that has ended",
    ]
    assert HealthAssessment.objects.count() == 0
    assert PersonalEducationPlan.objects.count() == 0


def test_a_missing_episode_from_home_loads_for_a_child_not_in_care():
    result = load_journeys(
        lines(
            [
                CHILD,
                event("missing_start", at="2025-03-01T22:15", kind="missing"),
                event("missing_end", at="2025-03-02T08:00"),
                event("return_interview_offered", at="2025-03-02T12:00"),
            ]
        )
    )
    assert result.errors == []
    assert MissingEpisode.objects.get().return_interview_offered_at == local("2025-03-02T12:00")
