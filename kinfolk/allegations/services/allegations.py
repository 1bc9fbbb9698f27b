"""Recording an allegation and managing it to its closure (docs/allegations.md). Every page,
the journey loader and the demo call these; each runs in one transaction, locks the children
concerned, refuses in casework words, writes, adds the chronology entries (shown only to the
allegation's readers) and publishes the change for each child."""

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from kinfolk.access.policy import P, allows
from kinfolk.allegations.choices import (
    Category,
    ConsiderationOutcome,
    EmployerAction,
    Outcome,
    Sector,
)
from kinfolk.allegations.models import (
    Allegation,
    AllegationChild,
    AllegationMeeting,
    AllegationReader,
    MeetingAction,
)
from kinfolk.allegations.registrations import AllegationEntryKind
from kinfolk.chronology.services import add_entry
from kinfolk.core.actors import Actor, staff_member
from kinfolk.core.events import publish_casework_changed
from kinfolk.core.working_days import LONDON
from kinfolk.people.models import Child
from kinfolk.people.services import lock_child

RATIONALE_REQUIRED = _(
    "Give the rationale for the decision: it is recorded even when the LADO has no further role"
)


@dataclass(frozen=True)
class AgreedAction:
    """An action agreed at an allegation management meeting."""

    text: str
    owner: str
    due_on: dt.date


def _today() -> dt.date:
    return timezone.localdate()


def _children_of(allegation: Allegation) -> list[Child]:
    return list(Child.objects.filter(allegation_links__allegation=allegation).order_by("pk"))


def _lock(allegation: Allegation, version: int | None = None) -> Allegation:
    """Lock the children concerned, then the allegation, and refuse a stale change."""
    for child in _children_of(allegation):
        lock_child(child)
    locked = Allegation.objects.select_for_update().get(pk=allegation.pk)
    locked.check_version(version)
    return locked


def _write_entries(allegation: Allegation, on: dt.date, summary: str, actor: Actor | None) -> None:
    """The entry in each child's chronology, linked to the allegation so that only its
    readers see it (kinfolk/allegations/registrations.py)."""
    for link in allegation.links.all():
        entry = add_entry(
            child_id=link.child_id,
            occurred_on=on,
            kind=AllegationEntryKind.ALLEGATION,
            summary=summary,
            recorded_by=staff_member(actor),
        )
        link.chronology_entries.add(entry)


def _publish(allegation: Allegation) -> None:
    for child_id in allegation.links.values_list("child_id", flat=True):
        publish_casework_changed(child_id)


def _check_day(field: str, day: dt.date, allegation: Allegation, what: str) -> None:
    if day > _today():
        raise ValidationError(
            {field: _("The date of the %(what)s cannot be in the future") % {"what": what}}
        )
    if day < allegation.received_on:
        raise ValidationError(
            {field: _("The %(what)s cannot be before the allegation was received") % {"what": what}}
        )


@transaction.atomic
def record_allegation(
    *,
    children: Sequence[Child],
    person_name: str,
    employer: str,
    sector: str,
    received_at: dt.datetime,
    actor: Actor | None,
    person_role: str = "",
    referrer_name: str = "",
    referrer_sector: str = "",
    category: str = "",
    description: str = "",
    journey_id: str = "",
    is_imported: bool = False,
) -> Allegation:
    """Record an allegation received about an adult who works with children, concerning one
    or more children already known to Kinfolk. It starts the duty to consider it within one
    working day (``lado-initial-1wd``)."""
    if not children:
        raise ValidationError(
            {"children": _("Choose the child or children the allegation concerns")}
        )
    if not person_name.strip():
        raise ValidationError({"person_name": _("Enter the name of the adult")})
    if not employer.strip():
        raise ValidationError({"employer": _("Enter the adult's employer")})
    if sector not in Sector.values:
        raise ValidationError({"sector": _("Choose the sector the adult works in")})
    if referrer_sector and referrer_sector not in Sector.values:
        raise ValidationError({"referrer_sector": _("Choose the referrer's sector")})
    if category and category not in Category.values:
        raise ValidationError({"category": _("Choose the category of the allegation")})
    if timezone.is_naive(received_at):
        received_at = received_at.replace(tzinfo=LONDON)
    if received_at > timezone.now():
        raise ValidationError({"received_at": _("The date received cannot be in the future")})
    if journey_id and Allegation.objects.filter(journey_id=journey_id).exists():
        raise ValidationError({"journey_id": _("An allegation with this identifier is recorded")})
    locked = [lock_child(child) for child in sorted(set(children), key=lambda c: c.pk)]
    allegation = Allegation.objects.create(
        journey_id=journey_id,
        person_name=person_name.strip(),
        person_role=person_role.strip(),
        employer=employer.strip(),
        sector=sector,
        referrer_name=referrer_name.strip(),
        referrer_sector=referrer_sector,
        received_at=received_at,
        category=category,
        description=description,
        lado=staff_member(actor) if allows(actor, P.RECORD_ALLEGATION) else None,
        recorded_by=staff_member(actor),
        is_imported=is_imported,
    )
    AllegationChild.objects.bulk_create(
        AllegationChild(allegation=allegation, child=child) for child in locked
    )
    _write_entries(
        allegation,
        allegation.received_on,
        _("Allegation received about an adult who works with children (%(sector)s)")
        % {"sector": Sector(sector).label},
        actor,
    )
    _publish(allegation)
    return allegation


