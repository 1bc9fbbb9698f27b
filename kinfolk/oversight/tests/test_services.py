"""The oversight services: a caseload supervised in one call, its refusals, supervision
actions marked done and handed over, management decisions and personal supervision."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.models import RecordChanged
from kinfolk.duties.models import Duty
from kinfolk.oversight import services
from kinfolk.oversight.models import CaseSupervision, SupervisionAction, SupervisionSession
from kinfolk.oversight.services import AgreedAction, CaseDiscussion

pytestmark = pytest.mark.django_db(transaction=True)

HELD = dt.date(2025, 2, 3)


def supervise(manager, worker, children, *, held_on=HELD, actions=(), actor=None):
    return services.record_supervision(
        supervisor=manager,
        worker=worker,
        held_on=held_on,
        cases=[
            CaseDiscussion(
                child=child,
                decision=f"Decision for {child.first_name}",
                reflection="Reflection",
                rationale="Rationale",
                actions=actions,
            )
            for child in children
        ],
        actor=actor,
    )


def test_a_caseload_is_supervised_in_one_call(manager, social_worker, caseload):
    action = AgreedAction(text="See the child alone", owner=social_worker, due_on=HELD)
    session = supervise(manager, social_worker, caseload[:2], actions=[action], actor=manager)
    assert SupervisionSession.objects.get() == session
    assert CaseSupervision.objects.filter(session=session).count() == 2
    assert SupervisionAction.objects.filter(owner=social_worker).count() == 2
    entries = ChronologyEntry.objects.filter(kind="case_supervision")
    assert sorted(e.child_id for e in entries) == sorted(c.pk for c in caseload[:2])
    assert all(e.is_significant for e in entries)
    # The duty of the children discussed is done; the third child's is untouched.
    done = Duty.objects.filter(rule="case-supervision-1m", key__startswith="episode:")
    assert {d.child_id: d.completed_on for d in done} == {
        caseload[0].pk: HELD,
        caseload[1].pk: HELD,
        caseload[2].pk: None,
    }


def test_a_later_entry_the_same_day_joins_the_session(manager, social_worker, caseload):
    first = supervise(manager, social_worker, caseload[:1])
    second = supervise(manager, social_worker, caseload[1:2])
    assert first == second
    with pytest.raises(ValidationError, match="already discussed in this supervision"):
        supervise(manager, social_worker, caseload[:1])


def test_supervision_refusals(manager, social_worker, caseload, today):
    with pytest.raises(ValidationError, match="cannot supervise their own cases"):
        supervise(social_worker, social_worker, caseload)
    with pytest.raises(ValidationError, match="You cannot record supervision"):
        supervise(manager, social_worker, caseload, actor=social_worker)
    with pytest.raises(ValidationError, match="today or in the past"):
        supervise(manager, social_worker, caseload, held_on=today + dt.timedelta(days=1))
    late = AgreedAction(text="Visit", owner=social_worker, due_on=HELD - dt.timedelta(days=1))
    with pytest.raises(ValidationError, match="must be due on or after the supervision"):
        supervise(manager, social_worker, caseload, actions=[late])
    with pytest.raises(ValidationError, match="at least one child"):
        supervise(manager, social_worker, [])
    assert not CaseSupervision.objects.exists()


def test_an_action_is_marked_done_once_and_a_stale_form_is_refused(
    manager, social_worker, caseload
):
    action = AgreedAction(text="Visit", owner=social_worker, due_on=HELD)
    supervise(manager, social_worker, caseload[:1], actions=[action])
    record = SupervisionAction.objects.get()
    with pytest.raises(RecordChanged):
        services.mark_action_done(action=record, done_on=HELD, version=0)
    services.mark_action_done(action=record, done_on=HELD, actor=social_worker, version=1)
    record.refresh_from_db()
    assert (record.done_on, record.done_by, record.version) == (HELD, social_worker, 2)
    with pytest.raises(ValidationError, match="was marked done on 3 February 2025"):
        services.mark_action_done(action=record, done_on=HELD)


def test_open_actions_are_handed_over(manager, social_worker, other_social_worker, caseload):
    actions = [
        AgreedAction(text="Visit", owner=social_worker, due_on=HELD),
        AgreedAction(text="Call school", owner=social_worker, due_on=HELD),
    ]
    supervise(manager, social_worker, caseload[:1], actions=actions)
    child = caseload[0]
    done = SupervisionAction.objects.get(text="Call school")
    services.mark_action_done(action=done, done_on=HELD)
    assert [
        a.text for a in services.open_supervision_actions(child=child, owner=social_worker)
    ] == ["Visit"]
    moved = services.reassign_supervision_actions(
        child=child, old_owner=social_worker, new_owner=other_social_worker
    )
    assert moved == 1
    assert services.open_supervision_actions(child=child, owner=social_worker) == []
    assert SupervisionAction.objects.get(text="Call school").owner == social_worker


def test_a_management_decision_is_significant_and_needs_its_rationale(manager, caseload):
    child = caseload[0]
    with pytest.raises(ValidationError, match="why the decision was taken"):
        services.record_management_decision(
            child=child, decided_on=HELD, decision="Meet", rationale=" ", actor=manager
        )
    with pytest.raises(ValidationError, match="on or after the decision"):
        services.record_management_decision(
            child=child,
            decided_on=HELD,
            decision="Meet",
            rationale="Why",
            due_on=HELD - dt.timedelta(days=1),
            actor=manager,
        )
    decision = services.record_management_decision(
        child=child,
        decided_on=HELD,
        decision="Hold a family meeting",
        rationale="The family asked",
        outcome_sought="Ava is at school every day",
        actor=manager,
    )
    assert decision.decided_by == manager
    entry = ChronologyEntry.objects.get(kind="management_decision")
    assert (entry.child_id, entry.is_significant, entry.detail) == (
        child.pk,
        True,
        "Hold a family meeting",
    )


def test_personal_supervision_and_when_the_next_is_due(manager, social_worker):
    with pytest.raises(ValidationError, match="cannot supervise themselves"):
        services.record_personal_supervision(
            worker=manager, supervisor=manager, held_on=dt.date(2025, 1, 31), wellbeing="Well"
        )
    with pytest.raises(ValidationError, match="Enter what was discussed"):
        services.record_personal_supervision(
            worker=social_worker, supervisor=manager, held_on=dt.date(2025, 1, 31)
        )
    record = services.record_personal_supervision(
        worker=social_worker,
        supervisor=manager,
        held_on=dt.date(2025, 1, 31),
        wellbeing="Tired after duty week",
        actor=manager,
    )
    assert services.next_personal_supervision(record) == dt.date(2025, 2, 28)
    record.next_on = dt.date(2025, 2, 14)
    assert services.next_personal_supervision(record) == dt.date(2025, 2, 14)
    assert services.next_personal_supervision(None) is None


def test_a_child_s_supervision_is_in_their_record_and_no_one_else_s(
    manager, social_worker, caseload
):
    from kinfolk.records.collect import collect_child_record

    action = AgreedAction(text="Visit", owner=social_worker, due_on=HELD)
    supervise(manager, social_worker, caseload[:2], actions=[action])
    services.record_personal_supervision(
        worker=social_worker, supervisor=manager, held_on=HELD, wellbeing="Private"
    )
    types = [r.type for r in collect_child_record(caseload[0])]
    assert types.count("oversight.casesupervision") == 1
    assert types.count("oversight.supervisionaction") == 1
    assert not any("personalsupervision" in t or "supervisionsession" in t for t in types)
