"""The permanence services: what they record, and each refusal, with its message, changing
nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.events import casework_changed
from kinfolk.permanence import services
from kinfolk.permanence.models import (
    AdoptionDecision,
    AdoptionMatch,
    DevelopmentGoal,
    FosterCarer,
    FosteringHousehold,
    PermanenceMatch,
    PreviousPermanence,
    TrainingRecord,
)
from kinfolk.permanence.tests.care_history import (
    DECIDED,
    ENTERED_CARE,
    MATCHED,
    adopted,
    baby,
    in_care,
    placed_for_adoption,
    with_orders,
)

pytestmark = pytest.mark.django_db

D = dt.date

MODELS = [
    AdoptionDecision,
    AdoptionMatch,
    PreviousPermanence,
    PermanenceMatch,
    FosteringHousehold,
    FosterCarer,
    DevelopmentGoal,
    TrainingRecord,
    ChronologyEntry,
]


def snapshot() -> list:
    return [list(model.objects.order_by("pk").values()) for model in MODELS]


def assert_refused(call, field: str, message: str, **kwargs) -> None:
    before = snapshot()
    with pytest.raises(ValidationError) as caught:
        call(**kwargs)
    assert caught.value.message_dict == {field: [message]}
    assert snapshot() == before


@pytest.fixture
def noah():
    return with_orders(in_care(baby()))


@pytest.fixture
def decided(noah):
    services.record_adoption_decision(child=noah, decided_on=DECIDED)
    return noah


MATCH = {
    "matched_on": MATCHED,
    "panel_on": D(2025, 9, 4),
    "number_of_adopters": 2,
    "adopters_sex": "MF",
    "adopters_legal_status": "L11",
    "is_former_foster_carers": False,
}


# Adoption decision ---------------------------------------------------------------------------


def test_a_decision_is_recorded_in_the_period_of_care_with_the_chronology(
    noah, social_worker, django_capture_on_commit_callbacks
):
    changed = []

    def receiver(sender, child_ids, **kwargs):
        changed.extend(child_ids)

    casework_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            recorded = services.record_adoption_decision(
                child=noah, decided_on=DECIDED, actor=social_worker
            )
    finally:
        casework_changed.disconnect(receiver)
    assert changed == [noah.pk]
    decision = AdoptionDecision.objects.get()
    assert decision == recorded
    assert (decision.decided_on, decision.period.start_on, decision.recorded_by) == (
        DECIDED,
        ENTERED_CARE,
        social_worker,
    )
    assert decision.is_open and not decision.is_imported
    entry = ChronologyEntry.objects.get(kind="permanence")
    assert (entry.occurred_on, entry.summary, entry.is_significant, entry.recorded_by) == (
        DECIDED,
        "Decision that the child should be placed for adoption",
        True,
        social_worker,
    )


def test_a_second_open_decision_is_refused_rule_579(decided):
    assert_refused(
        services.record_adoption_decision,
        "decided_on",
        "The decision of 3 March 2025 that Noah Price should be placed for adoption is still "
        "open: record its reversal before a new decision",
        child=decided,
        decided_on=D(2025, 4, 1),
    )


def test_a_decision_in_the_future_is_refused(noah, tomorrow):
    assert_refused(
        services.record_adoption_decision,
        "decided_on",
        "The date of the decision must be today or in the past",
        child=noah,
        decided_on=tomorrow,
    )


def test_a_decision_before_birth_is_refused_rule_184(noah):
    assert_refused(
        services.record_adoption_decision,
        "decided_on",
        "This is before Noah Price was born, on 20 November 2024",
        child=noah,
        decided_on=D(2024, 11, 1),
    )


def test_a_decision_before_care_is_refused_rule_1003(noah):
    assert_refused(
        services.record_adoption_decision,
        "decided_on",
        "Noah Price was not looked after on 5 January 2025",
        child=noah,
        decided_on=D(2025, 1, 5),
    )


def test_a_decision_for_a_child_never_in_care_is_refused():
    child = baby()
    assert_refused(
        services.record_adoption_decision,
        "decided_on",
        "Noah Price is not looked after: record the start of care first",
        child=child,
        decided_on=D(2025, 3, 3),
    )


# Reversal ------------------------------------------------------------------------------------


def test_a_reversal_closes_the_decision_and_allows_a_new_one(decided):
    services.reverse_adoption_decision(
        child=decided, reversed_on=D(2025, 5, 1), reason="RD1", detail=""
    )
    decision = AdoptionDecision.objects.get()
    assert (decision.reversed_on, decision.reversal_reason, decision.is_open) == (
        D(2025, 5, 1),
        "RD1",
        False,
    )
    services.record_adoption_decision(child=decided, decided_on=D(2025, 6, 10))
    assert AdoptionDecision.objects.open().get().decided_on == D(2025, 6, 10)


def test_a_reversal_needs_an_open_decision(noah):
    assert_refused(
        services.reverse_adoption_decision,
        "reversed_on",
        "Noah Price has no open decision to be placed for adoption: there is nothing to reverse",
        child=noah,
        reversed_on=D(2025, 5, 1),
        reason="RD1",
    )


def test_a_reversal_needs_a_reason_rule_119(decided):
    assert_refused(
        services.reverse_adoption_decision,
        "reason",
        "Choose why the child should no longer be placed for adoption",
        child=decided,
        reversed_on=D(2025, 5, 1),
        reason="",
    )


def test_a_reversal_before_the_decision_is_refused_rule_522(decided):
    assert_refused(
        services.reverse_adoption_decision,
        "reversed_on",
        "This is before the decision it reverses, of 3 March 2025",
        child=decided,
        reversed_on=D(2025, 3, 1),
        reason="RD2",
    )


def test_any_other_reason_needs_detail_on_the_pages_but_not_from_a_journey(decided):
    assert_refused(
        services.reverse_adoption_decision,
        "detail",
        "Say what the other reason is",
        child=decided,
        reversed_on=D(2025, 5, 1),
        reason="RD4",
    )
    services.reverse_adoption_decision(
        child=decided, reversed_on=D(2025, 5, 1), reason="RD4", is_imported=True
    )
    assert AdoptionDecision.objects.get().reversal_reason == "RD4"


def test_an_adopted_childs_decision_cannot_be_reversed_rule_558(decided):
    placed_for_adoption(decided)
    adopted(decided, on=D(2026, 3, 2))
    assert_refused(
        services.reverse_adoption_decision,
        "reversed_on",
        "Noah Price was adopted on 2 March 2026: the decision stands",
        child=decided,
        reversed_on=D(2026, 3, 2),
        reason="RD1",
    )


# Match ---------------------------------------------------------------------------------------


def test_a_match_is_recorded_against_the_open_decision(decided, social_worker):
    match = services.record_adoption_match(child=decided, actor=social_worker, **MATCH)
    assert match.decision == AdoptionDecision.objects.get()
    assert (
        match.matched_on,
        match.panel_on,
        match.number_of_adopters,
        match.adopters_sex,
        match.adopters_legal_status,
        match.is_former_foster_carers,
        match.is_imported,
    ) == (MATCHED, D(2025, 9, 4), 2, "MF", "L11", False, False)
    assert ChronologyEntry.objects.filter(summary="Matched with adopters").count() == 1


def test_a_match_needs_an_open_decision(noah):
    assert_refused(
        services.record_adoption_match,
        "matched_on",
        "Noah Price has no open decision that they should be placed for adoption: record the "
        "decision first",
        child=noah,
        **MATCH,
    )


def test_a_match_before_the_decision_is_refused_rule_333(decided):
    assert_refused(
        services.record_adoption_match,
        "matched_on",
        "The match must be on or after the decision of 3 March 2025 that the child should be "
        "placed for adoption",
        child=decided,
        **{**MATCH, "matched_on": D(2025, 3, 1), "panel_on": None},
    )


def test_a_second_match_is_refused(decided):
    services.record_adoption_match(child=decided, **MATCH)
    assert_refused(
        services.record_adoption_match,
        "matched_on",
        "Noah Price was already matched with adopters on 15 September 2025",
        child=decided,
        **MATCH,
    )


def test_the_pages_need_the_matching_panel_but_a_journey_does_not(decided):
    assert_refused(
        services.record_adoption_match,
        "panel_on",
        "Enter the date of the matching panel",
        child=decided,
        **{**MATCH, "panel_on": None},
    )
    match = services.record_adoption_match(
        child=decided, is_imported=True, **{**MATCH, "panel_on": None}
    )
    assert (match.panel_on, match.is_imported) == (None, True)


def test_the_panel_is_between_the_decision_and_the_match(decided):
    assert_refused(
        services.record_adoption_match,
        "panel_on",
        "The matching panel meets after the decision of 3 March 2025 and before the match of "
        "15 September 2025",
        child=decided,
        **{**MATCH, "panel_on": D(2025, 9, 16)},
    )


@pytest.mark.parametrize(
    ("number", "sex", "status", "field", "message"),
    [
        (
            1,
            "MF",
            "L0",
            "adopters_sex",
            "One adopter is a single adopter: choose single male (M1) or single female (F1)",
        ),
        (
            2,
            "F1",
            "L2",
            "adopters_sex",
            "Two adopters are a couple: choose both male (MM), both female (FF) or male and "
            "female (MF)",
        ),
        (
            2,
            "FF",
            "L0",
            "adopters_legal_status",
            "Single adopter (L0) does not fit adopters who are couple, both female: it needs "
            "F1, M1",
        ),
        (
            2,
            "FF",
            "L11",
            "adopters_legal_status",
            "Married couple, different sex (L11) does not fit adopters who are couple, both "
            "female: it needs MF",
        ),
        (
            2,
            "MF",
            "L12",
            "adopters_legal_status",
            "Married couple, same sex (L12) does not fit adopters who are couple, male and "
            "female: it needs FF, MM",
        ),
        (
            2,
            "MM",
            "L3",
            "adopters_legal_status",
            "Couple, different sex, not married or in a civil partnership (L3) does not fit "
            "adopters who are couple, both male: it needs MF",
        ),
        (
            2,
            "MF",
            "L4",
            "adopters_legal_status",
            "Couple, same sex, not married or in a civil partnership (L4) does not fit adopters "
            "who are couple, male and female: it needs FF, MM",
        ),
        (3, "MF", "L11", "number_of_adopters", "Choose one adopter or two"),
    ],
)
def test_adopters_number_sex_and_legal_status_agree_rules_511_514_517_520_524(
    decided, number, sex, status, field, message
):
    assert_refused(
        services.record_adoption_match,
        field,
        message,
        child=decided,
        **{
            **MATCH,
            "number_of_adopters": number,
            "adopters_sex": sex,
            "adopters_legal_status": status,
        },
    )


def test_a_child_moves_in_after_the_match_unless_with_their_foster_carers_rule_331(decided):
    assert_refused(
        services.record_adoption_match,
        "moved_in_on",
        "A child moves in with adopters on or after the match: when the adopters were already "
        "the child's foster carers, say so",
        child=decided,
        **{**MATCH, "moved_in_on": D(2025, 9, 1)},
    )
    match = services.record_adoption_match(
        child=decided, **{**MATCH, "moved_in_on": D(2025, 2, 14), "is_former_foster_carers": True}
    )
    assert match.moved_in_on == D(2025, 2, 14)


# Previous permanence -------------------------------------------------------------------------


def test_previous_permanence_is_recorded_and_replaced(noah):
    services.record_previous_permanence(
        child=noah, code="P2", order_on=D(2024, 12, 1), local_authority="wal"
    )
    services.record_previous_permanence(child=noah, code="P3", order_on=D(2024, 12, 20))
    record = PreviousPermanence.objects.get()
    assert (record.code, record.order_on, record.local_authority) == ("P3", D(2024, 12, 20), "")


def test_no_previous_permanence_has_no_order_rule_635(noah):
    assert_refused(
        services.record_previous_permanence,
        "order_on",
        "With no previous permanence option there is no order: leave the date blank",
        child=noah,
        code="Z1",
        order_on=D(2024, 12, 1),
    )
    assert_refused(
        services.record_previous_permanence,
        "local_authority",
        "With no previous permanence option there is no order: leave the authority blank",
        child=noah,
        code="Z1",
        local_authority="310",
    )


def test_the_authority_is_a_number_or_a_known_code_rule_633(noah):
    assert_refused(
        services.record_previous_permanence,
        "local_authority",
        "Enter the authority's 3-digit number, or 999 if not known, NIR, NUK (outside the UK), "
        "SCO or WAL",
        child=noah,
        code="P1",
        local_authority="31",
    )


def test_the_order_is_before_care_started_rule_632(noah):
    assert_refused(
        services.record_previous_permanence,
        "order_on",
        "The order must be before Noah Price started to be looked after, on 10 January 2025",
        child=noah,
        code="P2",
        order_on=ENTERED_CARE,
    )


def test_previous_permanence_needs_a_code(noah):
    assert_refused(
        services.record_previous_permanence,
        "code",
        "Choose the child's previous permanence",
        child=noah,
        code="P9",
    )


# Special guardianship and long-term fostering ------------------------------------------------


SGO = {
    "kind": "special_guardianship",
    "carers": "Grace and Tom Price",
    "matched_on": D(2025, 8, 1),
    "assessment_on": D(2025, 7, 1),
    "support_plan_on": D(2025, 7, 20),
}


def test_a_special_guardianship_match_is_recorded(noah):
    match = services.record_permanence_match(child=noah, order_on=D(2025, 10, 2), **SGO)
    assert (match.kind, match.carers, match.order_on) == (
        "special_guardianship",
        "Grace and Tom Price",
        D(2025, 10, 2),
    )


def test_special_guardianship_needs_the_assessment_and_support_plan(noah):
    assert_refused(
        services.record_permanence_match,
        "assessment_on",
        "Enter the date the special guardianship assessment was completed",
        child=noah,
        **{**SGO, "assessment_on": None},
    )
    assert_refused(
        services.record_permanence_match,
        "support_plan_on",
        "Enter the date the support plan was agreed",
        child=noah,
        **{**SGO, "support_plan_on": None},
    )


def test_long_term_fostering_is_matched_at_the_panel_for_a_looked_after_child(noah):
    long_term = {
        "kind": "long_term_fostering",
        "carers": "Ruth Okafor",
        "matched_on": D(2025, 8, 1),
    }
    assert_refused(
        services.record_permanence_match,
        "panel_on",
        "Enter the date of the permanence panel",
        child=noah,
        **long_term,
    )
    assert_refused(
        services.record_permanence_match,
        "order_on",
        "Only special guardianship has this date: leave it blank",
        child=noah,
        panel_on=D(2025, 7, 28),
        order_on=D(2025, 9, 1),
        **long_term,
    )
    assert_refused(
        services.record_permanence_match,
        "matched_on",
        "Noah Price was not looked after on 1 January 2025",
        child=noah,
        **{**long_term, "matched_on": D(2025, 1, 1), "panel_on": D(2024, 12, 20)},
    )
    match = services.record_permanence_match(child=noah, panel_on=D(2025, 7, 28), **long_term)
    assert (match.kind, match.panel_on) == ("long_term_fostering", D(2025, 7, 28))


# Fostering households ------------------------------------------------------------------------


@pytest.fixture
def okafors():
    return services.add_household(
        name="The Okafor household",
        postcode="wn2 2bb",
        kind="connected_person",
        carers=[("Ruth", "Okafor"), ("", "")],
    )


def test_a_household_is_added_with_its_carers(okafors):
    assert (okafors.name, okafors.postcode, okafors.kind) == (
        "The Okafor household",
        "WN2 2BB",
        "connected_person",
    )
    assert [c.full_name for c in okafors.carers.all()] == ["Ruth Okafor"]


def test_a_household_needs_a_carer_with_both_names():
    assert_refused(
        services.add_household,
        "carers",
        "Enter each carer's first and last name",
        name="The Bell household",
        postcode="WN1 1AA",
        kind="mainstream",
        carers=[("Amy", "Bell"), ("Joe", "")],
    )


def test_temporary_approval_runs_16_weeks_then_8_more_once_extended(okafors):
    services.grant_temporary_approval(household=okafors, approved_on=D(2026, 8, 3))
    okafors.refresh_from_db()
    assert okafors.temporary_approval_ends_on == D(2026, 11, 23)
    services.extend_temporary_approval(
        household=okafors, extended_on=D(2026, 11, 16), reason="Medical report awaited"
    )
    okafors.refresh_from_db()
    assert okafors.temporary_approval_ends_on == D(2027, 1, 18)
    assert_refused(
        services.extend_temporary_approval,
        "extended_on",
        "The temporary approval was already extended on 16 November 2026: it can be extended "
        "only once",
        household=okafors,
        extended_on=D(2026, 11, 20),
        reason="Again",
    )


def test_only_a_connected_person_is_approved_temporarily():
    bells = services.add_household(
        name="The Bell household", postcode="WN1 1AA", kind="mainstream", carers=[("Amy", "Bell")]
    )
    assert_refused(
        services.grant_temporary_approval,
        "approved_on",
        "Only a connected person can be approved temporarily: this household is mainstream "
        "foster carers",
        household=bells,
        approved_on=D(2026, 8, 3),
    )


def test_an_approval_that_ran_out_cannot_be_extended(okafors):
    services.grant_temporary_approval(household=okafors, approved_on=D(2026, 6, 1))
    assert_refused(
        services.extend_temporary_approval,
        "extended_on",
        "The temporary approval ran out on 21 September 2026: it can no longer be extended",
        household=okafors,
        extended_on=D(2026, 9, 22),
        reason="Late",
    )


def test_an_extension_needs_a_reason(okafors):
    services.grant_temporary_approval(household=okafors, approved_on=D(2026, 8, 3))
    assert_refused(
        services.extend_temporary_approval,
        "reason",
        "Say why the assessment is not complete and the approval is extended",
        household=okafors,
        extended_on=D(2026, 11, 1),
        reason="  ",
    )


def test_approval_follows_the_panel_with_terms(okafors, manager, today):
    assert_refused(
        services.approve_household,
        "approved_on",
        "Approval follows the panel: it must be on or after the panel date",
        household=okafors,
        panel_on=D(2026, 10, 5),
        approved_on=D(2026, 10, 1),
        terms="One child",
    )
    assert_refused(
        services.approve_household,
        "terms",
        "Enter the terms of approval, such as how many children, their ages and the kind of care",
        household=okafors,
        panel_on=D(2026, 10, 5),
        approved_on=D(2026, 10, 12),
        terms="",
    )
    services.approve_household(
        household=okafors,
        panel_on=D(2026, 10, 5),
        approved_on=D(2026, 10, 12),
        terms="One named child, Noah Price",
        actor=manager,
    )
    okafors.refresh_from_db()
    assert (okafors.approved_on, okafors.approved_by, okafors.approval_status_on(today)) == (
        D(2026, 10, 12),
        manager,
        "approved",
    )


def test_training_is_logged_for_a_carer_of_the_household(okafors):
    other = services.add_household(
        name="The Bell household", postcode="WN1 1AA", kind="mainstream", carers=[("Amy", "Bell")]
    )
    assert_refused(
        services.add_training_record,
        "carer",
        "Choose a carer of this household",
        household=okafors,
        course="Safer caring",
        completed_on=D(2026, 10, 1),
        carer=other.carers.get(),
    )
    record = services.add_training_record(
        household=okafors,
        course="Safer caring",
        completed_on=D(2026, 10, 1),
        carer=okafors.carers.get(),
        hours=6,
    )
    assert (record.course, record.hours, record.carer.full_name) == (
        "Safer caring",
        6,
        "Ruth Okafor",
    )


def test_a_development_goal_needs_words(okafors):
    assert_refused(
        services.add_development_goal,
        "goal",
        "Enter the development goal",
        household=okafors,
        goal=" ",
        due_on=D(2027, 3, 1),
    )
    goal = services.add_development_goal(
        household=okafors,
        goal="Complete the Training, Support and Development Standards",
        due_on=D(2027, 3, 1),
    )
    assert goal.household == okafors