@transaction.atomic
def add_child_to_allegation(*, allegation: Allegation, child: Child, actor: Actor | None) -> None:
    """Another child the allegation concerns."""
    lock_child(child)
    allegation = _lock(allegation)
    if allegation.links.filter(child=child).exists():
        raise ValidationError({"children": _("The allegation already concerns this child")})
    link = AllegationChild.objects.create(allegation=allegation, child=child)
    entry = add_entry(
        child_id=child.pk,
        occurred_on=allegation.received_on,
        kind=AllegationEntryKind.ALLEGATION,
        summary=_("Allegation received about an adult who works with children (%(sector)s)")
        % {"sector": Sector(allegation.sector).label},
        recorded_by=staff_member(actor),
    )
    link.chronology_entries.add(entry)
    publish_casework_changed(child.pk)


@transaction.atomic
def record_initial_consideration(
    *,
    allegation: Allegation,
    considered_on: dt.date,
    outcome: str,
    rationale: str,
    actor: Actor | None,
    version: int | None = None,
    is_imported: bool = False,
) -> Allegation:
    """The LADO's initial consideration: what happens next, and why. The rationale is
    required whatever the outcome, including no further action by the LADO (docs/domain.md,
    finding 14). It completes ``lado-initial-1wd``."""
    allegation = _lock(allegation, version)
    if allegation.is_considered:
        raise ValidationError(
            {"considered_on": _("The initial consideration has already been recorded")}
        )
    _check_day("considered_on", considered_on, allegation, str(_("initial consideration")))
    if outcome not in ConsiderationOutcome.values:
        raise ValidationError({"outcome": _("Choose the outcome of the initial consideration")})
    if not rationale.strip():
        raise ValidationError({"rationale": RATIONALE_REQUIRED})
    allegation.considered_on = considered_on
    allegation.consideration_outcome = outcome
    allegation.consideration_rationale = rationale.strip()
    allegation.considered_by = staff_member(actor)
    allegation.next_version(version)
    allegation.save()
    _write_entries(
        allegation,
        considered_on,
        _("Allegation: initial consideration (%(outcome)s)")
        % {"outcome": ConsiderationOutcome(outcome).label},
        actor,
    )
    _publish(allegation)
    return allegation


@transaction.atomic
def record_meeting(
    *,
    allegation: Allegation,
    held_on: dt.date,
    attendees: str,
    actor: Actor | None,
    notes: str = "",
    actions: Iterable[AgreedAction] = (),
) -> AllegationMeeting:
    """An allegation management meeting, with who attended and the actions agreed."""
    allegation = _lock(allegation)
    if allegation.closed_on is not None:
        raise ValidationError({"held_on": _("The allegation is closed")})
    if held_on < allegation.received_on:
        # A meeting may be planned ahead: its date can be to come.
        raise ValidationError(
            {"held_on": _("The meeting cannot be before the allegation was received")}
        )
    if not attendees.strip():
        raise ValidationError({"attendees": _("Enter who attended, one a line")})
    agreed = list(actions)
    for action in agreed:
        if not action.text.strip() or not action.owner.strip():
            raise ValidationError({"actions": _("Give each action its text and its owner")})
        if action.due_on < held_on:
            raise ValidationError({"actions": _("An action cannot be due before the meeting")})
    meeting = AllegationMeeting.objects.create(
        allegation=allegation,
        held_on=held_on,
        attendees=attendees.strip(),
        notes=notes,
        recorded_by=staff_member(actor),
    )
    MeetingAction.objects.bulk_create(
        MeetingAction(meeting=meeting, text=a.text.strip(), owner=a.owner.strip(), due_on=a.due_on)
        for a in agreed
    )
    _write_entries(allegation, held_on, _("Allegation management meeting"), actor)
    _publish(allegation)
    return meeting


