"""Recording child protection work: strategy discussions, section 47 enquiries, conferences,
child protection plans and core groups (Working Together 2023, chapter 4;
docs/child-protection-meetings.md)."""

from kinfolk.protection.services.alerts import conference_alerts
from kinfolk.protection.services.conferences import (
    end_child_protection_plan,
    hold_core_group,
    hold_initial_conference,
    hold_review_conference,
    initial_conference_enquiry,
    review_core_group_minutes,
)
from kinfolk.protection.services.rows import AgreedAction, Attendee, Check, Invitee, Rating
from kinfolk.protection.services.strategy import (
    actions_before_strategy,
    complete_strategy_action,
    end_section_47_enquiry,
    hold_strategy_discussion,
    start_section_47_enquiry,
    strategy_delay,
)

__all__ = [
    "AgreedAction",
    "Attendee",
    "Check",
    "Invitee",
    "Rating",
    "actions_before_strategy",
    "complete_strategy_action",
    "conference_alerts",
    "end_child_protection_plan",
    "end_section_47_enquiry",
    "hold_core_group",
    "hold_initial_conference",
    "hold_review_conference",
    "hold_strategy_discussion",
    "initial_conference_enquiry",
    "review_core_group_minutes",
    "start_section_47_enquiry",
    "strategy_delay",
]
