"""A small synthetic authority for the workspace tests: staff of each role, and children whose
casework puts something on each workspace, all recorded through the services. Dates are
relative to today, so that every duty is overdue or due as the tests expect."""

import datetime as dt
from itertools import count

from django.utils import timezone

from conftest import PASSWORD, make_child
from kinfolk.care.services import allocate_iro, end_care, record_review, start_care
from kinfolk.care.services.reviews import raise_iro_challenge
from kinfolk.casework.services import (
    add_plan_action,
    open_referral,
    start_assessment,
    start_child_in_need_plan,
    submit_assessment,
)
from kinfolk.duties.engine import recompute_children
from kinfolk.frontdoor.services import record_contact, screen_contact
from kinfolk.leaving.services import allocate_personal_adviser, record_care_leaver_contact
from kinfolk.people.models import Child
from kinfolk.permanence.services.adoption import record_adoption_decision, record_adoption_match
from kinfolk.protection.services import (
    hold_initial_conference,
    hold_strategy_discussion,
    start_section_47_enquiry,
)
from kinfolk.workforce.choices import Role
from kinfolk.workforce.models import Team, User
from kinfolk.workforce.services import allocate_child, create_worker

_numbers = count(100)


def ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


def weekday_ago(days: int) -> dt.date:
    """The weekday on or before ``days`` ago (conferences are held on weekdays)."""
    day = ago(days)
    while day.weekday() >= 5:
        day -= dt.timedelta(days=1)
    return day


def staff(username: str, role: Role, team: Team | None = None, name: str = "") -> User:
    return create_worker(
        username=username,
        display_name=name or username.replace("_", " ").title(),
        role=role,
        team=team,
        is_qualified=True,
        password=PASSWORD,
    )


def child(first: str, last: str, **extra) -> Child:
    number = next(_numbers)
    values = {
        "la_child_id": f"W{number}",
        "first_name": first,
        "last_name": last,
        "date_of_birth": dt.date(2014, 5, 1),
    }
    values.update(extra)
    return make_child(**values)


def with_assessment(first: str, last: str, worker: User | None, *, started_ago: int = 80) -> Child:
    """A child referred ``started_ago`` days ago whose assessment is open (overdue after 45
    working days), allocated to ``worker`` when one is given."""
    young = child(first, last)
    start = ago(started_ago)
    if worker is not None:
        allocate_child(child=young, worker=worker, start_on=start)
    open_referral(child=young, referral_on=start, source="2A")
    # Submitted, so that it waits for a manager's authorisation.
    submit_assessment(
        assessment=start_assessment(child=young, started_on=start),
        content={},
        submitted_on=start,
        is_imported=True,
    )
    recompute_children([young.pk])
    return young


def with_plan_action(young: Child, owner: User, description: str, *, due_ago: int = 2) -> None:
    plan = start_child_in_need_plan(child=young, start_on=timezone.localdate(), is_imported=True)
    add_plan_action(plan=plan, description=description, owner=owner, due_on=ago(due_ago))
    recompute_children([young.pk])


def in_care(
    first: str,
    last: str,
    worker: User | None,
    *,
    since_ago: int = 40,
    is_registered: bool | None = None,
) -> Child:
    """A child looked after since ``since_ago`` days ago in foster care, allocated to
    ``worker`` (from the day before) when one is given."""
    young = child(first, last)
    if worker is not None:
        allocate_child(child=young, worker=worker, start_on=ago(since_ago + 1))
    start_care(
        child=young,
        start_on=ago(since_ago),
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
        is_registered=is_registered,
        setting_name="Hill House" if is_registered is False else "",
    )
    recompute_children([young.pk])
    return young


def with_iro(young: Child, iro: User, *, from_ago: int) -> None:
    allocate_iro(child=young, iro=iro, start_on=ago(from_ago))


def reviewed(young: Child, iro: User, *, held_ago: int) -> None:
    """A looked-after review held ``held_ago`` days ago, its minutes not yet done."""
    record_review(
        child=young, held_on=ago(held_ago), participation="PN1", iro=iro, is_imported=True
    )
    recompute_children([young.pk])


