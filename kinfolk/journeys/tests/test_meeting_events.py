"""The child protection events with their detail: who took part or was invited, what was
shared, agreed and checked (docs/journeys.md, "Child protection"). The records hold it, and
the conference page shows the invitees with their alerts."""

import copy

import pytest
from django.urls import reverse

from conftest import signed_in
from kinfolk.journeys.tests.test_loader import GOOD, run, write
from kinfolk.protection.models import (
    Conference,
    CoreGroupMeeting,
    Section47Enquiry,
    StrategyDiscussion,
)

pytestmark = pytest.mark.django_db

STRATEGY = {
    "type": "strategy_discussion",
    "child": "C1",
    "date": "2025-03-04",
    "outcome": "s47",
    "at": "2025-03-04T14:30",
    "triggered_at": "2025-03-03T16:00",
    "attendees": [
        {"name": "Nia Brook", "agency": "police", "role": "Detective constable"},
        {"name": "Tom Heron", "agency": "health", "role": "Named nurse"},
    ],
    "information": "The school reported a bruise seen at breakfast club.",
    "rationale": "The injury and the account given meet the threshold for an enquiry.",
    "actions": [
        {
            "text": "Visit the child at school",
            "owner": "Nia Brook",
            "agency": "police",
            "due": "2025-03-05",
        },
    ],
}
S47_END = {
    "type": "s47_end",
    "child": "C1",
    "date": "2025-03-14",
    "icpc_required": True,
    "seen": True,
    "seen_alone": True,
    "checks": [{"agency": "gp", "date": "2025-03-06", "result": "No concerns on record."}],
    "outcome": "Concerns substantiated: an initial conference is needed.",
}
ICPC = {
    "type": "icpc",
    "child": "C1",
    "date": "2025-03-20",
    "plan": True,
    "category": "PHY",
    "invitees": [
        {
            "name": "Nia Brook",
            "agency": "police",
            "invited": "2025-03-18",
            "attendance": "present",
            "report_received": "2025-03-19",
            "report_shared": "2025-03-20",
        },
        {
            "name": "Ida Marsh",
            "agency": "education",
            "invited": "2025-03-10",
            "attendance": "apologies",
        },
    ],
    "participation": "views_shared",
    "assessment_rating": "adequate",
    "rationale": "The child is at continuing risk of physical harm.",
    "contingency": "A legal planning meeting if the plan does not work.",
    "outcome": "The child is safe from physical harm at home.",
    "action": {"text": "Parenting course", "owner": "Family support", "due": "2025-04-30"},
}
CORE_GROUP = {
    "type": "core_group",
    "child": "C1",
    "date": "2025-03-27",
    "attendees": [
        {"name": "Ida Marsh", "agency": "education"},
        {"name": "Tom Heron", "agency": "health", "attendance": "apologies"},
    ],
    "minutes": "Mother has started the parenting course.",
}
CP_REVIEW = {
    "type": "cp_review",
    "child": "C1",
    "date": "2025-06-16",
    "continue_plan": True,
    "invitees": [
        {
            "name": "Ida Marsh",
            "agency": "education",
            "invited": "2025-06-02",
            "attendance": "present",
        }
    ],
    "participation": "advocate",
    "advocate": "Rue Kestrel",
    "rationale": "Progress is real but not yet sustained.",
}


def journey(*events):
    return [
        *GOOD[:-1],
        {"type": "referral", "child": "C1", "date": "2025-03-03", "source": "2A"},
        *events,
    ]


def full():
    return [
        copy.deepcopy(e)
        for e in (
            STRATEGY,
            {"type": "s47_start", "child": "C1", "date": "2025-03-04"},
            S47_END,
            ICPC,
            CORE_GROUP,
            CP_REVIEW,
        )
    ]


