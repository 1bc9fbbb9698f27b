"""The complaints services: a complaint through its stages with exact values, its chronology
and its duties, and each refusal with its field and message, nothing written."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from kinfolk.chronology.models import ChronologyEntry
from kinfolk.complaints import services
from kinfolk.complaints.choices import ComplaintStatus
from kinfolk.complaints.models import Complaint, ComplaintResponse, ComplaintTheme, LearningAction
from kinfolk.complaints.tests.conftest import RECEIVED
from kinfolk.duties.models import Duty

pytestmark = pytest.mark.django_db

D = dt.date


def refusal(call, **kwargs) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        call(**kwargs)
    return error.value.message_dict


def record(child, actor, **overrides):
    values = {
        "child": child,
        "received_on": RECEIVED,
        "complainant": "parent",
        "complainant_name": "Dana Smith",
        "theme": ComplaintTheme.objects.get(name="Delay"),
        "summary": "The assessment took too long.",
        "actor": actor,
    }
    values.update(overrides)
    return services.record_complaint(**values)


def test_a_complaint_is_recorded_at_stage_1(complaint, complaints_manager, team, theme):
    saved = Complaint.objects.get()
    assert saved == complaint
    assert (saved.stage, saved.status, saved.handled_by, saved.team, saved.theme) == (
        1,
        ComplaintStatus.OPEN,
        complaints_manager,
        team,
        theme,
    )
    assert (saved.complainant_name, saved.summary) == (
        "Dana Smith",
        "Nobody told me the review had moved.",
    )
    assert saved.due_on(1) == D(2026, 11, 16)
    assert saved.due_on(2) is None
    entry = ChronologyEntry.objects.get(kind="complaint")
    assert (entry.occurred_on, entry.summary, entry.detail) == (
        RECEIVED,
        "Complaint received from a parent",
        "Communication",
    )


def test_a_theme_in_words_beside_the_list(held_child, complaints_manager, theme):
    saved = record(held_child, complaints_manager, theme=theme, theme_detail="about the IRO")
    assert saved.theme_label == "Communication: about the IRO"
    other = record(held_child, complaints_manager, theme=None, theme_detail="Transport")
    assert other.theme_label == "Transport"


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"received_on": D(2099, 1, 1)}, "received_on", "must be today or in the past"),
        ({"complainant": "neighbour"}, "complainant", "Choose who made the complaint"),
        ({"complainant_name": " "}, "complainant_name", "Enter the name of the person"),
        ({"theme": None}, "theme", "Choose a theme or describe what the complaint is about"),
        ({"summary": ""}, "summary", "Enter the complaint in the complainant's words"),
        ({"complainant": "child"}, "is_advocate_offered", "Say whether the child was offered"),
        (
            {"complainant": "child", "is_advocate_offered": True},
            "advocate_offered_on",
            "Enter the date the advocate was offered",
        ),
        (
            {
                "complainant": "child",
                "is_advocate_offered": True,
                "advocate_offered_on": RECEIVED,
            },
            "is_advocate_accepted",
            "Say whether the child accepted an advocate",
        ),
    ],
)
def test_refusals_of_a_new_complaint(held_child, complaints_manager, overrides, field, message):
    errors = refusal(lambda **kw: record(held_child, complaints_manager, **kw), **overrides)
    assert message in errors[field][0]
    assert not Complaint.objects.exists()
    assert not ChronologyEntry.objects.filter(kind="complaint").exists()


def test_a_retired_theme_is_refused(held_child, complaints_manager, theme):
    services.retire_theme(theme=theme)
    errors = refusal(lambda **kw: record(held_child, complaints_manager, **kw), theme=theme)
    assert errors == {"theme": ["The theme Communication is no longer used"]}


def test_a_child_who_complains_is_offered_an_advocate(held_child, complaints_manager):
    saved = record(
        held_child,
        complaints_manager,
        complainant="child",
        is_advocate_offered=True,
        advocate_offered_on=RECEIVED,
        is_advocate_accepted=True,
        advocate_name="Ola Advocate",
    )
    assert (saved.advocate_offered_on, saved.is_advocate_accepted, saved.advocate_name) == (
        RECEIVED,
        True,
        "Ola Advocate",
    )
    declined = services.record_advocacy(
        complaint=saved,
        is_advocate_offered=True,
        advocate_offered_on=RECEIVED,
        is_advocate_accepted=False,
        advocate_name="Ignored",
    )
    assert (declined.is_advocate_accepted, declined.advocate_name) == (False, "")


def test_a_child_not_offered_an_advocate_is_recorded_as_such(held_child, complaints_manager):
    saved = record(held_child, complaints_manager, complainant="child", is_advocate_offered=False)
    assert (saved.is_advocate_offered, saved.advocate_offered_on) == (False, None)


def test_an_extension_gives_20_working_days(complaint, complaints_manager):
    extended = services.extend_stage(
        complaint=complaint,
        stage=1,
        extended_on=D(2026, 11, 10),
        reason="The social worker is on leave",
        actor=complaints_manager,
    )
    assert (extended.stage1_extended_on, extended.due_on(1)) == (D(2026, 11, 10), D(2026, 11, 30))
    entry = ChronologyEntry.objects.filter(kind="complaint").latest("pk")
    assert entry.summary == "Complaint: stage 1 extended, now due 30 November 2026"


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"stage": 3}, "stage", "Only stage 1 or stage 2 can be extended"),
        ({"stage": 2}, "stage", "The complaint is at stage 1, not stage 2"),
        ({"extended_on": D(2026, 11, 1)}, "extended_on", "cannot be before 2 November 2026"),
        ({"extended_on": D(2099, 1, 1)}, "extended_on", "must be today or in the past"),
        ({"reason": ""}, "reason", "Enter why more time is needed"),
    ],
)
def test_refusals_of_an_extension(complaint, kwargs, field, message):
    values = {"complaint": complaint, "stage": 1, "extended_on": D(2026, 11, 10), "reason": "R"}
    errors = refusal(services.extend_stage, **{**values, **kwargs})
    assert message in errors[field][0]
    assert Complaint.objects.get().stage1_extended_on is None


def test_a_stage_is_extended_once_and_not_after_its_response(complaint):
    services.extend_stage(complaint=complaint, stage=1, extended_on=RECEIVED, reason="Leave")
    errors = refusal(
        services.extend_stage, complaint=complaint, stage=1, extended_on=RECEIVED, reason="R"
    )
    assert errors == {"extended_on": ["The extension of stage 1 is already recorded"]}
    services.record_response(
        complaint=complaint, stage=1, responded_on=RECEIVED, outcome="upheld", response="Sorry"
    )
    services.escalate_complaint(
        complaint=complaint,
        stage=2,
        requested_on=D(2026, 11, 20),
        investigator="Ivy Investigator",
        independent_person="Ian Independent",
    )
    services.record_response(
        complaint=complaint, stage=2, responded_on=D(2026, 11, 25), outcome="upheld", response="R"
    )
    errors = refusal(
        services.extend_stage, complaint=complaint, stage=2, extended_on=D(2026, 11, 26), reason="R"
    )
    assert errors == {"extended_on": ["The stage 2 response is already recorded"]}


def test_a_response_closes_the_stage(complaint, complaints_manager):
    answer = services.record_response(
        complaint=complaint,
        stage=1,
        responded_on=D(2026, 11, 13),
        outcome="partly_upheld",
        response="We are sorry the change was not explained.",
        actor=complaints_manager,
    )
    assert ComplaintResponse.objects.get() == answer
    assert Complaint.objects.get().status == ComplaintStatus.RESPONDED
    entry = ChronologyEntry.objects.get(kind="complaint_response")
    assert entry.summary == "Complaint: stage 1 response, partly upheld"


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"stage": 2}, "stage", "The complaint is at stage 1, not stage 2"),
        ({"stage": 4}, "stage", "Choose stage 1, 2 or 3"),
        ({"outcome": "maybe"}, "outcome", "Choose whether the complaint was upheld"),
        ({"responded_on": D(2026, 10, 30)}, "responded_on", "cannot be before 2 November 2026"),
        ({"responded_on": D(2099, 1, 1)}, "responded_on", "must be today or in the past"),
        ({"response": " "}, "response", "Enter the response given to the complainant"),
    ],
)
def test_refusals_of_a_response(complaint, kwargs, field, message):
    values = {
        "complaint": complaint,
        "stage": 1,
        "responded_on": D(2026, 11, 13),
        "outcome": "upheld",
        "response": "Sorry",
    }
    errors = refusal(services.record_response, **{**values, **kwargs})
    assert message in errors[field][0]
    assert not ComplaintResponse.objects.exists()


def test_a_second_response_at_a_stage_is_refused(complaint):
    values = {"complaint": complaint, "stage": 1, "outcome": "upheld", "response": "Sorry"}
    services.record_response(responded_on=D(2026, 11, 13), **values)
    errors = refusal(services.record_response, responded_on=D(2026, 11, 14), **values)
    assert errors == {"responded_on": ["The stage 1 response is already recorded"]}


def test_escalation_to_stage_2_then_3(complaint):
    services.record_response(
        complaint=complaint,
        stage=1,
        responded_on=D(2026, 11, 13),
        outcome="not_upheld",
        response="No fault found",
    )
    stage_2 = services.escalate_complaint(
        complaint=complaint,
        stage=2,
        requested_on=D(2026, 11, 16),
        investigator="Ivy Investigator",
        independent_person="Ian Independent",
    )
    assert (stage_2.stage, stage_2.status, stage_2.due_on(2)) == (
        2,
        ComplaintStatus.OPEN,
        # 25 working days after Monday 16 November 2026: Monday 21 December.
        D(2026, 12, 21),
    )
    services.record_response(
        complaint=complaint,
        stage=2,
        responded_on=D(2026, 12, 1),
        outcome="partly_upheld",
        response="Findings attached",
    )
    stage_3 = services.escalate_complaint(
        complaint=complaint, stage=3, requested_on=D(2026, 12, 2), panel_on=D(2027, 1, 8)
    )
    # 30 working days after Wednesday 2 December 2026, skipping Christmas Day, Boxing Day
    # (a Saturday, observed on Monday 28 December) and New Year's Day: Monday 18 January 2027.
    assert (stage_3.stage, stage_3.panel_on, stage_3.due_on(3)) == (
        3,
        D(2027, 1, 8),
        D(2027, 1, 18),
    )
    entries = ChronologyEntry.objects.filter(kind="complaint_escalated").order_by("pk")
    assert [e.summary for e in entries] == [
        "Complaint escalated to stage 2",
        "Complaint escalated to stage 3",
    ]


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"stage": 3}, "stage", "it can be escalated only to the next stage"),
        ({"stage": 1}, "stage", "A complaint can be escalated to stage 2 or stage 3"),
        ({"requested_on": D(2026, 11, 1)}, "requested_on", "cannot be before 2 November 2026"),
        ({"requested_on": D(2099, 1, 1)}, "requested_on", "must be today or in the past"),
        ({"investigator": ""}, "investigator", "Enter the name of the investigating officer"),
        ({"independent_person": ""}, "independent_person", "Enter the name of the independent"),
    ],
)
def test_refusals_of_an_escalation(complaint, kwargs, field, message):
    values = {
        "complaint": complaint,
        "stage": 2,
        "requested_on": D(2026, 11, 20),
        "investigator": "Ivy",
        "independent_person": "Ian",
    }
    errors = refusal(services.escalate_complaint, **{**values, **kwargs})
    assert message in errors[field][0]
    assert Complaint.objects.get().stage == 1


def test_a_panel_before_its_request_is_refused(complaint):
    services.escalate_complaint(
        complaint=complaint,
        stage=2,
        requested_on=D(2026, 11, 20),
        investigator="I",
        independent_person="P",
    )
    errors = refusal(
        services.escalate_complaint,
        complaint=complaint,
        stage=3,
        requested_on=D(2026, 11, 25),
        panel_on=D(2026, 11, 24),
    )
    assert errors == {"panel_on": ["The review panel cannot be before 25 November 2026"]}
    errors = refusal(services.set_panel_date, complaint=complaint, panel_on=D(2026, 12, 1))
    assert errors == {"panel_on": ["A review panel has not been requested"]}


def test_withdrawal_ends_the_complaint(complaint, complaints_manager):
    gone = services.withdraw_complaint(
        complaint=complaint,
        withdrawn_on=D(2026, 11, 5),
        reason="Resolved on the telephone",
        actor=complaints_manager,
    )
    assert (gone.status, gone.withdrawn_on) == (ComplaintStatus.WITHDRAWN, D(2026, 11, 5))
    assert ChronologyEntry.objects.get(kind="complaint_withdrawn").summary == (
        "Complaint withdrawn at stage 1"
    )
    for call, kwargs in [
        (services.withdraw_complaint, {"withdrawn_on": D(2026, 11, 6), "reason": "R"}),
        (
            services.record_response,
            {"stage": 1, "responded_on": D(2026, 11, 6), "outcome": "upheld"},
        ),
        (services.extend_stage, {"stage": 1, "extended_on": D(2026, 11, 6), "reason": "R"}),
        (services.escalate_complaint, {"stage": 2, "requested_on": D(2026, 11, 6)}),
    ]:
        errors = refusal(call, complaint=complaint, **kwargs)
        assert list(errors.values()) == [["The complaint was withdrawn on 5 November 2026"]]


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"withdrawn_on": D(2026, 11, 1)}, "withdrawn_on", "cannot be before 2 November 2026"),
        ({"withdrawn_on": D(2099, 1, 1)}, "withdrawn_on", "must be today or in the past"),
        ({"reason": ""}, "reason", "Enter why the complaint was withdrawn"),
    ],
)
def test_refusals_of_a_withdrawal(complaint, kwargs, field, message):
    values = {"complaint": complaint, "withdrawn_on": D(2026, 11, 5), "reason": "R"}
    errors = refusal(services.withdraw_complaint, **{**values, **kwargs})
    assert message in errors[field][0]
    assert Complaint.objects.get().withdrawn_on is None


def test_an_answered_complaint_cannot_be_withdrawn(complaint):
    services.record_response(
        complaint=complaint, stage=1, responded_on=D(2026, 11, 13), outcome="upheld", response="R"
    )
    errors = refusal(
        services.withdraw_complaint, complaint=complaint, withdrawn_on=D(2026, 11, 14), reason="R"
    )
    assert errors == {
        "withdrawn_on": ["The complaint was answered at stage 1 and has not been escalated"]
    }


def test_learning_and_its_actions(
    complaint, complaints_manager, social_worker, other_social_worker
):
    services.record_learning(complaint=complaint, learning="Tell families when reviews move.")
    action = services.add_learning_action(
        complaint=complaint,
        text="Send a letter when a review moves",
        owner=social_worker,
        due_on=D(2026, 12, 1),
        actor=complaints_manager,
    )
    assert LearningAction.objects.get() == action
    assert action.child_id == complaint.child_id
    refused = refusal(
        services.mark_learning_action_done,
        action=action,
        done_on=D(2026, 11, 20),
        actor=other_social_worker,
    )
    assert refused == {"action": ["Only its owner or a complaints manager marks it done"]}
    done = services.mark_learning_action_done(
        action=action, done_on=D(2026, 11, 20), actor=social_worker
    )
    assert (done.done_on, done.done_by) == (D(2026, 11, 20), social_worker)
    errors = refusal(services.mark_learning_action_done, action=action, done_on=D(2026, 11, 21))
    assert errors == {"action": ["The action was marked done on 20 November 2026"]}
    assert Complaint.objects.get().learning == "Tell families when reviews move."


@pytest.mark.parametrize(
    ("kwargs", "field", "message"),
    [
        ({"text": ""}, "text", "Enter what is to change"),
        ({"owner": None}, "owner", "Choose who does it"),
        ({"due_on": None}, "due_on", "Enter the date it is due by"),
        ({"due_on": D(2026, 11, 1)}, "due_on", "cannot be before the complaint, 2 November 2026"),
    ],
)
def test_refusals_of_an_action(complaint, social_worker, kwargs, field, message):
    values = {"complaint": complaint, "text": "T", "owner": social_worker, "due_on": D(2026, 12, 1)}
    errors = refusal(services.add_learning_action, **{**values, **kwargs})
    assert message in errors[field][0]
    assert not LearningAction.objects.exists()


def test_refusals_of_an_action_done(complaint, social_worker):
    action = services.add_learning_action(
        complaint=complaint, text="T", owner=social_worker, due_on=D(2026, 12, 1)
    )
    errors = refusal(services.mark_learning_action_done, action=action, done_on=D(2026, 11, 1))
    assert errors == {
        "done_on": ["The date it was done cannot be before the complaint, 2 November 2026"]
    }
    errors = refusal(services.mark_learning_action_done, action=action, done_on=D(2099, 1, 1))
    assert "must be today or in the past" in errors["done_on"][0]
    errors = refusal(services.record_learning, complaint=complaint, learning=" ")
    assert errors == {"learning": ["Enter what the service has learned"]}


def test_themes_are_added_retired_and_offered_again():
    theme = services.add_theme(name="  Transport   to school ")
    assert theme.name == "Transport to school"
    assert refusal(services.add_theme, name="transport to school") == {
        "name": ["The theme Transport to school is already on the list"]
    }
    assert refusal(services.add_theme, name=" ") == {"name": ["Enter the theme"]}
    services.retire_theme(theme=theme)
    assert refusal(services.retire_theme, theme=theme) == {
        "theme": ["The theme Transport to school is already retired"]
    }
    assert services.add_theme(name="Transport to school").is_active


@pytest.mark.django_db(transaction=True)
def test_the_duties_follow_the_stages(complaint):
    stage_1 = Duty.objects.get(rule="complaint-stage1-10wd")
    assert (stage_1.key, stage_1.due_on, stage_1.completed_on) == (
        f"complaint:{complaint.pk}",
        D(2026, 11, 16),
        None,
    )
    services.extend_stage(complaint=complaint, stage=1, extended_on=RECEIVED, reason="Leave")
    services.record_response(
        complaint=complaint, stage=1, responded_on=D(2026, 11, 20), outcome="upheld", response="R"
    )
    stage_1 = Duty.objects.get(rule="complaint-stage1-10wd")
    assert (stage_1.due_on, stage_1.completed_on) == (D(2026, 11, 30), D(2026, 11, 20))
    services.escalate_complaint(
        complaint=complaint,
        stage=2,
        requested_on=D(2026, 11, 23),
        investigator="I",
        independent_person="P",
    )
    services.withdraw_complaint(complaint=complaint, withdrawn_on=D(2026, 11, 25), reason="R")
    stage_2 = Duty.objects.get(rule="complaint-stage2-25wd")
    assert (stage_2.trigger_on, stage_2.context_ended_on) == (D(2026, 11, 23), D(2026, 11, 25))
    assert stage_2.status_on(D(2026, 12, 1)) == "cancelled"


def test_a_database_with_no_theme_is_given_the_defaults_again():
    ComplaintTheme.objects.all().delete()
    assert [t.name for t in services.offered_themes()][:3] == [
        "Communication",
        "Contact arrangements",
        "Decision made",
    ]
    assert services.offered_themes().count() == 8