def challenged(young: Child, iro: User, *, raised_ago: int, due_in: int) -> None:
    raise_iro_challenge(
        child=young,
        raised_on=ago(raised_ago),
        issue="drift",
        detail="The plan for permanence has not moved since the last review.",
        stage="informal",
        response_due_on=timezone.localdate() + dt.timedelta(days=due_in),
        raised_by=iro,
    )


def awaiting_sign_off(young: Child, decided_by: User, *, hours_ago: int = 30) -> None:
    """A contact screened as no further action, waiting for a manager's sign-off."""
    received = timezone.now() - dt.timedelta(hours=hours_ago + 2)
    contact = record_contact(child=young, received_at=received, source="1B")
    screen_contact(
        contact=contact,
        decided_at=received + dt.timedelta(hours=1),
        outcome="nfa",
        rationale="Advice given to the school; no further action.",
        decided_by=decided_by,
    )


def contact_waiting(young: Child, *, hours_ago: int, is_domestic_abuse: bool = False) -> None:
    record_contact(
        child=young,
        received_at=timezone.now() - dt.timedelta(hours=hours_ago),
        source="1B",
        is_domestic_abuse=is_domestic_abuse,
    )


def on_enquiry(first: str, last: str, worker: User, *, started_ago: int) -> Child:
    """A child whose section 47 enquiry started ``started_ago`` days ago, with no conference
    yet (the initial conference is due within 15 working days)."""
    young = child(first, last)
    start = weekday_ago(started_ago)
    allocate_child(child=young, worker=worker, start_on=start)
    open_referral(child=young, referral_on=start, source="2A")
    hold_strategy_discussion(child=young, held_on=start, outcome="s47", is_imported=True)
    start_section_47_enquiry(child=young, started_on=start)
    recompute_children([young.pk])
    return young


def on_protection_plan(first: str, last: str, worker: User, *, plan_ago: int) -> Child:
    """A child on a child protection plan made ``plan_ago`` days ago (its first review
    conference is due within 3 months)."""
    young = child(first, last)
    start = weekday_ago(plan_ago + 10)
    held = weekday_ago(plan_ago)
    allocate_child(child=young, worker=worker, start_on=start)
    open_referral(child=young, referral_on=start, source="2A")
    hold_strategy_discussion(child=young, held_on=start, outcome="s47", is_imported=True)
    start_section_47_enquiry(child=young, started_on=start)
    hold_initial_conference(
        child=young, held_on=held, is_plan_needed=True, category="NEG", is_imported=True
    )
    recompute_children([young.pk])
    return young


def care_leaver(first: str, last: str, adviser: User, *, contact_ago: int) -> Child:
    """A young person of 18 who left care at 17 after two years in foster care, advised by
    ``adviser``, last in touch ``contact_ago`` days ago."""
    today = timezone.localdate()
    young = child(first, last, date_of_birth=dt.date(today.year - 18, 1, 15))
    start_care(
        child=young,
        start_on=dt.date(today.year - 3, 2, 1),
        legal_status="C2",
        category_of_need="N1",
        placement_type="U4",
        provider="PR1",
    )
    end_care(child=young, on=dt.date(today.year - 1, 3, 1), reason="E8")
    allocate_personal_adviser(child=young, adviser=adviser, start_on=dt.date(today.year - 1, 3, 1))
    record_care_leaver_contact(
        child=young,
        contacted_on=ago(contact_ago),
        in_touch="YES",
        accommodation="T1",
        activity="F2",
        adviser=adviser,
    )
    recompute_children([young.pk])
    return young


def adoption_plan(first: str, last: str, *, decided_ago: int, matched_ago: int | None) -> Child:
    """A child in care with a decision that they should be placed for adoption, matched with
    adopters ``matched_ago`` days ago when given."""
    young = in_care(first, last, None, since_ago=decided_ago + 100)
    record_adoption_decision(child=young, decided_on=ago(decided_ago))
    if matched_ago is not None:
        record_adoption_match(
            child=young,
            matched_on=ago(matched_ago),
            panel_on=ago(matched_ago + 7),
            number_of_adopters=2,
            adopters_sex="MF",
            adopters_legal_status="L2",
            is_former_foster_carers=False,
        )
    return young
