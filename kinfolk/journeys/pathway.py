"""Journey events of the front door, child in need and child protection pathway."""

from typing import Any

from kinfolk.casework import services as casework
from kinfolk.casework.choices import VisitKind
from kinfolk.core.codes import (
    AssessmentFactor,
    CategoryOfAbuse,
    PrimaryNeed,
    ReasonForClosure,
    ReferralSource,
)
from kinfolk.frontdoor import services as frontdoor
from kinfolk.frontdoor.choices import ScreeningOutcome
from kinfolk.journeys import fields as f
from kinfolk.journeys import meetings
from kinfolk.journeys.events import EventError, EventType, JourneyState
from kinfolk.privatefostering import services as private_fostering
from kinfolk.protection import services as protection
from kinfolk.protection.choices import ChildParticipation, QualityRating, StrategyOutcome
from kinfolk.protection.services import Invitee
from kinfolk.workforce.models import User


def _optional_worker(state: JourneyState, worker_id: str | None) -> User | None:
    return state.worker(worker_id) if worker_id else None


def _contact(event: dict[str, Any], state: JourneyState) -> None:
    frontdoor.record_contact(
        child=state.child(event["child"]),
        received_at=event["at"],
        source=event["source"],
        concern=event.get("concern", ""),
        reference=event.get("id", ""),
    )


def _screening(event: dict[str, Any], state: JourneyState) -> None:
    child = state.child(event["child"])
    frontdoor.screen_contact(
        contact=frontdoor.find_unscreened_contact(child, event.get("contact", "")),
        decided_at=event["at"],
        outcome=event["outcome"],
        rationale=event["rationale"],
        decided_by=_optional_worker(state, event.get("by")),
        signed_off_by=_optional_worker(state, event.get("authorised_by")),
        is_imported=True,
    )


def _early_help_start(event: dict[str, Any], state: JourneyState) -> None:
    frontdoor.start_early_help(
        child=state.child(event["child"]), start_on=event["date"], reason=event.get("reason", "")
    )


def _early_help_end(event: dict[str, Any], state: JourneyState) -> None:
    frontdoor.end_early_help(
        child=state.child(event["child"]), end_on=event["date"], reason=event.get("reason", "")
    )


def _referral(event: dict[str, Any], state: JourneyState) -> None:
    casework.open_referral(
        child=state.child(event["child"]),
        referral_on=event["date"],
        source=event["source"],
        primary_need=event.get("primary_need", ""),
        is_nfa=event.get("nfa", False),
    )


def _assessment_start(event: dict[str, Any], state: JourneyState) -> None:
    casework.start_assessment(
        child=state.child(event["child"]), started_on=event["date"], reference=event.get("id", "")
    )


def _assessment_authorised(event: dict[str, Any], state: JourneyState) -> None:
    child = state.child(event["child"])
    casework.authorise_assessment(
        assessment=casework.find_open_assessment(child, event.get("id", "")),
        authorised_on=event["date"],
        factors=event["factors"],
        is_child_seen=event.get("child_seen"),
        is_imported=True,
    )


def _cin_plan_start(event: dict[str, Any], state: JourneyState) -> None:
    casework.start_child_in_need_plan(
        child=state.child(event["child"]), start_on=event["date"], is_imported=True
    )


def _cin_plan_end(event: dict[str, Any], state: JourneyState) -> None:
    casework.end_child_in_need_plan(child=state.child(event["child"]), end_on=event["date"])


def _visit(event: dict[str, Any], state: JourneyState) -> None:
    if event["kind"] == VisitKind.PRIVATE_FOSTERING:
        # A private fostering visit belongs to the child's current arrangement.
        private_fostering.record_private_fostering_visit(
            child=state.child(event["child"]),
            visited_on=event["date"],
            is_child_seen=event["seen"],
            is_seen_alone=event.get("seen_alone"),
            is_imported=True,
        )
        return
    casework.record_visit(
        child=state.child(event["child"]),
        visited_on=event["date"],
        kind=event["kind"],
        is_child_seen=event["seen"],
        is_seen_alone=event.get("seen_alone"),
        is_imported=True,
    )


