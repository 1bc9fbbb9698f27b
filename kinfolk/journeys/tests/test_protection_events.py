"""The child protection events load as imported history: a date and a decision, none of the
detail the pages ask for (docs/journeys.md, "Child protection")."""

import pytest

from kinfolk.journeys.tests.test_loader import GOOD, run, write
from kinfolk.protection.models import Conference, CoreGroupMeeting, Section47Enquiry
from kinfolk.protection.services.conferences import ENDED_BY_IMPORTED_CONFERENCE

pytestmark = pytest.mark.django_db

PATHWAY = [
    {"type": "referral", "child": "C1", "date": "2025-03-03", "source": "2A"},
    {"type": "strategy_discussion", "child": "C1", "date": "2025-03-04", "outcome": "s47"},
    {"type": "s47_start", "child": "C1", "date": "2025-03-04"},
]


def test_an_icpc_after_an_ended_enquiry_and_its_plan_load(tmp_path):
    events = [
        *GOOD[:-1],
        *PATHWAY,
        {"type": "s47_end", "child": "C1", "date": "2025-03-14", "icpc_required": True},
        {"type": "icpc", "child": "C1", "date": "2025-03-20", "plan": True, "category": "NEG"},
        {"type": "core_group", "child": "C1", "date": "2025-03-27"},
        {"type": "cp_review", "child": "C1", "date": "2025-06-16", "continue_plan": True},
    ]
    code, _out, err = run(str(write(tmp_path, events)))
    assert (code, err) == (0, "")
    enquiry = Section47Enquiry.objects.get()
    assert (str(enquiry.ended_on), enquiry.ended_reason, enquiry.signed_off_by) == (
        "2025-03-14",
        "",
        None,
    )
    initial = Conference.objects.get(kind="initial")
    assert (initial.enquiry, initial.plan.contingency, initial.invitees.count()) == (enquiry, "", 0)
    assert CoreGroupMeeting.objects.get().attendees.count() == 0
    assert Conference.objects.get(kind="review").outcome_progress.count() == 0


def test_an_icpc_may_follow_an_open_enquiry_and_ends_it_saying_so(tmp_path):
    events = [
        *GOOD[:-1],
        *PATHWAY,
        {"type": "icpc", "child": "C1", "date": "2025-03-20", "plan": False},
    ]
    code, _out, err = run(str(write(tmp_path, events)))
    assert (code, err) == (0, "")
    enquiry = Section47Enquiry.objects.get()
    assert (str(enquiry.ended_on), enquiry.is_conference_required, enquiry.ended_reason) == (
        "2025-03-20",
        True,
        ENDED_BY_IMPORTED_CONFERENCE,
    )
