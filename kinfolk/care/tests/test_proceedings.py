"""Pre-proceedings under the Public Law Outline and care proceedings (docs/domain.md stages 13 and
14, findings 11 and 13): the gateway decision, a letter with every section, meetings, weeks
against the alert, and proceedings against 26 weeks."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kinfolk.care.models.proceedings import (
    CareProceedings,
    CourtHearing,
    PreProceedings,
    PreProceedingsMeeting,
)
from kinfolk.care.services import (
    conclude_care_proceedings,
    end_pre_proceedings,
    issue_care_proceedings,
    plo_alert_weeks,
    record_hearing,
    record_legal_gateway,
    record_pre_proceedings_meeting,
    send_letter_before_proceedings,
)
from kinfolk.chronology.models import ChronologyEntry

pytestmark = pytest.mark.django_db

D = dt.date
GATEWAY = D(2026, 3, 2)

LETTER = {
    "sent_on": D(2026, 3, 9),
    "concerns": "Lily has missed 40 days of school and has been left alone at night.",
    "expectations": "Make sure an adult is at home every night; take Lily to school daily.",
    "expectations_due_on": D(2026, 6, 1),
    "support_offered": "A family support worker twice a week; a parenting course.",
    "consequences": "The council will ask the court for a care order.",
}


def refusal(call) -> dict:
    with pytest.raises(ValidationError) as raised:
        call()
    return raised.value.message_dict


def snapshot(child) -> tuple:
    return (
        list(
            PreProceedings.objects.filter(child=child).values_list(
                "gateway_decision", "letter_sent_on", "outcome", "end_on"
            )
        ),
        PreProceedingsMeeting.objects.filter(pre_proceedings__child=child).count(),
        list(
            CareProceedings.objects.filter(child=child).values_list(
                "issued_on", "final_order", "final_order_on"
            )
        ),
        CourtHearing.objects.filter(proceedings__child=child).count(),
        ChronologyEntry.objects.filter(child=child).count(),
    )


def gateway(child, decision="pre_proceedings", on=GATEWAY):
    return record_legal_gateway(
        child=child, held_on=on, decision=decision, rationale="Neglect persists despite CP plan"
    )


def test_pre_proceedings_from_gateway_to_proceedings(child):
    gateway(child)
    send_letter_before_proceedings(child=child, **LETTER)
    record_pre_proceedings_meeting(
        child=child, held_on=D(2026, 3, 16), summary="Parents agreed to the written agreement."
    )
    record_pre_proceedings_meeting(
        child=child, held_on=D(2026, 5, 18), summary="Little change; review in four weeks."
    )
    issue_care_proceedings(child=child, issued_on=D(2026, 7, 6))
    record = PreProceedings.objects.get(child=child)
    assert (record.outcome, record.end_on, record.weeks_on(D(2026, 11, 22))) == (
        "proceedings",
        D(2026, 7, 6),
        18,
    )
    assert record.is_over_alert_on(D(2026, 11, 22), 16)
    assert (
        record.concerns,
        record.expectations,
        record.expectations_due_on,
        record.support_offered,
        record.consequences,
    ) == (
        LETTER["concerns"],
        LETTER["expectations"],
        D(2026, 6, 1),
        LETTER["support_offered"],
        LETTER["consequences"],
    )
    assert list(record.meetings.values_list("held_on", flat=True)) == [
        D(2026, 3, 16),
        D(2026, 5, 18),
    ]
    assert list(
        ChronologyEntry.objects.filter(child=child, kind="proceedings")
        .order_by("occurred_on", "pk")
        .values_list("occurred_on", "summary")
    ) == [
        (GATEWAY, "Legal gateway meeting: Start pre-proceedings (PLO)"),
        (D(2026, 3, 9), "Letter before proceedings sent: changes due by 1 June 2026"),
        (D(2026, 3, 16), "Pre-proceedings meeting"),
        (D(2026, 5, 18), "Pre-proceedings meeting"),
        (D(2026, 7, 6), "Care proceedings issued"),
    ]


def test_care_proceedings_from_issue_to_final_order(child):
    issue_care_proceedings(child=child, issued_on=D(2026, 1, 5))
    record_hearing(child=child, held_on=D(2026, 1, 19), kind="case_management")
    record_hearing(child=child, held_on=D(2026, 5, 11), kind="issues_resolution")
    case = CareProceedings.objects.get(child=child)
    assert (case.weeks_on(D(2026, 7, 6)), case.is_over_26_weeks_on(D(2026, 7, 6))) == (26, False)
    assert case.is_over_26_weeks_on(D(2026, 7, 7))
    conclude_care_proceedings(child=child, final_order_on=D(2026, 6, 29), final_order="care_order")
    case.refresh_from_db()
    assert (case.final_order, case.final_order_on, case.weeks_on(D(2026, 11, 22))) == (
        "care_order",
        D(2026, 6, 29),
        25,
    )
    assert list(case.hearings.values_list("kind", flat=True)) == [
        "case_management",
        "issues_resolution",
    ]


def test_a_gateway_decision_to_issue_or_not_closes_the_record(child):
    gateway(child, decision="not_met", on=D(2025, 6, 2))
    gateway(child, decision="issue")
    assert list(
        PreProceedings.objects.filter(child=child)
        .order_by("gateway_on")
        .values_list("gateway_decision", "outcome", "end_on")
    ) == [("not_met", "other", D(2025, 6, 2)), ("issue", "proceedings", GATEWAY)]


def test_the_alert_weeks_come_from_settings(settings):
    assert plo_alert_weeks() == 16
    settings.KINFOLK_PLO_ALERT_WEEKS = 12
    assert plo_alert_weeks() == 12


# Refusals: exact messages, and nothing changed.


def test_a_second_open_pre_proceedings_is_refused(child):
    gateway(child)
    before = snapshot(child)
    assert refusal(lambda: gateway(child, on=D(2026, 4, 1))) == {
        "held_on": ["Lily Smith has been in pre-proceedings since 2 March 2026"]
    }
    assert snapshot(child) == before


def test_the_gateway_needs_a_decision_and_reasons(child):
    before = snapshot(child)
    assert refusal(lambda: gateway(child, decision="maybe")) == {
        "decision": ["Choose the decision of the meeting"]
    }
    assert refusal(
        lambda: record_legal_gateway(child=child, held_on=GATEWAY, decision="issue", rationale="  ")
    ) == {"rationale": ["Enter the reasons for the decision"]}
    assert snapshot(child) == before


@pytest.mark.parametrize(
    ("missing", "message"),
    [
        ("concerns", "Enter the concerns, in words the parents will understand"),
        ("expectations", "Enter what the parents must do"),
        ("support_offered", "Enter the support offered to the parents"),
        ("consequences", "Enter what happens if things do not change"),
    ],
)
def test_every_section_of_the_letter_is_required(child, missing, message):
    gateway(child)
    before = snapshot(child)
    assert refusal(
        lambda: send_letter_before_proceedings(child=child, **{**LETTER, missing: " "})
    ) == {missing: [message]}
    assert snapshot(child) == before


def test_the_letter_says_by_when_after_it_is_sent(child):
    gateway(child)
    before = snapshot(child)
    assert refusal(
        lambda: send_letter_before_proceedings(
            child=child, **{**LETTER, "expectations_due_on": None}
        )
    ) == {"expectations_due_on": ["Enter the date by which the parents must make the changes"]}
    assert refusal(
        lambda: send_letter_before_proceedings(
            child=child, **{**LETTER, "expectations_due_on": D(2026, 3, 9)}
        )
    ) == {"expectations_due_on": ["The date for the changes must be after the letter is sent"]}
    assert snapshot(child) == before


def test_the_letter_is_sent_once_and_not_before_the_gateway(child):
    assert refusal(lambda: send_letter_before_proceedings(child=child, **LETTER)) == {
        "sent_on": ["Lily Smith is not in pre-proceedings: record the legal gateway meeting first"]
    }
    gateway(child)
    assert refusal(
        lambda: send_letter_before_proceedings(child=child, **{**LETTER, "sent_on": D(2026, 3, 1)})
    ) == {"sent_on": ["This is before the legal gateway meeting of 2 March 2026"]}
    send_letter_before_proceedings(child=child, **LETTER)
    before = snapshot(child)
    assert refusal(lambda: send_letter_before_proceedings(child=child, **LETTER)) == {
        "sent_on": ["The letter before proceedings was sent on 9 March 2026"]
    }
    assert snapshot(child) == before


def test_meetings_and_the_end_need_open_pre_proceedings(child):
    before = snapshot(child)
    assert refusal(
        lambda: record_pre_proceedings_meeting(child=child, held_on=GATEWAY, summary="x")
    ) == {
        "held_on": ["Lily Smith is not in pre-proceedings: record the legal gateway meeting first"]
    }
    assert refusal(
        lambda: end_pre_proceedings(child=child, ended_on=GATEWAY, outcome="stepped_down")
    ) == {
        "ended_on": ["Lily Smith is not in pre-proceedings: record the legal gateway meeting first"]
    }
    gateway(child)
    assert refusal(
        lambda: record_pre_proceedings_meeting(child=child, held_on=D(2026, 3, 3), summary=" ")
    ) == {"summary": ["Enter what was agreed at the meeting"]}
    assert refusal(
        lambda: end_pre_proceedings(child=child, ended_on=D(2026, 3, 3), outcome="won")
    ) == {"outcome": ["Choose how pre-proceedings ended"]}
    assert len(snapshot(child)[0]) == 1
    assert snapshot(child)[1:] == (0, before[2], 0, before[4] + 1)


def test_proceedings_refusals(child):
    before = snapshot(child)
    assert refusal(lambda: record_hearing(child=child, held_on=GATEWAY, kind="final")) == {
        "held_on": ["Lily Smith has no care proceedings open"]
    }
    issue_care_proceedings(child=child, issued_on=GATEWAY)
    after_issue = snapshot(child)
    assert after_issue != before
    assert refusal(lambda: issue_care_proceedings(child=child, issued_on=D(2026, 4, 1))) == {
        "issued_on": ["Care proceedings for Lily Smith were issued on 2 March 2026"]
    }
    assert refusal(lambda: record_hearing(child=child, held_on=D(2026, 3, 1), kind="final")) == {
        "held_on": ["This is before the proceedings were issued, on 2 March 2026"]
    }
    assert refusal(lambda: record_hearing(child=child, held_on=GATEWAY, kind="tea")) == {
        "kind": ["Choose the kind of hearing"]
    }
    assert refusal(
        lambda: conclude_care_proceedings(
            child=child, final_order_on=D(2026, 9, 1), final_order="prison"
        )
    ) == {"final_order": ["Choose the final order"]}
    assert snapshot(child) == after_issue


def test_a_future_date_is_refused(child):
    tomorrow = D(2099, 1, 1)
    before = snapshot(child)
    assert refusal(lambda: gateway(child, on=tomorrow)) == {
        "held_on": ["The date of the legal gateway meeting must be today or in the past"]
    }
    assert refusal(lambda: issue_care_proceedings(child=child, issued_on=tomorrow)) == {
        "issued_on": ["The date proceedings were issued must be today or in the past"]
    }
    assert snapshot(child) == before