def _case_closure(event: dict[str, Any], state: JourneyState) -> None:
    casework.close_episode(
        child=state.child(event["child"]),
        closed_on=event["date"],
        reason=event["reason"],
        is_imported=True,
    )


def _strategy_discussion(event: dict[str, Any], state: JourneyState) -> None:
    held_at, triggered_at = event.get("at"), event.get("triggered_at")
    if held_at is not None and held_at.date() != event["date"]:
        raise EventError("at must be on the date of the strategy discussion")
    if triggered_at is not None and held_at is not None and triggered_at > held_at:
        raise EventError("triggered_at must be before the strategy discussion was held")
    protection.hold_strategy_discussion(
        child=state.child(event["child"]),
        held_on=event["date"],
        outcome=event["outcome"],
        held_at=held_at,
        triggered_at=triggered_at,
        people=event.get("attendees", ()),
        information_shared=event.get("information", ""),
        rationale=event.get("rationale", ""),
        delay_reason=event.get("delay_reason", ""),
        actions=event.get("actions", ()),
        is_imported=True,
    )


def _s47_start(event: dict[str, Any], state: JourneyState) -> None:
    protection.start_section_47_enquiry(child=state.child(event["child"]), started_on=event["date"])


def _s47_end(event: dict[str, Any], state: JourneyState) -> None:
    for check in event.get("checks", ()):
        if check.checked_on > event["date"]:
            raise EventError(f"checks: the {check.agency} check is after the enquiry ended")
    protection.end_section_47_enquiry(
        child=state.child(event["child"]),
        ended_on=event["date"],
        is_conference_required=event["icpc_required"],
        is_child_seen=event.get("seen"),
        is_seen_alone=event.get("seen_alone") if event.get("seen") else None,
        checks=event.get("checks", ()),
        outcome=event.get("outcome", ""),
        is_imported=True,
    )


def _check_invitees(event: dict[str, Any]) -> list[Invitee]:
    """The conference's invitees, their invitations and reports dated by the conference."""
    invitees: list[Invitee] = event.get("invitees", [])
    for invitee in invitees:
        days = (invitee.invited_on, invitee.report_received_on, invitee.report_shared_on)
        if any(day is not None and day > event["date"] for day in days):
            raise EventError(
                f"invitees: {invitee.name}: invitations and reports are dated on or before "
                "the conference"
            )
    if event.get("participation") == ChildParticipation.ADVOCATE and not event.get("advocate"):
        raise EventError("advocate: the child was represented by an advocate: name them")
    return invitees


def _icpc(event: dict[str, Any], state: JourneyState) -> None:
    action = event.get("action", {})
    protection.hold_initial_conference(
        child=state.child(event["child"]),
        held_on=event["date"],
        is_plan_needed=event["plan"],
        category=event.get("category", ""),
        invitees=_check_invitees(event),
        child_participation=event.get("participation", ""),
        advocate=event.get("advocate", ""),
        assessment_rating=event.get("assessment_rating", ""),
        rationale=event.get("rationale", ""),
        contingency=event.get("contingency", ""),
        outcome=event.get("outcome", ""),
        action=action.get("text", ""),
        action_owner=action.get("owner", ""),
        action_due_on=action.get("due"),
        is_imported=True,
    )


def _core_group(event: dict[str, Any], state: JourneyState) -> None:
    protection.hold_core_group(
        child=state.child(event["child"]),
        held_on=event["date"],
        attendees=event.get("attendees", ()),
        minutes=event.get("minutes", ""),
        is_imported=True,
    )


def _cp_review(event: dict[str, Any], state: JourneyState) -> None:
    protection.hold_review_conference(
        child=state.child(event["child"]),
        held_on=event["date"],
        continue_plan=event["continue_plan"],
        category=event.get("category", ""),
        invitees=_check_invitees(event),
        child_participation=event.get("participation", ""),
        advocate=event.get("advocate", ""),
        rationale=event.get("rationale", ""),
        is_imported=True,
    )