@transaction.atomic
def complete_meeting_action(
    *, action: MeetingAction, done_on: dt.date, actor: Actor | None
) -> None:
    """An action of a meeting done."""
    allegation = _lock(action.meeting.allegation)
    action = MeetingAction.objects.select_for_update().get(pk=action.pk)
    if action.done_on is not None:
        raise ValidationError({"done_on": _("This action has been done")})
    if done_on > _today():
        raise ValidationError({"done_on": _("The date it was done cannot be in the future")})
    if done_on < action.meeting.held_on:
        raise ValidationError({"done_on": _("The action cannot be done before the meeting")})
    action.done_on = done_on
    action.save(update_fields=["done_on"])
    _publish(allegation)


@transaction.atomic
def record_outcome(
    *,
    allegation: Allegation,
    outcome_on: dt.date,
    outcome: str,
    actor: Actor | None,
    employer_action: str = "",
    version: int | None = None,
    is_imported: bool = False,
) -> Allegation:
    """The outcome of the allegation and what the employer did."""
    allegation = _lock(allegation, version)
    if not allegation.is_considered:
        raise ValidationError({"outcome": _("Record the initial consideration before the outcome")})
    if allegation.closed_on is not None:
        raise ValidationError({"outcome": _("The allegation is closed")})
    _check_day("outcome_on", outcome_on, allegation, str(_("outcome")))
    if allegation.considered_on and outcome_on < allegation.considered_on:
        raise ValidationError(
            {"outcome_on": _("The outcome cannot be before the initial consideration")}
        )
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome of the allegation")})
    if employer_action and employer_action not in EmployerAction.values:
        raise ValidationError({"employer_action": _("Choose what the employer did")})
    allegation.outcome = outcome
    allegation.outcome_on = outcome_on
    allegation.employer_action = employer_action
    allegation.next_version(version)
    allegation.save()
    _write_entries(
        allegation,
        outcome_on,
        _("Allegation: outcome (%(outcome)s)") % {"outcome": Outcome(outcome).label},
        actor,
    )
    _publish(allegation)
    return allegation


@transaction.atomic
def close_allegation(
    *,
    allegation: Allegation,
    closed_on: dt.date,
    actor: Actor | None,
    note: str = "",
    version: int | None = None,
) -> Allegation:
    """Close the allegation: once it has its outcome, or when the initial consideration
    found no further role for the LADO."""
    allegation = _lock(allegation, version)
    if allegation.closed_on is not None:
        raise ValidationError({"closed_on": _("The allegation is already closed")})
    if not allegation.is_considered:
        raise ValidationError(
            {"closed_on": _("Record the initial consideration before closing the allegation")}
        )
    no_further_role = allegation.consideration_outcome == ConsiderationOutcome.NO_FURTHER_ACTION
    if not allegation.outcome and not no_further_role:
        raise ValidationError({"closed_on": _("Record the outcome before closing the allegation")})
    _check_day("closed_on", closed_on, allegation, str(_("closure")))
    latest = allegation.outcome_on or allegation.considered_on
    if latest and closed_on < latest:
        raise ValidationError(
            {"closed_on": _("The allegation cannot be closed before its last decision")}
        )
    allegation.closed_on = closed_on
    allegation.closure_note = note
    allegation.next_version(version)
    allegation.save()
    _write_entries(allegation, closed_on, _("Allegation closed"), actor)
    _publish(allegation)
    return allegation


@transaction.atomic
def name_reader(
    *, allegation: Allegation, user: Any, reason: str, actor: Actor | None
) -> AllegationReader:
    """Let someone other than the LADO read the allegation, for a reason the LADO gives."""
    allegation = _lock(allegation)
    if user is None:
        raise ValidationError({"user": _("Choose who may read the allegation")})
    if allows(user, P.RECORD_ALLEGATION):
        raise ValidationError({"user": _("The LADO reads every allegation already")})
    if allegation.readers.filter(user=user).exists():
        raise ValidationError({"user": _("%(name)s may already read it") % {"name": user}})
    if not reason.strip():
        raise ValidationError({"reason": _("Give the reason they may read the allegation")})
    return AllegationReader.objects.create(
        allegation=allegation, user=user, reason=reason.strip(), added_by=staff_member(actor)
    )


@transaction.atomic
def remove_reader(*, reader: AllegationReader, actor: Actor | None) -> None:
    """Stop someone reading the allegation."""
    _lock(reader.allegation)
    AllegationReader.objects.filter(pk=reader.pk).delete()