def test_the_meetings_with_their_detail_load_in_full(tmp_path, head_of_service):
    code, _out, err = run(str(write(tmp_path, journey(*full()))))
    assert (code, err) == (0, "")

    discussion = StrategyDiscussion.objects.get()
    assert discussion.held_at.isoformat() == "2025-03-04T14:30:00+00:00"
    assert discussion.attendees == ["police", "health"]
    assert [(a.name, a.role) for a in discussion.attendee_rows.order_by("pk")] == [
        ("Nia Brook", "Detective constable"),
        ("Tom Heron", "Named nurse"),
    ]
    assert discussion.information_shared.startswith("The school reported")
    assert [(a.description, str(a.due_on)) for a in discussion.actions.all()] == [
        ("Visit the child at school", "2025-03-05")
    ]

    enquiry = Section47Enquiry.objects.get()
    assert (enquiry.is_child_seen, enquiry.is_seen_alone, enquiry.outcome[:8]) == (
        True,
        True,
        "Concerns",
    )
    assert [(c.agency, str(c.checked_on)) for c in enquiry.agency_checks.all()] == [
        ("gp", "2025-03-06")
    ]

    initial = Conference.objects.get(kind="initial")
    assert (initial.child_participation, initial.assessment_rating) == ("views_shared", "adequate")
    assert [i.name for i in initial.invitees.order_by("pk")] == ["Nia Brook", "Ida Marsh"]
    assert initial.plan.contingency.startswith("A legal planning meeting")
    assert [o.description for o in initial.plan.outcomes.all()] == [ICPC["outcome"]]
    assert [a.description for a in initial.plan.actions.all()] == ["Parenting course"]

    meeting = CoreGroupMeeting.objects.get()
    assert meeting.minutes == CORE_GROUP["minutes"]
    assert sorted((a.name, a.attendance) for a in meeting.attendees.all()) == [
        ("Ida Marsh", "present"),
        ("Tom Heron", "apologies"),
    ]

    review = Conference.objects.get(kind="review")
    assert (review.advocate, review.invitees.count()) == ("Rue Kestrel", 1)

    page = signed_in(head_of_service).get(
        reverse("protection:conference", args=[initial.child_id]),
        {"conference": initial.pk},
    )
    assert page.status_code == 200
    text = page.content.decode()
    assert "Ida Marsh" in text
    # Nia Brook had two working days' notice and shared her report on the day.
    assert "less than the 5 working days expected" in text
    assert "Nia Brook" in text


def test_events_without_detail_still_load_as_imported_history(tmp_path):
    bare = [
        {
            k: v
            for k, v in e.items()
            if k
            in {
                "type",
                "child",
                "date",
                "outcome",
                "plan",
                "category",
                "icpc_required",
                "continue_plan",
            }
        }
        for e in full()
    ]
    code, _out, err = run(str(write(tmp_path, journey(*bare))))
    assert (code, err) == (0, "")
    assert Conference.objects.get(kind="initial").invitees.count() == 0


@pytest.mark.parametrize(
    ("index", "change", "message"),
    [
        (
            0,
            {"attendees": [{"name": "Nia Brook", "agency": "pollice"}]},
            "attendees entry 1 agency 'pollice' is not a Agency code",
        ),
        (
            0,
            {"actions": [{"text": "Visit", "owner": "N", "agency": "police"}]},
            "actions entry 1: missing fields: due",
        ),
        (
            2,
            {"checks": [{"agency": "gp", "date": "2025-03-32", "result": "x"}]},
            "checks entry 1 date 2025-03-32 is not a real date",
        ),
        (
            3,
            {"invitees": [{"name": "Ida Marsh", "agency": "education", "attendance": "late"}]},
            "invitees entry 1 attendance 'late' is not a Attendance code",
        ),
        (
            3,
            {
                "invitees": [
                    {
                        "name": "Ida Marsh",
                        "agency": "education",
                        "attendance": "present",
                        "colour": "red",
                    }
                ]
            },
            "invitees entry 1: unknown fields: colour",
        ),
        (
            3,
            {
                "invitees": [
                    {
                        "name": "Ida Marsh",
                        "agency": "education",
                        "attendance": "present",
                        "invited": "2025-03-21",
                    }
                ]
            },
            "Ida Marsh: invitations and reports are dated on or before the conference",
        ),
        (4, {"attendees": "everyone"}, "attendees must be a list"),
        (0, {"at": "2025-03-05T09:00"}, "at must be on the date of the strategy discussion"),
        (
            3,
            {"action": {"text": "Parenting course", "owner": "Family support"}},
            "action missing fields: due",
        ),
        (
            3,
            {"action": {"text": "Course", "owner": "F", "due": "soon"}},
            "action due must be a date written YYYY-MM-DD",
        ),
        (5, {"participation": "advocate", "advocate": ""}, "name them"),
    ],
)
def test_a_bad_detail_is_reported_by_its_line(tmp_path, index, change, message):
    events = full()
    events[index].update(change)
    lines = journey(*events)
    code, _out, err = run(str(write(tmp_path, lines)))
    assert code != 0
    # The file starts with a comment and a blank line.
    number = 2 + lines.index(events[index]) + 1
    assert f"line {number}: " in err
    assert message in err, err
    assert not Conference.objects.exists()