def _cp_plan_end(event: dict[str, Any], state: JourneyState) -> None:
    protection.end_child_protection_plan(child=state.child(event["child"]), end_on=event["date"])


CHILD_DATE = {"child": f.identifier, "date": f.date}
#: The detail of a conference, beside its date and decision (docs/journeys.md).
CONFERENCE_DETAIL = {
    "invitees": meetings.invitees,
    "participation": f.code(ChildParticipation),
    "advocate": f.text(200),
    "rationale": f.text(5000),
}

EVENTS: list[EventType] = [
    EventType(
        "contact",
        required={"child": f.identifier, "at": f.local_datetime, "source": f.code(ReferralSource)},
        optional={"id": f.text(40), "concern": f.text(5000)},
        apply=_contact,
    ),
    EventType(
        "screening",
        required={
            "child": f.identifier,
            "at": f.local_datetime,
            "outcome": f.code(ScreeningOutcome),
            "rationale": f.text(5000),
        },
        optional={"contact": f.text(40), "by": f.identifier, "authorised_by": f.identifier},
        apply=_screening,
    ),
    EventType("early_help_start", CHILD_DATE, {"reason": f.text(300)}, _early_help_start),
    EventType("early_help_end", CHILD_DATE, {"reason": f.text(300)}, _early_help_end),
    EventType(
        "referral",
        required={**CHILD_DATE, "source": f.code(ReferralSource)},
        optional={"primary_need": f.code(PrimaryNeed), "nfa": f.boolean},
        apply=_referral,
    ),
    EventType("assessment_start", CHILD_DATE, {"id": f.text(40)}, _assessment_start),
    EventType(
        "assessment_authorised",
        required={**CHILD_DATE, "factors": f.codes(AssessmentFactor)},
        optional={"id": f.text(40), "child_seen": f.boolean},
        apply=_assessment_authorised,
    ),
    EventType("cin_plan_start", CHILD_DATE, {}, _cin_plan_start),
    EventType("cin_plan_end", CHILD_DATE, {}, _cin_plan_end),
    EventType(
        "visit",
        required={**CHILD_DATE, "kind": f.code(VisitKind), "seen": f.boolean},
        optional={"seen_alone": f.boolean},
        apply=_visit,
    ),
    EventType(
        "case_closure", {**CHILD_DATE, "reason": f.code(ReasonForClosure)}, {}, _case_closure
    ),
    EventType(
        "strategy_discussion",
        {**CHILD_DATE, "outcome": f.code(StrategyOutcome)},
        {
            "at": f.local_datetime,
            "triggered_at": f.local_datetime,
            "attendees": meetings.attendees,
            "information": f.text(5000),
            "rationale": f.text(5000),
            "delay_reason": f.text(5000),
            "actions": meetings.actions,
        },
        _strategy_discussion,
    ),
    EventType("s47_start", CHILD_DATE, {}, _s47_start),
    EventType(
        "s47_end",
        {**CHILD_DATE, "icpc_required": f.boolean},
        {
            "seen": f.boolean,
            "seen_alone": f.boolean,
            "checks": meetings.checks,
            "outcome": f.text(5000),
        },
        _s47_end,
    ),
    EventType(
        "icpc",
        {**CHILD_DATE, "plan": f.boolean},
        {
            "category": f.code(CategoryOfAbuse),
            **CONFERENCE_DETAIL,
            "assessment_rating": f.code(QualityRating),
            "contingency": f.text(5000),
            "outcome": f.text(5000),
            "action": meetings.first_action,
        },
        _icpc,
    ),
    EventType(
        "core_group",
        CHILD_DATE,
        {"attendees": meetings.attendees, "minutes": f.text(50000)},
        _core_group,
    ),
    EventType(
        "cp_review",
        {**CHILD_DATE, "continue_plan": f.boolean},
        {"category": f.code(CategoryOfAbuse), **CONFERENCE_DETAIL},
        _cp_review,
    ),
    EventType("cp_plan_end", CHILD_DATE, {}, _cp_plan_end),
]
