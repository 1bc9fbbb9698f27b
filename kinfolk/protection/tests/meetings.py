"""Form data for the child protection meeting pages, in full, for the tests. All names and
texts are invented."""

import datetime as dt
from typing import Any

from kinfolk.casework.tests.pages import post_data

D = dt.date


def strategy_data(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "triggered_on": D(2026, 9, 2),
        "triggered_time": "09:15",
        "held_on": D(2026, 9, 3),
        "held_time": "10:30",
        "information_shared": "School saw bruising; police hold two DA notices for the household.",
        "outcome": "s47",
        "rationale": "Bruising seen by school; police hold DA notices for the household.",
        "attendee_1_name": "Sam Carter",
        "attendee_1_agency": "childrens_social_care",
        "attendee_1_role": "Social worker",
        "attendee_2_name": "PC Ana Reyes",
        "attendee_2_agency": "police",
        "attendee_2_role": "Child abuse investigation unit",
        "action_1_description": "Share the DA notices with the social worker",
        "action_1_owner": "PC Ana Reyes",
        "action_1_agency": "police",
        "action_1_due_on": D(2026, 9, 4),
    }
    values.update(overrides)
    return post_data(**values)


def enquiry_end_data(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "ended_on": D(2026, 9, 15),
        "is_child_seen": "yes",
        "is_seen_alone": "yes",
        "is_medical": "yes",
        "medical_on": D(2026, 9, 4),
        "medical_findings": "Bruising consistent with the account given by the school.",
        "check_1_agency": "gp",
        "check_1_checked_on": D(2026, 9, 7),
        "check_1_result": "Two missed appointments this year.",
        "outcome": "Risk of significant harm from neglect substantiated.",
        "is_conference_required": "yes",
        "sign_off_rationale": "The evidence supports an initial conference.",
    }
    values.update(overrides)
    return post_data(**values)


def conference_data(chair_pk: int, **overrides: Any) -> dict[str, Any]:
    """An initial conference on Monday 21 September 2026: the GP invited with two working
    days' notice, and the school's report shared with the parents on the day."""
    values: dict[str, Any] = {
        "held_on": D(2026, 9, 21),
        "chair": chair_pk,
        "invitee_1_name": "Dr Priya Shah",
        "invitee_1_agency": "gp",
        "invitee_1_invited_on": D(2026, 9, 17),
        "invitee_1_attendance": "report_only",
        "invitee_1_report_received_on": D(2026, 9, 18),
        "invitee_1_report_shared_on": D(2026, 9, 18),
        "invitee_2_name": "Mrs Jo Hill",
        "invitee_2_agency": "education",
        "invitee_2_invited_on": D(2026, 9, 10),
        "invitee_2_attendance": "present",
        "invitee_2_report_received_on": D(2026, 9, 21),
        "invitee_2_report_shared_on": D(2026, 9, 21),
        "child_participation": "advocate",
        "advocate": "Rae Lin",
        "assessment_rating": "adequate",
        "assessment_comment": "Analysis thin on the father's role.",
        "is_plan_needed": "yes",
        "category": "NEG",
        "rationale": "Neglect is likely to continue without a plan.",
        "outcome": "Lily goes to school every day, fed and clean",
        "action": "Weekly visits to see Lily alone",
        "action_owner": "Sam Carter",
        "action_due_on": D(2026, 10, 30),
        "contingency": "A legal planning meeting if there is no progress by the review.",
    }
    values.update(overrides)
    return post_data(**values)
