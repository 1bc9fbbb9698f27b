"""The private fostering services: each record with its chronology entry and duty, and each
refusal with its field and message and nothing written (docs/private-fostering.md)."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from conftest import make_child
from kinfolk.casework.models import Visit
from kinfolk.chronology.models import ChronologyEntry
from kinfolk.core.models import RecordChanged
from kinfolk.duties.models import Duty
from kinfolk.privatefostering import services
from kinfolk.privatefostering.models import (
    Arrangement,
    HouseholdMember,
    SuitabilityAssessment,
    SuitabilityCheck,
)

pytestmark = pytest.mark.django_db

# The duties are rederived when the transaction commits: the tests that read them commit.

D = dt.date
BEGAN = D(2025, 3, 3)
TOLD = D(2025, 3, 10)


def notify(child, **overrides):
    values = {
        "child": child,
        "began_on": BEGAN,
        "notified_on": TOLD,
        "notified_by": "school",
        "notifier_name": "Ms Example, head of year",
        "carer_name": "Jo Example",
        "carer_address": "1 Example Street",
        "carer_relationship": "Family friend",
    }
    values.update(overrides)
    return services.record_notification(**values)


def refused(call, **kwargs):
    with pytest.raises(ValidationError) as raised:
        call(**kwargs)
    return raised.value.message_dict


@pytest.mark.django_db(transaction=True)
def test_a_notification_is_recorded_with_its_entry_and_first_visit_duty(child, social_worker):
    arrangement = notify(child, actor=social_worker)
    assert (arrangement.began_on, arrangement.notified_on, arrangement.carer_name) == (
        BEGAN,
        TOLD,
        "Jo Example",
    )
    assert arrangement.is_notified_in_advance is False
    assert arrangement.notifier == "School: Ms Example, head of year"
    entry = ChronologyEntry.objects.get(kind="private_fostering_notified")
    assert entry.summary == (
        "Private fostering with Jo Example notified after it began (began 3 March 2025)"
    )
    assert (entry.occurred_on, entry.is_significant) == (TOLD, True)
    duty = Duty.objects.get(child=child, rule="pf-first-visit-7wd")
    assert (duty.trigger_on, duty.due_on) == (TOLD, D(2025, 3, 19))


def test_a_notification_before_the_start_is_in_advance(child):
    arrangement = notify(child, began_on=D(2025, 4, 1), notified_on=D(2025, 3, 1))
    assert arrangement.is_notified_in_advance is True


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        (
            {"notified_on": D(2999, 1, 1)},
            "notified_on",
            "The date the authority was told must be today or in the past",
        ),
        ({"notified_by": "friend"}, "notified_by", "Choose who told the authority"),
        ({"notifier_name": " "}, "notifier_name", "Enter the name of who told the authority"),
        ({"carer_name": ""}, "carer_name", "Enter the name of the private foster carer"),
    ],
)
def test_a_notification_is_refused(child, overrides, field, message):
    assert refused(notify, child=child, **overrides) == {field: [message]}
    assert not Arrangement.objects.exists()


def test_a_child_of_16_is_not_privately_fostered_unless_disabled(db):
    older = make_child(la_child_id="C2", date_of_birth=D(2009, 1, 1), disabilities=["NONE"])
    assert refused(notify, child=older) == {
        "began_on": [
            "Lily Smith was 16 when the arrangement began: private fostering is of a child "
            "under 16, or under 18 if disabled"
        ]
    }
    disabled = make_child(la_child_id="C3", date_of_birth=D(2009, 1, 1), disabilities=["MOB"])
    assert notify(disabled).child == disabled


def test_a_second_current_arrangement_is_refused(child):
    notify(child)
    assert refused(notify, child=child) == {
        "began_on": [
            "Lily Smith is already privately fostered with Jo Example since 3 March 2025: "
            "record the end of that arrangement first"
        ]
    }
    assert Arrangement.objects.count() == 1


def test_a_new_arrangement_cannot_begin_before_the_last_ended(child):
    notify(child)
    services.end_arrangement(child=child, ended_on=D(2025, 5, 1), reason="returned_home")
    assert refused(notify, child=child, began_on=D(2025, 4, 1)) == {
        "began_on": ["The last arrangement ended on 1 May 2025: this one cannot begin before it"]
    }


def test_each_step_needs_a_current_arrangement(child):
    message = [
        "Lily Smith has no current private fostering arrangement: record the notification first"
    ]
    for call, kwargs in [
        (services.add_household_member, {"name": "Sam"}),
        (services.record_check, {"kind": "health", "checked_on": TOLD, "result": "clear"}),
        (services.record_private_fostering_visit, {"visited_on": TOLD, "is_child_seen": True}),
        (services.end_arrangement, {"ended_on": TOLD, "reason": "moved"}),
    ]:
        with pytest.raises(ValidationError) as raised:
            call(child=child, **kwargs)
        assert raised.value.messages == message


def test_household_members_and_their_refusals(child):
    arrangement = notify(child)
    member = services.add_household_member(
        child=child, name=" Sam Example ", date_of_birth=D(2000, 1, 1), relationship="Son"
    )
    assert (member.arrangement, member.name, member.relationship) == (
        arrangement,
        "Sam Example",
        "Son",
    )
    assert refused(services.add_household_member, child=child, name="") == {
        "name": ["Enter the name of the household member"]
    }
    assert refused(
        services.add_household_member, child=child, name="Al", date_of_birth=D(2999, 1, 1)
    ) == {"date_of_birth": ["The date of birth must be today or in the past"]}
    assert HouseholdMember.objects.count() == 1


def test_a_check_is_recorded_with_its_entry(child):
    notify(child)
    member = services.add_household_member(
        child=child, name="Sam Example", date_of_birth=D(2000, 1, 1)
    )
    check = services.record_check(
        child=child, kind="dbs_household", member=member, checked_on=D(2025, 3, 20), result="clear"
    )
    assert (check.member, check.result) == (member, "clear")
    entry = ChronologyEntry.objects.get(kind="private_fostering_check")
    assert entry.summary == "DBS check of a household member aged 16 or over (Sam Example): Clear"


def test_a_check_is_refused(child):
    notify(child)
    young = services.add_household_member(
        child=child, name="Kit Example", date_of_birth=D(2012, 1, 1)
    )
    base = {"child": child, "kind": "health", "checked_on": D(2025, 3, 20), "result": "clear"}
    cases = [
        ({"kind": "x"}, {"kind": ["Choose the check"]}),
        ({"result": "x"}, {"result": ["Choose the result"]}),
        (
            {"checked_on": D(2999, 1, 1)},
            {"checked_on": ["The date of the check must be today or in the past"]},
        ),
        (
            {"checked_on": D(2025, 3, 1)},
            {"checked_on": ["The check cannot be before the authority was told, on 3 March 2025"]},
        ),
        ({"kind": "dbs_household"}, {"member": ["Choose the household member checked"]}),
        (
            {"kind": "dbs_household", "member": young},
            {
                "member": [
                    "Kit Example is under 16: only household members aged 16 or over are DBS checked"
                ]
            },
        ),
        ({"result": "concerns"}, {"detail": ["Say what the check found"]}),
    ]
    for overrides, errors in cases:
        assert refused(services.record_check, **{**base, **overrides}) == errors
    assert not SuitabilityCheck.objects.exists()


def test_the_assessment_and_its_refusals(child, manager):
    notify(child)
    base = {
        "child": child,
        "assessed_on": D(2025, 4, 1),
        "outcome": "suitable_with_conditions",
        "reason": "A settled home",
        "conditions": "The child keeps their own room",
        "manager_decision": "Agreed",
        "decided_by": manager,
    }
    cases = [
        (
            {"assessed_on": D(2999, 1, 1)},
            {"assessed_on": ["The date of the assessment must be today or in the past"]},
        ),
        (
            {"assessed_on": D(2025, 3, 1)},
            {
                "assessed_on": [
                    "The assessment cannot be before the authority was told, on 3 March 2025"
                ]
            },
        ),
        ({"outcome": "maybe"}, {"outcome": ["Choose the outcome of the assessment"]}),
        ({"reason": " "}, {"reason": ["Enter the reason for the outcome"]}),
        ({"conditions": ""}, {"conditions": ["Enter the conditions"]}),
        ({"manager_decision": ""}, {"manager_decision": ["Enter the manager's decision"]}),
    ]
    for overrides, errors in cases:
        assert refused(services.record_assessment, **{**base, **overrides}) == errors
    assert not SuitabilityAssessment.objects.exists()
    assessment = services.record_assessment(**base)
    assert (assessment.outcome, assessment.decided_by) == ("suitable_with_conditions", manager)
    entry = ChronologyEntry.objects.get(kind="private_fostering_assessment")
    assert entry.summary == "Private fostering assessed: Suitable with conditions"
    assert refused(services.record_assessment, **base) == {
        "assessed_on": ["The suitability of this arrangement is already assessed"]
    }


@pytest.mark.django_db(transaction=True)
def test_a_visit_is_a_casework_visit_of_kind_private_fostering(child, social_worker):
    notify(child)
    visit = services.record_private_fostering_visit(
        child=child,
        visited_on=D(2025, 3, 14),
        is_child_seen=True,
        is_seen_alone=True,
        purpose="First private fostering visit",
        child_views="Likes the new school",
        actor=social_worker,
    )
    assert (visit.kind, visit.is_child_seen, visit.episode) == ("private_fostering", True, None)
    assert ChronologyEntry.objects.get(kind="visit").summary == (
        "Private fostering visit: child seen alone"
    )
    first = Duty.objects.get(child=child, rule="pf-first-visit-7wd")
    assert first.completed_on == D(2025, 3, 14)
    after = Duty.objects.get(child=child, rule="pf-visit-6w")
    assert (after.trigger_on, after.due_on) == (D(2025, 3, 14), D(2025, 4, 25))


def test_a_visit_before_the_arrangement_is_refused(child):
    notify(child)
    assert refused(
        services.record_private_fostering_visit,
        child=child,
        visited_on=D(2025, 3, 1),
        is_child_seen=False,
    ) == {"visited_on": ["The visit cannot be before the authority was told, on 3 March 2025"]}
    assert not Visit.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_the_end_and_its_refusals(child):
    arrangement = notify(child)
    base = {"child": child, "ended_on": D(2025, 6, 1), "reason": "returned_home"}
    cases = [
        (
            {"ended_on": D(2999, 1, 1)},
            {"ended_on": ["The date the arrangement ended must be today or in the past"]},
        ),
        (
            {"ended_on": D(2025, 3, 1)},
            {"ended_on": ["The arrangement began on 3 March 2025: it cannot end before"]},
        ),
        ({"reason": ""}, {"reason": ["Choose why the arrangement ended"]}),
        ({"reason": "bored"}, {"reason": ["Choose why the arrangement ended"]}),
        ({"reason": "other"}, {"detail": ["Say why the arrangement ended"]}),
    ]
    for overrides, errors in cases:
        assert refused(services.end_arrangement, **{**base, **overrides}) == errors
    with pytest.raises(RecordChanged):
        services.end_arrangement(**base, version=arrangement.version + 1)
    ended = services.end_arrangement(**base, version=arrangement.version)
    assert (ended.ended_on, ended.end_reason, ended.version) == (D(2025, 6, 1), "returned_home", 2)
    entry = ChronologyEntry.objects.get(kind="private_fostering_ended")
    assert entry.summary == (
        "Private fostering with Jo Example ended: The child returned to their parents"
    )
    duty = Duty.objects.get(child=child, rule="pf-first-visit-7wd")
    assert duty.context_ended_on == D(2025, 6, 1)
