"""The allegation services: what each writes, with exact values, and each refusal with its
field and message, with nothing written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kinfolk.allegations.models import Allegation, AllegationMeeting
from kinfolk.allegations.services import (
    RATIONALE_REQUIRED,
    AgreedAction,
    add_child_to_allegation,
    close_allegation,
    complete_meeting_action,
    name_reader,
    record_allegation,
    record_initial_consideration,
    record_meeting,
    record_outcome,
)
from kinfolk.allegations.tests.conftest import RECEIVED
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.duties.engine import recompute_children
from kinfolk.duties.models import Duty

D = dt.date


def refused(error: pytest.ExceptionInfo, field: str, message: str) -> bool:
    return error.value.message_dict == {field: [message]}


def test_recording_an_allegation(allegation, held_child, lado):
    assert allegation.person_name == "Pat Example"
    assert allegation.sector == "education"
    assert allegation.lado == lado
    assert allegation.received_on == D(2025, 12, 1)
    assert list(allegation.links.values_list("child_id", flat=True)) == [held_child.pk]
    entry = ChronologyEntry.objects.get(child=held_child, kind="allegation")
    assert entry.occurred_on == D(2025, 12, 1)
    assert entry.summary == "Allegation received about an adult who works with children (Education)"
    assert list(allegation.links.get().chronology_entries.all()) == [entry]
    recompute_children([held_child.pk])
    duty = Duty.objects.get(child=held_child, rule="lado-initial-1wd")
    assert (duty.key, duty.trigger_on, duty.due_on) == (
        f"allegation:{allegation.pk}",
        D(2025, 12, 1),
        D(2025, 12, 2),
    )


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"children": []}, "children", "Choose the child or children the allegation concerns"),
        ({"person_name": " "}, "person_name", "Enter the name of the adult"),
        ({"employer": ""}, "employer", "Enter the adult's employer"),
        ({"sector": "space"}, "sector", "Choose the sector the adult works in"),
        ({"referrer_sector": "x"}, "referrer_sector", "Choose the referrer's sector"),
        ({"category": "x"}, "category", "Choose the category of the allegation"),
        (
            {"received_at": dt.datetime(2099, 1, 1, 9, 0)},
            "received_at",
            "The date received cannot be in the future",
        ),
    ],
)
def test_an_allegation_is_refused(held_child, lado, change, field, message):
    values = {
        "children": [held_child],
        "person_name": "Pat Example",
        "employer": "School",
        "sector": "education",
        "received_at": RECEIVED,
        "actor": lado,
        **change,
    }
    with pytest.raises(ValidationError) as error:
        record_allegation(**values)
    assert refused(error, field, message)
    assert not Allegation.objects.exists()
    assert not ChronologyEntry.objects.filter(kind="allegation").exists()


def test_another_child_is_added(allegation, second_child, lado):
    add_child_to_allegation(allegation=allegation, child=second_child, actor=lado)
    assert allegation.links.count() == 2
    recompute_children([second_child.pk])
    assert Duty.objects.filter(child=second_child, rule="lado-initial-1wd").count() == 1
    with pytest.raises(ValidationError) as error:
        add_child_to_allegation(allegation=allegation, child=second_child, actor=lado)
    assert refused(error, "children", "The allegation already concerns this child")


def test_the_initial_consideration(allegation, held_child, lado):
    record_initial_consideration(
        allegation=allegation,
        considered_on=D(2025, 12, 2),
        outcome="no_further_action",
        rationale="Below the threshold: the school manages it.",
        actor=lado,
    )
    allegation.refresh_from_db()
    assert allegation.considered_on == D(2025, 12, 2)
    assert allegation.consideration_outcome == "no_further_action"
    assert allegation.considered_by == lado
    assert allegation.version == 2
    recompute_children([held_child.pk])
    duty = Duty.objects.get(child=held_child, rule="lado-initial-1wd")
    assert duty.completed_on == D(2025, 12, 2)
    assert ChronologyEntry.objects.filter(
        child=held_child,
        summary="Allegation: initial consideration (No further action by the LADO)",
    ).exists()


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"rationale": ""}, "rationale", RATIONALE_REQUIRED),
        ({"rationale": "   "}, "rationale", RATIONALE_REQUIRED),
        ({"outcome": ""}, "outcome", "Choose the outcome of the initial consideration"),
        (
            {"considered_on": D(2025, 11, 30)},
            "considered_on",
            "The initial consideration cannot be before the allegation was received",
        ),
        (
            {"considered_on": D(2099, 1, 1)},
            "considered_on",
            "The date of the initial consideration cannot be in the future",
        ),
    ],
)
def test_an_initial_consideration_is_refused(allegation, lado, change, field, message):
    values = {
        "considered_on": D(2025, 12, 2),
        "outcome": "no_further_action",
        "rationale": "Reason",
        **change,
    }
    with pytest.raises(ValidationError) as error:
        record_initial_consideration(allegation=allegation, actor=lado, **values)
    assert refused(error, field, message)
    allegation.refresh_from_db()
    assert allegation.considered_on is None and allegation.version == 1


def test_an_allegation_is_considered_once(allegation, lado):
    kwargs = {"considered_on": D(2025, 12, 2), "outcome": "police", "rationale": "R"}
    record_initial_consideration(allegation=allegation, actor=lado, **kwargs)
    with pytest.raises(ValidationError) as error:
        record_initial_consideration(allegation=allegation, actor=lado, **kwargs)
    assert refused(error, "considered_on", "The initial consideration has already been recorded")


def test_a_meeting_with_actions_and_an_action_done(allegation, lado):
    meeting = record_meeting(
        allegation=allegation,
        held_on=D(2025, 12, 4),
        attendees="Ann Other, LADO, Northmoor\nBen Other, head teacher, the school",
        notes="Discussed.",
        actions=[AgreedAction("Suspend pending inquiry", "Ben Other, the school", D(2025, 12, 5))],
        actor=lado,
    )
    assert meeting.attendee_lines == [
        "Ann Other, LADO, Northmoor",
        "Ben Other, head teacher, the school",
    ]
    action = meeting.actions.get()
    assert (action.text, action.owner, action.due_on, action.done_on) == (
        "Suspend pending inquiry",
        "Ben Other, the school",
        D(2025, 12, 5),
        None,
    )
    complete_meeting_action(action=action, done_on=D(2025, 12, 5), actor=lado)
    action.refresh_from_db()
    assert action.done_on == D(2025, 12, 5)
    with pytest.raises(ValidationError) as error:
        complete_meeting_action(action=action, done_on=D(2025, 12, 5), actor=lado)
    assert refused(error, "done_on", "This action has been done")


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"attendees": " "}, "attendees", "Enter who attended, one a line"),
        (
            {"held_on": D(2025, 11, 1)},
            "held_on",
            "The meeting cannot be before the allegation was received",
        ),
        (
            {"actions": [AgreedAction("Do", "", D(2025, 12, 9))]},
            "actions",
            "Give each action its text and its owner",
        ),
        (
            {"actions": [AgreedAction("Do", "Me", D(2025, 12, 1))]},
            "actions",
            "An action cannot be due before the meeting",
        ),
    ],
)
def test_a_meeting_is_refused(allegation, lado, change, field, message):
    values = {"held_on": D(2025, 12, 4), "attendees": "Ann", **change}
    with pytest.raises(ValidationError) as error:
        record_meeting(allegation=allegation, actor=lado, **values)
    assert refused(error, field, message)
    assert not AllegationMeeting.objects.exists()


def test_outcome_and_closure(allegation, lado):
    with pytest.raises(ValidationError) as error:
        record_outcome(
            allegation=allegation, outcome_on=D(2025, 12, 3), outcome="false", actor=lado
        )
    assert refused(error, "outcome", "Record the initial consideration before the outcome")
    record_initial_consideration(
        allegation=allegation,
        considered_on=D(2025, 12, 2),
        outcome="strategy_meeting",
        rationale="R",
        actor=lado,
    )
    with pytest.raises(ValidationError) as error:
        close_allegation(allegation=allegation, closed_on=D(2025, 12, 10), actor=lado)
    assert refused(error, "closed_on", "Record the outcome before closing the allegation")
    with pytest.raises(ValidationError) as error:
        record_outcome(allegation=allegation, outcome_on=D(2025, 12, 3), outcome="odd", actor=lado)
    assert refused(error, "outcome", "Choose the outcome of the allegation")
    record_outcome(
        allegation=allegation,
        outcome_on=D(2026, 1, 20),
        outcome="substantiated",
        employer_action="dbs_referral",
        actor=lado,
    )
    with pytest.raises(ValidationError) as error:
        close_allegation(allegation=allegation, closed_on=D(2026, 1, 19), actor=lado)
    assert refused(error, "closed_on", "The allegation cannot be closed before its last decision")
    close_allegation(allegation=allegation, closed_on=D(2026, 1, 21), note="Done", actor=lado)
    allegation.refresh_from_db()
    assert (allegation.outcome, allegation.employer_action, allegation.closed_on) == (
        "substantiated",
        "dbs_referral",
        D(2026, 1, 21),
    )
    assert allegation.days_open_on(D(2030, 1, 1)) == 51
    with pytest.raises(ValidationError) as error:
        close_allegation(allegation=allegation, closed_on=D(2026, 1, 22), actor=lado)
    assert refused(error, "closed_on", "The allegation is already closed")


def test_no_further_action_closes_without_an_outcome(allegation, lado):
    record_initial_consideration(
        allegation=allegation,
        considered_on=D(2025, 12, 2),
        outcome="no_further_action",
        rationale="R",
        actor=lado,
    )
    close_allegation(allegation=allegation, closed_on=D(2025, 12, 2), actor=lado)
    assert Allegation.objects.get().closed_on == D(2025, 12, 2)


def test_a_stale_consideration_is_refused(allegation, lado):
    from kinfolk.core.models import RecordChanged

    with pytest.raises(RecordChanged):
        record_initial_consideration(
            allegation=allegation,
            considered_on=D(2025, 12, 2),
            outcome="police",
            rationale="R",
            actor=lado,
            version=7,
        )


def test_naming_a_reader(allegation, lado, social_worker):
    with pytest.raises(ValidationError) as error:
        name_reader(allegation=allegation, user=social_worker, reason=" ", actor=lado)
    assert refused(error, "reason", "Give the reason they may read the allegation")
    with pytest.raises(ValidationError) as error:
        name_reader(allegation=allegation, user=lado, reason="Why", actor=lado)
    assert refused(error, "user", "The LADO reads every allegation already")
    reader = name_reader(
        allegation=allegation, user=social_worker, reason="The child's social worker", actor=lado
    )
    assert (reader.user, reader.added_by) == (social_worker, lado)
    with pytest.raises(ValidationError) as error:
        name_reader(allegation=allegation, user=social_worker, reason="Again", actor=lado)
    assert refused(error, "user", f"{social_worker} may already read it")


def test_removing_the_last_child_removes_the_allegation(allegation, held_child):
    from kinfolk.journeys.removal import remove_everyone

    remove_everyone()
    assert not Allegation.objects.exists()
